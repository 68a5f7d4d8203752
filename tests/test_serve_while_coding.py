"""`serve` and `code` share a store: the server reads a copy that follows the store, so it answers while another
process holds the store's write lock, and the writer never fails because the server is up."""

from __future__ import annotations

import fcntl
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from invented_events import protest, store_of, story
from tacitus.api import create_app
from tacitus.api.snapshot import StoreSnapshot, public_reason
from tacitus.demo import corpus_dir
from tacitus.store import EventStore, StoreError

TESTS = Path(__file__).resolve().parent
_FLOCK = "hhqqi"  # struct flock on Linux: type, whence, start, len, pid

# A writer in its own process: it keeps the store open for writing and stores one invented story at a time, each
# after the test says "go", so the test can read between two commits while the lock is held.
WRITER = f"""
import sys, time
from pathlib import Path
sys.path.insert(0, {str(TESTS)!r})
from invented_events import protest, story
from tacitus.store import EventStore, StoreError
db, signals, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
with EventStore(db) as st:
    for i in range(n):
        while not (signals / f"go-{{i}}").exists():
            time.sleep(0.02)
        st.add_document(story(f"late-{{i}}"), [protest(f"late-{{i}}")])
        (signals / f"wrote-{{i}}").touch()
    while not (signals / "close").exists():
        time.sleep(0.02)
"""


def writer_holds_lock(path: Path) -> bool:
    """Whether another process holds a lock on the store file (asked without taking any lock)."""
    with open(path, "rb") as f:
        answer = fcntl.fcntl(f.fileno(), fcntl.F_GETLK, struct.pack(_FLOCK, fcntl.F_WRLCK, 0, 0, 0, 0))
    return struct.unpack(_FLOCK, answer[:struct.calcsize(_FLOCK)])[0] != fcntl.F_UNLCK


def wait_for(path: Path, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert process.poll() is None, f"the writer ended early: {process.stderr.read()}"
        assert time.monotonic() < deadline, f"no {path.name} after {seconds} s"
        time.sleep(0.02)


def start_writer(tmp_path: Path, stories: int) -> tuple[Path, Path, subprocess.Popen]:
    """A store of one invented story, and a WRITER process on it that will add ``stories`` more."""
    db = store_of(tmp_path / "store.duckdb", {"early": [protest("early")]})
    signals = tmp_path / "signals"
    signals.mkdir()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(signals), str(stories)],
                              stderr=subprocess.PIPE, text=True)
    return db, signals, writer


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the lock probe reads Linux's struct flock")
def test_the_copy_follows_each_commit_while_the_writer_holds_the_lock(tmp_path):
    db, signals, writer = start_writer(tmp_path, 3)
    snapshot = StoreSnapshot(db, folder=tmp_path, check_every=0)
    try:
        for i in range(3):
            (signals / f"go-{i}").touch()
            wait_for(signals / f"wrote-{i}", writer)
            assert writer_holds_lock(db)
            assert snapshot.refresh()
            with snapshot.reading() as st:
                assert st.count_events() == 2 + i
                assert st.document(f"late-{i}")["event_ids"] == [f"late-{i}:0"]
            assert not snapshot.refresh()  # nothing changed since: no new copy
        (signals / "close").touch()
        assert writer.wait(timeout=60) == 0, writer.stderr.read()
    finally:
        writer.kill()
        snapshot.close()
    assert len(list(tmp_path.glob("tacitus-serve-*"))) == 0  # the copies are gone


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the lock probe reads Linux's struct flock")
def test_dashboard_answers_while_tacitus_code_writes_the_store(tmp_path):
    db = store_of(tmp_path / "store.duckdb", {"early": [protest("early")]})
    client = TestClient(create_app(db, copy_folder=tmp_path, check_every=0.1), base_url="http://localhost")
    code = subprocess.Popen([sys.executable, "-m", "tacitus.cli", "code", str(corpus_dir()), "--db", str(db),
                             "-o", str(tmp_path / "out.jsonl")], stderr=subprocess.PIPE, text=True)
    statuses, during_lock = [], 0
    while code.poll() is None:
        locked = writer_holds_lock(db)
        answers = [client.get(path) for path in ("/api/events", "/health", "/api/dyads")]
        statuses += [a.status_code for a in answers]
        during_lock += locked and writer_holds_lock(db)  # the lock was held before and after these requests
        time.sleep(0.05)
    assert code.returncode == 0, code.stderr.read()  # the open dashboard did not make code fail
    assert during_lock > 0 and set(statuses) == {200}
    with EventStore(db, read_only=True) as st:
        final = st.count_events()
    assert final > 1
    deadline = time.monotonic() + 30  # the server takes a new copy once it looks again
    while client.get("/api/events").json()["total"] != final:
        assert time.monotonic() < deadline, "the server never showed what code stored"
        time.sleep(0.2)
    health = client.get("/health").json()
    assert health["refresh_problem"] is None and health["counts"]["documents"] > 1


def test_a_server_can_start_while_the_writer_holds_the_lock(tmp_path):
    db, signals, writer = start_writer(tmp_path, 1)
    try:
        (signals / "go-0").touch()
        wait_for(signals / "wrote-0", writer)
        client = TestClient(create_app(db, copy_folder=tmp_path), base_url="http://localhost")
        assert client.get("/api/events").json()["total"] == 2
        (signals / "close").touch()
        assert writer.wait(timeout=60) == 0, writer.stderr.read()
    finally:
        writer.kill()


def test_answers_are_kept_per_copy(tmp_path):
    db = store_of(tmp_path / "store.duckdb", {"early": [protest("early")]})
    app = create_app(db, copy_folder=tmp_path, check_every=3600)  # looks at the store only when told here
    client = TestClient(app, base_url="http://localhost")
    first, again = client.get("/api/events"), client.get("/api/events")
    assert (first.headers["x-tacitus-cache"], again.headers["x-tacitus-cache"]) == ("miss", "hit")
    assert first.content == again.content and first.json()["total"] == 1
    with EventStore(db) as st:
        st.add_document(story("later"), [protest("later")])
    assert app.state.snapshot.refresh()
    fresh = client.get("/api/events")
    assert fresh.headers["x-tacitus-cache"] == "miss" and fresh.json()["total"] == 2
    assert client.get("/health").headers.get("x-tacitus-cache") is None  # the server's state is never kept


def test_a_lock_is_told_plainly_without_path_or_process(tmp_path):
    """What a reader meets while the writer holds the lock (the server never does: it reads its copy), said without
    the path or the process id DuckDB's message holds."""
    db, signals, writer = start_writer(tmp_path, 1)
    try:
        (signals / "go-0").touch()
        wait_for(signals / "wrote-0", writer)
        with pytest.raises(StoreError) as refused:
            EventStore(db, read_only=True)
        assert str(db) in str(refused.value) and "PID" in str(refused.value)
        assert public_reason(refused.value) == "another process holds the store's lock; try again shortly"
        (signals / "close").touch()
        assert writer.wait(timeout=60) == 0, writer.stderr.read()
    finally:
        writer.kill()
