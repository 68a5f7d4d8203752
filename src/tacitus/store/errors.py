"""Errors raised by the event store."""

from __future__ import annotations

import errno
import re

import duckdb

from tacitus.errors import TacitusError


class StoreError(TacitusError, RuntimeError):
    """Base class for event store failures."""


class NotAStoreError(StoreError):
    """The file exists but is not a tacitus store (or not a DuckDB database at all)."""


class SchemaVersionError(StoreError):
    """The store was written by a newer tacitus whose schema this code does not know."""


class ReadOnlyStoreError(StoreError, PermissionError):
    """A write was attempted on a store opened with ``read_only=True``."""


class QueryRefusedError(TacitusError, ValueError):
    """A SQL text given to :meth:`EventStore.query` is not a plain read."""


class DocumentConflictError(StoreError, ValueError):
    """A document arrived under an id the store holds with other content (and replacing was not asked for)."""


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


_PID = re.compile(r"\(PID (\d+)\)")
_DUCKDB_PREFIX = re.compile(r"^(IO|Invalid Input|Serialization|Catalog|Internal|FATAL|Fatal|Binder|Permission)"
                            r"( Error)?:\s*", re.IGNORECASE)


def plain_cause(exc: BaseException) -> str:
    """A store failure (DuckDB's error, an OSError) in a few plain words: the real cause of a chain of errors,
    so that a full disk reads "no space left on device" and not the failed rollback that followed it."""
    chain = list(_chain(exc))
    texts = [str(e) for e in chain]
    if any(getattr(e, "errno", None) == errno.ENOSPC for e in chain) or any(
            "No space left on device" in t for t in texts):
        return "no space left on device"
    text = texts[0]
    if "Could not set lock" in text or "Conflicting lock" in text:
        pid = next((m.group(1) for t in texts if (m := _PID.search(t))), None)
        return "in use by another process" + (f" (PID {pid})" if pid else "") + "; try again when it has finished"
    if "not a valid DuckDB database file" in text:
        return "not a DuckDB database file, or its header is damaged"
    if any(word in text for word in ("Corrupt", "corrupt", "checksum", "Checksum")):
        return "the store file is damaged (" + _first_line(text) + ")"
    if "storage version" in text.lower():
        return "written by another DuckDB version (" + _first_line(text) + ")"
    if any(isinstance(e, PermissionError) for e in chain) or "Permission denied" in text:
        return "permission denied"
    if "database has been invalidated" in text:
        earlier = next((t for t in texts[1:] if "invalidated" not in t), None)
        return _first_line(earlier) if earlier else "the store stopped after an earlier error"
    return _first_line(text)


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else "unknown error"
    return _DUCKDB_PREFIX.sub("", line)


# how DuckDB says a statement or a commit needed more than its memory limit (the transaction is not committed)
_OUT_OF_MEMORY = ("out of memory", "failed to pin block", "could not allocate block")


def out_of_memory(exc: BaseException | None) -> bool:
    """Whether a DuckDB failure was its memory limit (also behind a StoreError: "cannot open the store: Out of
    Memory Error: Failure while replaying WAL")."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, duckdb.OutOfMemoryException) or (
                isinstance(exc, duckdb.Error) and any(m in str(exc).lower() for m in _OUT_OF_MEMORY)):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False
