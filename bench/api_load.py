"""The REST API under load: p50 and p99 latency for many concurrent clients on a store of synthetic events.

    python bench/api_load.py [--events 20000] [--clients 200] [--requests 10] [--db PATH] [--serve-args "..."]

Builds a store of synthetic events (invented actors, places and sentences; one story has 3,001 near-copies, so its
event has 3,001 mentions), starts `tacitus serve` on it as a user would, and runs the clients (httpx, asyncio)
over a mix of endpoints: event pages with filters, single events (the 3,001-copy one among them), series, dyads,
actors, documents and /health. Each client sends its requests one after another; all first send --warmup untimed
requests (connections open, the server's cache holds what many users ask), then the timed ones together. Prints
the latency per endpoint and overall (p50, p99, max), the share answered from the server's cache, requests per
second, the machine's load average (the clients run on the same machine) and any non-200 answers.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

COUNTRIES = ["NOR", "SWE", "FIN", "DNK", "ISL", "EST", "LVA", "LTU", "POL", "DEU", "NLD", "BEL", "FRA", "ESP",
             "PRT", "ITA", "AUT", "CHE", "CZE", "SVK", "HUN", "ROU", "BGR", "GRC", "TUR", "UKR", "GEO", "ARM",
             "KAZ", "MNG"]
SECTORS = ["GOV", "MIL", "CVL", "OPP", "BUS", "MED", "REB"]
TYPES = [("PROTEST", "145", -6.5, 3, "protested against"), ("CONSULT", "040", 1.0, 1, "met with"),
         ("ACCUSE", "112", -2.0, 3, "accused"), ("ASSAULT", "190", -10.0, 4, "shelled positions of"),
         ("AGREE", "057", 8.0, 1, "signed an accord with"), ("AID", "070", 7.0, 2, "sent aid to"),
         ("THREATEN", "130", -4.4, 3, "threatened"), ("COERCE", "170", -7.0, 4, "detained members of")]
PLACES = [("Brevik", 59.05, 9.70), ("Osterholm", 60.10, 15.20), ("Kaldmark", 56.40, 24.10),
          ("Varnholt", 50.90, 4.40), ("Serrano", 41.60, -4.70), ("Dravica", 45.80, 16.00)]
COPIES = 3_001
WORDS = ("the delegation council ministry harbour border talks offices villages committee statement week "
         "officials envoys trade water grain rail bridge envoy").split()


def _story_text(rng: random.Random, n_words: int = 60) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n_words)) + "."


def build_store(path: Path, n_events: int, seed: int = 13) -> int:
    """A store of about ``n_events`` synthetic mentions, four per story plus the 3,001 copies of one story, written in
    two bulk inserts (the store's own row builder for the mentions); returns how many wire stories it holds."""
    import datetime as dt

    import pyarrow as pa

    from tacitus.records import Actor, Document, Event, Location
    from tacitus.store import EventStore
    from tacitus.store.rows import events_table

    rng = random.Random(seed)

    def mention(doc_id: str, n: int, kind, src: str, tgt: str, day: str, place, sector: str, modality: str) -> Event:
        ptype, cameo, goldstein, quad, verb = kind
        sentence = f"Officials of {src} {verb} {tgt} near {place[0]} on {day}."
        start = sentence.index(verb)
        return Event(event_id=f"{doc_id}:{n}", doc_id=doc_id, sentence_index=n, sentence=sentence,
                     evidence_start=start, evidence_end=start + len(verb), plover_type=ptype, plover_mode=None,
                     plover_contexts=[], cameo_code=cameo, goldstein=goldstein, quad_class=quad,
                     source=Actor(text=f"officials of {src}", name=f"{src} officials", country=src, sector=sector),
                     target=Actor(text=tgt, name=f"{tgt} government", country=tgt, sector="GOV"),
                     date=day, date_precision="day",
                     location=Location(name=place[0], country=src, admin1=None, lat=place[1], lon=place[2],
                                       precision="city"),
                     modality=modality, confidence=round(rng.random(), 3), predicate=verb.split()[0])

    started = time.perf_counter()
    docs, events = [], []
    wires = max(1, (n_events - COPIES) // 4)
    for i in range(wires):
        day = f"{2023 + i % 2}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        docs.append((Document(doc_id=f"wire-{i}", text=_story_text(rng), title=f"Wire story {i}", published=day,
                              url=f"https://wire.example/{i}", publisher=f"Wire {i % 7}"), None))
        events += [mention(f"wire-{i}", n, rng.choice(TYPES), rng.choice(COUNTRIES), rng.choice(COUNTRIES), day,
                           rng.choice(PLACES), rng.choice(SECTORS), "asserted" if rng.random() > 0.1 else "negated")
                   for n in range(4)]
    base = _story_text(rng, 120)
    for c in range(COPIES):
        docs.append((Document(doc_id=f"copy-{c}", text=f"{base}\n\nReported by desk {c}.", title="Shelling at Brevik",
                              published="2024-03-02", publisher=f"Outlet {c}"), "copy-0" if c else None))
        events.append(mention(f"copy-{c}", 0, TYPES[3], "NOR", "SWE", "2024-03-01", PLACES[0], "MIL", "asserted"))
    with EventStore(path) as st:
        run_id = st.start_run({"bench": "api_load", "seed": seed})
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        documents = pa.table({
            "doc_id": [d.doc_id for d, _ in docs], "content_hash": [d.content_hash for d, _ in docs],
            "title": [d.title for d, _ in docs], "published": [d.published for d, _ in docs],
            "url": [d.url for d, _ in docs], "publisher": [d.publisher for d, _ in docs],
            "source": ["synthetic"] * len(docs), "text": [d.text for d, _ in docs],
            "coder_version": [st.coder_version] * len(docs), "run_id": [run_id] * len(docs),
            "added_at": [now] * len(docs), "duplicate_of": [copy_of for _, copy_of in docs],
        })
        st.conn.execute("BEGIN TRANSACTION")
        st.conn.register("incoming_documents", documents)
        st.conn.execute("INSERT INTO documents BY NAME SELECT * FROM incoming_documents")
        st.conn.from_arrow(events_table(events)).insert_into("mentions")
        st.conn.execute("COMMIT")
        st.finish_run(run_id, {"documents": len(docs), "events": len(events)})
        counts = st.counts()
    print(f"store: {counts['documents']:,} documents, {counts['mentions']:,} mentions, built in "
          f"{time.perf_counter() - started:.1f} s")
    return wires


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _mix(rng: random.Random, docs: int) -> tuple[str, str, dict]:
    """(endpoint label, path, params) of one request."""
    roll = rng.random()
    if roll < 0.35:
        params = {"limit": 50, "offset": rng.choice([0, 0, 50, 100, 1000])}
        extra = rng.choice([{}, {"country": rng.choice(COUNTRIES)}, {"type": rng.choice(TYPES)[0]},
                            {"actor": rng.choice(COUNTRIES)}, {"sort": "-goldstein"},
                            {"start": "2023-03-01", "end": "2023-06-30"}, {"text": "Brevik"}])
        return "/api/events", "/api/events", {**params, **extra}
    if roll < 0.55:
        doc = f"copy-{rng.randrange(COPIES)}" if rng.random() < 0.3 else f"wire-{rng.randrange(docs)}"
        return "/api/events/{id}", f"/api/events/{doc}:0", {}
    if roll < 0.65:
        return "/api/series", "/api/series", {"measure": rng.choice(["count", "goldstein", "quad"]),
                                              "period": rng.choice(["week", "month"])}
    if roll < 0.75:
        return "/api/dyads", "/api/dyads", rng.choice([{}, {"country": rng.choice(COUNTRIES)}])
    if roll < 0.85:
        return "/api/actors", "/api/actors", {"role": rng.choice(["source", "target", "any"])}
    if roll < 0.95:
        return "/api/documents/{id}", f"/api/documents/wire-{rng.randrange(docs)}", {}
    return "/health", "/health", {}


async def _load(base: str, clients: int, requests: int, docs: int, seed: int,
                warmup: int = 0) -> tuple[dict, float, dict, dict]:
    """Run the clients; each first sends ``warmup`` requests that are not timed (its connection is opened, the
    server's cache fills as it would after a while), then all start the timed ``requests`` together."""
    import httpx

    latencies: dict[str, list[float]] = defaultdict(list)
    failures: dict[str, int] = defaultdict(int)
    cached: dict[str, int] = defaultdict(int)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    warm, go = [0], asyncio.Event()

    async def get(http: httpx.AsyncClient, rng: random.Random, timed: bool) -> None:
        label, path, params = _mix(rng, docs)
        t0 = time.perf_counter()
        try:
            resp = await http.get(path, params=params)
            status = resp.status_code
            hit = resp.headers.get("x-tacitus-cache") == "hit"
        except httpx.HTTPError as exc:
            status, hit = type(exc).__name__, False
        if timed:
            latencies[label].append(time.perf_counter() - t0)
            cached[label] += hit
            if status != 200:
                failures[f"{label} {status}"] += 1

    async def client(k: int, http: httpx.AsyncClient) -> None:
        rng = random.Random(seed * 1000 + k)
        for _ in range(warmup):
            await get(http, rng, timed=False)
        warm[0] += 1
        if warm[0] == clients:
            go.set()
        await go.wait()
        for _ in range(requests):
            await get(http, rng, timed=True)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=300) as http:
        tasks = [asyncio.create_task(client(k, http)) for k in range(clients)]
        await go.wait()
        started = time.perf_counter()
        await asyncio.gather(*tasks)
        wall = time.perf_counter() - started
    return latencies, wall, failures, cached


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=20_000, help="synthetic event mentions in the store")
    ap.add_argument("--clients", type=int, default=200, help="concurrent clients")
    ap.add_argument("--requests", type=int, default=10, help="timed requests per client")
    ap.add_argument("--warmup", type=int, default=3, help="untimed requests per client first (0: none)")
    ap.add_argument("--db", type=Path, help="use (or build, when missing) the store here")
    ap.add_argument("--serve-args", default="", help="extra arguments for tacitus serve")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="tacitus-api-load-") as tmp:
        db = args.db or Path(tmp) / "load.duckdb"
        if not db.exists():
            build_store(db, args.events, args.seed)
        docs = max(1, (args.events - COPIES) // 4)  # the wire stories build_store writes
        port = _free_port()
        cmd = [sys.executable, "-m", "tacitus.cli", "serve", "--db", str(db), "--port", str(port),
               *shlex.split(args.serve_args)]
        log = open(Path(tmp) / "serve.log", "w+", encoding="utf-8")
        server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, env={**os.environ,
                                                                                   "PYTHONUNBUFFERED": "1"})
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_for(base, server, log)
            before = (_cpu_seconds(server.pid), resource.getrusage(resource.RUSAGE_SELF))
            latencies, wall, failures, cached = asyncio.run(_load(base, args.clients, args.requests, docs, args.seed,
                                                                  args.warmup))
            after = (_cpu_seconds(server.pid), resource.getrusage(resource.RUSAGE_SELF))
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
            log.seek(0)
            errors = [line for line in log if "Traceback" in line or "ERROR" in line]
            log.close()
    every = [x for xs in latencies.values() for x in xs]
    print(f"{args.clients} clients x {args.requests} timed requests (after {args.warmup} each untimed), "
          f"{len(every)} requests in {wall:.1f} s ({len(every) / wall:.0f}/s); load average {os.getloadavg()[0]:.1f}")
    print(f"{'endpoint':<22}{'requests':>9}{'p50 s':>9}{'p99 s':>9}{'max s':>9}{'cached':>8}")
    for label in sorted(latencies):
        xs = latencies[label]
        print(f"{label:<22}{len(xs):>9}{_pct(xs, .5):>9.3f}{_pct(xs, .99):>9.3f}{max(xs):>9.3f}"
              f"{cached[label] / len(xs):>8.0%}")
    print(f"{'overall':<22}{len(every):>9}{statistics.median(every):>9.3f}{_pct(every, .99):>9.3f}"
          f"{max(every):>9.3f}{sum(cached.values()) / len(every):>8.0%}")
    print("non-200 answers:", dict(failures) or "none", "| server errors logged:", len(errors))
    n = args.clients * (args.requests + args.warmup)
    client = sum(getattr(after[1], f) - getattr(before[1], f) for f in ("ru_utime", "ru_stime"))
    server_cpu = f"{(after[0] - before[0]) / n * 1000:.1f} ms" if after[0] is not None else "unknown (no /proc)"
    print(f"CPU per request, warm-up included: server {server_cpu}, these clients {client / n * 1000:.1f} ms")


def _cpu_seconds(pid: int) -> float | None:
    """User and system CPU seconds of a process so far (Linux /proc), None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_for(base: str, server: subprocess.Popen, log) -> None:
    import httpx

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise SystemExit(f"tacitus serve exited: {log.read()[-2000:]}")
        try:
            if httpx.get(f"{base}/health", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("tacitus serve did not answer within 120 s")


if __name__ == "__main__":
    main()
