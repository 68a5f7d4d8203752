"""The allocator setting of a run's store process (tacitus/allocator.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

# In a fresh process: one block of 4 MB is mapped and freed (glibc then raises its threshold above it), then 40
# blocks of 2 MB, each followed by a block of 64 KB that stays, are freed. On the heap the blocks that stay pin the freed
# pages: about 80 MB stay resident. With the threshold fixed at 1 MB each large block is mapped on its own and
# goes back to the system when freed.
FRAGMENT = """
import ctypes, sys
if sys.argv[1] == "fixed":
    from tacitus.allocator import fix_mmap_threshold
    assert fix_mmap_threshold()
def rss():
    return int(next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1])
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, (ctypes.c_size_t,)
libc.free.argtypes = (ctypes.c_void_p,)
SIZE = 2 * 1024 * 1024
first = libc.malloc(2 * SIZE)
ctypes.memset(first, 1, 2 * SIZE)
libc.free(first)
before = rss()
blocks, kept = [], []
for _ in range(40):
    block = libc.malloc(SIZE)
    ctypes.memset(block, 1, SIZE)
    blocks.append(block)
    kept.append(libc.malloc(64 * 1024))
for block in blocks:
    libc.free(block)
print(rss() - before)
"""


def kept_kb(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", FRAGMENT, mode], capture_output=True, text=True, check=True).stdout
    return int(out)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt is Linux only")
def test_freed_large_blocks_go_back_to_the_system_with_the_threshold_fixed():
    assert kept_kb("default") > 60_000  # the fragmentation the setting is for
    assert kept_kb("fixed") < 5_000
