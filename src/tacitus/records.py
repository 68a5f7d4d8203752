"""The data records passed between stages.

ingest -> Document -> parse (spaCy Doc) -> events/actors/geo/time -> Event -> store / output.
Every record is a plain dataclass; ``to_dict`` gives the JSON shape of the public contract.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Document:
    """One article after ingest and cleaning."""

    doc_id: str
    text: str  # cleaned body text, paragraphs separated by a blank line
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD (or longer ISO timestamp) when known
    url: str | None = None
    publisher: str | None = None
    source: str | None = None  # the input it came from: a path, "path:line", or "-"
    removed: list[str] = field(default_factory=list)  # lines/paragraphs dropped by cleaning

    @property
    def content_hash(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]


# The modalities whose events count: asserted acts and acts announced for the future. Negated and hypothetical
# events are kept (in the store and with --all-modalities) but not counted, exported or shown by default.
COUNTED_MODALITIES = ("asserted", "future")
MODALITIES = ("asserted", "future", "negated", "hypothetical")


def is_counted(modality: str | None) -> bool:
    """Whether an event of this modality counts (the one rule for outputs, exports, the store, the API)."""
    return modality in COUNTED_MODALITIES


def names_nobody(actor: "Actor | None") -> bool:
    """No actor, or a phrase that names nobody: no country, no sector, no name ("the ceasefire", "the bill")."""
    return actor is None or not (actor.country or actor.sector or actor.name)


def is_unresolved(actor: "Actor | None") -> bool:
    """An actor mention the resolver could place in no country and no sector ("the legislation")."""
    return actor is not None and not actor.country and not actor.sector


@dataclass
class InputStatus:
    """What happened to one input (a file, or one record of a JSONL/CSV file)."""

    input: str  # path, "path:LINE" for a JSONL/CSV record, or "-"
    status: str  # "coded", "rejected", "skipped"
    reason: str | None = None
    doc_id: str | None = None
    events: int = 0
    unresolved_actors: int = 0  # event sources/targets kept with their text alone (no country, no sector)
    published: bool | None = None  # whether the coded input carried a publication date (None: not coded)
    undated_events: int = 0  # events left with no date (no publication date to fall back on, or history)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# PLOVER non-state actor codes that stand where a country code would: international and regional bodies,
# non-governmental, transnational militant and multinational business actors.
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})


@dataclass
class Actor:
    text: str  # the words of the mention in the sentence
    name: str | None = None  # canonical name when known ("Recep Tayyip Erdogan", "Turkey")
    country: str | None = None  # ISO-3166 alpha-3 or a PLOVER non-state code (IGO, UNO, ...)
    sector: str | None = None  # primary PLOVER/CAMEO sector code (GOV, MIL, ...)
    kb_id: str | None = None  # id in the actor knowledge base, when resolved there
    # where the country came from: "mention" (the actor's own words: a name, a title, a nationality adjective,
    # an apposition), "residence", "place" (where the act happened), "setting" (the country the story happens
    # in, for an unnamed domestic agent), "other party" (a domestic agent of the other party's country), "story"
    # ("both sides", "the two countries": the two states the story names most; the takers the story last named for
    # people freed by nobody named); "several" with no country: the
    # words make the actor of several states or none named ("Western diplomats", "African leaders")
    country_basis: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))  # every field is a scalar: asdict's deep copy gives the same dict, ten times slower

    @property
    def code(self) -> str:
        return " ".join(x for x in (self.country, self.sector) if x)


# The bases of an actor's country that no word of the actor's own gives (Actor.country_basis).
INFERRED_COUNTRY = ("place", "setting", "other party", "story")

# Where an event's place was found, most direct first: a place phrase of the event's clause, the venue of the
# speech, meeting or visit it belongs to, the title that states the same act, the article's dateline, a place
# elsewhere in its sentence, the document's focus (the place its other events happen most), the one country all
# its actors belong to.
PLACE_BASES = ("clause", "venue", "title", "dateline", "sentence", "document", "actors")

# Date precisions: the act's own date ("day" ... "year"); "story" when the act is undated and takes the day the
# text gives the act its story leads with; "published" when it takes the article's publication date; "unknown"
# when there is no date at all.
DATE_PRECISIONS = ("day", "week", "month", "year", "story", "published", "unknown")


@dataclass
class Location:
    name: str
    country: str | None = None  # ISO alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "city"  # "country", "admin1", "city", "point"
    geonames_id: int | None = None
    basis: str = "clause"  # where the place was found (see PLACE_BASES)
    text: str | None = None  # the place words as the text gives them ("the outskirts of Tripoli")

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))  # scalars only, as Actor.to_dict


def listed_parties(also: dict[str, Any] | None, side: str) -> list[Actor]:
    """The actors of one side ("sources" or "targets") of an event's ``also`` (Event.also_dict); none when absent."""
    return [Actor(**a) for a in (also or {}).get(side) or []]


@dataclass
class Event:
    """One coded event mention (one sentence's evidence for one dyad and one event type)."""

    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    evidence_start: int  # character offsets of the predicate inside ``sentence``
    evidence_end: int
    plover_type: str
    plover_mode: str | None
    plover_contexts: list[str]
    cameo_code: str
    goldstein: float
    quad_class: int
    source: Actor
    target: Actor | None
    date: str | None = None
    date_precision: str = "unknown"
    location: Location | None = None
    fatalities: int | None = None
    fatalities_civilians: bool = False  # the dead include civilians ("50 people, including civilians")
    modality: str = "asserted"  # asserted, negated, future, hypothetical
    attribution: str | None = None
    confidence: float = 0.5  # the probability that this is a real event of its type (calibrated on real news)
    published: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    predicate: str | None = None  # the lemma or pattern that fired (explainability)
    historical: bool = False  # background: the act happened well before the article's news (PLOVER's marking)
    from_title: bool = False  # stated in the title, which is coded as the lead (sentence_index -1)
    prominence: float = 0.5  # the rules' score that orders a sentence's events, its main act first
    # One act is one event: when its predicate names several parties on one side ("urged Ethiopia and Eritrea",
    # "clashes between students and riot police"), the first are ``source`` and ``target`` and the others are here.
    also_sources: list[Actor] = field(default_factory=list)
    also_targets: list[Actor] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "evidence": {"start": self.evidence_start, "end": self.evidence_end},
            "plover": {"type": self.plover_type, "mode": self.plover_mode, "contexts": list(self.plover_contexts)},
            "cameo": {"code": self.cameo_code, "goldstein": self.goldstein, "quad_class": self.quad_class},
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities,
            "fatalities_civilians": self.fatalities_civilians,
            "modality": self.modality,
            "attribution": self.attribution,
            "confidence": round(self.confidence, 3),
            "published": self.published,
            "title": self.title,
            "url": self.url,
            "publisher": self.publisher,
            "predicate": self.predicate,
            "historical": self.historical,
            "from_title": self.from_title,
            "prominence": round(self.prominence, 3),
            "also": self.also_dict(),
        }

    def also_dict(self) -> dict[str, list[dict[str, Any]]]:
        """The parties the act lists beside its source and target, as JSON holds them (``also``)."""
        return {"sources": [a.to_dict() for a in self.also_sources],
                "targets": [a.to_dict() for a in self.also_targets]}

    def pairs(self) -> list[tuple[Actor, Actor | None]]:
        """Every source-target pair the act names: its sources (``source``, ``also_sources``) with its targets
        (``target``, ``also_targets``), no actor paired with itself ("clashes between students and riot police")."""
        def same(a: Actor, b: Actor | None) -> bool:
            return b is not None and (a.code, a.text.lower()) == (b.code, b.text.lower())

        return [(s, t) for s in (self.source, *self.also_sources) for t in (self.target, *self.also_targets)
                if not same(s, t)]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        def actor(a: dict | None) -> Actor | None:
            return Actor(**a) if a else None

        loc = d.get("location")
        return cls(
            event_id=d["event_id"], doc_id=d["doc_id"], sentence_index=d["sentence_index"],
            sentence=d["sentence"], evidence_start=d["evidence"]["start"], evidence_end=d["evidence"]["end"],
            plover_type=d["plover"]["type"], plover_mode=d["plover"].get("mode"),
            plover_contexts=list(d["plover"].get("contexts") or []),
            cameo_code=d["cameo"]["code"], goldstein=d["cameo"]["goldstein"], quad_class=d["cameo"]["quad_class"],
            source=actor(d["source"]), target=actor(d.get("target")),
            date=d.get("date"), date_precision=d.get("date_precision", "unknown"),
            location=Location(**loc) if loc else None, fatalities=d.get("fatalities"),
            fatalities_civilians=bool(d.get("fatalities_civilians", False)),
            modality=d.get("modality", "asserted"), attribution=d.get("attribution"),
            confidence=d.get("confidence", 0.5), published=d.get("published"), title=d.get("title"),
            url=d.get("url"), publisher=d.get("publisher"), predicate=d.get("predicate"),
            historical=bool(d.get("historical", False)), from_title=bool(d.get("from_title", False)),
            prominence=d.get("prominence", d.get("confidence", 0.5)),
            also_sources=listed_parties(d.get("also"), "sources"),
            also_targets=listed_parties(d.get("also"), "targets"),
        )
