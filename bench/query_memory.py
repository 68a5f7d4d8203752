"""Peak memory of `tacitus query` on a result far larger than its row cap.

    python bench/query_memory.py [--rows 30000000] [--limit 10000]

Makes a store of one invented story, runs `tacitus query "SELECT * FROM range(ROWS)" --limit LIMIT` in a child
process as a user would, and prints its peak resident memory and time, next to the same command on
`SELECT 1` (the cost of starting tacitus). Without the cap the rows would all be made: 30 million took 3.4 GB.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _peak_of(cmd: list[str]) -> tuple[float, float, str]:
    """(peak RSS in MB, seconds, last stderr line) of a child process run to the end."""
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child so far, in KB on Linux
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[3:])} failed: {done.stderr.strip()}")
    if peak <= before:
        print("(this child did not exceed an earlier child's peak; its figure is an upper bound)")
    return peak / 1024, seconds, (done.stderr.strip().splitlines() or [""])[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=30_000_000)
    ap.add_argument("--limit", type=int, default=10_000)
    args = ap.parse_args()
    from tacitus.records import Document
    from tacitus.store import EventStore

    with tempfile.TemporaryDirectory(prefix="tacitus-query-memory-") as tmp:
        db = Path(tmp) / "store.duckdb"
        with EventStore(db) as st:
            st.add_document(Document(doc_id="one", text="An invented story about a harbour blockade."), [])
        base = [sys.executable, "-m", "tacitus.cli", "query", "--db", str(db), "--limit", str(args.limit)]
        small = _peak_of([*base, "SELECT 1"])
        large = _peak_of([*base, f"SELECT * FROM range({args.rows})"])
    print(f"tacitus query 'SELECT 1': peak RSS {small[0]:.0f} MB, {small[1]:.1f} s")
    print(f"tacitus query 'SELECT * FROM range({args.rows:,})' --limit {args.limit:,}: peak RSS {large[0]:.0f} MB, "
          f"{large[1]:.1f} s")
    print(f"note on stderr: {large[2]}")


if __name__ == "__main__":
    main()
