"""Failure 17 of issue 13: a damaged, locked, old-schema or full store printed 30-45 lines of traceback, and a full
disk showed "cannot rollback". Every store problem is now one line, ``tacitus: error: <store>: <cause>``, exit 1,
in every command. Inputs written by the team."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import duckdb
import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.store import EventStore, plain_cause

TEXT = "Turkish troops shelled Syrian army positions near Kobani on Monday, officials said."


def commands(db, tmp_path):
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    return {
        "code": ["code", str(tmp_path / "in.jsonl"), "--no-model", "--db", str(db)],
        "export": ["export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "x.csv")],
        "query": ["query", "SELECT count(*) FROM documents", "--db", str(db)],
        "stats": ["stats", "dyads", "--db", str(db)],
        "serve": ["serve", "--db", str(db), "--port", "1"],
    }


def one_line_failure(result, db, *words) -> bool:
    lines = [line for line in result.output.splitlines() if line.strip() and not line.startswith("tacitus: 1 inputs")]
    return (result.exit_code == 1 and isinstance(result.exception, SystemExit) and len(lines) == 1
            and lines[0].startswith(f"tacitus: error: {db}: ") and all(w in lines[0] for w in words))


def make_store(path) -> None:
    with EventStore(path) as store:
        store.start_run({})


def test_a_damaged_store_is_one_line_in_every_command(tmp_path):
    db = tmp_path / "damaged.duckdb"
    make_store(db)
    data = bytearray(db.read_bytes())
    data[4096:12288] = b"\xff" * 8192  # both database headers; the file still starts like a DuckDB file
    db.write_bytes(bytes(data))
    for name, args in commands(db, tmp_path).items():
        result = CliRunner().invoke(app, args)
        assert one_line_failure(result, db, "cannot open the store", "damaged"), (name, result.output)


def test_a_store_locked_by_another_process_is_one_line(tmp_path):
    db = tmp_path / "busy.duckdb"
    make_store(db)
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(120)", str(db)], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"ready"
        for name in ("code", "query", "export"):
            result = CliRunner().invoke(app, commands(db, tmp_path)[name])
            assert one_line_failure(result, db, "in use by another process", f"PID {holder.pid}"), (name,
                                                                                                    result.output)
    finally:
        holder.kill()
        holder.wait()


def test_old_and_new_schemas_are_one_line(tmp_path):
    old, new = tmp_path / "old.duckdb", tmp_path / "new.duckdb"
    make_store(old)
    make_store(new)
    con = duckdb.connect(str(old))
    con.execute("DROP TABLE near_keys")
    con.execute("ALTER TABLE runs DROP COLUMN settings_digest")
    con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    con.close()
    con = duckdb.connect(str(new))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    for name in ("export", "query", "stats"):  # they open the store read-only (serve upgrades its own copy)
        result = CliRunner().invoke(app, commands(old, tmp_path)[name])
        assert one_line_failure(result, old, "schema version 4", "open it once for writing"), (name, result.output)
    for name in ("code", "query"):
        result = CliRunner().invoke(app, commands(new, tmp_path)[name])
        assert one_line_failure(result, new, "schema version 99", "upgrade tacitus"), (name, result.output)


def test_the_cause_of_a_failed_write_is_not_hidden_by_the_rollback():
    try:
        try:
            raise duckdb.IOException('IO Error: Could not write file "s.duckdb.wal": No space left on device')
        except duckdb.IOException:
            raise duckdb.TransactionException("TransactionContext Error: cannot rollback - no transaction is active")
    except duckdb.Error as exc:
        assert plain_cause(exc) == "no space left on device"
    lock = duckdb.IOException('IO Error: Could not set lock on file "s.duckdb": Conflicting lock is held in '
                              '/usr/bin/python3.11 (PID 4242) by user me.')
    assert plain_cause(lock) == "in use by another process (PID 4242); try again when it has finished"


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare to mount a small tmpfs")
def test_a_full_disk_names_the_cause_and_a_resume_completes(tmp_path):
    """A store on a 1 MB tmpfs (in a private mount namespace) fills up mid-run; the run says so in one line and
    exits 1; with room again, --resume completes with every document and no event twice."""
    inputs = tmp_path / "in.jsonl"
    with open(inputs, "w", encoding="utf-8") as fh:
        for i in range(400):
            words = " ".join(f"term{j}x{i}" for j in range(200))
            fh.write(json.dumps({"id": f"d{i}", "text": f"{TEXT} Report {i} follows. {words}"}) + "\n")
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    code = f"{sys.executable} -m tacitus.cli code {inputs} --no-model --db {mnt}/s.duckdb -o {tmp_path}/out.jsonl"
    check = (f"{sys.executable} -c \"import duckdb; c = duckdb.connect('{mnt}/s.duckdb', read_only=True); "
             f"print(c.execute('SELECT count(*) FROM documents').fetchone()[0])\"")
    script = (f"mount -t tmpfs -o size=1m tmpfs {mnt} || exit 77; {code} 2> {tmp_path}/first.err; echo $?; "
              f"mount -o remount,size=16m {mnt} && {code} --resume 2> {tmp_path}/second.err; echo $?; {check}")
    run = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=600)
    if run.returncode == 77 or "unshare" in run.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {run.stderr.strip()[:120]}")
    first, second, stored = run.stdout.split()
    err = (tmp_path / "first.err").read_text(encoding="utf-8").strip().splitlines()
    assert first == "1" and err == [f"tacitus: error: {mnt}/s.duckdb: no space left on device"]
    assert second == "0" and stored == "400"
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) and {json.loads(x)["doc_id"] for x in lines} == {f"d{i}" for i in range(400)}
