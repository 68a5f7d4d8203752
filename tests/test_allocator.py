"""The allocator settings a long run makes (tacitus/allocator.py)."""

from __future__ import annotations

import os
import platform
import subprocess
import sys

import pytest

# In a fresh process: 200 blocks of 256 KB, each followed by a small block that stays, are freed. On glibc's heap
# (its default once a block that large has been freed) the small blocks pin the freed pages: about 50 MB stay
# resident. With the run's settings each large block was mapped on its own and goes back to the system.
FRAGMENT = """
import ctypes, sys
if sys.argv[1] == "tuned":
    from tacitus.allocator import return_freed_memory
    assert return_freed_memory()
def rss():
    return int(next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1])
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, (ctypes.c_size_t,)
libc.free.argtypes = (ctypes.c_void_p,)
first = libc.malloc(256 * 1024)
ctypes.memset(first, 1, 256 * 1024)
libc.free(first)
before = rss()
blocks, kept = [], []
for _ in range(200):
    block = libc.malloc(256 * 1024)
    ctypes.memset(block, 1, 256 * 1024)
    blocks.append(block)
    kept.append(libc.malloc(64))
for block in blocks:
    libc.free(block)
print(rss() - before)
"""


def kept_kb(mode: str, **env: str) -> int:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("TACITUS_ALLOCATOR", "GLIBC_TUNABLES") and not k.startswith("MALLOC_")}
    out = subprocess.run([sys.executable, "-c", FRAGMENT, mode], capture_output=True, text=True, check=True,
                         env={**clean, **env}).stdout
    return int(out)


glibc = pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                           reason="mallopt is glibc's")


@glibc
def test_freed_blocks_go_back_to_the_system_with_the_runs_allocator_settings():
    assert kept_kb("default") > 30_000  # the fragmentation the settings are for
    assert kept_kb("tuned") < 5_000


@glibc
def test_the_settings_can_be_left_to_glibc():
    with pytest.raises(subprocess.CalledProcessError):  # return_freed_memory() says it changed nothing
        kept_kb("tuned", TACITUS_ALLOCATOR="default")
