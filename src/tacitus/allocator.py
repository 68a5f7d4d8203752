"""How a long run gives memory back: glibc's allocator settings for a process that codes and stores for hours.

A coding run with a store interleaves spaCy's short-lived allocations with DuckDB's and the run's own. With
glibc's defaults, blocks of up to 32 MB come from the heap, which only shrinks from its top: a few live blocks
pinned between freed ones keep the pages around them. Measured on the first 25,000 records of
bench/store_scale.py with a store, the process's anonymous memory grew about 1.2 MB per 1,000 documents with the
defaults and 0.5 MB with the settings below (a run without a store grows 0.4 MB: its map of ids and content
hashes), and came back to where it started when the run ended. Blocks of MMAP_THRESHOLD bytes and more are then
mapped on their own and unmapped when freed, and the heap is trimmed once TRIM_THRESHOLD bytes are free at its
top.

Only glibc on Linux has these settings (``mallopt``); elsewhere nothing changes, and ``TACITUS_ALLOCATOR=default``
in the environment leaves glibc as it is (as do glibc's own ``MALLOC_MMAP_THRESHOLD_`` / ``GLIBC_TUNABLES``
settings, which this then respects). The settings hold for the rest of the process. DuckDB's own buffers live in
its jemalloc arenas and are released by closing the store (EventStore.release_memory).
"""

from __future__ import annotations

import ctypes
import os
import sys

M_TRIM_THRESHOLD = -1  # glibc's mallopt parameters (malloc.h)
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 64 * 1024
TRIM_THRESHOLD = 128 * 1024


def return_freed_memory() -> bool:
    """Set glibc's allocator to give freed memory back to the system; True when it is glibc and took both."""
    if not sys.platform.startswith("linux") or os.environ.get("TACITUS_ALLOCATOR") == "default" \
            or os.environ.get("MALLOC_MMAP_THRESHOLD_") or "glibc.malloc" in os.environ.get("GLIBC_TUNABLES", ""):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # another C library (musl): its own policy stays
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1 and mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1
