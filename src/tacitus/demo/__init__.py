"""`tacitus demo`: code the bundled demo corpus (short news-like texts written by the tacitus team) into a
store and print a readable summary."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path


def corpus_dir() -> Path:
    return Path(str(resources.files("tacitus.demo").joinpath("corpus")))


def run_demo(db: Path) -> dict:
    from rich.console import Console
    from rich.table import Table

    from tacitus.report import run_report
    from tacitus.pipeline import run
    from tacitus.records import is_counted
    from tacitus.settings import Settings
    from tacitus.store import EventStore

    console = Console()
    settings = Settings()
    statuses, events = [], []
    with EventStore(db) as store:
        run_id = store.start_run(settings.to_dict())
        for status, doc, evs in run([str(corpus_dir())], settings):
            if doc is not None and status.status == "coded":
                store.add_document(doc, evs, run_id=run_id)
                events.extend(evs)
            statuses.append(status)
        report = run_report(statuses, settings)
        store.finish_run(run_id, report)
        real = store.query("SELECT count(*) AS n, sum(num_mentions) AS m FROM events")
    t = report["totals"]
    console.print(f"[bold]tacitus demo[/bold]: {t['inputs']} inputs, {t['coded']} coded, {t['skipped']} skipped "
                  f"(duplicates), {t['rejected']} rejected, {t['events']} event mentions -> {db}")
    console.print(f"{int(real['n'][0])} real-world events in the store's events view, from "
                  f"{int(real['m'][0] or 0)} counted mentions (query it: tacitus query \"SELECT * FROM events\" "
                  f"--db {db})")
    asserted = [e for e in events if is_counted(e.modality)]
    by_type = Table(title="Events by PLOVER type", min_width=40)
    by_type.add_column("type")
    by_type.add_column("events", justify="right")
    for k, n in Counter(e.plover_type for e in asserted).most_common():
        by_type.add_row(k, str(n))
    console.print(by_type)
    dyads = Table(title="Top dyads", min_width=40)
    for col in ("source", "type", "target", "events"):
        dyads.add_column(col)
    for (s, ty, tg), n in Counter((e.source.code, e.plover_type, e.target.code if e.target else "-")
                                  for e in asserted).most_common(10):
        dyads.add_row(s or "?", ty, tg or "?", str(n))
    console.print(dyads)
    console.print(f"Open the dashboard: [bold]tacitus serve --db {db}[/bold]  then visit http://127.0.0.1:8000/")
    return report
