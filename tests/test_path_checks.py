"""Failure 2 of issue 13: a path typo destroyed the store or the input. Each of these is now refused before any
work starts, with one line naming the option and the path, and exit 2; the file it would have destroyed is
unchanged. Inputs written by the team."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.store import EventStore

TEXT = "Turkish troops shelled Syrian army positions near Kobani on Monday, officials said."


def cli(*args):
    return CliRunner().invoke(app, [*map(str, args)])


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(TEXT, encoding="utf-8")
    with EventStore(tmp_path / "s.duckdb"):
        pass
    return tmp_path


def refused(result, *words) -> bool:
    lines = [line for line in result.output.splitlines() if line.strip()]
    return (result.exit_code == 2 and len(lines) == 1 and lines[0].startswith("tacitus: error: ")
            and all(w in lines[0] for w in words))


def test_outputs_that_are_the_store_or_an_input_are_refused(work):
    store = (work / "s.duckdb").read_bytes()
    given = (work / "in.jsonl").read_bytes()
    os.symlink(work / "in.jsonl", work / "link.jsonl")
    cases = [
        (["code", "in.jsonl", "--db", "s.duckdb", "-o", "s.duckdb"], ("-o s.duckdb", "the store")),
        (["code", "in.jsonl", "--db", "s.duckdb", "--report", "./news/../s.duckdb"], ("--report", "the store")),
        (["export", "--db", "s.duckdb", "--format", "csv", "-o", str(work / "s.duckdb")], ("-o", "the store")),
        (["code", "in.jsonl", "-o", "in.jsonl"], ("-o in.jsonl", "is the input in.jsonl")),
        (["code", "in.jsonl", "-o", "link.jsonl"], ("-o link.jsonl", "is the input")),  # a symlink to the input
        (["code", str(work / "in.jsonl"), "--report", "in.jsonl"], ("--report in.jsonl", "is the input")),
        (["code", "news", "-o", "news/out.jsonl"], ("-o news/out.jsonl", "inside the input folder news")),
        (["code", "news", "-o", "out.jsonl", "--report", "out.jsonl"], ("--report", "is the output")),
    ]
    for args, words in cases:
        result = cli(*args)
        assert refused(result, *words), (args, result.output)
    assert (work / "s.duckdb").read_bytes() == store and (work / "in.jsonl").read_bytes() == given
    assert not (work / "news" / "out.jsonl").exists() and not (work / "out.jsonl").exists()


def test_a_store_that_is_not_a_duckdb_file_is_refused(work):
    (work / "events.parquet").write_bytes(b"PAR1" + b"\0" * 64 + b"PAR1")
    (work / "events.csv").write_text("doc_id,text\na,b\n", encoding="utf-8")
    (work / "events.json").write_text('{"events": []}', encoding="utf-8")
    (work / "events.tsv").write_text("doc_id\ttext\n", encoding="utf-8")
    (work / "empty.duckdb").write_bytes(b"")
    for name, kind in (("events.parquet", "a Parquet file"), ("events.csv", "a text file"), ("in.jsonl", "a JSON"),
                       ("events.json", "a JSON file"), ("events.tsv", "a text file"), ("empty.duckdb", "empty")):
        before = (work / name).read_bytes()
        result = cli("code", "news", "--db", name)
        assert refused(result, f"--db {name}", kind, "not a DuckDB store"), result.output
        assert (work / name).read_bytes() == before
    for name in ("new.parquet", "new.csv", "new.jsonl", "new.json", "new.tsv"):
        result = cli("code", "news", "--db", name)
        assert refused(result, f"--db {name}", "new.duckdb"), result.output
        assert not (work / name).exists()
    assert refused(cli("export", "--db", "events.csv", "--format", "csv", "-o", "x.csv"), "not a DuckDB store")


def test_unwritable_outputs_are_refused_before_coding(work):
    (work / "a_file").write_text("x", encoding="utf-8")
    (work / "reports").mkdir()
    cases = [
        (["code", "news", "-o", "missing/out.jsonl"], ("-o missing/out.jsonl", "no such folder")),
        (["code", "news", "--report", "a_file/report.json"], ("--report", "is not a folder")),
        (["code", "news", "--report", "reports"], ("--report reports", "is a folder")),
        (["code", "news", "--db", "missing/s.duckdb"], ("--db missing/s.duckdb", "no such folder")),
        (["export", "--db", "s.duckdb", "--format", "csv", "-o", "missing/x.csv"], ("-o missing/x.csv",)),
    ]
    for args, words in cases:
        result = cli(*args)
        assert refused(result, *words), (args, result.output)
    if os.geteuid() != 0:  # the superuser writes anywhere
        locked = work / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            assert refused(cli("code", "news", "-o", "locked/out.jsonl"), "cannot write")
        finally:
            locked.chmod(0o700)


def test_a_good_layout_still_codes(work):
    result = cli("code", "news", "--db", "s.duckdb", "-o", "out.jsonl", "--report", "report.json", "--no-model")
    assert result.exit_code == 0, result.output
    assert json.loads((work / "report.json").read_text(encoding="utf-8"))["totals"]["coded"] == 1
