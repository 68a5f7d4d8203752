"""Opening input files: regular files only, and without waiting on one that is not.

A FIFO, socket or device named ``*.txt`` or ``*.jsonl`` in a folder would block a plain ``open`` forever (a FIFO
with no writer) or never end (``/dev/zero``); such inputs are rejected with the kind of file they are. The file is
opened without blocking and checked with ``fstat`` on the open descriptor, so a file swapped for a FIFO between
listing and opening is caught too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from tacitus.errors import TacitusError

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


class NotRegularFile(TacitusError, OSError):
    """The path is a FIFO, socket, device or other special file, not a regular file."""


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "a special file")


def not_regular_reason(mode: int) -> str:
    return f"not a regular file: it is {_kind(mode)}"


def open_regular(path: str | Path) -> BinaryIO:
    """``path`` opened for reading bytes; ``NotRegularFile`` (with the reason) when it is not a regular file, and
    the usual ``OSError`` when it cannot be opened."""
    mode = os.stat(path).st_mode  # a socket cannot be opened at all: say what it is first
    if not stat.S_ISREG(mode):
        raise NotRegularFile(not_regular_reason(mode))
    nonblocking = getattr(os, "O_NONBLOCK", 0)  # (POSIX; Windows has no FIFOs in folders)
    fd = os.open(path, os.O_RDONLY | nonblocking | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(not_regular_reason(mode))
        if nonblocking:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
