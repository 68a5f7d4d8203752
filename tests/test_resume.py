"""A run killed mid-way (SIGKILL) and started again with --resume ends with exactly the events of a run that was
never interrupted: in the store and in the JSONL output. The corpus is written by the team."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

PAIRS = [("Turkish", "Syrian"), ("Russian", "Ukrainian"), ("Israeli", "Lebanese"), ("Indian", "Pakistani"),
         ("Ethiopian", "Eritrean"), ("Saudi", "Yemeni"), ("Sudanese", "Chadian"), ("Malian", "Nigerien")]
VERBS = ["attacked", "shelled", "accused", "met", "criticised"]


def corpus(path, n: int = 160) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            a, b = PAIRS[i % len(PAIRS)]
            verb = VERBS[i % len(VERBS)]
            text = (f"{a} troops {verb} {b} soldiers near the border on Monday, officials said. "
                    f"Report number {i} added that talks between the two governments would resume next week.\n\n"
                    f"The {a} foreign minister met his {b} counterpart on Tuesday.")
            fh.write(json.dumps({"id": f"doc-{i:03d}", "text": text, "published": "2024-05-08"}) + "\n")


def code(args, **kw):
    return subprocess.Popen([sys.executable, "-m", "tacitus.cli", "code", *map(str, args), "--no-model"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


def lines(path) -> int:
    try:
        with open(path, encoding="utf-8") as fh:
            return sum(1 for _ in fh)
    except FileNotFoundError:
        return 0


def stored(db) -> list[tuple]:
    # a killed run's store process dies with it (store/remote.py); its lock goes a moment after the run's own
    deadline = time.time() + 10
    while True:
        try:
            con = duckdb.connect(str(db), read_only=True)
            break
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.time() > deadline:
                raise
            time.sleep(0.05)
    try:
        return con.execute("SELECT event_id, doc_id, plover_type, source_country, target_country, date "
                           "FROM mentions ORDER BY event_id").fetchall()
    finally:
        con.close()


def test_a_killed_run_resumes_to_the_same_events(tmp_path):
    inputs = tmp_path / "corpus.jsonl"
    corpus(inputs)
    whole_db, whole_out = tmp_path / "whole.duckdb", tmp_path / "whole.jsonl"
    assert code([inputs, "--db", whole_db, "-o", whole_out]).wait(timeout=600) == 0
    total = lines(whole_out)
    assert total > 300

    db, out = tmp_path / "cut.duckdb", tmp_path / "cut.jsonl"
    proc = code([inputs, "--db", db, "-o", out, "--resume"])
    deadline = time.time() + 300
    while lines(out) < 40 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert lines(out) < total, "the run ended before it could be killed"
    # crash safety: the killed store opens cleanly, and every document it holds has all its mentions
    partial = stored(db)
    whole = stored(whole_db)
    held = {row[1] for row in partial}
    assert partial == [row for row in whole if row[1] in held]

    resumed = code([inputs, "--db", db, "-o", out, "--resume"])
    assert resumed.wait(timeout=600) == 0, resumed.stderr.read().decode()
    assert b"skipped" in resumed.stderr.read()

    def events(path):
        with open(path, encoding="utf-8") as fh:
            return sorted(json.dumps(json.loads(line), sort_keys=True) for line in fh)

    assert events(out) == events(whole_out)
    assert stored(db) == stored(whole_db)


def test_resume_needs_somewhere_to_resume_from(tmp_path):
    proc = code([tmp_path, "--resume"])
    assert proc.wait(timeout=120) == 2
    assert b"--resume needs --db" in proc.stderr.read()


def cli(*args):
    from typer.testing import CliRunner

    from tacitus.cli import app

    return CliRunner().invoke(app, ["code", *map(str, args), "--no-model"])


def sorted_lines(path) -> list[str]:
    return sorted(path.read_text(encoding="utf-8").splitlines())


def test_a_jsonl_output_cut_at_any_point_resumes_to_the_whole_output(tmp_path):
    """No store: the ledger (OUT.docs) says which documents the output holds completely; whatever follows the
    last of them is dropped and coded again."""
    inputs = tmp_path / "corpus.jsonl"
    corpus(inputs, n=8)
    whole = tmp_path / "whole.jsonl"
    assert cli(inputs, "-o", whole).exit_code == 0
    data = whole.read_bytes()
    header, *entries = (tmp_path / "whole.jsonl.docs").read_text(encoding="utf-8").splitlines()
    ends = [json.loads(e)["end"] for e in entries]
    assert len(entries) == 8 and ends[-1] == len(data) and all(json.loads(e)["lines"] >= 2 for e in entries)
    first_line_of_4th = data.index(b"\n", ends[2]) + 1
    cuts = {  # bytes of the output kept, ledger lines kept (after the header), a partial ledger line
        "mid-line in the 4th document": (ends[2] + 25, 3, ""),
        "a line boundary inside the 4th document": (first_line_of_4th, 3, ""),
        "the 4th document written, not yet in the ledger": (ends[3], 3, ""),
        "the ledger line of the 4th document cut": (ends[3], 3, entries[3][:20]),
        "nothing written": (0, 0, ""),
    }
    for what, (size, listed, partial) in cuts.items():
        out = tmp_path / "out.jsonl"
        out.write_bytes(data[:size])
        ledger = "\n".join([header, *entries[:listed]]) + "\n" + partial
        (tmp_path / "out.jsonl.docs").write_text(ledger, encoding="utf-8")
        result = cli(inputs, "-o", out, "--resume")
        assert result.exit_code == 0, (what, result.output)
        assert sorted_lines(out) == sorted_lines(whole), what
        done = [json.loads(e)["doc_id"] for e in (tmp_path / "out.jsonl.docs").read_text().splitlines()[1:]]
        assert sorted(done) == [f"doc-{i:03d}" for i in range(8)], what
        assert f"{listed} skipped" in result.output, what


def test_a_resume_with_other_settings_or_no_ledger_is_refused(tmp_path):
    inputs = tmp_path / "corpus.jsonl"
    corpus(inputs, n=2)
    out, db = tmp_path / "out.jsonl", tmp_path / "s.duckdb"
    assert cli(inputs, "-o", out, "--db", db).exit_code == 0
    before = out.read_bytes()
    from typer.testing import CliRunner

    from tacitus.cli import app

    for args in (["-o", out], ["--db", db]):  # the learned layer on, where the first run had it off
        result = CliRunner().invoke(app, ["code", str(inputs), *map(str, args), "--resume"])
        assert result.exit_code == 2, result.output
        assert "other settings" in result.output and "learned" in result.output
    assert out.read_bytes() == before
    (tmp_path / "out.jsonl.docs").unlink()
    result = cli(inputs, "-o", out, "--resume")
    assert result.exit_code == 2 and "out.jsonl.docs is missing" in result.output
