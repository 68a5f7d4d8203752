"""Inputs that stopped, hung or leaked into a run (issue 13, failures 4, 5, 7, 8, 9 and 12): each attack on a
team-written input made in tmp_path; the batch completes and each bad input has a one-line reason."""

from __future__ import annotations

import json
import os
import socket
import threading

import pytest
from typer.testing import CliRunner

import hostile_inputs as hostile
from tacitus.cli import app
from tacitus.ingest import iter_inputs


def _read(path) -> dict[str, tuple]:
    """Every input read from ``path``: name (after the folder) -> (status, reason, document)."""
    out = {}
    for status, doc in iter_inputs([str(path)], published="2024-05-08"):
        out[status.input.rsplit("/", 1)[-1]] = (status.status, status.reason, doc)
    return out


def _code(*args):
    return CliRunner().invoke(app, ["code", "--published", "2024-05-08", "--no-model", *map(str, args)])


def test_a_csv_line_over_64_mb_is_rejected_whole_and_none_of_it_is_coded(tmp_path):  # failure 4
    got = _read(hostile.long_csv_line(tmp_path))
    assert sorted(got) == ["long-line.csv:2", "long-line.csv:3", "long-line.csv:4"]
    status, reason, _ = got["long-line.csv:3"]
    assert status == "rejected" and reason == ("row at line 3: line 3 is longer than 67,108,864 bytes "
                                               "(read to its end and skipped)")
    assert got["long-line.csv:2"][2].doc_id == "c1" and got["long-line.csv:4"][2].doc_id == "c3"
    assert got["long-line.csv:4"][2].text == hostile.SOMALIA  # the next row is read from its own line


def test_html_nested_past_lxmls_limit_is_read_whole_with_a_note(tmp_path):  # failure 5
    unclosed, nested = hostile.deep_html(tmp_path)
    got = _read(tmp_path)
    status, reason, doc = got[unclosed.name]
    assert status == "coded" and "nested deeper than lxml parses" in reason  # was coded without 146 paragraphs
    assert doc.text.count("residents of district") == 399 and hostile.NIGERIA in doc.text
    assert len(doc.paragraphs) == 400  # the paragraphs keep their tags
    status, reason, doc = got[nested.name]
    assert status == "coded" and "nested deeper" in reason and doc.text == hostile.GHANA  # was "no text found"


def test_a_file_name_with_a_byte_that_is_not_utf8_is_coded_stored_and_reported(tmp_path):  # failure 7
    folder = tmp_path / "in"
    folder.mkdir()
    hostile.bad_byte_name(folder)
    report, db = tmp_path / "report.json", tmp_path / "s.duckdb"
    result = _code(folder, "--db", db, "--report", report, "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 0, result.output
    (entry,) = json.loads(report.read_text(encoding="utf-8"))["inputs"]
    assert entry["input"].endswith("in/bad\\xffname.txt") and entry["doc_id"].startswith("bad\\xffname.txt#")
    assert entry["status"] == "coded" and entry["events"] >= 1
    from tacitus.store import EventStore

    with EventStore(db, read_only=True) as store:
        assert store.document_ids() == {entry["doc_id"]}


def test_a_jsonl_id_with_a_lone_surrogate_is_coded_stored_and_reported(tmp_path):  # failure 7
    report, db = tmp_path / "report.json", tmp_path / "s.duckdb"
    result = _code(hostile.surrogate_id(tmp_path), "--db", db, "--report", report, "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 0, result.output
    first, second = json.loads(report.read_text(encoding="utf-8"))["inputs"]
    assert first["status"] == "coded" and first["doc_id"] == "x\\udfff"
    assert first["reason"] == "the id held lone surrogates (not Unicode text), written as escapes: x\\udfff"
    assert second["status"] == "coded" and second["doc_id"] == "fine"
    events = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {e["doc_id"] for e in events} == {"x\\udfff", "fine"}
    from tacitus.store import EventStore

    with EventStore(db, read_only=True) as store:
        assert store.document_ids() == {"x\\udfff", "fine"}


def test_utf16_jsonl_and_csv_with_a_byte_order_mark_are_read(tmp_path):  # failure 8
    hostile.utf16_jsonl(tmp_path)
    hostile.utf16_csv(tmp_path)
    got = _read(tmp_path)
    assert {k: (v[0], v[2].doc_id) for k, v in got.items()} == {
        "powershell.csv:2": ("coded", "pc1"), "powershell.jsonl:1": ("coded", "ps1"),
        "powershell.jsonl:2": ("coded", "ps2")}
    assert got["powershell.jsonl:2"][2].text.startswith("Tanzanian police detained two journalists")
    assert got["powershell.csv:2"][2].text == "Rwandan troops shelled rebel positions near Goma."


def test_fifos_sockets_and_devices_named_like_inputs_are_rejected_without_waiting(tmp_path):  # failure 9
    hostile.fifo(tmp_path, "pipe.txt")
    hostile.fifo(tmp_path, "pipe.jsonl")
    os.symlink("/dev/zero", tmp_path / "zero.csv")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "socket.txt"))
    (tmp_path / "good.txt").write_text(hostile.KENYA, encoding="utf-8")
    got: dict = {}
    reader = threading.Thread(target=lambda: got.update(_read(tmp_path)), daemon=True)
    reader.start()
    reader.join(timeout=60)
    listener.close()
    assert not reader.is_alive(), "reading a folder with a FIFO hangs"
    assert {k: v[:2] for k, v in got.items()} == {
        "good.txt": ("coded", None),
        "pipe.jsonl": ("rejected", "not a regular file: it is a FIFO (named pipe)"),
        "pipe.txt": ("rejected", "not a regular file: it is a FIFO (named pipe)"),
        "socket.txt": ("rejected", "not a regular file: it is a socket"),
        "zero.csv": ("rejected", "not a regular file: it is a character device")}


def test_a_file_name_cannot_forge_a_line_on_stderr(tmp_path):  # failure 12
    folder = tmp_path / "in"
    folder.mkdir()
    hostile.forged_name(folder)
    (folder / "good.txt").write_text(hostile.KENYA, encoding="utf-8")
    result = _code(folder, "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines == [f"tacitus: rejected {folder}/forged\\x1b[1A\\r\\ntacitus: 9 inputs, 9 coded, 0 skipped, 0 "
                     "rejected.txt: file is empty",
                     "tacitus: 2 inputs, 1 coded, 0 skipped, 1 rejected, 1 events (0 actor mentions unresolved)"]
    assert "\x1b" not in result.stderr and "\r" not in result.stderr


@pytest.mark.parametrize("text, shown", [("plain name.txt", "plain name.txt"), ("tab\there", "tab\\there"),
                                         ("bidi\u202etxt.exe", "bidi\\u202etxt.exe"), ("bad\udcff", "bad\\xff"),
                                         ("\x9b31m", "\\x9b31m"), ("Zürich – café.txt", "Zürich – café.txt")])
def test_printable_escapes_what_acts_on_a_terminal_and_keeps_the_rest(text, shown):
    from tacitus.safe_text import printable

    assert printable(text) == shown
