"""Coding documents in one process: parse with spaCy, then the sentence coder's stages.

:class:`Coder` is what every engine runs (one per process): it builds the knowledge bundle and the grammar once,
checks that the spaCy pipeline uses the labels the grammar expects, and assembles the sentence coder's stages
(the learned layer last, when the settings ask for it).
"""

from __future__ import annotations

import weakref

from tacitus.failures import Failure, failure
from tacitus.records import Document, Event
from tacitus.settings import Settings

# documents coded in one of spaCy's memory zones: the words they add to the vocabulary are freed when it closes.
# A zone per call (16 documents) made spaCy create the same rare words again and again: 16,346 new lexemes for the
# corpus's 161 articles instead of 6,818, about 3% of the coding time.
ZONE_DOCUMENTS = 512


class _RollingZone:
    """The memory zone a pipeline's documents are coded in, kept open for ZONE_DOCUMENTS documents and closed
    before the next call. One per pipeline, whichever Coder uses it: spaCy's zones do not nest, and a pipeline
    is shared by the Coders of one model (parse.load_pipeline keeps one)."""

    def __init__(self) -> None:
        self.zone = None
        self.documents = 0

    def enter(self, nlp, documents: int) -> None:
        if self.zone is None or self.documents >= ZONE_DOCUMENTS:
            if self.zone is not None:
                self.zone.__exit__(None, None, None)
                self.zone = None
            zone = nlp.memory_zone()
            zone.__enter__()
            self.zone, self.documents = zone, 0
        self.documents += documents


_ZONES: "weakref.WeakKeyDictionary[object, _RollingZone]" = weakref.WeakKeyDictionary()  # pipeline -> its zone
TITLE = "title"  # the parse unit that is a document's title (coded as its lead sentence)
HEADLINE = "headline"  # the parse unit of a title that is not coded (the body repeats it): read for the setting only


class Coder:
    """Parses and codes documents in one process (the model and knowledge are loaded once)."""

    def __init__(self, settings: Settings | None = None, *, knowledge=None, grammar=None) -> None:
        from tacitus.events.coder import FINAL_STAGES, STAGES, EventCoder
        from tacitus.events.grammar import Grammar
        from tacitus.events.knowledge import Knowledge
        from tacitus.parse import load_pipeline

        self.settings = settings or Settings()
        self.grammar = grammar or Grammar.english()
        self.nlp = load_pipeline(self.settings.model, keep_whole=self.grammar.whole_words())
        self.grammar.check(self.nlp, self.settings.model)
        base = knowledge or Knowledge.default()
        self.knowledge = base.with_files(self.settings.pattern_files, self.settings.actor_files)
        stages: list = list(STAGES)
        if self.settings.learned:
            from tacitus.learn import LearnedLayer
            from tacitus.learn.stage import learned_stage

            layer = LearnedLayer.shipped(self.knowledge.words, self.knowledge.ontology)
            if layer is not None:
                stages.append(learned_stage(layer, model_events=self.settings.model_events))
        self.coder = EventCoder(self.knowledge, self.grammar, [*stages, *FINAL_STAGES])
        self.prefilter = None
        if self.settings.prefilter and not self.settings.model_events:
            from tacitus.prefilter import SentenceFilter

            self.prefilter = SentenceFilter.for_coder(self.knowledge.patterns, self.knowledge.words, self.nlp)

    def _parse_units(self, document: Document) -> list[tuple[str, int | None]]:
        """The paragraphs, or with the prefilter the runs of sentences that may hold an event, each with the
        number of the document sentence it starts at (None: count on from the previous chunk)."""
        if self.prefilter is None:
            return [(para, None) for para in document.paragraphs]
        if not document.paragraphs:
            return []
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

    def _parse(self, documents: list[Document]) -> tuple[list, list[list], list, list]:
        """Each document's lead (its dateline read and cut off), parsed paragraphs (or runs of sentences, parsed in
        batches across documents) and parsed title (a title the body does not repeat is coded as the lead; any other
        title is parsed as the headline, which only tells the coder where the story happens)."""
        from dataclasses import replace

        leads = [self.coder.read_lead(doc) for doc in documents]
        items = [(text, (n, first)) for n, (doc, lead) in enumerate(zip(documents, leads))
                 for text, first in self._parse_units(replace(doc, text=lead.text))]
        for n, lead in enumerate(leads):
            coded = lead.title and (self.prefilter is None or self.prefilter.keeps(lead.title))
            if coded:
                items.append((lead.title, (n, TITLE)))
            elif lead.headline:
                items.append((lead.headline, (n, HEADLINE)))
        parsed: list[list] = [[] for _ in documents]
        titles: list = [None for _ in documents]
        headlines: list = [None for _ in documents]
        for spacy_doc, (n, first) in self.nlp.pipe(items, as_tuples=True, batch_size=self.settings.batch_size):
            if first == TITLE:
                titles[n] = spacy_doc
            elif first == HEADLINE:
                headlines[n] = spacy_doc
            else:
                parsed[n].append(spacy_doc if first is None else (spacy_doc, first))
        return leads, parsed, titles, headlines

    def code(self, documents: list[Document]) -> list[list[Event]]:
        """Events of each document, in the order given (an exception stops the whole list)."""
        self._zone(len(documents))
        leads, parsed, titles, headlines = self._parse(documents)
        return [self.coder.code_document(doc, paras, lead=lead, title=title, headline=headline)
                for doc, paras, lead, title, headline in zip(documents, parsed, leads, titles, headlines)]

    def _zone(self, documents: int) -> None:
        """Code ``documents`` in spaCy's memory zone: the words and strings they add to the shared vocabulary are
        freed when the zone closes (without it a long run grows by every new word, number and name it reads). A
        zone stays open for ZONE_DOCUMENTS documents and closes at the start of a later call, when no spaCy
        object of an earlier one is left: the events hold plain values only (_RollingZone)."""
        _ZONES.setdefault(self.nlp, _RollingZone()).enter(self.nlp, documents)

    def code_each(self, documents: list[Document]) -> list[list[Event] | Failure]:
        """Events of each document, in the order given; a document that raises gets a Failure in its place and
        the others are coded all the same (a batch whose parse fails is parsed again one document at a time)."""
        self._zone(len(documents))
        return self._code_each(documents)

    def _code_each(self, documents: list[Document]) -> list[list[Event] | Failure]:
        try:
            leads, parsed, titles, headlines = self._parse(documents)
        except Exception as exc:  # noqa: BLE001 - isolate the document that raised
            if len(documents) == 1:
                return [failure(exc, "coding")]
            return [result for doc in documents for result in self._code_each([doc])]
        results: list[list[Event] | Failure] = []
        for doc, paras, lead, title, headline in zip(documents, parsed, leads, titles, headlines):
            try:
                results.append(self.coder.code_document(doc, paras, lead=lead, title=title, headline=headline))
            except Exception as exc:  # noqa: BLE001 - one document's bug must not stop the batch
                results.append(failure(exc, "coding"))
        return results

    def code_text(self, text: str, *, published: str | None = None, doc_id: str = "text") -> list[Event]:
        """Code a piece of plain text (cleaned like any other input)."""
        from tacitus.ingest.clean import clean_text

        cleaned = clean_text(text)
        doc = Document(doc_id=doc_id, text=cleaned.text, title=cleaned.title, published=published)
        return self.code([doc])[0]
