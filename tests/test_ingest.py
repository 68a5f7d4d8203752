"""Tests for tacitus.ingest: readers for each format, reject reasons, duplicates, cleaning, dates."""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys
from pathlib import Path

import pytest

from tacitus.ingest import CleanResult, clean_text, iter_inputs, normalise_date
from tacitus.ingest import readers
from tacitus.ingest.clean import load_rules
from tacitus.ingest.readers import MAX_ARTICLE_CHARS, WARC_NEEDS

DATA = Path(__file__).parent / "data" / "ingest"
SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed_article.txt"
if not SEED.exists():
    SEED = Path("/work/shared/examples/seed_article.txt")

P1 = "Delegates from Norland and Estmark spent the whole of Monday arguing over the wording of a joint statement."
P2 = "A spokesman for the Valdorian presidency said the hosts expected a signed text before the weekend."
P3 = "Protesters gathered outside the conference hall in Kessel, demanding the release of detained journalists."


def run(inputs, **kw):
    return list(iter_inputs([str(i) for i in inputs], **kw))


def by_input(results):
    return {st.input: (st, doc) for st, doc in results}


def default_id(name: str, doc) -> str:
    """A default id: the path relative to the input root and 12 hex digits of the cleaned text's SHA-1."""
    return f"{name}#{hashlib.sha1(doc.text.encode('utf-8')).hexdigest()[:12]}"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- cleaning


def test_clean_scraped_structure_fixture():
    raw = (DATA / "scraped_article.txt").read_text(encoding="utf-8")
    headline = "Norland and Estmark sign grain corridor deal in Valdoria"
    result = clean_text(raw)
    assert isinstance(result, CleanResult)
    assert result.title == headline
    lines = result.text.split("\n")
    assert "Logo" not in lines and "Advertisement" not in lines
    assert headline not in result.text
    assert "(Photo: CPN)" not in result.text and "greets her Estmark counterpart" not in result.text
    assert result.text.count("The agreement reached in Valdoria") == 1
    assert "\n\n\n" not in result.text
    assert result.paragraphs[0].startswith("The agreement reached")
    assert result.paragraphs[-1].startswith("Opposition lawmakers")
    assert len(result.paragraphs) == 4
    assert result.removed.count("Logo") == 2 and result.removed.count("Advertisement") == 2
    assert any("(Photo: CPN)" in r for r in result.removed)


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available")
def test_clean_seed_article_from_shared():
    raw = SEED.read_text(encoding="utf-8")
    result = clean_text(raw)
    lines = [line.strip() for line in result.text.split("\n")]
    assert "Logo" not in lines and "Advertisement" not in lines
    assert "Photo: IANS" not in result.text
    headline = next(line for line in raw.split("\n") if line.strip() and line.strip() != "Logo").strip()
    assert (result.text + "\n" + (result.title or "")).count(headline) <= 1
    starts = [p for p in result.paragraphs if p.startswith("The approach by Moscow")]
    assert len(starts) == 1


def test_clean_given_title_removes_body_headline_and_keeps_title():
    text = f"Talks stall in Valdoria\n\n{P1}\n\nTalks stall in Valdoria\n\n{P2}"
    result = clean_text(text, title="  Talks   stall in Valdoria ")
    assert result.title == "Talks stall in Valdoria"
    assert result.text == f"{P1}\n\n{P2}"
    assert result.removed == ["Talks stall in Valdoria", "Talks stall in Valdoria"]


def test_clean_no_title_detected_when_first_line_is_a_sentence():
    result = clean_text(f"{P1}\n\n{P2}")
    assert result.title is None
    assert result.text == f"{P1}\n\n{P2}"


def test_clean_single_unpunctuated_line_stays_text():
    result = clean_text("Ceasefire holds across the north")
    assert result.title is None and result.text == "Ceasefire holds across the north"


def test_clean_single_newlines_separate_paragraphs_without_blank_lines():
    result = clean_text(f"{P1}\n{P2}\r\n{P3}")
    assert result.paragraphs == [P1, P2, P3]


def test_clean_hard_wrapped_lines_inside_blank_line_blocks_are_joined():
    wrapped = P1.replace(" the whole of", "\nthe whole of")
    result = clean_text(f"{wrapped}\n\n{P2}")
    assert result.paragraphs == [P1, P2]


def test_clean_normalises_unicode_and_whitespace():
    text = "The envoy from Cafe\u0301 Bay\u00a0arrived\t  late,\u200b officials said.\r\n\r\n\r\n\r\n" + P2
    result = clean_text(text)
    assert result.paragraphs[0] == "The envoy from Caf\u00e9 Bay arrived late, officials said."
    assert result.text.count("\n") == 2


@pytest.mark.parametrize(
    "line",
    [
        "Logo",
        "ADVERTISEMENT",
        "- Advertisement -",
        "Skip to content",
        "Share this article",
        "Share on Facebook",
        "Share on Twitter",
        "Share on WhatsApp",
        "Subscribe",
        "Sign up for our newsletter",
        "Read more",
        "Read more: Estmark parliament votes on budget",
        "Related: Norland recalls envoy",
        "Click here to get alerts",
        "We use cookies to give you the best experience on our website.",
        "Follow us on Twitter and Facebook",
        "All rights reserved.",
        "(c) 2020 Harbour Gazette Media",
        "© 2019 Valdoria Broadcasting Corporation",
        "Photo: Reuters",
        "(Photo: CPN)",
        "Image: Estmark foreign ministry",
        "File photo",
        "Getty Images",
        "Credit: Harbour Gazette",
        "By John Smith",
        "By Ana Lopez and Karl Berg, Wire Example",
        "Updated: 5 February 2020, 10:32 IST",
        "February 5, 2020",
        "Story continues below advertisement",
        "Follow the Harbour Gazette on Facebook, Twitter and Instagram.",
        "Send your story ideas to",
        "Having trouble viewing the video?",
    ],
)
def test_clean_drops_boilerplate_line(line):
    result = clean_text(f"{P1}\n\n{line}\n\n{P2}")
    assert result.paragraphs == [P1, P2]
    assert result.removed == [line]


@pytest.mark.parametrize(
    "sentence",
    [
        "By Tuesday, the talks had collapsed and both delegations had left Valdoria.",
        "More than 50 people were hurt in the clashes near the border.",
        "Copyright laws were not on the agenda of the two ministers.",
        "Subscribers to the state broadcaster lost access to the channel during the unrest.",
        "Published figures show that 20 soldiers died in the fighting.",
        "The photographer said police had taken her camera at the checkpoint.",
        "Related talks on water rights will take place in Kessel next year.",
        "Like us, the delegates were surprised by the size of the crowd.",
    ],
)
def test_clean_keeps_article_sentences_that_resemble_boilerplate(sentence):
    result = clean_text(f"{P1}\n\n{sentence}\n\n{P2}")
    assert result.paragraphs == [P1, sentence, P2]
    assert result.removed == []


def test_clean_drops_menu_runs_but_keeps_single_subheading():
    text = f"Top\nNews\nWorld Affairs\nOpinion\n\n{P1}\n\nReaction abroad\n\n{P2}"
    result = clean_text(text, title="Irrelevant title")
    assert result.paragraphs == [P1, "Reaction abroad", P2]
    assert {"Top", "News", "World Affairs", "Opinion"} <= set(result.removed)


def test_clean_long_paragraph_ending_in_credit_keeps_its_text():
    long_para = " ".join([P1, P2, P3, P1.replace("Monday", "Tuesday")]) + " (Photo: CPN)"
    result = clean_text(f"{long_para}\n\n{P3}")
    assert result.paragraphs[0].endswith("joint statement.")
    assert "(Photo: CPN)" in result.removed


def test_clean_cuts_credit_glued_to_paragraph_start():
    result = clean_text(f"Photo: CPN Kessel: {P3}\n\n{P1}")
    assert result.paragraphs == [f"Kessel: {P3}", P1]
    assert result.removed == ["Photo: CPN"]


def test_clean_drops_near_duplicate_paragraph_keeping_first():
    long = f"{P1} {P3}"
    near = long + " (Wire Example)"  # 33 of 34 word 3-shingles shared
    different = long.replace("arguing over the wording of", "celebrating")
    result = clean_text(f"{long}\n\n{P2}\n\n{near}\n\n{different}\n\n{P2.upper()}")
    assert result.paragraphs == [long, P2, different]
    assert result.removed == [near, P2.upper()]


def test_clean_boilerplate_vocabulary_comes_from_yaml():
    rules = load_rules()
    assert "advertisement" in rules.exact and "skip to content" in rules.exact
    assert len(rules.patterns) > 10 and rules.captions


def test_clean_only_boilerplate_gives_empty_text():
    result = clean_text("Logo\n\nAdvertisement\n\nSubscribe\n\nAll rights reserved")
    assert result.text == "" and len(result.removed) == 4


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2020-02-05", "2020-02-05"),
        ("2020-02-05T10:00:00Z", "2020-02-05"),
        ("2020-02-05T23:30:00-05:00", "2020-02-05"),
        ("2020-02-05 10:00", "2020-02-05"),
        ("20200205", "2020-02-05"),
        ("2020/2/5", "2020-02-05"),
        ("5 February 2020", "2020-02-05"),
        ("Feb 5, 2020", "2020-02-05"),
        ("Wednesday, 5th February 2020", "2020-02-05"),
        ("Wed, 05 Feb 2020 10:00:00 GMT", "2020-02-05"),
        ("25/02/2020", "2020-02-25"),
        ("05/02/2020", None),  # day-month or month-day: ambiguous
        ("February 2020", None),  # no day: never filled from the clock
        ("Feb 5", None),  # no year
        ("yesterday", None),
        ("2020-02-30", None),
        ("", None),
        (20200205, None),
        (None, None),
    ],
)
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


def test_invalid_published_argument_raises(tmp_path):
    with pytest.raises(ValueError, match="published"):
        iter_inputs([str(tmp_path)], published="next week")


# ---------------------------------------------------------------- formats


def test_txt_file_is_one_article_with_stem_id_and_batch_date():
    [(st, doc)] = run([DATA / "scraped_article.txt"], published="2021-05-04")
    assert st.status == "coded" and st.doc_id == default_id("scraped_article.txt", doc) == doc.doc_id
    assert st.input == str(DATA / "scraped_article.txt") == doc.source
    assert doc.title == "Norland and Estmark sign grain corridor deal in Valdoria"
    assert doc.published == "2021-05-04"
    assert "Advertisement" in doc.removed


def test_html_file_metadata_and_main_text():
    [(st, doc)] = run([DATA / "embassy_page.html"], published="2000-01-01")
    assert st.status == "coded" and doc.doc_id == default_id("embassy_page.html", doc)  # a file: no record URL
    assert doc.title == "Estmark recalls ambassador from Norland"
    assert doc.published == "2021-06-09"  # the page's own date beats the batch date
    assert doc.publisher == "The Harbour Gazette"
    assert doc.url == "https://gazette.example/world/estmark-recalls-ambassador"
    assert doc.text.startswith("Estmark recalled its ambassador")
    assert "Estmark recalls ambassador from Norland" not in doc.text
    assert "Advertisement" not in doc.text.split("\n")
    assert "All rights reserved" not in doc.text and "Sport" not in doc.text
    assert len(doc.paragraphs) == 3


def test_html_tiny_page_falls_back_to_body_text(tmp_path):
    page = write(tmp_path / "tiny.htm", "<html><body><div><b>Troops left Kessel on Friday.</b></div></html>")
    [(st, doc)] = run([page])
    assert st.status == "coded" and doc.text == "Troops left Kessel on Friday."


def test_html_metadata_without_trafilatura_uses_plain_fallback(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if the package failed to import
    [(st, doc)] = run([DATA / "embassy_page.html"])
    assert st.status == "coded"
    assert doc.title == "Estmark recalls ambassador from Norland"
    assert doc.published == "2021-06-09" and doc.publisher == "The Harbour Gazette"
    assert doc.url == "https://gazette.example/world/estmark-recalls-ambassador"
    assert doc.text.startswith("Estmark recalled its ambassador") and len(doc.paragraphs) == 3
    assert "Sport" not in doc.text and "All rights reserved" not in doc.text


def test_html_without_text_is_rejected(tmp_path):
    page = write(tmp_path / "empty.html", "<html><head><script>var a = 1;</script></head><body> </body></html>")
    [(st, doc)] = run([page])
    assert doc is None and st.status == "rejected" and st.reason == "no text found in the HTML"


def test_jsonl_records_statuses_ids_and_dates():
    path = DATA / "wire_feed.jsonl"
    results = by_input(run([path], published="2022-01-01"))
    p = str(path)
    assert set(results) == {f"{p}:{n}" for n in (1, 2, 3, 5, 6, 7, 8, 9)}  # line 4 is blank
    st, doc = results[f"{p}:1"]
    assert st.status == "coded" and doc.doc_id == "101"
    assert doc.title == "Valdoria hosts ceasefire talks" and "Valdoria hosts ceasefire talks" not in doc.text
    assert doc.published == "2020-02-05" and doc.url == "https://wire.example/101"
    assert doc.publisher == "Wire Example" and "Share this article" not in doc.text
    st, doc = results[f"{p}:2"]
    assert doc.doc_id == default_id("wire_feed.jsonl", doc) and doc.published == "2020-02-09"
    st, _ = results[f"{p}:3"]
    assert st.status == "rejected" and st.reason.startswith("line 3: invalid JSON: Expecting ',' delimiter")
    assert results[f"{p}:5"][0].reason.startswith("empty record")
    assert results[f"{p}:6"][0].reason == "line 6: expected a JSON object, got a list"
    st, doc = results[f"{p}:7"]
    assert doc.doc_id == "html-1" and doc.published == "2020-03-01"
    assert doc.text.startswith("Police in Kessel arrested four protesters")
    assert results[f"{p}:8"][0].reason == "record has neither 'text' nor 'html'"
    st, doc = results[f"{p}:9"]
    assert st.status == "coded" and doc.published == "2022-01-01"
    assert "not understood" in st.reason and "sometime soon" in st.reason


def test_jsonl_without_batch_date_keeps_none_for_unreadable_date():
    results = by_input(run([DATA / "wire_feed.jsonl"]))
    assert results[f"{DATA / 'wire_feed.jsonl'}:9"][1].published is None


def test_jsonl_field_of_wrong_type_is_rejected(tmp_path):
    path = write(tmp_path / "typed.jsonl", json.dumps({"id": 1, "text": ["a", "list"]}) + "\n")
    [(st, doc)] = run([path])
    assert st.reason == "field 'text' is a list, not a string" and st.input == f"{path}:1"


def test_jsonl_oversized_line_is_rejected_and_reading_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 400)
    big = json.dumps({"id": "big", "text": P1 * 10})
    small = json.dumps({"id": "small", "text": P2})
    path = write(tmp_path / "feed.jsonl", f"{big}\n{small}\n")
    results = run([path])
    assert [st.status for st, _ in results] == ["rejected", "coded"]
    assert results[0][0].reason == "line 1 is longer than 400 bytes"
    assert results[1][1].doc_id == "small"


def test_jsonl_only_blank_lines_is_rejected(tmp_path):
    [(st, _)] = run([write(tmp_path / "blank.jsonl", "\n\n  \n")])
    assert st.status == "rejected" and "no records" in st.reason


def test_csv_rows_row_numbers_and_missing_body():
    path = DATA / "agency_export.csv"
    results = by_input(run([path]))
    p = str(path)
    assert list(results) == [f"{p}:2", f"{p}:3", f"{p}:6", f"{p}:7"]  # row 3 spans lines 3-5
    st, doc = results[f"{p}:2"]
    assert doc.doc_id == "c1" and doc.title == "Border reopens" and doc.published == "2021-03-05"
    assert doc.url == "https://agency.example/c1"
    st, doc = results[f"{p}:3"]
    assert len(doc.paragraphs) == 2 and doc.published == "2021-03-06" and doc.url is None
    st, doc = results[f"{p}:6"]
    assert st.status == "rejected" and st.reason == "record has neither 'text' nor 'html'"
    st, doc = results[f"{p}:7"]
    assert doc.doc_id == default_id("agency_export.csv", doc) and doc.published is None


def test_csv_semicolon_delimiter_and_header_case(tmp_path):
    path = write(tmp_path / "semi.csv", f"ID;Text;Published\nx1;{P1};2020-01-02\n")
    [(st, doc)] = run([path])
    assert doc.doc_id == "x1" and doc.text == P1 and doc.published == "2020-01-02"


def test_csv_without_text_column_rejects_file(tmp_path):
    path = write(tmp_path / "nocol.csv", "id,body\n1,Something happened.\n")
    [(st, _)] = run([path])
    assert st.input == str(path) and st.status == "rejected"
    assert st.reason == "CSV header has no 'text' or 'html' column (columns: id, body)"


def test_folder_recursion_sorted_hidden_skipped_and_stem_collision():
    folder = DATA / "folder"
    results = run([folder])
    inputs = [st.input for st, _ in results]
    assert inputs == [
        os.path.join(str(folder), "regional", "summit.txt"),
        os.path.join(str(folder), "summit.txt"),
        os.path.join(str(folder), "wire", "readme.md"),
        os.path.join(str(folder), "wire", "statement.html"),
    ]
    ids = [st.doc_id for st, _ in results]
    assert ids == [default_id("regional/summit.txt", results[0][1]), default_id("summit.txt", results[1][1]), None,
                   default_id("wire/statement.html", results[3][1])]  # paths relative to the folder given
    assert results[2][0].status == "rejected" and results[2][0].reason.startswith("unknown file type (.md)")
    assert all(".notes" not in i and "unfinished" not in i for i in inputs)


def test_folder_symlink_loop_is_guarded(tmp_path):
    write(tmp_path / "news" / "a.txt", P1)
    try:
        os.symlink(tmp_path / "news", tmp_path / "news" / "again")
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links not available")
    results = run([tmp_path / "news"])
    assert [st.status for st, _ in results] == ["coded", "rejected"]
    assert "symlink loop" in results[1][0].reason


def test_stdin_text_and_id(tmp_path):
    [(st, doc)] = run(["-"], stdin=io.StringIO(f"{P1}\n\n{P2}\n"), published="2020-02-05")
    assert st.input == "-" and st.status == "coded"
    expected = default_id("stdin", doc)
    assert doc.doc_id == expected == st.doc_id and doc.published == "2020-02-05"


def test_stdin_html_is_extracted():
    html = "<!DOCTYPE html><html><head><title>Kessel truce</title></head><body><p>" + P3 + "</p></body></html>"
    [(st, doc)] = run(["-"], stdin=io.StringIO(html))
    assert doc.text == P3 and "<p>" not in doc.text


def test_stdin_bytes_with_invalid_utf8_are_decoded():
    stream = io.TextIOWrapper(io.BytesIO("The caf\u00e9 talks ended.".encode("cp1252")), encoding="utf-8")
    [(st, doc)] = run(["-"], stdin=stream)
    assert doc.text == "The caf\u00e9 talks ended." and "cp1252" in st.reason


def test_stdin_empty_is_rejected():
    [(st, doc)] = run(["-"], stdin=io.StringIO("  \n"))
    assert doc is None and st.reason == "standard input is empty"


# ---------------------------------------------------------------- rejects and duplicates


def test_reject_reasons_for_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "spaces.txt").write_text("   \n\n  ")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7 rest of a pdf")
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04")
    write(tmp_path / "furniture.txt", "Logo\n\nAdvertisement\n\nShare this article\n")
    names = ["empty.txt", "spaces.txt", "blob.txt", "scan.txt", "report.docx", "furniture.txt", "gone.txt"]
    results = run([tmp_path / n for n in names])
    reasons = {Path(st.input).name: st.reason for st, _ in results}
    assert all(st.status == "rejected" and doc is None for st, doc in results)
    assert reasons["empty.txt"] == "file is empty"
    assert reasons["spaces.txt"] == "file has only whitespace"
    assert reasons["blob.txt"] == "not a text file: looks like binary data (NUL bytes)"
    assert reasons["scan.txt"] == "not a text file: looks like PDF data"
    assert reasons["report.docx"].startswith("unknown file type (.docx)")
    assert reasons["furniture.txt"] == "no article text left after cleaning (3 boilerplate parts removed)"
    assert reasons["gone.txt"] == "no such file or folder"


def test_unreadable_file_is_rejected_and_batch_goes_on(tmp_path, monkeypatch):
    locked = write(tmp_path / "locked.txt", P1)
    fine = write(tmp_path / "fine.txt", P2)
    real_open = os.open  # (the tests may run as root, whom chmod does not stop)

    def guarded_open(file, *args, **kwargs):
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("os.open", guarded_open)
    results = run([locked, fine])
    assert results[0][0].reason == "cannot read: Permission denied"
    assert results[1][0].status == "coded"


def test_invalid_utf8_falls_back_to_cp1252(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("The minister\u2019s caf\u00e9 meeting in Kessel was cancelled.".encode("cp1252"))
    [(st, doc)] = run([path])
    assert st.status == "coded"
    assert doc.text == "The minister\u2019s caf\u00e9 meeting in Kessel was cancelled."
    assert "invalid UTF-8" in st.reason and "cp1252" in st.reason and "no bytes lost" in st.reason


def test_too_large_article_is_rejected_with_size(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("a" * (MAX_ARTICLE_CHARS + 1))
    big_record = json.dumps({"id": "big", "text": "b " * (MAX_ARTICLE_CHARS // 2 + 1)})
    feed = write(tmp_path / "big.jsonl", big_record + "\n" + json.dumps({"id": "ok", "text": P1}) + "\n")
    results = run([path, feed])
    assert results[0][0].status == "rejected" and "2,000,001 characters" in results[0][0].reason
    assert results[1][0].status == "rejected" and "2,000,002 characters" in results[1][0].reason
    assert results[2][0].status == "coded"


def test_duplicate_content_is_skipped(tmp_path):
    a = write(tmp_path / "a.txt", f"{P1}\n\n{P2}")
    b = write(tmp_path / "b.txt", f"Advertisement\n\n{P1}\n\n{P2}\n\nSubscribe")  # same after cleaning
    feed = write(tmp_path / "feed.jsonl", json.dumps({"id": "j1", "text": f"{P1}\n\n{P2}"}) + "\n")
    results = run([a, b, feed, a])
    assert [st.status for st, _ in results] == ["coded", "skipped", "skipped", "skipped"]
    assert all(st.reason == f"duplicate of {default_id('a.txt', results[0][1])}" for st, _ in results[1:])
    assert results[2][0].input == f"{feed}:1"


def test_reused_id_with_different_text_is_rejected(tmp_path):
    feed = write(
        tmp_path / "ids.jsonl",
        json.dumps({"id": "7", "text": P1}) + "\n" + json.dumps({"id": 7, "text": P2}) + "\n",
    )
    results = run([feed])
    assert results[1][0].status == "rejected" and "already used" in results[1][0].reason


def test_a_long_feed_still_finds_the_first_copy_and_the_first_user_of_an_id(tmp_path):
    # 10,000 records: what the batch remembers has been merged into its sorted arrays many times over
    rows = [{"id": f"r{i}", "text": f"Report {i}. {P1}"} for i in range(10_000)]
    rows += [{"id": "again", "text": "Report 17. " + P1}, {"id": "r4321", "text": P3}, {"id": "new", "text": P3}]
    feed = write(tmp_path / "long.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    results = run([feed])
    assert sum(st.status == "coded" for st, _ in results) == 10_001
    copy, clash, last = (st for st, _ in results[-3:])
    assert (copy.status, copy.reason) == ("skipped", "duplicate of r17")
    assert clash.status == "rejected" and clash.reason == f"doc id 'r4321' is already used by {feed}:4322 in this batch"
    assert last.status == "coded"


def test_what_a_run_remembers_reads_back_exactly_what_it_was_given():
    from tacitus.ingest.seen import SeenDocuments

    seen = SeenDocuments(merge_at=2)
    # content hashes whose first 16 bytes end in NUL bytes, or differ only there
    hashes = ["00" * 20, "00" * 15 + "01" + "00" * 4, "01" + "00" * 19, "ff" * 20, "00" * 8 + "ab" + "00" * 11]
    for k, digest in enumerate(hashes):
        seen.add(digest, f"doc\udfff{k}", f"feed.jsonl:{k + 1}")
    assert [seen.first_with_content(h) for h in hashes] == [f"doc\udfff{k}" for k in range(5)]
    assert seen.first_with_content("00" * 14 + "0100" + "00" * 4) is None
    assert seen.input_of("doc\udfff3") == "feed.jsonl:4" and seen.input_of("doc3") is None
    seen.add(hashes[0], "later", "feed.jsonl:6")  # the same content again: the first one stays the answer
    assert seen.first_with_content(hashes[0]) == "doc\udfff0" and seen.input_of("later") == "feed.jsonl:6"
    assert len(seen) == 6


def test_same_name_in_two_given_files_gives_two_ids(tmp_path):
    one = write(tmp_path / "east" / "report.txt", P1)
    two = write(tmp_path / "west" / "report.txt", P2)
    results = run([one, two])
    assert [st.doc_id for st, _ in results] == [default_id("report.txt", results[0][1]),
                                                default_id("report.txt", results[1][1])]
    assert results[0][0].doc_id != results[1][0].doc_id


def test_every_input_is_accounted_for():
    inputs = [DATA / "scraped_article.txt", DATA / "wire_feed.jsonl", DATA / "agency_export.csv", DATA / "folder"]
    results = run(inputs)
    assert all(st.status in {"coded", "rejected", "skipped"} for st, _ in results)
    assert all((doc is None) == (st.status != "coded") for st, doc in results)
    assert len(results) == 1 + 8 + 4 + 4


# ---------------------------------------------------------------- WARC


def test_warc_without_warcio_is_rejected(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"not really a warc")
    [(st, doc)] = run([path])
    assert st.status == "rejected" and st.reason == WARC_NEEDS


def test_warc_records_are_read(tmp_path):
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    page = (DATA / "embassy_page.html").read_bytes()
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)

        def response(url: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )

        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "tests"}))
        response("https://gazette.example/a", page, "text/html; charset=utf-8")
        response("https://gazette.example/logo.png", b"\x89PNG\r\n", "image/png")
        response("https://gazette.example/old", b"", "text/html", "404 Not Found")
    results = run([path])
    assert [st.input for st, _ in results] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    st, doc = results[0]
    assert doc.doc_id == doc.url == "https://gazette.example/a"  # a record with a URL is known by it
    assert doc.published == "2021-06-09" and doc.title == "Estmark recalls ambassador from Norland"
    assert results[1][0].reason == "WARC record is image/png, not HTML or text"
    assert results[2][0].reason == "WARC record is an HTTP 404 response, not a page"


def test_a_staff_credit_line_is_boilerplate_and_a_contribution_in_the_text_is_not():
    from tacitus.ingest.clean import clean_text

    text = ("Kenya contributed 500 troops to the African Union mission on Monday.\n\n"
            "Staff writers Jane Doe in Nairobi and John Roe in Kampala also contributed to this story.")
    cleaned = clean_text(text, None)
    assert cleaned.text == "Kenya contributed 500 troops to the African Union mission on Monday."
    assert cleaned.removed == ["Staff writers Jane Doe in Nairobi and John Roe in Kampala also contributed to this "
                               "story."]
