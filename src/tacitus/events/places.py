"""Where an event happened: places the tagger finds or misses, a document's focus, and actors known only by
their sector placed in the country where they act."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from tacitus.events.grammar import Grammar
from tacitus.events.ontology import Ontology
from tacitus.records import NON_STATE_CODES, Actor, Event, Location

# Actor codes that name no state: the non-state bodies, a people (KUR), regions and territories (AFR, WSB, ...).
NOT_STATES = NON_STATE_CODES | {"KUR", "AFR", "ASA", "MEA", "WSB"}
NOT_STATE_SECTORS = {"IGO", "NGO", "UNO", "EUR", "MNC", "IMG", "UNK"}  # sectors that belong to no one country
DOMESTIC_SECTORS = {"OPP", "CVL", "COP", "JUD", "LEG", "PTY", "EDU", "MED", "LAB", "BUS", "JRN", "REL", "REB", "ELI"}


class PlaceReader:
    """Places named in a sentence, with the gazetteer and the actor knowledge to tell towns from people."""

    def __init__(self, gazetteer, resolver, grammar: Grammar, ontology: Ontology) -> None:
        self.gazetteer = gazetteer
        self.resolver = resolver
        self.g, self.onto = grammar, ontology

    def place_of(self, tok: Token, *, towns_only: bool = False) -> tuple[Span, Location] | None:
        """The place a name stands for: a place entity, or a proper name the tagger took for a person or an
        organisation ("shelled Kharkiv", "near Gao") that the gazetteer knows as a town or region and the actor
        knowledge does not know as anyone else."""
        ents, tags = self.g.entities, self.g.tags
        ent = next((e for e in tok.sent.ents if e.start <= tok.i < e.end), None)
        if ent is not None and ent.label_ in ents.place:
            loc = self.gazetteer.resolve(ent.text)
            if loc is None or (towns_only and loc.precision not in ("city", "admin1")):
                return None
            return ent, loc
        if tok.pos_ not in tags.proper_noun or not (tok.ent_type_ in ents.people or tok.ent_type_ == ""):
            return None
        start = min([tok.i, *(c.i for c in tok.children if c.dep_ in self.g.labels.compound
                              and c.pos_ in tags.proper_noun)])
        span = tok.doc[start:tok.i + 1]
        loc = self.gazetteer.resolve(span.text)
        if loc is None or loc.precision not in ("city", "admin1"):
            return None
        known = self.resolver.resolve_text(span.text)
        if known is not None and known.kb_id and known.country != loc.country:
            return None  # a known person or organisation, not the town
        return Span(tok.doc, span.start, span.end, label=self.g.entities.state[0]), loc

    def mislabelled(self, sent: Span) -> list[Span]:
        """Names after "in", "near", "outside" ... that the tagger took for a person or an organisation ("near
        Gao", "in Quetta") but that the gazetteer knows as a town or region and the actor knowledge does not."""
        labels = self.g.labels
        out = []
        for prep in sent:
            if prep.dep_ not in labels.preposition or prep.lower_ not in self.g.words.locative_preps:
                continue
            for tok in prep.children:
                if tok.dep_ not in labels.prep_object or tok.ent_type_ in self.g.entities.place:
                    continue
                found = self.place_of(tok)
                if found is not None:
                    out.append(found[0])
        return out

    def struck(self, plover: str | None, tok: Token) -> Span | None:
        """"shelled Kharkiv", "bombed Kabul": a town that suffers a material act is where the act happened
        (a country named as target stays an actor only: "attacked Ukraine" is no place). The town's span, or
        None."""
        if not self.onto.is_a(plover, "struck_place"):
            return None
        found = self.place_of(tok, towns_only=True)
        return found[0] if found is not None else None


def with_document_focus(events: list[Event]) -> list[Event]:
    """Events placed by nothing in their sentence take the document's focus: the place its other events
    happen most often (the first of equals), marked ``basis="document"``."""
    counts: dict[tuple[str, str | None], int] = {}
    first: dict[tuple[str, str | None], Location] = {}
    for e in events:
        if e.location is not None and e.location.basis != "document":
            k = (e.location.name, e.location.country)
            counts[k] = counts.get(k, 0) + 1
            first.setdefault(k, e.location)
    if not counts:
        return events
    focus = replace(first[max(counts, key=lambda k: (counts[k], -list(first).index(k)))], basis="document")
    return [e if e.location is not None else replace(e, location=focus) for e in events]


def placed(actor: Actor | None, other: Actor | None, location: Location | None,
           setting: str | None = None, *, speaker: bool = False) -> Actor | None:
    """An actor known only by its sector ("opposition leaders", "jihadist fighters", "the police") belongs to
    the country where the event took place, else to the country the story happens in, else, for domestic
    sectors, to the other party's country ("Kenyan police arrested opposition leaders"). A ``speaker`` (the
    source of a statement) belongs to the story's country before the place the statement is about ("leaders
    condemned the atrocities in Kashmir"). The actor records which (``country_basis``); an actor whose own
    words give a country keeps it ("mention")."""
    if actor is None:
        return None
    if actor.country:
        return actor if actor.country_basis else replace(actor, country_basis="mention")
    if not actor.sector:
        return actor  # (an unidentified armed group is placed where it acts, as ACLED and POLECAT do)
    if speaker and setting and actor.sector not in NOT_STATE_SECTORS:
        return replace(actor, country=setting, country_basis="setting")
    if location is not None and location.country:
        return replace(actor, country=location.country, country_basis="place")
    if setting and actor.sector not in NOT_STATE_SECTORS:
        return replace(actor, country=setting, country_basis="setting")
    if (actor.sector in DOMESTIC_SECTORS and other is not None and other.country
            and other.country not in NOT_STATES):
        return replace(actor, country=other.country, country_basis="other party")
    return actor


def context_countries(drafts) -> list[str]:
    """Countries of the sentence's actors, to choose among places of the same name."""
    seen: list[str] = []
    for d in drafts:
        for a in (d.target, d.source):
            if a is not None and a.country and len(a.country) == 3 and a.country not in seen:
                seen.append(a.country)
    return seen
