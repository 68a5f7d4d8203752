"""Loading the gazetteer index: cold (built and written to an empty cache folder) and warm (read from the cache).

    python bench/gazetteer_load.py [--runs N]

Each load runs in a fresh Python process, as the command line does, and is timed inside it (imports excluded).
Prints the median and the range of N runs for each, and the size of the cache file.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

TIMED = """
import sys, time
from tacitus.geo.cache import load_index
start = time.perf_counter()
load_index(15000, sys.argv[1])
print(time.perf_counter() - start)
"""


def timed_load(folder: str) -> float:
    done = subprocess.run([sys.executable, "-c", TIMED, folder], check=True, capture_output=True, text=True)
    return float(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    cold, warm, size = [], [], 0
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            cold.append(timed_load(folder))
            warm.extend(timed_load(folder) for _ in range(2))
            size = sum(p.stat().st_size for p in Path(folder).iterdir())
    for name, times in (("cold (build and write)", cold), ("warm (read the cache)", warm)):
        print(f"{name:24} median {statistics.median(times):6.3f} s   range {min(times):.3f}-{max(times):.3f} s "
              f"({len(times)} loads)")
    print(f"cache file: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
