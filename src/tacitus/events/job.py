"""The records the sentence coder's stages pass along: one :class:`SentenceJob` per sentence, which each stage
reads and fills in turn, and the :class:`Draft` events and :class:`Anchors` it holds on the way."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from tacitus.actors.context import DocContext
from tacitus.events.predicates import Predicate
from tacitus.records import Actor, Document, Event, Location

# A place, date or toll belongs to a predicate (by the index of its token) or, when no predicate governs it,
# to the sentence as a whole (None).
Owner = int | None


@dataclass
class Draft:
    """An event before dates, places and ids are attached."""

    pred: Predicate
    source: Actor
    target: Actor | None
    source_tok: Token
    target_tok: Token | None
    modality: str  # asserted, negated, future, hypothetical
    speech: Token | None  # the verb of saying the act is reported under
    code: str
    mode: str | None
    plover: str | None
    confidence: float
    attribution: str | None = None
    evidence: Token | None = None  # the word that states the event when it is not the predicate's
    refused: bool = False  # negated by a verb of refusal ("refused to deploy")
    denied: bool = False  # negated by its actor's denial ("denies sending troops")
    alleged: bool = False  # hypothetical because somebody is accused of it or it is only spoken of: no threat,
    # whoever reports it
    kept_from: bool = False  # negated because another kept its actor from it: no refusal of the actor's
    condition: str | None = None  # the mark of a condition on the act ("unless", "if")


@dataclass
class Anchors:
    """What the sentence says of time, place and casualties. ``dates``, ``places``, ``deaths`` and ``historical``
    hold what each drafted predicate (by its token's index) ends up with, its own or inherited from the clause
    that governs it; None holds what belongs to the sentence as a whole."""

    dates: dict[Owner, tuple[str, str]] = field(default_factory=dict)  # (ISO date, precision)
    places: dict[Owner, Location] = field(default_factory=dict)  # with its basis and the words as written
    place_text: dict[Owner, str] = field(default_factory=dict)  # the place's name as the sentence gives it
    venues: set[Owner] = field(default_factory=set)  # places that are where the act was done ("said in Paris"),
    #                                                  not where what it concerns lies ("a curfew in Sudan")
    partners: set[Owner] = field(default_factory=set)  # places on a preposition of no setting ("talks with Syria")
    hosts: set[Owner] = field(default_factory=set)  # places forces are moved or kept in ("stationed troops in Poland"):
    #                                                 where they are, not whom they are moved against
    deaths: dict[Owner, int] = field(default_factory=dict)
    civilians: dict[Owner, bool] = field(default_factory=dict)
    historical: dict[Owner, bool] = field(default_factory=dict)  # background: told as history
    content_places: dict[Owner, Location] = field(default_factory=dict)  # where what an act asks or refuses is
    countries: set[str] = field(default_factory=set)  # the countries of every place the sentence names


@dataclass
class DocumentAnchors:
    """What the whole article says of its time and place, and what its sentences have told so far (the place
    named last, the time a paragraph's narrative is at). Made once per document by the coder."""

    reference: str | None = None  # ISO date relative dates are read against (publication date, else the
    # date a dateline or a title timestamp gives)
    year: int | None = None  # a year the title or dateline states, for dates given without one
    year_from: str | None = None  # the full date an undated article gave its year by ("June 28, 2000")
    wire_date: bool = False  # the reference is a dateline's date: its own weekday is that day
    dateline: Location | None = None  # the dateline's place
    seat: bool = False  # the dateline names an institution's seat ("UNITED NATIONS"), not a country's town
    bureau: bool = False  # the dateline names a news agency ("LAGOS, May 28 (Xinhua) --"): its town is where the
    # story was filed
    last_place: Location | None = None  # the place named last ("the peacekeepers deployed there")
    last_force: tuple[int, Event] | None = None  # (sentence, event) of the story's last use of force told as done
    act_place: tuple[int, Location] | None = None  # (sentence, place) of the story's last placed use of force
    protest_place: tuple[int, Location] | None = None  # (sentence, place) of the story's last placed protest
    force_told: bool = False  # the story has told a use of force ("wounded in the attack" after it is its toll)
    narrative: tuple[int, str, str, bool, int] | None = None  # (paragraph, date, precision, history, sentence) the
    #                                                           story is at, and the sentence that dated it
    story_date: str | None = None  # the day of the act the story leads with, as its text gives it
    story_told: bool = False  # the lead has been read (the story's date is set, or there is none)


@dataclass
class SentenceJob:
    """One sentence on its way through the stages (see ``events/coder.py`` for their order).

    Set when the job is made: ``sent``, ``index`` (the sentence's number in the document), ``document`` and
    ``context`` (what the document has said so far, for coreference), ``where_when`` (the article's dateline,
    reference date and what it has told of places and history so far) and ``from_title``. Filled by the stages: ``predicates`` and
    ``active`` (those that are events of their own), ``drafts``, ``anchors``, ``events``. ``actors`` caches the
    actor each token resolved to, so a head is resolved once per sentence.
    """

    sent: Span
    index: int
    document: Document
    context: DocContext
    actors: dict[int, Actor | None] = field(default_factory=dict)
    predicates: list[Predicate] = field(default_factory=list)
    active: list[Predicate] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    anchors: Anchors = field(default_factory=Anchors)
    events: list[Event] = field(default_factory=list)
    where_when: DocumentAnchors = field(default_factory=DocumentAnchors)
    from_title: bool = False  # the sentence is the article's title, coded as its lead
    quoted: Actor | None = None  # who speaks, when the sentence is a quotation a sentence before attributed
    # the sentence's tokens, made once: spaCy makes a new Token object at every step over a span, and the stages
    # step over the sentence a dozen times (about 4% of the coding time)
    tokens: list[Token] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.tokens = list(self.sent)

    @property
    def reference(self) -> str | None:
        """The date relative expressions are read against: the publication date, else the article's own."""
        return self.where_when.reference or self.document.published

    @property
    def predicate_tokens(self) -> set[int]:
        """Indices of the words that carry a predicate (event words and their light verbs)."""
        return {p.token.i for p in self.predicates} | {p.light.i for p in self.predicates if p.light is not None}
