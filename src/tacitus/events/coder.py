"""The sentence coder: parsed sentences -> coded event mentions (PLOVER + CAMEO), as a chain of stages.

Each sentence becomes one :class:`~tacitus.events.job.SentenceJob` that the stages fill in turn:

    predicates  job.predicates, job.active  predicates.py  verbs and event nouns with their senses
    roles       job.drafts                  roles.py       source and target actors, modality
    recode      job.drafts (rewritten)      recode.py      reported speech, demands, modality recodes
    anchoring   job.anchors                 anchoring.py   dates, places and tolls tied to their predicate
    assembly    job.events                  assembly.py    Event records with ids

The order is :data:`STAGES`; a stage is any callable taking the job. ``EventCoder(stages=[...])`` replaces the
chain: a name of :data:`STAGE_FACTORIES` or a factory ``coder -> stage`` (how the learned layer, which lives in
``tacitus.learn``, is added after assembly). After the last sentence, the document's focus places the events
their own sentences did not place.

Knowledge (patterns, ontology, actors, gazetteer ...) and grammar are handed in; see ``events/knowledge.py``
and ``events/grammar.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Span

from tacitus.actors.context import DocContext
from tacitus.events.anchoring import Anchoring
from tacitus.events.arguments import Syntax
from tacitus.events.assembly import Assembly
from tacitus.events.grammar import Grammar
from tacitus.events.job import SentenceJob
from tacitus.events.knowledge import Knowledge
from tacitus.events.modality import ModalityReader
from tacitus.events.places import PlaceReader, with_document_focus
from tacitus.events.predicates import Predicate, PredicateFinder
from tacitus.events.recode import Recode
from tacitus.events.roles import Roles
from tacitus.events.setting import SettingReader
from tacitus.records import Document, Event

Stage = Callable[[SentenceJob], None]
StageFactory = Callable[["EventCoder"], Stage]

STAGE_FACTORIES: dict[str, StageFactory] = {
    "predicates": lambda coder: coder.finder,
    "roles": lambda coder: coder.roles,
    "recode": lambda coder: Recode(coder.knowledge, coder.roles),
    "anchoring": lambda coder: Anchoring(coder.syntax, coder.places),
    "assembly": lambda coder: Assembly(coder.knowledge.ontology, coder.syntax, coder.modality),
}
STAGES: tuple[str, ...] = ("predicates", "roles", "recode", "anchoring", "assembly")


class EventCoder:
    """Codes parsed sentences into events. One instance per process; it holds no per-document state."""

    def __init__(self, knowledge: Knowledge | None = None, grammar: Grammar | None = None,
                 stages: Sequence[str | StageFactory] = STAGES) -> None:
        self.knowledge = knowledge or Knowledge.default()
        self.grammar = grammar or Grammar.english()
        k = self.knowledge
        self.syntax = Syntax(self.grammar, k.words.document_nouns, k.resolver.person_nouns())
        self.modality = ModalityReader(k.words, self.grammar)
        self.places = PlaceReader(k.gazetteer, k.resolver, self.grammar, k.ontology)
        self.finder = PredicateFinder(k.patterns, k.words, self.syntax, k.framing, k.mode_cues, k.ontology)
        self.roles = Roles(k, self.syntax, self.modality, self.places)
        self.settings = SettingReader(k.gazetteer, k.resolver, self.grammar)
        self.stages: list[tuple[str, Stage]] = []
        for entry in stages:
            name = entry if isinstance(entry, str) else getattr(entry, "stage_name", getattr(entry, "__name__", "stage"))
            if isinstance(entry, str) and entry not in STAGE_FACTORIES:
                raise ValueError(f"unknown stage {entry!r}: known are {', '.join(STAGE_FACTORIES)}")
            factory = STAGE_FACTORIES[entry] if isinstance(entry, str) else entry
            self.stages.append((name, factory(self)))

    def stage(self, name: str) -> Stage:
        """The stage of that name in this coder's chain."""
        for stage_name, stage in self.stages:
            if stage_name == name:
                return stage
        raise KeyError(f"no stage {name!r} in this coder (it has {', '.join(n for n, _ in self.stages)})")

    def find_predicates(self, sent: Span) -> list[Predicate]:
        """Every predicate of a sentence with its sense (see PredicateFinder)."""
        return self.finder.find_predicates(sent)

    def new_context(self, document: Document) -> DocContext:
        return self.knowledge.resolver.new_context(document.published)

    def code_document(self, document: Document, paragraphs: list) -> list[Event]:
        """Code a document whose paragraphs were parsed (in order) into ``paragraphs``: spaCy Docs, or (Doc,
        number of the document sentence it starts at) when only some sentences were parsed."""
        context = self.new_context(document)
        context.home_country = self.settings.setting([p[0] if isinstance(p, tuple) else p for p in paragraphs],
                                                     document.text)
        events: list[Event] = []
        index = 0
        for para in paragraphs:
            if isinstance(para, tuple):
                para, index = para
            for sent in para.sents:
                if sent.text.strip():
                    events.extend(self.code_sentence(sent, index, document, context))
                    index += 1
        return with_document_focus(events)

    def code_sentence(self, sent: Span, index: int, document: Document, context: DocContext) -> list[Event]:
        """The events of one sentence: the stages in order over its job."""
        job = SentenceJob(sent=sent, index=index, document=document, context=context)
        for _, stage in self.stages:
            stage(job)
        return job.events
