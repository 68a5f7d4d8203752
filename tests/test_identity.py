"""Failure 1 of issue 13: a later batch silently replaced stored data, and --resume skipped new content under old
ids. Default ids now carry the path relative to the input root and a hash of the text (or the record's URL); an id
the store holds with other content is rejected with its reason unless --replace; --resume compares content.
The articles are written by the team."""

from __future__ import annotations

import json

import duckdb
from typer.testing import CliRunner

from tacitus.cli import app

DAY1 = ("Turkish troops shelled Syrian army positions near Kobani on Monday, killing three soldiers, the Syrian "
        "defence ministry said.\n\nAnkara said its forces had answered mortar fire from across the border.")
DAY2 = ("Iraqi police arrested dozens of protesters in Basra on Tuesday after a march against power cuts turned "
        "violent, witnesses said.\n\nThe interior ministry promised an inquiry into the conduct of its officers.")
DAY2_UPDATE = DAY1 + "\n\nUpdated: the ministry later said four soldiers had died."


def page(title: str, text: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return f"<html><head><title>{title}</title></head><body><article>{paragraphs}</article></body></html>"


def code(*args):
    result = CliRunner().invoke(app, ["code", *map(str, args), "--no-model", "--published", "2024-05-08"])
    return result


def documents(db) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT doc_id, text FROM documents ORDER BY text").fetchall()
    finally:
        con.close()


def test_the_next_days_files_of_the_same_names_are_new_documents(tmp_path):
    for day, text in (("day1", DAY1), ("day2", DAY2)):
        (tmp_path / day).mkdir()
        (tmp_path / day / "index.html").write_text(page(f"News of {day}", text), encoding="utf-8")
        (tmp_path / day / "feed.jsonl").write_text(json.dumps({"text": "From the wire. " + text}) + "\n",
                                                   encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert code(tmp_path / "day1", "--db", db, "-o", tmp_path / "1.jsonl").exit_code == 0
    day1 = documents(db)
    result = code(tmp_path / "day2", "--db", db, "-o", tmp_path / "2.jsonl")
    assert result.exit_code == 0, result.output
    assert "2 coded, 0 skipped, 0 rejected" in result.output
    stored = documents(db)
    assert len(stored) == 4 and set(day1) <= set(stored)  # day 1 kept, day 2 added
    ids = sorted(d for d, _ in stored)
    assert [i.split("#")[0] for i in ids] == ["feed.jsonl", "feed.jsonl", "index.html", "index.html"]
    assert len(set(ids)) == 4 and all(len(i.split("#")[1]) == 12 for i in ids)


def test_new_content_under_a_stored_id_is_rejected_unless_replace(tmp_path):
    db, report = tmp_path / "s.duckdb", tmp_path / "report.json"
    day1, day2 = tmp_path / "day1.jsonl", tmp_path / "day2.jsonl"
    day1.write_text(json.dumps({"id": "wire-17", "text": DAY1}) + "\n"
                    + json.dumps({"url": "https://wire.example/basra", "text": DAY2}) + "\n", encoding="utf-8")
    day2.write_text(json.dumps({"id": "wire-17", "text": DAY2_UPDATE}) + "\n"
                    + json.dumps({"url": "https://wire.example/basra", "text": DAY2 + " More soon."}) + "\n"
                    + json.dumps({"id": "wire-18", "text": DAY2.replace("Basra", "Mosul")}) + "\n", encoding="utf-8")
    assert code(day1, "--db", db, "-o", tmp_path / "1.jsonl").exit_code == 0
    before = documents(db)
    assert sorted(d for d, _ in before) == ["https://wire.example/basra", "wire-17"]  # a record's URL is its id
    for args in ([], ["--resume"]):  # a resume compares content, not ids alone
        result = code(day2, "--db", db, "-o", tmp_path / "2.jsonl", "--report", report, *args)
        assert result.exit_code == 0, result.output
        statuses = {i["doc_id"]: i for i in json.loads(report.read_text(encoding="utf-8"))["inputs"]}
        assert statuses["wire-17"]["status"] == "rejected"
        assert "'wire-17' is already in the store with other content; pass --replace" in statuses["wire-17"]["reason"]
        assert statuses["https://wire.example/basra"]["status"] == "rejected"
        assert statuses["wire-18"]["status"] in ("coded", "skipped")
        assert "tacitus: rejected" in result.output and "wire-17" in result.output
        assert set(before) <= set(documents(db))  # nothing of day 1 was replaced
    assert not (tmp_path / "2.jsonl").read_text(encoding="utf-8").count('"wire-17"')  # not coded, not output
    result = code(day2, "--db", db, "-o", tmp_path / "3.jsonl", "--report", report, "--replace")
    assert result.exit_code == 0, result.output
    statuses = {i["doc_id"]: i for i in json.loads(report.read_text(encoding="utf-8"))["inputs"]}
    assert statuses["wire-17"]["status"] == "coded"
    assert statuses["wire-17"]["reason"] == "replaced the stored document, which had other content"
    assert dict(documents(db))["wire-17"] == DAY2_UPDATE


def test_resume_skips_only_what_the_store_holds_with_the_same_content(tmp_path):
    db, report = tmp_path / "s.duckdb", tmp_path / "report.json"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": DAY1}) + "\n" + json.dumps({"id": "b", "text": DAY2}) + "\n",
                    encoding="utf-8")
    assert code(feed, "--db", db).exit_code == 0
    feed.write_text(json.dumps({"id": "a", "text": DAY1}) + "\n" + json.dumps({"id": "b", "text": DAY2_UPDATE})
                    + "\n", encoding="utf-8")
    result = code(feed, "--db", db, "--resume", "--replace", "--report", report)
    assert result.exit_code == 0, result.output
    statuses = {i["doc_id"]: (i["status"], i["reason"]) for i in json.loads(report.read_text())["inputs"]}
    assert statuses["a"] == ("skipped", "already in the store")
    assert statuses["b"] == ("coded", "replaced the stored document, which had other content")
    assert dict(documents(db))["b"] == DAY2_UPDATE


def test_a_document_with_a_path_or_url_id_is_served_by_the_api(tmp_path):
    from fastapi.testclient import TestClient
    from urllib.parse import quote

    from tacitus.api import create_app

    (tmp_path / "news" / "day2").mkdir(parents=True)
    (tmp_path / "news" / "day2" / "index.html").write_text(page("Basra", DAY2), encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"url": "https://wire.example/world/basra?id=7", "text": DAY1}) + "\n",
                    encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert code(tmp_path / "news", feed, "--db", db).exit_code == 0
    client = TestClient(create_app(db), base_url="http://localhost")
    for doc_id, text in documents(db):
        assert doc_id.startswith(("day2/index.html#", "https://wire.example/"))
        got = client.get("/api/documents/" + quote(doc_id, safe="/"))
        assert got.status_code == 200 and got.json()["doc_id"] == doc_id and got.json()["text"] == text
