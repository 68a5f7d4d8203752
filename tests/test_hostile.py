"""Hostile inputs: a folder holding every kind of bad input and good articles is coded to the end; every input is
in the report with its reason, the good articles give events, and no traceback is printed. Inputs written here and
in hostile_inputs.py (the attacks of issue 13)."""

from __future__ import annotations

import json
import os

from typer.testing import CliRunner

import hostile_inputs as issue13
from tacitus.cli import app

GOOD = ("Turkish troops attacked Kurdish fighters near Kobani on Tuesday, killing four fighters, officials said.\n\n"
        "The United Nations condemned the attack.\n")


def hostile_folder(root):
    d = root / "inbox"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "empty.txt").write_bytes(b"")
    (d / "latin1.txt").write_bytes("Les forces fran\xe7aises ont quitt\xe9 le Mali.\n".encode("latin-1"))
    (d / "one-long-line.txt").write_text("word " * 300_000, encoding="utf-8")  # 1.5 MB without a newline
    (d / "too-big.txt").write_text("Egypt condemned Israel. " * 120_000, encoding="utf-8")  # over 2 M characters
    (d / "broken.html").write_text("<html><body><div><p>Unclosed <b>tags <table><tr><td>cell", encoding="utf-8")
    (d / "mixed.jsonl").write_text('{"id": "j1", "text": "Kenyan police arrested protesters in Nairobi."}\n'
                                   '{this is not json\n[1, 2, 3]\n{"id": "j4", "text": 42}\n', encoding="utf-8")
    (d / "no-text-column.csv").write_text("id,title\nc1,Headline only\n", encoding="utf-8")
    (d / "report.docx").write_bytes(b"PK\x03\x04 not really a document")
    (d / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    os.symlink(d, d / "loop")  # a folder that contains itself
    # issue 13: inputs that stopped, hung or leaked into a run
    issue13.loop_pronoun(d)
    issue13.bad_byte_name(d)
    issue13.surrogate_id(d)
    issue13.utf16_jsonl(d)
    issue13.fifo(d, "pipe.jsonl")
    issue13.long_csv_line(d)
    issue13.deep_html(d)
    issue13.forged_name(d)
    return d


def test_a_folder_of_hostile_inputs_is_coded_to_the_end(tmp_path):
    folder = hostile_folder(tmp_path)
    report = tmp_path / "report.json"
    db = tmp_path / "store.duckdb"
    result = CliRunner().invoke(app, ["code", str(folder), "--published", "2024-05-08", "--no-model",
                                      "--report", str(report), "--db", str(db), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    rep = json.loads(report.read_text(encoding="utf-8"))
    by_input = {i["input"].split("inbox/")[-1]: i for i in rep["inputs"]}
    assert by_input["good.txt"]["status"] == "coded" and by_input["good.txt"]["events"] >= 2
    assert by_input["mixed.jsonl:1"]["status"] == "coded"
    for name in ("binary.txt", "empty.txt", "too-big.txt", "mixed.jsonl:2", "mixed.jsonl:3", "mixed.jsonl:4",
                 "no-text-column.csv", "report.docx", "photo.png", "pipe.jsonl", "long-line.csv:3", issue13.FORGED):
        assert by_input[name]["status"] == "rejected" and by_input[name]["reason"], name
    assert by_input["latin1.txt"]["status"] == "coded"  # decoded, not rejected
    assert "symlink loop" in json.dumps(rep)  # the loop is named, not followed forever
    # issue 13
    coded = {name: by_input[name]["events"] for name in (
        "loop-pronoun.txt", "bad\\xffname.txt", "surrogate-id.jsonl:1", "surrogate-id.jsonl:2", "powershell.jsonl:1",
        "powershell.jsonl:2", "long-line.csv:2", "long-line.csv:4", "deep-unclosed.html", "deep-nested.html")
        if by_input[name]["status"] == "coded"}
    assert len(coded) == 10 and all(coded.values()), coded  # each coded, with events
    assert by_input["surrogate-id.jsonl:1"]["doc_id"] == "x\\udfff"
    assert "nested deeper than lxml parses" in by_input["deep-nested.html"]["reason"]
    assert by_input["pipe.jsonl"]["reason"] == "not a regular file: it is a FIFO (named pipe)"
    assert by_input["long-line.csv:3"]["reason"].startswith("row at line 3: line 3 is longer than 67,108,864 bytes")
    assert "chosen-id" not in json.dumps(rep) and "Leaked" not in (tmp_path / "out.jsonl").read_text()
    forged = issue13.FORGED.replace("\x1b", "\\x1b").replace("\r", "\\r").replace("\n", "\\n")
    assert by_input[issue13.FORGED]["reason"] == "file is empty" and f"inbox/{forged}: file is empty" in result.output
    assert not any(line.startswith("tacitus: 9 inputs") for line in result.output.splitlines())
    assert all(i["status"] in ("coded", "rejected", "skipped") for i in rep["inputs"])
    assert all(i["reason"] for i in rep["inputs"] if i["status"] != "coded")
    # every reject is said on stderr in one line, and the store holds the same report
    assert result.output.count("tacitus: rejected") == rep["totals"]["rejected"]
    from tacitus.store import EventStore

    with EventStore(db, read_only=True) as store:
        assert store.runs()[0]["report"]["totals"] == rep["totals"]
