"""The pipeline: inputs -> ingest -> parse -> code -> (Document, events), in order, on one or more processes."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from tacitus.records import Document, Event, InputStatus, is_unresolved
from tacitus.settings import Settings


class Coder:
    """Parses and codes documents in one process (the model and knowledge are loaded once)."""

    def __init__(self, settings: Settings | None = None) -> None:
        from tacitus.actors import ActorResolver
        from tacitus.events.coder import EventCoder
        from tacitus.events.patterns import PatternBook
        from tacitus.parse import load_pipeline

        self.settings = settings or Settings()
        self.nlp = load_pipeline(self.settings.model)
        patterns = PatternBook.default()
        for path in self.settings.pattern_files:
            patterns = patterns.extended(path)
        resolver = ActorResolver(self.settings.actor_files) if self.settings.actor_files else None
        layer = None
        if self.settings.learned:
            from tacitus.learn import LearnedLayer

            layer = LearnedLayer.default()
        self.coder = EventCoder(patterns=patterns, resolver=resolver, layer=layer,
                                model_events=self.settings.model_events)
        self.prefilter = None
        if self.settings.prefilter and not self.settings.model_events:
            from tacitus.prefilter import SentenceFilter

            self.prefilter = SentenceFilter.for_coder(patterns, self.coder.words, self.nlp)

    def _parse_units(self, document: Document) -> list[tuple[str, int | None]]:
        """The paragraphs, or with the prefilter the runs of sentences that may hold an event, each with the
        number of the document sentence it starts at (None: count on from the previous chunk)."""
        if self.prefilter is None:
            return [(para, None) for para in document.paragraphs]
        from tacitus.prefilter import split_sentences

        runs: list[tuple[str, int | None]] = []
        number = 0
        for para in document.paragraphs:
            current: list[str] = []
            start = number
            for sentence in split_sentences(para):
                if self.prefilter.keeps(sentence):
                    if not current:
                        start = number
                    current.append(sentence)
                elif current:
                    runs.append((" ".join(current), start))
                    current = []
                number += 1
            if current:
                runs.append((" ".join(current), start))
        return runs

    def code(self, documents: list[Document]) -> list[list[Event]]:
        """Events of each document, in the order given."""
        items = [(text, (n, first)) for n, doc in enumerate(documents) for text, first in self._parse_units(doc)]
        parsed: list[list] = [[] for _ in documents]
        for spacy_doc, (n, first) in self.nlp.pipe(items, as_tuples=True, batch_size=self.settings.batch_size):
            parsed[n].append(spacy_doc if first is None else (spacy_doc, first))
        return [self.coder.code_document(doc, paras) for doc, paras in zip(documents, parsed)]

    def code_text(self, text: str, *, published: str | None = None, doc_id: str = "text") -> list[Event]:
        """Code a piece of plain text (cleaned like any other input)."""
        from tacitus.ingest.clean import clean_text

        cleaned = clean_text(text)
        doc = Document(doc_id=doc_id, text=cleaned.text, title=cleaned.title, published=published)
        return self.code([doc])[0]


_WORKER: Coder | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER
    _WORKER = Coder(settings)


def _work(documents: list[Document]) -> list[list[Event]]:
    assert _WORKER is not None
    return _WORKER.code(documents)


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
    (status, reason) it gets instead (the CLI asks the store and the JSONL output what they hold).
    """
    from tacitus.ingest import iter_inputs

    settings = settings or Settings()
    pairs = iter_inputs(inputs, published=settings.published, stdin=stdin)

    def todo(group):
        return [d for s, d in group if d is not None and s.status == "coded"]

    def emit(group, results):
        it = iter(results)
        for status, doc in group:
            if doc is not None and status.status == "coded":
                events = next(it)
                status.events = len(events)
                status.unresolved_actors = sum(is_unresolved(a) for e in events for a in (e.source, e.target))
                yield status, doc, events
            else:
                yield status, doc, []

    groups = _judged(_chunks(pairs, settings.docs_per_task), _judge_of(skip))
    if settings.engine == "ray":
        from tacitus.ray_engine import ray_results

        for group, results in ray_results(groups, todo, settings):
            yield from emit(group, results)
        return
    if settings.workers <= 1:
        coder = Coder(settings)
        for group in groups:
            yield from emit(group, coder.code(todo(group)))
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
    with ctx.Pool(settings.workers, initializer=_init_worker, initargs=(settings,)) as pool:
        pending = []
        for group in groups:
            pending.append((group, pool.apply_async(_work, (todo(group),))))
            while len(pending) > settings.workers * 2:
                g, res = pending.pop(0)
                yield from emit(g, res.get())
        for g, res in pending:
            yield from emit(g, res.get())
