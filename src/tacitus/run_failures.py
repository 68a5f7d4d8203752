"""Failures that stop a command, named by the file they concern and their cause in plain words.

Every store problem (a damaged or foreign file, a lock held by another process, an old schema, a full disk)
becomes RunFailure "<store path>: <cause>", and a file that cannot be written RunFailure "<file>: <cause>"; the
CLI prints it as one line, ``tacitus: error: ...``, and exits with 1. (One document's failure does not stop a
run: see failures.py.)
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from tacitus.errors import TacitusError


class RunFailure(TacitusError):
    """The command could not complete; the message names the file and the cause."""


@contextmanager
def store_errors(db: Path | None):
    """Any failure of the store as RunFailure "<store>: <cause>"."""
    import duckdb

    from tacitus.store import StoreError, plain_cause

    try:
        yield
    except StoreError as exc:
        raise RunFailure(str(exc)) from exc
    except (duckdb.Error, OSError) as exc:
        raise RunFailure(f"{db}: {plain_cause(exc)}") from exc


@contextmanager
def file_errors(path: Path | None):
    """A failure to write an output or a report as RunFailure "<file>: <cause>"."""
    from tacitus.store import plain_cause

    try:
        yield
    except OSError as exc:
        raise RunFailure(f"{path or 'standard output'}: cannot write: {plain_cause(exc)}") from exc
