"""The allocator setting and the store process of a run with a store (tacitus/allocator.py, store/remote.py)."""

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


def test_the_store_of_a_run_is_written_by_a_process_of_its_own_with_the_threshold_fixed(tmp_path, monkeypatch):
    import os

    import tacitus.allocator as allocator
    from tacitus.code_run import CodeOptions, code_inputs
    from tacitus.settings import Settings
    from tacitus.store.event_store import EventStore

    seen = tmp_path / "seen.txt"

    def note(what):
        with open(seen, "a", encoding="utf-8") as fh:
            fh.write(f"{what} {os.getpid()}\n")

    monkeypatch.setattr(allocator, "fix_mmap_threshold", lambda: note("threshold") or True)
    add = EventStore.add_documents
    monkeypatch.setattr(EventStore, "add_documents", lambda self, *a, **k: note("write") or add(self, *a, **k))
    text = tmp_path / "a.txt"
    text.write_text("Police arrested two protesters in Nairobi on Monday.\n", encoding="utf-8")
    code_inputs(CodeOptions(inputs=[str(text)], settings=Settings(learned=False), output=tmp_path / "o.jsonl"),
                on_status=lambda status: None)
    assert not seen.exists()  # no store: nothing changes
    code_inputs(CodeOptions(inputs=[str(text)], settings=Settings(learned=False), output=tmp_path / "p.jsonl",
                            db=tmp_path / "s.duckdb"), on_status=lambda status: None)
    notes = [line.split() for line in seen.read_text(encoding="utf-8").splitlines()]
    assert [what for what, _ in notes] == ["threshold", "write"]
    assert len({pid for _, pid in notes}) == 1 and notes[0][1] != str(os.getpid())
    assert len(EventStore(tmp_path / "s.duckdb", read_only=True).events_frame()) == 1
