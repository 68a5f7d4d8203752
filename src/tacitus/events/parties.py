"""Who the parties of an act are when the words say so only by a kind of phrase or verb: "both sides" and "the
two countries" (the story's two most-named states), verbs of give-and-take done by coordinated parties to each
other ("traded fire", "fought two wars") unless side by side ("fought together"), the event nouns a bare
country adjective stands for the country's forces on ("a Syrian attack"), and who struck when nobody is named in
a story of two states at war ("52 Palestinians were killed" in a story of Israel and Gaza: Israel)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from tacitus.actors.context import DocContext
from tacitus.events.anchoring import PRECISION_RANK
from tacitus.events.job import SentenceJob
from tacitus.events.knowledge import Knowledge
from tacitus.events.predicates import Predicate
from tacitus.records import INFERRED_COUNTRY, Actor, Event, is_counted


class Parties:
    """Word lists of predicate_words.yaml (party_nouns, pair_words, pair_counts, pair_determiners,
    warring_party_nouns, warring_words, reciprocal_verbs, allied_words) and ontology group armed_nouns, read for
    the roles stage."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.words, self.onto = knowledge.patterns, knowledge.ontology

    def both_sides(self, tok: Token, actor: Actor, sources: list, job: SentenceJob) -> list[tuple[Token, Actor]]:
        """"urged both sides to respect the truce": the story's two parties (the states it has named most, the
        acting one aside), one target each; the phrase itself when it names a country or they do not stand out."""
        words, lemma = self.words, tok.lemma_.lower()
        marks = {c.lower_ for c in tok.children}
        if lemma in words.warring_party_nouns:  # "both parties" in politics are its parties
            paired = bool(marks & words.warring_words)
        else:  # "the two countries", not "visited two countries"
            paired = lemma in words.party_nouns and bool(
                marks & words.pair_words or (marks & words.pair_counts and marks & words.pair_determiners))
        if (actor.country and actor.country_basis != "setting") or not paired:
            return [(tok, actor)]
        pair = job.context.leading_pair({a.country for _, a in sources if a.country})
        if pair is None:
            return [(tok, actor)]
        sector = actor.sector if actor.sector in self.onto.state_organs else None  # "the two governments"
        return [(tok, replace(actor, country=c, sector=sector, country_basis="story")) for c in pair]

    def reciprocal(self, pred: Predicate) -> bool:
        """A verb of give-and-take ("traded fire", "fought two wars") not done side by side ("fought together")."""
        return pred.kind == "verb" and pred.token.lemma_.lower() in self.words.reciprocal_verbs \
            and not self.side_by_side(pred)

    def side_by_side(self, pred: Predicate) -> bool:
        """Parties acting together, not on each other ("fought the war together", "alongside")."""
        return any(t.lower_ in self.words.allied_words for t in pred.token.subtree)

    def armed_noun(self, noun: Token) -> bool:
        """An event noun one of whose senses is an act of armed force ("attack", "deployment", "blockade")."""
        return any(self.onto.is_a(s.plover_type, "armed_nouns") for s in self.words.noun_senses(noun.lemma_.lower()))


def attacker_of(source: Actor, target: Actor | None, context: DocContext) -> Actor:
    """The side that struck, when nobody is named as striking: an armed act on people the text names as of one of
    the two states a story is about (:meth:`DocContext.leading_pair`), whose doer was given only the country where
    it happened or the story is set, which is the victims' own, is the other state's ("four Israeli soldiers were wounded" in a
    story of Israel and Gaza). A named doer keeps its country, and so does one in a story of one country."""
    if source.text or source.name or source.country_basis not in ("place", "setting") or target is None \
            or not target.country or target.country != source.country or target.country_basis != "mention":
        return source  # (victims whose country is itself only inferred say nothing of the sides)
    pair = context.leading_pair(set())
    if pair is None or target.country not in pair:
        return source
    other = pair[1] if pair[0] == target.country else pair[0]
    if not context.named_actor_of(other):
        return source  # ("Santana" read as a Brazilian town makes no Brazilian party to a Californian shooting)
    return replace(source, country=other, country_basis="story")


def named_again(events: list[Event]) -> list[Event]:
    """A sentence's act whose doer it names nowhere (its country only inferred: the place, the setting, the other
    side) that the sentence also tells with the doer named, on the same people ("50 people were killed last week
    as the Turkish offensive in Syria went on"), is that act told twice: the named one is kept, with the toll the
    other counted and its date when more precise. An act of its own mode ("67 people were abducted" beside
    "bombers killed 81") is another act."""
    named = [i for i, e in enumerate(events) if is_counted(e.modality) and (e.source.text or e.source.name)]
    dropped: set[int] = set()
    told: dict[int, Event] = {}  # a named act -> the first act told again of it
    for i, e in enumerate(events):
        if e.source.text or e.source.name or not is_counted(e.modality) or e.source.country_basis not in INFERRED_COUNTRY:
            continue
        same = next((j for j in named if events[j].plover_type == e.plover_type
                     and e.plover_mode in (None, events[j].plover_mode) and (
            (events[j].target is not None and e.target is not None and e.target.country
             and events[j].target.country == e.target.country)
            or (e.source.country_basis == "story" and events[j].source.country == e.source.country))), None)
        if same is not None:
            dropped.add(i)
            told.setdefault(same, e)
    out = []
    for i, e in enumerate(events):
        if i in dropped:
            continue
        if i in told:
            again = told[i]
            if again.fatalities and not e.fatalities:
                e = replace(e, fatalities=again.fatalities, fatalities_civilians=again.fatalities_civilians)
            if PRECISION_RANK.get(again.date_precision, 0) > PRECISION_RANK.get(e.date_precision, 0):
                e = replace(e, date=again.date, date_precision=again.date_precision)
        out.append(e)
    return out
