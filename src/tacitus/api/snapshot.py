"""What the server reads: a private copy of the store, refreshed when the store changes, so that serving never
takes the store's lock and coding never waits for the server.

DuckDB lets one process write a database file and no other process open it while it does. A server that opened
the store would answer 503 while `tacitus code` writes it, and a server holding it open would make `code` fail.
So the server never opens the store. It copies the file's bytes (and its write-ahead log) without any lock, the
way a crash would leave them: the copy is kept only when the store file did not change while it was read (a
checkpoint rewrites it; appends to the log are safe, DuckDB replays a log cut anywhere). The copy is opened once
for writing, which replays the log and precomputes the `events` view as a table (reading every mention, so that a
torn copy fails DuckDB's block checksums here, not in a request), then served read-only, one connection per
request in flight. A newer copy is made in the background when the store's files change; requests use the newest
complete copy, and an old one is deleted when its last request ends.
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
import re
import shutil
import tempfile
import threading
import time
import weakref
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from tacitus.store import EventStore, NotAStoreError, SchemaVersionError, StoreError

log = logging.getLogger("tacitus.serve")

COPY_ATTEMPTS = 5
SETTLE_SECONDS = 0.05  # a store file written this recently may be in the middle of a checkpoint: wait first

# Run on each copy before it is served: the de-duplicated events, a view the store computes on every read, become
# a table of the same name and columns (the copy never changes, so they cannot go stale).
_PRECOMPUTE = (
    "CREATE TABLE precomputed_events AS SELECT * FROM events",
    "DROP VIEW events",
    "ALTER TABLE precomputed_events RENAME TO events",
    "CHECKPOINT",
)


class StoreUnavailable(StoreError):
    """No usable copy of the store could be made; the message names no path and no process."""


class CopyUnreadable(StoreError):
    """The copy could not be opened; the message is the cause alone (the copy's path taken out)."""


def public_reason(exc: BaseException) -> str:
    """Why the store cannot be read, in words fit for an HTTP answer: no path, no process id."""
    text = str(exc)
    if isinstance(exc, (StoreUnavailable, CopyUnreadable)):
        return text
    if isinstance(exc, FileNotFoundError):
        return "the store file is missing"
    if isinstance(exc, SchemaVersionError):
        return "the store was written by a newer tacitus; upgrade tacitus to read it"
    if isinstance(exc, NotAStoreError):
        return "the file is not a tacitus event store"
    if re.search(r"\block\b|in use by another process", text.lower()):  # "lock", not "block"
        return "another process holds the store's lock; try again shortly"
    if "not a valid duckdb database" in text.lower():
        return "the file is not a DuckDB database"
    return f"the store cannot be read ({type(exc).__name__})"


def _state(path: Path) -> tuple | None:
    """What identifies the bytes of a file: inode, size and modification time (None when missing)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


@dataclass
class Copy:
    """One complete copy of the store and its read connections: a request takes an idle one or opens another,
    so requests never share or wait for a connection (there are at most as many as requests served at once)."""

    number: int
    folder: Path
    source_state: tuple
    taken_at: _dt.datetime
    stores: list[EventStore] = field(default_factory=list)
    idle: list[EventStore] = field(default_factory=list)
    users: int = 0
    retired: bool = False

    @property
    def path(self) -> Path:
        return self.folder / "store.duckdb"

    def take(self) -> EventStore:
        """An idle read-only store on the copy, or a new one (call under the snapshot's lock)."""
        if self.idle:
            return self.idle.pop()
        store = EventStore(self.path, read_only=True)
        self.stores.append(store)
        return store

    def close(self) -> None:
        """Close every connection (call when no request uses the copy) and delete the copy."""
        for store in self.stores:
            store.close()
        shutil.rmtree(self.folder, ignore_errors=True)


class StoreSnapshot:
    """Copies of the store at ``source`` for a server; ``reading()`` opens a read-only EventStore on the newest.

    ``check_every`` seconds at most between looks at the store's files; a new copy is started when they changed,
    but not sooner after the last one than ``pause_factor`` times the time that copy took. StoreUnavailable naming
    the store and the reason when no first copy can be made.
    """

    def __init__(self, source: str | Path, *, folder: str | Path | None = None, check_every: float = 1.0,
                 pause_factor: float = 4.0) -> None:
        self.source = Path(source)
        self.check_every = check_every
        self.pause_factor = pause_factor
        self.problem: str | None = None  # why the last refresh failed (public words), None after a success
        self._root = Path(tempfile.mkdtemp(prefix="tacitus-serve-", dir=folder))
        weakref.finalize(self, shutil.rmtree, self._root, ignore_errors=True)  # also when the app is never shut down
        self._lock = threading.Lock()
        self._refreshing = False
        self._closed = False
        self._last_look = time.monotonic()
        self._next_copy = 0.0
        self._count = 0
        try:
            self._current = self._make_copy()
        except BaseException as exc:
            shutil.rmtree(self._root, ignore_errors=True)
            if isinstance(exc, (StoreError, OSError)):  # name the store, not the copy
                raise StoreUnavailable(f"{self.source}: {public_reason(exc)}") from exc
            raise

    # ---- reading ----------------------------------------------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[EventStore]:
        """A read-only store on the newest copy, for one request."""
        self.look()
        with self._lock:
            current = self._current
            try:
                store = current.take()
            except (StoreError, OSError) as exc:  # the copy itself is gone (a cleaner emptied the temporary folder)
                current.source_state = ()  # so that the next look makes a new one
                raise StoreUnavailable(public_reason(exc)) from exc
            current.users += 1
        try:
            yield store
        finally:
            with self._lock:
                current.idle.append(store)
                current.users -= 1
                done = current.retired and current.users == 0
            if done:
                current.close()

    @property
    def taken_at(self) -> _dt.datetime:
        return self._current.taken_at

    @property
    def copy_number(self) -> int:
        """Which copy requests read now (it grows with each new copy)."""
        return self._current.number

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._current.retired = True
            idle = self._current.users == 0
        if idle:
            self._current.close()
        shutil.rmtree(self._root, ignore_errors=True)

    # ---- refreshing -------------------------------------------------------------------------------------

    def look(self) -> None:
        """Start a new copy in the background when the store's files changed (at most every check_every s)."""
        now = time.monotonic()
        if now - self._last_look < self.check_every or now < self._next_copy:
            return
        self._last_look = now
        state = (_state(self.source), _state(_wal(self.source)))
        with self._lock:
            if self._refreshing or state == self._current.source_state:
                return
            self._refreshing = True
        threading.Thread(target=self._refresh, name="tacitus-store-copy", daemon=True).start()

    def refresh(self) -> bool:
        """Make a new copy now if the store changed (what a request does in the background); True when one
        was made."""
        with self._lock:
            if self._refreshing:
                return False
            self._refreshing = True
        return self._refresh()

    def _refresh(self) -> bool:
        started = time.monotonic()
        try:
            if (_state(self.source), _state(_wal(self.source))) == self._current.source_state:
                return False
            fresh = self._make_copy()
        except Exception as exc:  # keep serving the copy we have
            self.problem = public_reason(exc)
            log.warning("serving the copy taken at %s: a new copy of %s failed: %s",
                        self._current.taken_at.isoformat(timespec="seconds"), self.source, exc)
            return False
        finally:
            self._next_copy = time.monotonic() + self.pause_factor * (time.monotonic() - started)
            with self._lock:
                self._refreshing = False
        with self._lock:
            if self._closed:  # the server stopped while this copy was made
                old = fresh
            else:
                old, self._current = self._current, fresh
            old.retired = True
            idle = old.users == 0
        self.problem = None
        if idle:
            old.close()
        return True

    def _make_copy(self) -> Copy:
        """Copy the store's bytes while they hold still, open the copy once for writing (the log is replayed and
        the events view precomputed), then open it read-only."""
        self._count += 1
        folder = self._root / f"copy-{self._count}"
        folder.mkdir()
        made = Copy(self._count, folder, (), _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0))
        try:
            made.source_state = self._copy_bytes(made.path)
            with EventStore(made.path) as writable:  # replays the copied log; upgrades an old schema in the copy
                for statement in _PRECOMPUTE:
                    writable.conn.execute(statement)
            made.idle.append(made.take())  # fails here, naming the copy's problem, rather than in a request
        except BaseException as exc:
            made.close()
            prefix = f"{made.path}: "
            if isinstance(exc, StoreError) and str(exc).startswith(prefix):
                raise CopyUnreadable(str(exc)[len(prefix):]) from exc
            raise
        return made

    def _copy_bytes(self, target: Path) -> tuple:
        """Copy the store file, then its log, and return the pair of states they were copied in; retried when the
        store file changed meanwhile (a checkpoint), StoreUnavailable when it kept changing."""
        for attempt in range(COPY_ATTEMPTS):
            before = _state(self.source)
            if before is None:
                raise FileNotFoundError(f"event store {self.source} does not exist")
            if time.time_ns() - before[2] < SETTLE_SECONDS * 1e9:
                time.sleep(SETTLE_SECONDS * (attempt + 1))
                continue
            shutil.copyfile(self.source, target)
            wal_state = _state(_wal(self.source))
            try:
                shutil.copyfile(_wal(self.source), _wal(target))
            except FileNotFoundError:
                wal_state = None
                _wal(target).unlink(missing_ok=True)
            if _state(self.source) == before:
                return before, wal_state
            time.sleep(0.05 * (attempt + 1))
        raise StoreUnavailable(f"the store kept changing while it was copied ({COPY_ATTEMPTS} attempts)")
