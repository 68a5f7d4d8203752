"""How the store scales: insert time per document as it grows, and the peak memory of a long coding run.

    python bench/store_scale.py [--sizes 1000,10000,100000,1000000] [--sample 2048] [--single 256]
                                [--records 200000] [--skip-store] [--skip-rss]

1. Store: fills one store with synthetic documents (each with two mentions and ten near-copy keys, as a
   100-word article has) up to each size by bulk SQL and checkpoints it, inserts one untimed batch, then times
   real inserts through EventStore at that size: SAMPLE documents in batches of 256 (add_documents, as
   `tacitus code` writes) and SINGLE documents one per transaction (add_document). Prints ms per document at
   each size and the ratio of the largest size to the smallest.
2. Memory: writes RECORDS synthetic JSONL records (short texts, an event each) and runs
   `tacitus code FILE --no-model -o out.jsonl --report report.json`, without and with `--db`, each in its own
   process; prints the wall time and the peak RSS of each.

Every text is generated here (random words around a sentence the coder reads); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ACTORS = [("Iraqi", "Kurdish"), ("Turkish", "Syrian"), ("Russian", "Ukrainian"), ("Indian", "Pakistani"),
          ("Ethiopian", "Eritrean"), ("Saudi", "Yemeni"), ("Sudanese", "Chadian"), ("Israeli", "Lebanese")]
VERBS = ["attacked", "shelled", "accused", "met", "criticised", "threatened", "praised", "blockaded"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SYLLABLES = ["ka", "lo", "mi", "ren", "tas", "vol", "dur", "pe", "shi", "gan", "ber", "ot", "ul", "zen", "fa"]


def vocabulary(rng: random.Random, n: int = 5000) -> list[str]:
    return sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(n)})


def article(rng: random.Random, words: list[str], n: int, filler_words: int) -> str:
    """A sentence the coder reads, then random words, so that two articles share almost no shingles."""
    a, b = ACTORS[n % len(ACTORS)]
    lead = (f"{a} troops {rng.choice(VERBS)} {b} soldiers near the border on {rng.choice(DAYS)}, officials "
            f"said in report {n}.")
    return lead + " " + " ".join(rng.choice(words) for _ in range(filler_words)) + "."


# ---------------------------------------------------------------- 1. insert time as the store grows

FILL_SQL = {
    "documents": """INSERT INTO documents (doc_id, content_hash, title, published, url, publisher, source, text,
                        coder_version, run_id, added_at, duplicate_of)
                    SELECT 'filler-' || i, md5('filler-' || i), 'Filler ' || i, '2024-05-08', NULL, 'Bench Wire',
                           'bench', 'Filler article number ' || i || ' ' || repeat('lorem ipsum ', 40), ?, NULL,
                           now()::TIMESTAMP, NULL
                    FROM range(?, ?) t(i)""",
    "near_keys": """INSERT INTO near_keys SELECT (hash(i, k) // 2)::BIGINT * (CASE WHEN k % 2 = 0 THEN 1 ELSE -1 END),
                        'filler-' || i FROM range(?, ?) t(i), range(10) s(k)""",
    "mentions": """INSERT INTO mentions (event_id, doc_id, sentence_index, sentence, evidence_start, evidence_end,
                       plover_type, cameo_code, source_text, source_country, target_text, target_country, modality,
                       confidence)
                   SELECT 'filler-' || i || ':' || k, 'filler-' || i, k, 'Troops attacked soldiers.', 7, 15,
                          'ASSAULT', '190', 'Troops', 'IRQ', 'soldiers', 'SYR', 'asserted', 0.8
                   FROM range(?, ?) t(i), range(2) s(k)""",
}


def fill(store, start: int, stop: int, chunk: int = 200_000) -> None:
    for lo in range(start, stop, chunk):
        hi = min(stop, lo + chunk)
        store.conn.execute("BEGIN TRANSACTION")
        store.conn.execute(FILL_SQL["documents"], [store.coder_version, lo, hi])
        store.conn.execute(FILL_SQL["near_keys"], [lo, hi])
        store.conn.execute(FILL_SQL["mentions"], [lo, hi])
        store.conn.execute("COMMIT")


def sample_documents(rng: random.Random, words: list[str], tag: str, n: int):
    from tacitus.records import Actor, Document, Event

    out = []
    for i in range(n):
        doc = Document(doc_id=f"{tag}-{i}", text=article(rng, words, i, 90), published="2024-05-08",
                       publisher="Bench Wire", source="bench")
        events = [Event(event_id=f"{doc.doc_id}:{k}", doc_id=doc.doc_id, sentence_index=0,
                        sentence=doc.text[:80], evidence_start=0, evidence_end=5, plover_type="ASSAULT",
                        plover_mode=None, plover_contexts=[], cameo_code="190", goldstein=-10.0, quad_class=4,
                        source=Actor(text="troops", country="IRQ", sector="MIL"),
                        target=Actor(text="soldiers", country="SYR", sector="MIL"), date="2024-05-06",
                        date_precision="day", location=None, fatalities=None, modality="asserted",
                        attribution=None, confidence=0.8, predicate="attack") for k in range(3)]
        out.append((doc, events))
    return out


def store_scale(sizes: list[int], sample: int, single: int) -> None:
    from tacitus.store import EventStore

    rng = random.Random(7)
    words = vocabulary(rng)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        store = EventStore(Path(tmp) / "scale.duckdb")
        run_id = store.start_run({"bench": "store_scale"}, digest="bench")
        filled = 0
        for size in sizes:
            t0 = time.perf_counter()
            fill(store, filled, size)
            store.conn.execute("CHECKPOINT")
            filled = size
            fill_s = time.perf_counter() - t0
            store.add_documents(sample_documents(rng, words, f"warm-{size}", 256), run_id=run_id)  # not timed
            batch = sample_documents(rng, words, f"batch-{size}", sample)
            t0 = time.perf_counter()
            for lo in range(0, sample, 256):
                store.add_documents(batch[lo:lo + 256], run_id=run_id)
            many = (time.perf_counter() - t0) / sample * 1000
            one_each = sample_documents(rng, words, f"one-{size}", single)
            t0 = time.perf_counter()
            for doc, events in one_each:
                store.add_document(doc, events, run_id=run_id)
            one = (time.perf_counter() - t0) / single * 1000
            rows.append((size, many, one))
            print(f"  {size:>9,} stored: {many:6.2f} ms/doc in batches of 256 (as tacitus code writes), "
                  f"{one:6.2f} ms/doc one per transaction   (filled in {fill_s:.0f} s)", flush=True)
        store.close()
    (s0, many0, one0), (s1, many1, one1) = rows[0], rows[-1]
    print(f"  {s1:,} vs {s0:,} stored: x{many1 / many0:.2f} in batches, x{one1 / one0:.2f} one per transaction")


# ---------------------------------------------------------------- 2. peak memory of a long run

MEASURE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
           "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode; "
           "print(rc, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def children(pid: int) -> list[int]:
    """The direct children of a process (Linux /proc; none elsewhere)."""
    try:
        return [int(c) for task in Path(f"/proc/{pid}/task").iterdir()
                for c in (task / "children").read_text().split()]
    except (OSError, ValueError):
        return []


def tree_pss_kb(pid: int) -> int:
    """The proportional resident memory (PSS: a page shared by n processes counts 1/n in each) of a process and
    all its descendants (Linux /proc; 0 elsewhere). The coder and its store's process share the pages of the same
    libraries: summing RSS would count them twice."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup", encoding="ascii") as fh:
                total += next((int(line.split()[1]) for line in fh if line.startswith("Pss:")), 0)
        except (OSError, ValueError):
            continue
        todo += children(p)
    return total


def write_records(path: Path, n: int) -> None:
    rng = random.Random(11)
    words = vocabulary(rng)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = article(rng, words, i, 16)  # one sentence to parse, one the prefilter skips; 33 words
            fh.write(json.dumps({"id": f"rec-{i}", "text": text, "published": "2024-05-08"}) + "\n")


def peak_rss(records: int, which: tuple[str, ...] = ("no store", "with --db")) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = folder / "records.jsonl"
        write_records(data, records)
        runs = (("no store", []), ("with --db", ["--db", str(folder / "run.duckdb")]))
        for label, extra in [r for r in runs if r[0] in which]:
            cmd = [sys.executable, "-m", "tacitus.cli", "code", str(data), "--no-model", "-o",
                   str(folder / f"out-{len(extra)}.jsonl"), "--report", str(folder / f"report-{len(extra)}.json"),
                   *extra]
            proc = subprocess.Popen([sys.executable, "-c", MEASURE, *cmd], stdout=subprocess.PIPE, text=True)
            together = 0  # the run's processes together (the coder and, with --db, its store), sampled
            while proc.poll() is None:
                together = max(together, sum(tree_pss_kb(c) for c in children(proc.pid)))
                time.sleep(0.25)
            rc, seconds, kb = proc.stdout.read().split()
            report = json.loads((folder / f"report-{len(extra)}.json").read_text(encoding="utf-8"))["totals"]
            print(f"  {records:,} records, {label}: exit {rc}, {float(seconds):.0f} s, peak RSS "
                  f"{int(kb) / 1024:.0f} MB in the largest process, {together / 1024:.0f} MB for the run's "
                  f"processes together (PSS, sampled every 0.25 s) ({report['coded']:,} coded, "
                  f"{report['events']:,} events)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--sample", type=int, default=2048, help="documents timed in batches at each size")
    ap.add_argument("--single", type=int, default=256, help="documents timed one per transaction at each size")
    ap.add_argument("--records", type=int, default=200_000)
    ap.add_argument("--skip-store", action="store_true")
    ap.add_argument("--skip-rss", action="store_true")
    ap.add_argument("--rss-runs", default="both", choices=("both", "store", "no-store"),
                    help="which memory runs: without a store, with --db, or both")
    args = ap.parse_args()
    if not args.skip_store:
        print("insert time per document as the store grows:")
        store_scale([int(s) for s in args.sizes.split(",")], args.sample, args.single)
    if not args.skip_rss:
        print("peak memory of tacitus code:")
        which = {"both": ("no store", "with --db"), "store": ("with --db",), "no-store": ("no store",)}
        peak_rss(args.records, which[args.rss_runs])


if __name__ == "__main__":
    main()
