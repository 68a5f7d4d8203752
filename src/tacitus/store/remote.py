"""A store in a process of its own, for a coding run: the run's process codes, this one writes.

A long ``tacitus code --db`` run interleaves spaCy's allocations with DuckDB's on one C heap, which then only
grows (issue 13: about 1.2 MB per 1,000 documents with glibc's defaults, against 0.3 MB for the same run without
a store). With the store in a child process each heap serves one job: the coding process grows only by the run's
own map of ids and content hashes, and the store's process holds DuckDB and the batch it is writing.

``StoreProcess(path)`` starts the child, which opens ``EventStore(path)``; the methods a run calls are sent to it
through a pipe and their results or exceptions (a StoreError with its message, a disk-full error...) come back
and are raised here as the store raised them. ``close()`` closes the store and ends the child. The child ignores
Ctrl-C (the run decides when its store closes) and, on Linux, dies with the run's process if that is killed.
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import pickle
import signal
import sys
from pathlib import Path
from typing import Any

from tacitus.store.errors import StoreError

PR_SET_PDEATHSIG = 1  # prctl option (linux/prctl.h): the signal a process gets when its parent ends
# what a coding run asks of its store (code_run.py); anything else stays in the run's own process
METHODS = frozenset({"latest_run", "resumable", "start_run", "finish_run", "triage", "add_documents",
                     "release_memory"})


def _portable(exc: BaseException) -> BaseException:
    """The exception itself when it survives pickling, else a StoreError with its message."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return StoreError(f"{type(exc).__name__}: {exc}")


def _die_with_parent() -> None:
    """On Linux, end with the run's process even when it is killed outright (kill -9): the store is then left
    as a killed single process leaves it, and its lock goes with it."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL("libc.so.6").prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _serve(conn, theirs, path: str) -> None:
    """The child: open the store, answer calls until told to close or until the run's end of the pipe closes
    (``theirs``, the run's end, is closed here at once: a forked child holds a copy of it)."""
    from tacitus.allocator import fix_mmap_threshold
    from tacitus.store.event_store import EventStore

    theirs.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    fix_mmap_threshold()
    try:
        store = EventStore(path)
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the run, which raises it
        conn.send(("err", _portable(exc)))
        return
    conn.send(("ok", None))
    try:
        while True:
            try:
                method, args, kwargs = conn.recv()
            except EOFError:
                return  # the run ended without closing: close the store below
            if method == "close":
                break
            try:
                conn.send(("ok", getattr(store, method)(*args, **kwargs)))
            except Exception as exc:  # noqa: BLE001
                conn.send(("err", _portable(exc)))
    finally:
        try:
            store.close()
        finally:
            try:
                conn.send(("ok", None))
            except (BrokenPipeError, OSError):
                pass


class StoreProcess:
    """An EventStore opened and written by a child process (see the module docstring)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, self._conn, str(self.path)), name="tacitus-store",
                                 daemon=True)
        self._proc.start()
        child.close()
        self._closed = False
        try:
            self._answer()
        except BaseException:
            self._end()
            raise

    def _answer(self) -> Any:
        try:
            kind, value = self._conn.recv()
        except (EOFError, OSError):
            self._proc.join(5)
            raise StoreError(f"{self.path}: the store's process ended unexpectedly "
                             f"(exit code {self._proc.exitcode})") from None
        if kind == "err":
            raise value
        return value

    def _call(self, method: str, *args, **kwargs) -> Any:
        if self._closed:
            raise StoreError(f"{self.path}: the store is closed")
        try:
            self._conn.send((method, args, kwargs))
        except (BrokenPipeError, OSError):
            raise StoreError(f"{self.path}: the store's process ended unexpectedly "
                             f"(exit code {self._proc.exitcode})") from None
        return self._answer()

    def __getattr__(self, name: str):
        if name in METHODS:
            return lambda *args, **kwargs: self._call(name, *args, **kwargs)
        raise AttributeError(f"{type(self).__name__} has no {name!r} (a run's store answers {sorted(METHODS)})")

    def close(self) -> None:
        """Close the store (DuckDB writes its last changes) and end its process."""
        if self._closed:
            return
        self._closed = True
        try:
            self._conn.send(("close", (), {}))
            self._answer()
        except (StoreError, BrokenPipeError, OSError):
            pass
        finally:
            self._end()

    def _end(self) -> None:
        self._closed = True
        self._conn.close()
        self._proc.join(60)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(5)
