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
    con = duckdb.connect(str(db), read_only=True)
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


@pytest.mark.parametrize("cut", ['{"doc_id": "a", "x": 1}\n{"doc_', '{"doc_id": "a", "x": 1}\n'])
def test_a_cut_off_last_line_is_dropped(tmp_path, cut):
    from tacitus.output import resume_jsonl

    path = tmp_path / "out.jsonl"
    path.write_text(cut, encoding="utf-8")
    assert resume_jsonl(path) == {"a"}
    assert path.read_text(encoding="utf-8") == '{"doc_id": "a", "x": 1}\n'
