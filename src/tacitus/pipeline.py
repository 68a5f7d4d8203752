"""The pipeline: inputs -> ingest -> parse -> code -> (Document, events), in order, on one or more processes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from tacitus.coding import Coder
from tacitus.engines import ENGINES
from tacitus.failures import Failure, reject
from tacitus.records import Document, Event, InputStatus, is_unresolved
from tacitus.settings import Settings

__all__ = ["Coder", "run"]  # Coder lives in tacitus.coding; it is named here too for the Python API


def _chunks(pairs: Iterable[tuple[InputStatus, Document | None]], size: int):
    """Groups of (status, document) pairs holding at most ``size`` documents each."""
    it = iter(pairs)
    while True:
        group = list(islice(it, size))
        if not group:
            return
        yield group


Verdict = tuple[str, str] | None  # (status, reason) for a document that is not to be coded
Judge = Callable[[list[Document]], list[Verdict]]


def _judge_of(skip: set[str] | Judge | None) -> Judge | None:
    if skip is None or callable(skip):
        return skip
    ids = set(skip)
    return lambda docs: [("skipped", "already in the store") if d.doc_id in ids else None for d in docs]


def _judged(groups, judge: Judge | None):
    """The groups, with the status of each document the judge says not to code set to its verdict."""
    for group in groups:
        if judge is not None:
            todo = [(s, d) for s, d in group if d is not None and s.status == "coded"]
            for (status, _), verdict in zip(todo, judge([d for _, d in todo])):
                if verdict is not None:
                    status.status, status.reason = verdict
        yield group


def run(inputs: Iterable[str], settings: Settings | None = None, *, stdin=None,
        skip: set[str] | Judge | None = None) -> Iterator[tuple[InputStatus, Document | None, list[Event]]]:
    """Code every input; yields each input's status (with its document and events) in input order.

    ``skip`` holds doc ids already done (reported as skipped, "already in the store"), or is a function that
    takes a group of documents before they are coded and returns, for each, None (code it) or the
    (status, reason) it gets instead (the CLI asks the store and the JSONL output what they hold). A document
    whose reading or coding raises is rejected with a one-line reason (``internal error: ...``) and its traceback
    goes to the ``tacitus.failures`` log; the run goes on.
    """
    from tacitus.ingest import iter_inputs

    settings = settings or Settings()
    if settings.engine not in ENGINES:
        raise ValueError(f"engine {settings.engine!r}: choose one of {', '.join(ENGINES)}")
    pairs = iter_inputs(inputs, published=settings.published, stdin=stdin)

    def todo(group):
        return [d for s, d in group if d is not None and s.status == "coded"]

    def emit(group, results):
        it = iter(results)
        for status, doc in group:
            if doc is not None and status.status == "coded":
                events = next(it)
                if isinstance(events, Failure):
                    yield reject(status, events), None, []
                    continue
                status.events = len(events)
                status.unresolved_actors = sum(is_unresolved(a) for e in events for a in (e.source, e.target))
                status.published = bool(doc.published)
                status.undated_events = sum(e.date is None for e in events)
                yield status, doc, events
            else:
                yield status, doc, []

    groups = _judged(_chunks(pairs, settings.docs_per_task), _judge_of(skip))
    for group, results in ENGINES[settings.engine](groups, todo, settings):
        yield from emit(group, results)

