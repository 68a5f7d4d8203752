"""One `tacitus code` run: the pipeline's documents to the output, the store and the report, resumable.

The store is written in batches (``STORE_BATCH`` documents, ``STORE_CHARS`` of text, or what arrived in
``STORE_SECONDS``), in input order; the report gets each input's line when its status is final (after the store
has taken or refused it).
Before a group of documents is coded, the store (or, with no store, the ledger of a resumed JSONL output) says
which of them need no coding: with ``resume``, those it holds with the same content and settings; always, those
whose id it holds with other content, unless ``replace``.

Failures that stop the run raise RunFailure (exit 1) naming the file and the cause; options that cannot work
raise UsageProblem (exit 2) before any work starts.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from tacitus import __version__
from tacitus.errors import TacitusError
from tacitus.run_failures import RunFailure, file_errors, store_errors
from tacitus.records import Document, Event, InputStatus
from tacitus.settings import Settings

STORE_BATCH = 256  # documents written to the store in one transaction ...
STORE_SECONDS = 2.0  # ... or fewer, when they took this long to code ...
STORE_CHARS = 16_000_000  # ... or held this much text (a transaction must fit the store process's memory limit)
RELEASE_EVERY = 8192  # documents stored between two releases of the store's memory (EventStore.release_memory)

Stream = Iterator[tuple[InputStatus, Document | None, list[Event]]]


class UsageProblem(TacitusError, ValueError):
    """Options that cannot work together or with what is on disk; the message is a one-line reason."""


@dataclass
class CodeOptions:
    inputs: list[str]
    settings: Settings
    fmt: str = "jsonl"
    output: Path | None = None
    db: Path | None = None
    report: Path | None = None
    include_all: bool = False
    resume: bool = False
    replace: bool = False


class StoreBuffer:
    """Holds the statuses of the run in input order, with the documents still to be stored; releases them when
    their batch has gone to the store (with the store's verdict on each)."""

    def __init__(self, store, run_id: str | None, replace: bool, output_written: bool = False) -> None:
        self.store, self.run_id, self.replace = store, run_id, replace
        self.output_written = output_written  # coded events also go to an output file
        self.held: list[tuple[InputStatus, Document | None, list[Event]]] = []
        self.docs = 0
        self.chars = 0  # text held for the store
        self.since = 0.0
        self.unreleased = 0

    def add(self, status: InputStatus, doc: Document | None, events: list[Event]) -> list[InputStatus]:
        stored = self.store is not None and doc is not None and status.status == "coded"
        if self.store is None or (not stored and not self.held):
            return [status]
        self.held.append((status, doc if stored else None, events))
        if stored:
            self.docs += 1
            self.chars += len(doc.text)
            self.since = self.since or time.monotonic()
        if (self.docs >= STORE_BATCH or self.chars >= STORE_CHARS
                or (self.docs and time.monotonic() - self.since >= STORE_SECONDS)):
            return self.flush()
        return []

    def flush(self) -> list[InputStatus]:
        pairs = [(doc, events) for _, doc, events in self.held if doc is not None]
        if pairs:
            with store_errors(self.store.path):
                outcomes = iter(self.store.add_documents(pairs, run_id=self.run_id, replace=self.replace))
                self.unreleased += len(pairs)
                if self.unreleased >= RELEASE_EVERY:
                    self.store.release_memory()
                    self.unreleased = 0
            for status, doc, _ in self.held:
                if doc is not None:
                    outcome = next(outcomes)
                    if not outcome.written:
                        status.status, status.reason = outcome.status, outcome.reason
                        if status.status == "rejected" and status.events and self.output_written:
                            status.reason += "; its events were written to the output"
                        status.events = status.unresolved_actors = 0
                    elif outcome.reason:
                        status.reason = "; ".join(r for r in (status.reason, outcome.reason) if r)
        released = [status for status, _, _ in self.held]
        self.held, self.docs, self.chars, self.since = [], 0, 0, 0.0
        return released


def _close(*closers: tuple[Callable[[], None], Path | None], quiet: bool) -> None:
    """Close each file; when the run already failed, a failure to close does not hide the first one."""
    for close, path in closers:
        try:
            with file_errors(path):
                close()
        except RunFailure:
            if not quiet:
                raise


def _check_resume_settings(store, settings: Settings, digest: str) -> None:
    last = store.latest_run()
    if last is None or last.get("settings_digest") in (None, digest):
        return
    before = last.get("settings") or {}
    now = settings.to_dict()
    changed = [f"{k}: {before.get(k)!r} -> {now.get(k)!r}" for k in settings.coding() if before.get(k) != now.get(k)]
    raise UsageProblem(f"--resume: the last run in {store.path} ({last['run_id']}) coded with other settings "
                       f"({'; '.join(changed) or 'the actor or pattern files changed'}); resume with the same "
                       "options, or code again without --resume")


def _judge(store, ledger_done: dict[str, str], opts: CodeOptions, digest: str):
    """What the pipeline asks before coding a group of documents (None when nothing is to be asked)."""
    if store is not None:
        def ask_store(docs: list[Document]):
            with store_errors(store.path):
                verdicts = store.triage(docs, settings_digest=digest, replace=opts.replace, resume=opts.resume)
            return [(v.status, v.reason) if v is not None else None for v in verdicts]
        return ask_store
    if opts.resume and ledger_done:
        return lambda docs: [("skipped", "already in the output") if ledger_done.get(d.doc_id) == d.content_hash
                             else None for d in docs]
    return None


def code_inputs(opts: CodeOptions, *, stdin: TextIO | None = None, on_status: Callable[[InputStatus], None],
                progress: Callable[[Stream], Stream] = lambda s: s) -> dict:
    """Run the coding; calls ``on_status`` with each input's final status, in input order; returns the run's
    summary (RunReport.summary: totals and warnings)."""
    from tacitus import output as out_mod
    from tacitus.output_ledger import prepare_resume
    from tacitus.pipeline import run
    from tacitus.report import RunReport

    settings = opts.settings
    digest = settings.digest()
    header = {"coder_version": __version__, "settings_digest": digest, "settings": settings.coding()}
    store = None
    if opts.db is not None:
        from tacitus.store.remote import StoreProcess

        with store_errors(opts.db):
            store = StoreProcess(opts.db)  # written by a process of its own: the two heaps stay apart
    try:
        with store_errors(opts.db):
            if opts.resume and store is not None:
                _check_resume_settings(store, settings, digest)
        ledger_done: dict[str, str] = {}
        appending = False
        jsonl_file = opts.fmt == "jsonl" and opts.output is not None
        if opts.resume and jsonl_file:
            def keep(written):
                with store_errors(opts.db):
                    return store.resumable([(w.doc_id, w.content_hash) for w in written], settings_digest=digest)
            try:
                with file_errors(opts.output):
                    ledger_done = prepare_resume(opts.output, header, keep=keep if store is not None else None)
            except ValueError as exc:
                raise UsageProblem(str(exc)) from None
            appending = opts.output.exists()
        run_id = None
        if store is not None:
            with store_errors(opts.db):
                run_id = store.start_run(settings.to_dict(), digest=digest)
        with file_errors(opts.output):
            writer = out_mod.open_writer(opts.fmt, opts.output, include_all=opts.include_all, append=appending,
                                         ledger_header=header if jsonl_file else None)
        with file_errors(opts.report):
            report = RunReport(opts.report, settings)
        buffer = StoreBuffer(store, run_id, opts.replace, output_written=opts.output is not None)

        def release(statuses: Iterable[InputStatus]) -> None:
            for status in statuses:
                with file_errors(opts.report):
                    report.add(status)
                on_status(status)

        error = None
        try:
            stream = run(opts.inputs, settings, stdin=stdin, skip=_judge(store, ledger_done, opts, digest))
            for status, doc, events in progress(stream):
                if doc is not None and status.status == "coded":
                    with file_errors(opts.output):
                        writer.write(events, doc)
                release(buffer.add(status, doc, events))
            release(buffer.flush())
        except BaseException as exc:
            error = str(exc) if isinstance(exc, RunFailure) else f"stopped by {type(exc).__name__}"
            raise
        finally:
            _close((writer.close, opts.output), (lambda: report.close(error), opts.report), quiet=error is not None)
        if store is not None:
            with store_errors(opts.db):
                store.finish_run(run_id, report.stored_summary())
        return report.summary()
    finally:
        if store is not None:
            try:
                store.close()
            except Exception:  # a store that already failed may not close cleanly; the first error is the one shown
                pass
