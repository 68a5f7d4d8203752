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

A document is coded with what it says of itself before its first sentence (``events/lead.py``): its dateline
gives the place of the acts told at home there and, with a title timestamp, the date relative dates are read
against when the input carries no publication date; a title the body does not repeat is coded as the lead
(``sentence_index`` -1, ``from_title``).

Knowledge (patterns, ontology, actors, gazetteer ...) and grammar are handed in; see ``events/knowledge.py``
and ``events/grammar.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import islice

from spacy.tokens import Span

from tacitus.actors.context import DocContext
from tacitus.events.anchoring import Anchoring
from tacitus.events.arguments import Syntax
from tacitus.events.assembly import Assembly
from tacitus.events.calibration import Calibrate
from tacitus.events.claims import Claims
from tacitus.events.fatalities import bare_toll
from tacitus.events.focus import with_document_focus
from tacitus.events.grammar import Grammar
from tacitus.events.job import DocumentAnchors, SentenceJob
from tacitus.events.knowledge import Knowledge
from tacitus.events.lead import Lead, read_lead, story_year
from tacitus.events.modality import ModalityReader
from tacitus.events.places import PlaceReader
from tacitus.events.predicates import Predicate, PredicateFinder
from tacitus.events.recode import Recode
from tacitus.events.roles import Roles
from tacitus.events.setting import SettingReader
from tacitus.events.counterparts import Counterparts
from tacitus.events.retelling import Retelling
from tacitus.events.titles import retold_in_body, with_title_anchors
from tacitus.records import Document, Event

Stage = Callable[[SentenceJob], None]
StageFactory = Callable[["EventCoder"], Stage]

STAGE_FACTORIES: dict[str, StageFactory] = {
    "predicates": lambda coder: coder.finder,
    "roles": lambda coder: coder.roles,
    "recode": lambda coder: coder.recode,
    "anchoring": lambda coder: Anchoring(coder.syntax, coder.places, coder.knowledge.anchor_words,
                                         coder.knowledge.patterns.consequence_verbs,
                                         coder.knowledge.words.speech_verbs, coder.knowledge.words.future_aux,
                                         coder.recode.scheduled),
    "assembly": lambda coder: Assembly(coder.knowledge.ontology, coder.syntax, coder.modality,
                                       coder.knowledge.resolver,
                                       coder.knowledge.patterns.operation_nouns
                                       | coder.knowledge.patterns.incident_nouns,
                                       coder.knowledge.patterns.consequence_verbs, coder.knowledge.anchor_words,
                                       coder.knowledge.patterns.answers, coder.knowledge.patterns.noun_senses),
    "claims": lambda coder: coder.claims,
    "calibrate": lambda coder: Calibrate(coder.knowledge.calibration, coder.knowledge.ontology.groups["speech_acts"]),
}
STAGES: tuple[str, ...] = ("predicates", "roles", "recode", "anchoring", "assembly", "claims")
FINAL_STAGES: tuple[str, ...] = ("calibrate",)  # after any stage a user or the learned layer adds


class EventCoder:
    """Codes parsed sentences into events. One instance per process; it holds no per-document state."""

    def __init__(self, knowledge: Knowledge | None = None, grammar: Grammar | None = None,
                 stages: Sequence[str | StageFactory] = STAGES + FINAL_STAGES) -> None:
        self.knowledge = knowledge or Knowledge.default()
        self.grammar = grammar or Grammar.english()
        k = self.knowledge
        self.syntax = Syntax(self.grammar, k.words.document_nouns, k.resolver.person_nouns(), k.resolver.group_nouns(),
                             k.resolver.stance_prefixes())
        self.modality = ModalityReader(k.words, self.grammar)
        self.places = PlaceReader(k.gazetteer, k.resolver, self.grammar, k.ontology, k.anchor_words, self.syntax)
        self.finder = PredicateFinder(k.patterns, k.words, self.syntax, k.framing, k.mode_cues, k.ontology)
        self.roles = Roles(k, self.syntax, self.modality, self.places)
        self.recode = Recode(k, self.roles)  # the "recode" stage, whose schedule the anchoring stage also runs
        self.settings = SettingReader(k.gazetteer, k.resolver, self.grammar, k.anchor_words)
        w = k.anchor_words
        self.retelling = Retelling(w.retell_reach, w.retell_near_km, w,
                                   frozenset(k.ontology.unidentified_sectors.values()))
        self.counterparts = Counterparts(k.ontology.groups["aimed"],
                                         k.ontology.governing_sectors | k.ontology.irregular_forces)
        self.claims = Claims(self.syntax, k.patterns, self.grammar, k.resolver, k.ontology, k.words.nobody_subjects)
        self.stages: list[tuple[str, Stage]] = []
        for entry in stages:
            name = entry if isinstance(entry, str) else getattr(entry, "stage_name", getattr(entry, "__name__", "stage"))
            if isinstance(entry, str) and entry not in STAGE_FACTORIES:
                raise ValueError(f"unknown stage {entry!r}: known are {', '.join(STAGE_FACTORIES)}")
            factory = STAGE_FACTORIES[entry] if isinstance(entry, str) else entry
            self.stages.append((name, factory(self)))
        self._claims_read = any(name == Claims.stage_name for name, _ in self.stages)  # a claim told after its act too

    def stage(self, name: str) -> Stage:
        """The stage of that name in this coder's chain."""
        for stage_name, stage in self.stages:
            if stage_name == name:
                return stage
        raise KeyError(f"no stage {name!r} in this coder (it has {', '.join(n for n, _ in self.stages)})")

    def find_predicates(self, sent: Span) -> list[Predicate]:
        """Every predicate of a sentence with its sense (see PredicateFinder)."""
        return self.finder.find_predicates(sent)

    def new_context(self, document: Document, reference: str | None = None) -> DocContext:
        """The document's actor context, dated by its reference date; an undated document's actors are read in the
        middle of the latest year it states (``lead.story_year``), else today."""
        when = reference or document.published
        if when is None and (year := story_year(document)) is not None:
            when = f"{year}-07-01"
        return self.knowledge.resolver.new_context(when)

    def read_lead(self, document: Document) -> Lead:
        """The document's dateline, title timestamp and title to code (see ``events/lead.py``)."""
        gazetteer = self.knowledge.gazetteer
        return read_lead(document, self.knowledge.anchor_words,
                         lambda name: gazetteer.resolve(_unshout(name)) is not None)

    def where_when(self, document: Document, lead: Lead) -> DocumentAnchors:
        """What the article says of its own place and date: the dateline's place, and the date relative dates
        are read against (the publication date; else a title timestamp or a dateline's full date)."""
        from tacitus.time import find_dates

        words, gazetteer = self.knowledge.anchor_words, self.knowledge.gazetteer
        reference = document.published or lead.stamp
        dateline, seat, wire = None, False, False
        if lead.dateline is not None:
            if lead.dateline.date:
                found = find_dates(lead.dateline.date, reference, lead.year, same_weekday=True)
                if found and found[0].date and found[0].precision == "day":
                    reference, wire = found[0].date, True  # the story's own date
            if lead.dateline.place:
                where = lead.dateline.place
                seat_name = words.seats.get(where.casefold())
                dateline = gazetteer.resolve(seat_name or _unshout(where))
                seat = seat_name is not None
                if dateline is not None:
                    dateline = replace(dateline, basis="dateline", text=where)
        return DocumentAnchors(reference=reference, year=lead.year if reference is None else None,
                               dateline=dateline, seat=seat, wire_date=wire,
                               bureau=lead.dateline is not None and bool(lead.dateline.agency))

    def code_document(self, document: Document, paragraphs: list, *, lead: Lead | None = None,
                      title=None, headline=None) -> list[Event]:
        """Code a document whose paragraphs were parsed (in order) into ``paragraphs``: spaCy Docs, or (Doc,
        number of the document sentence it starts at) when only some sentences were parsed. ``lead`` is what
        the coder read before parsing (its dateline already cut from the parsed text; read here when not
        given), ``title`` the parsed title to code as the lead sentence, ``headline`` a parsed title that is not
        coded (it only tells where the story happens)."""
        lead = lead or self.read_lead(document)
        where_when = self.where_when(document, lead)
        context = self.new_context(document, where_when.reference)
        parsed = [p[0] if isinstance(p, tuple) else p for p in paragraphs]
        # the lead: the document's first sentence, when it was parsed and more follow
        sents = list(islice((s for p in parsed for s in p.sents), 2))
        starts = bool(paragraphs) and (not isinstance(paragraphs[0], tuple) or paragraphs[0][1] == 0)
        context.home_country, context.home_weight, context.home_share, context.story_countries = self.settings.read(
            parsed, where_when.dateline.country if where_when.dateline is not None and not where_when.seat else None,
            headline=title if title is not None else headline, when=context.when,
            outlet_home=self.knowledge.outlets.home(document.publisher, document.url),
            lead=sents[0] if starts and len(sents) > 1 else None)
        home_town = self.settings.home_town(parsed, context.home_country,
                                            headline=title if title is not None else headline)
        events: list[Event] = []
        index = 0
        for para in paragraphs:
            if isinstance(para, tuple):
                para, index = para
            for sent in para.sents:
                if sent.text.strip():
                    told = self.code_sentence(sent, index, document, context, where_when)
                    events.extend(told)
                    if not told:
                        self._fold_bare_toll(sent, index, events, where_when)
                    if self._claims_read:  # a claim told after its act (the stage reads one in the act's sentence)
                        self.claims.fold(sent, index, events, where_when, context,
                                         self.knowledge.anchor_words.toll_reach)
                    index += 1
        events = self.retelling(self.counterparts(events))
        if title is not None and title.text.strip():
            fresh = self.knowledge.resolver.new_context(context.when)  # the same date, its story year read once
            fresh.home_country, fresh.home_weight = context.home_country, context.home_weight
            fresh.home_share, fresh.story_countries = context.home_share, context.story_countries
            lead_events = []
            for e in self.code_sentence(title[:], -1, document, fresh, where_when, from_title=True):
                retold = [i for i, b in enumerate(events) if retold_in_body(e, b)]
                if not retold:
                    lead_events.append(e)  # the title's news, when the body does not tell it again
                else:
                    for i in retold:  # ... and when it does, the place and the day the title gives the act
                        events[i] = with_title_anchors(events[i], e)
            events = lead_events + events
        return with_document_focus(events, self.knowledge.gazetteer, home_town)

    def _fold_bare_toll(self, sent: Span, index: int, events: list[Event], where_when: DocumentAnchors) -> None:
        """A sentence that is only a toll ("3 fatalities.", "Four killed.") after an act of force told just before
        with no toll of its own gives that act its toll, as conflict notes write it."""
        last, reach = where_when.last_force, self.knowledge.anchor_words.toll_reach
        if last is None or not 0 < index - last[0] <= reach or last[1].fatalities is not None \
                or not self.knowledge.ontology.is_a(last[1].plover_type, "violence"):
            return  # (not an arrest's or a curfew's: a toll told alone counts the dead of an attack)
        toll = bare_toll(sent.text)
        at = next((i for i, e in enumerate(events) if e.event_id == last[1].event_id), None)
        if toll is not None and at is not None:
            events[at] = replace(last[1], fatalities=toll.count, fatalities_civilians=toll.civilians)
            where_when.last_force = (last[0], events[at])

    def code_sentence(self, sent: Span, index: int, document: Document, context: DocContext,
                      where_when: DocumentAnchors | None = None, *, from_title: bool = False) -> list[Event]:
        """The events of one sentence: the stages in order over its job."""
        job = SentenceJob(sent=sent, index=index, document=document, context=context,
                          where_when=where_when or DocumentAnchors(), from_title=from_title)
        for _, stage in self.stages:
            stage(job)
        return job.events


def _unshout(name: str) -> str:
    """A dateline's place as a name is written ("NEW DELHI" -> "New Delhi"; "KANSAS CITY, Mo." keeps "Mo.")."""
    head, comma, tail = name.partition(",")
    return (head.title() if head.isupper() else head) + comma + tail
