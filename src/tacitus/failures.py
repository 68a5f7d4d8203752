"""Per-document isolation: an exception raised while one document is read, coded or stored becomes a ``Failure``.

The run rejects that document with the failure's one-line reason (``internal error: RecursionError in coding
(events.coder)``) and goes on. The traceback goes to the ``tacitus.failures`` logger, which prints nothing unless
a handler is attached (``tacitus code --debug`` or ``--log FILE``); failures made in worker processes or on Ray
carry their traceback back as text, so the main process logs every one.

Failures that stop a whole command are in run_failures.py.
"""

from __future__ import annotations

import logging
import traceback
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, TextIO

from tacitus.records import InputStatus
from tacitus.safe_text import printable

LOG = logging.getLogger("tacitus.failures")
LOG.addHandler(logging.NullHandler())  # silent by default: Python's last-resort handler would print to stderr

_PACKAGE = Path(__file__).resolve().parent


@dataclass
class Failure:
    """An exception raised while one document was handled."""

    stage: str  # "reading", "coding" or "storing"
    error: str  # the exception's class name
    module: str  # the tacitus module it was raised in, such as "events.coder"
    traceback: str  # the whole traceback, for the log

    @property
    def reason(self) -> str:
        return f"internal error: {self.error} in {self.stage} ({self.module})"


def failure(exc: BaseException, stage: str) -> Failure:
    """The Failure of ``exc``, caught in ``stage``. A RecursionError is placed in the module most of its frames
    belong to (the loop), any other exception in the innermost tacitus module it passed through."""
    frames = traceback.extract_tb(exc.__traceback__)
    modules = [m for m in (_module(f.filename) for f in frames) if m]
    if not modules:
        where = Path(frames[-1].filename).stem if frames else "unknown"
    elif isinstance(exc, RecursionError):
        where = Counter(modules).most_common(1)[0][0]
    else:
        where = modules[-1]
    return Failure(stage=stage, error=type(exc).__name__, module=where,
                   traceback="".join(traceback.format_exception(exc)))


@lru_cache(maxsize=1024)
def _module(filename: str) -> str | None:
    """"events.coder" for a file of this package, None for any other."""
    try:
        relative = Path(filename).resolve().relative_to(_PACKAGE)
    except (ValueError, OSError):
        return None
    return ".".join(relative.with_suffix("").parts)


def reject(status: InputStatus, found: Failure, *, note: str | None = None) -> InputStatus:
    """Mark ``status`` rejected with the failure's reason (and ``note``), and log the traceback."""
    status.status = "rejected"
    status.reason = found.reason if note is None else f"{found.reason}; {note}"
    LOG.error("%s: %s\n%s", status.input, status.reason, found.traceback.rstrip("\n"))
    return status


class _TerminalFormat(logging.Formatter):
    """Each line of a logged failure prefixed and made printable (the input's name is the first)."""

    def format(self, record: logging.LogRecord) -> str:
        return "\n".join(f"tacitus: debug: {printable(line)}" for line in super().format(record).split("\n"))


@contextmanager
def logged_to(*, stream: TextIO | None = None, path: str | Path | None = None) -> Iterator[None]:
    """While the block runs, write each failure's traceback to ``stream`` (made printable: a terminal) and append
    it to the file ``path``."""
    handlers: list[logging.Handler] = []
    if stream is not None:
        handlers.append(logging.StreamHandler(stream))
        handlers[-1].setFormatter(_TerminalFormat())
    if path is not None:
        handlers.append(logging.FileHandler(path, encoding="utf-8", errors="backslashreplace", delay=True))
        handlers[-1].setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    for handler in handlers:
        LOG.addHandler(handler)
    try:
        yield
    finally:
        for handler in handlers:
            LOG.removeHandler(handler)
            handler.close()
