"""The pipeline: inputs -> ingest -> parse -> code -> (Document, events), in order, on one or more processes."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice

from tacitus.failures import Failure, failure, reject
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

    def _parse(self, documents: list[Document]) -> list[list]:
        """The parsed paragraphs (or runs of sentences) of each document, parsed in batches across documents."""
        items = [(text, (n, first)) for n, doc in enumerate(documents) for text, first in self._parse_units(doc)]
        parsed: list[list] = [[] for _ in documents]
        for spacy_doc, (n, first) in self.nlp.pipe(items, as_tuples=True, batch_size=self.settings.batch_size):
            parsed[n].append(spacy_doc if first is None else (spacy_doc, first))
        return parsed

    def code(self, documents: list[Document]) -> list[list[Event]]:
        """Events of each document, in the order given (an exception stops the whole list)."""
        return [self.coder.code_document(doc, paras) for doc, paras in zip(documents, self._parse(documents))]

    def code_each(self, documents: list[Document]) -> list[list[Event] | Failure]:
        """Events of each document, in the order given; a document that raises gets a Failure in its place and
        the others are coded all the same (a batch whose parse fails is parsed again one document at a time)."""
        try:
            parsed = self._parse(documents)
        except Exception as exc:  # noqa: BLE001 - isolate the document that raised
            if len(documents) == 1:
                return [failure(exc, "coding")]
            return [result for doc in documents for result in self.code_each([doc])]
        results: list[list[Event] | Failure] = []
        for doc, paras in zip(documents, parsed):
            try:
                results.append(self.coder.code_document(doc, paras))
            except Exception as exc:  # noqa: BLE001 - one document's bug must not stop the batch
                results.append(failure(exc, "coding"))
        return results

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


def _work(documents: list[Document]) -> list[list[Event] | Failure]:
    assert _WORKER is not None
    return _WORKER.code_each(documents)


def _chunks(pairs: Iterable[tuple[InputStatus, Document | None]], size: int):
    """Groups of (status, document) pairs holding at most ``size`` documents each."""
    it = iter(pairs)
    while True:
        group = list(islice(it, size))
        if not group:
            return
        yield group


def run(inputs: Iterable[str], settings: Settings | None = None, *, stdin=None,
        skip: set[str] | None = None) -> Iterator[tuple[InputStatus, Document | None, list[Event]]]:
    """Code every input; yields each input's status (with its document and events) in input order.

    ``skip`` holds doc ids already done (for example present in the store): they are reported as skipped. A
    document whose reading or coding raises is rejected with a one-line reason (``internal error: ...``) and its
    traceback goes to the ``tacitus.failures`` log; the run goes on.
    """
    from tacitus.ingest import iter_inputs

    settings = settings or Settings()
    skip = skip or set()
    pairs = iter_inputs(inputs, published=settings.published, stdin=stdin)

    def todo(group):
        return [d for s, d in group if d is not None and s.status == "coded" and d.doc_id not in skip]

    def emit(group, results):
        it = iter(results)
        for status, doc in group:
            if doc is not None and status.status == "coded":
                if doc.doc_id in skip:
                    status.status, status.reason = "skipped", "already in the store"
                    yield status, doc, []
                    continue
                events = next(it)
                if isinstance(events, Failure):
                    yield reject(status, events), None, []
                    continue
                status.events = len(events)
                status.unresolved_actors = sum(is_unresolved(a) for e in events for a in (e.source, e.target))
                yield status, doc, events
            else:
                yield status, doc, []

    groups = _chunks(pairs, settings.docs_per_task)
    if settings.engine == "ray":
        from tacitus.ray_engine import ray_results

        for group, results in ray_results(groups, todo, settings):
            yield from emit(group, results)
        return
    if settings.workers <= 1:
        coder = Coder(settings)
        for group in groups:
            yield from emit(group, coder.code_each(todo(group)))
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
