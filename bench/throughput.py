"""Throughput of the whole pipeline against spaCy's own full pipeline on the same text and cores.

    python bench/throughput.py [JSONL] [--workers N]

Prints sentences/s and documents/s end to end (ingest, parse, code) and for spaCy alone (nlp.pipe over the
same cleaned paragraphs, N processes), their ratio, and the peak RSS of this process. spaCy's pipeline is loaded
before its timing starts; tacitus is timed twice, each in a fresh process: with its pipeline and knowledge loaded
before timing like spaCy's (the ratio), and loading them inside the timed run (cold); both ratios are printed.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news_samples.jsonl"


def _timed_in_fresh_process(jsonl: str, workers: int, how: str) -> tuple[float, int]:
    """Seconds and events of one end-to-end run of tacitus in a new Python process that has imported spaCy:
    ``how`` is "loaded" (tacitus' pipeline and knowledge loaded before timing, as spaCy's pipeline is, so forked
    workers start with them) or "cold" (loaded inside the timed run, by each worker)."""
    import subprocess

    out = subprocess.run([sys.executable, __file__, jsonl, "--workers", str(workers), "--time-tacitus", how],
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[-2]), int(out[-1])


def _time_tacitus(jsonl: str, workers: int, how: str) -> None:
    import spacy  # noqa: F401  (imported before timing in both ways, as for spaCy's own run)

    from tacitus.coding import Coder
    from tacitus.pipeline import run
    from tacitus.settings import Settings

    settings = Settings(workers=workers, published="2020-01-01")
    if how == "loaded":
        Coder(settings)
    t0 = time.perf_counter()
    events = sum(len(evs) for _status, _doc, evs in run([jsonl], settings))
    print(f"{time.perf_counter() - t0:.4f} {events}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("jsonl", nargs="?", default=str(DEFAULT))
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--time-tacitus", choices=("loaded", "cold"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.time_tacitus:
        return _time_tacitus(args.jsonl, args.workers, args.time_tacitus)

    from tacitus.ingest import iter_inputs
    from tacitus.parse import load_pipeline
    docs = [d for _, d in iter_inputs([args.jsonl], published="2020-01-01") if d is not None]
    paragraphs = [p for d in docs for p in d.paragraphs]
    nlp = load_pipeline(cached_attributes=False)  # spaCy's own components, as spaCy ships them
    nlp("warm up")

    t0 = time.perf_counter()
    sentences = 0
    place_names: list[str] = []
    for sdoc in nlp.pipe(paragraphs, batch_size=32, n_process=args.workers):
        sentences += sum(1 for _ in sdoc.sents)
        place_names += [e.text for e in sdoc.ents if e.label_ in ("GPE", "LOC", "FAC")]
    spacy_s = time.perf_counter() - t0

    # tacitus, each way in a fresh process (so neither run finds the other's words already read)
    ours_s, events = _timed_in_fresh_process(args.jsonl, args.workers, "loaded")
    cold_run_s, _ = _timed_in_fresh_process(args.jsonl, args.workers, "cold")

    from tacitus.actors import ActorResolver
    from tacitus.geo import Gazetteer

    t0 = time.perf_counter()
    gazetteer = Gazetteer()  # the cached index, loaded as each process loads it once
    geo_load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for name in place_names:
        gazetteer.resolve(name)
    geo_resolve_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    resolver = ActorResolver()  # the knowledge base, built as each process builds it once
    build_s = time.perf_counter() - t0
    ctx = resolver.new_context("2020-02-05")
    t0 = time.perf_counter()
    for _ in range(1000):
        resolver.resolve_text("Turkish President Recep Tayyip Erdogan", ctx)
    resolve_ms = (time.perf_counter() - t0)  # seconds for 1000 = milliseconds each

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child: a spaCy or tacitus worker, or a timed tacitus run

    # cold start: a fresh process coding one short article from the command line
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text("Turkish President Recep Tayyip Erdogan on Tuesday spoke to his Russian counterpart Vladimir "
                       "Putin over the phone, a day after a Syrian attack on Turkish soldiers in Idlib.\n",
                       encoding="utf-8")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tacitus.cli", "code", str(one), "--published", "2020-02-05",
                        "-o", str(Path(tmp) / "out.jsonl")], check=True, capture_output=True)
        cold_s = time.perf_counter() - t0
    print(f"corpus: {args.jsonl}: {len(docs)} documents, {len(paragraphs)} paragraphs, {sentences} sentences")
    print(f"workers: {args.workers}")
    print(f"spaCy alone : {sentences / spacy_s:8.1f} sentences/s  {len(docs) / spacy_s:7.1f} documents/s")
    print(f"tacitus     : {sentences / ours_s:8.1f} sentences/s  {len(docs) / ours_s:7.1f} documents/s"
          f"  ({events} events)")
    print(f"ratio tacitus/spaCy: {spacy_s / ours_s:.2f}  (both pipelines loaded before timing)")
    print(f"ratio with tacitus' loading timed (spaCy's is not): {spacy_s / cold_run_s:.2f}"
          f"  ({cold_run_s - ours_s:+.2f} s)")
    print(f"actor knowledge base: built in {build_s:.2f} s; {resolve_ms:.3f} ms per mention")
    print(f"gazetteer: loaded in {geo_load_s:.2f} s; {len(place_names)} place mentions resolved in "
          f"{geo_resolve_s:.2f} s; together {100 * (geo_load_s + geo_resolve_s) / ours_s:.1f}% of tacitus' time")
    print(f"peak RSS: main process (spaCy alone) {rss_mb:.0f} MB; largest child (a worker of either) {child_mb:.0f} MB")
    print(f"cold start of 'tacitus code one.txt' (one short article): {cold_s:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
