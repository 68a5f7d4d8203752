"""How a long run's store keeps its memory: glibc's mmap threshold fixed at 1 MB.

A coding run with a store interleaves spaCy's allocations with DuckDB's and the run's own. glibc serves blocks
below its mmap threshold from the heap, which only shrinks from its top, and by default it raises that threshold
to the size of every mapped block that is freed (up to 32 MB): after the first large blocks come and go, they all
come from the heap, and a few live blocks pinned between freed ones keep the pages around them. Measured on
bench/store_scale.py's records with a store (issue 13): the process's anonymous memory grew about 1.2 MB per 1,000
documents with glibc's defaults and 0.55 MB with a fixed 1 MB threshold (0.4 MB of that was the run's own map of
ids and content hashes, since made smaller: ingest/seen.py). A lower threshold (64 KB) grew less but mapped and unmapped spaCy's arrays so often that
coding ran 2.5 times slower; at 1 MB the system time of a run is about 5% of its CPU time.

Since then a run's store is written by a process of its own (store/remote.py), which sets this at its start;
the coding process keeps glibc's defaults (a run without a store grows 0.3 MB per 1,000 documents with them).
Only glibc on Linux has the setting (``mallopt``); elsewhere nothing changes.
"""

from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)
MMAP_THRESHOLD = 1024 * 1024


def fix_mmap_threshold(size: int = MMAP_THRESHOLD) -> bool:
    """Map blocks of ``size`` bytes and more on their own, now and for the rest of the process (glibc no longer
    raises the threshold); True when the C library is glibc and took it."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):  # another C library (musl): its own policy stays
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return mallopt(M_MMAP_THRESHOLD, size) == 1
