"""A store in a process of its own, for a coding run: the run's process codes, this one writes.

A long ``tacitus code --db`` run interleaves spaCy's allocations with DuckDB's on one C heap, which then only
grows (issue 13: about 1.2 MB per 1,000 documents with glibc's defaults, against 0.3 MB for the same run without
a store). With the store in a child process each heap serves one job: the coding process grows about as a run
without a store does, and the store's process holds DuckDB, which grows with the store (README: 200,000 records).

``StoreProcess(path)`` starts the child (a fresh interpreter, ``python -m tacitus.store.remote``: it inherits no
thread, lock or open database of the run), which opens ``EventStore(path)`` with DuckDB bounded to
``MEMORY_MB`` and one thread; the methods a run calls are sent to
it through a pipe, and their results come back, or their failures as a StoreError with the one-line message the
run would have shown (a cause's chain does not cross the pipe, so its plain words are found there). ``close()``
closes the store and ends the child. The child ignores Ctrl-C (the run decides when its store closes); a run
stopped in the middle of a call only closes its end of the pipe, and the child closes the store when it sees
that. On Linux the child dies with the run's process if that is killed outright.
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import pickle
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from tacitus.errors import TacitusError
from tacitus.store.errors import StoreError

# DuckDB's buffers in the store's process. A run's lookups scan the content-hash and near-copy columns, and
# without a bound DuckDB keeps every page it read until the store is released: 235 MB at 200,000 documents
# (README). With 64 MB what it read is evicted instead (174 MB at 200,000). A transaction must fit: a batch of
# 128 MB of text failed to commit under this limit and 32 MB passed, so code_run.py sends at most STORE_CHARS
# characters of text in one batch; a call that still fails on the limit is made again with the limit doubled
# (EventStore.make_room), so the limit costs no document.
MEMORY_MB = 64
THREADS = 1  # a run's store answers small lookups and appends: a second thread only adds buffers
PR_SET_PDEATHSIG = 1  # prctl option (linux/prctl.h): the signal a process gets when its parent ends
# what a coding run asks of its store (code_run.py); anything else stays in the run's own process
METHODS = frozenset({"latest_run", "resumable", "start_run", "finish_run", "triage", "add_documents",
                     "release_memory"})


def _portable(exc: BaseException, path: str) -> BaseException:
    """What the run raises for an exception of the store's process: a StoreError as it is; any other failure as
    a StoreError "<store>: <cause in plain words>" (its causes do not survive the pipe, so the plain words are
    found here, as run_failures.store_errors finds them in one process)."""
    from tacitus.store.errors import plain_cause

    if isinstance(exc, StoreError):
        try:
            pickle.loads(pickle.dumps(exc))
            return exc
        except Exception:  # noqa: BLE001 - a subclass with other arguments: its message is what counts
            return StoreError(str(exc))
    return StoreError(f"{path}: {plain_cause(exc)}")


def _die_with_parent(parent: int | None = None) -> None:
    """On Linux, end with the run's process even when it is killed outright (kill -9): the store is then left
    as a killed single process leaves it, and its lock goes with it."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6").prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if parent is not None and os.getppid() != parent:
        os._exit(0)  # the run ended before this process could ask to end with it


def _send(conn, message) -> bool:
    try:
        conn.send(message)
        return True
    except (BrokenPipeError, OSError):
        return False


def answer_call(store, method: str, args: tuple, kwargs: dict) -> tuple[str, Any]:
    """("ok", what the store's method returned) or ("err", the error the run raises); a call that failed on
    DuckDB's memory limit is made again with a larger one (EventStore.make_room)."""
    while True:
        try:
            return "ok", getattr(store, method)(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the run
            try:
                if store.make_room(exc):
                    continue
            except Exception as again:  # noqa: BLE001 - the store could not be opened again
                exc = again
            return "err", _portable(exc, str(store.path))


def _serve(conn, path: str, parent: int | None = None) -> None:
    """The store's process: open the store, answer calls until told to close or until the run's end of the pipe
    closes (the run ended or gave up on a call), then close the store. Nothing escapes as a traceback: every
    failure goes back to the run as one error, or ends this process quietly when nobody is left to hear it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    try:
        from tacitus.allocator import fix_mmap_threshold
        from tacitus.store.event_store import EventStore

        fix_mmap_threshold()
        try:
            store = EventStore(path, memory_mb=MEMORY_MB, threads=THREADS)
        except Exception as exc:  # noqa: BLE001 - replaying a large WAL or bringing an old schema up to date
            # may need more: such a store opens without the limit
            from tacitus.store.errors import out_of_memory

            if not out_of_memory(exc):
                raise
            store = EventStore(path, threads=THREADS)
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the run, which raises it
        _send(conn, ("err", _portable(exc, path)))
        return
    if not _send(conn, ("ok", None)):
        store.close()
        return
    closing = False
    try:
        while True:
            try:
                method, args, kwargs = conn.recv()
            except (EOFError, OSError):
                return  # the run ended, or stopped in the middle of a call: close the store below
            except Exception as exc:  # noqa: BLE001 - a message that cannot be read: the run hears why
                _send(conn, ("err", StoreError(f"{path}: the store's process could not read a call ({exc})")))
                return
            if method == "close":
                closing = True
                return
            answer = answer_call(store, method, args, kwargs)
            if not _send(conn, answer):
                return
    finally:
        answer = answer_call(store, "close", (), {})
        if closing:
            _send(conn, answer)


class StoreProcess:
    """An EventStore opened and written by a process of its own (see the module docstring)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        # a fresh interpreter (``python -m tacitus.store.remote FD PATH``): nothing of this process (threads,
        # locks, DuckDB's open databases, the main module) is inherited
        self._conn, theirs = mp.Pipe()
        self._proc = subprocess.Popen([sys.executable, "-m", "tacitus.store.remote", str(theirs.fileno()),
                                       str(self.path), str(os.getpid())], pass_fds=(theirs.fileno(),),
                                      stdin=subprocess.DEVNULL)
        theirs.close()
        self._closed = self._broken = False
        try:
            self._answer()
        except BaseException:
            self._end()
            raise

    def _gone(self) -> StoreError:
        try:
            code = self._proc.wait(5)
        except subprocess.TimeoutExpired:
            code = None
        return StoreError(f"{self.path}: the store's process ended unexpectedly (exit code {code})")

    def _answer(self) -> Any:
        try:
            kind, value = self._conn.recv()
        except (EOFError, OSError):
            raise self._gone() from None
        if kind == "err":
            raise value
        return value

    def _call(self, method: str, *args, **kwargs) -> Any:
        if self._closed or self._broken:
            raise StoreError(f"{self.path}: the store is closed")
        try:
            self._conn.send((method, args, kwargs))
            return self._answer()
        except TacitusError:
            raise  # the store's own answer: both ends are in step
        except (BrokenPipeError, ConnectionResetError):
            raise self._gone() from None
        except BaseException:
            # stopped in the middle of a call (Ctrl-C): the two ends are out of step, so this end only closes (the
            # store's process finishes what it was doing, sees the end of the pipe and closes the store)
            self._broken = True
            raise

    def __getattr__(self, name: str):
        if name in METHODS:
            return lambda *args, **kwargs: self._call(name, *args, **kwargs)
        raise AttributeError(f"{type(self).__name__} has no {name!r} (a run's store answers {sorted(METHODS)})")

    def close(self) -> None:
        """Close the store (DuckDB writes its last changes) and end its process. A store error at closing (a full
        disk at the last checkpoint) is raised."""
        if self._closed:
            return
        broken, self._closed = self._broken, True
        try:
            if not broken:
                self._conn.send(("close", (), {}))
                self._answer()
        except (BrokenPipeError, ConnectionResetError, EOFError):
            pass
        finally:
            self._end()

    def _end(self) -> None:
        self._closed = True
        self._conn.close()  # the store's process sees the end of the pipe, closes the store and ends
        try:
            self._proc.wait(120)
        except subprocess.TimeoutExpired:
            self._proc.terminate()
            self._proc.wait(5)


if __name__ == "__main__":
    from multiprocessing.connection import Connection

    _serve(Connection(int(sys.argv[1])), sys.argv[2], int(sys.argv[3]))
