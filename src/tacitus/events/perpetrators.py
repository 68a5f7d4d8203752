"""Who did an act the text names nobody for: the state organ that alone does such acts ("was arrested": the
police; "were charged": a court), people nobody names for protests and violence told as news ("protests
erupted"), an unidentified armed group or an unknown actor for conflict against someone named, and nobody for
accidents and for cooperation told in the active voice without its author (a passive, "talks were held with the
Taliban", names the act: its author is unknown)."""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.events.arguments import Syntax
from tacitus.events.knowledge import Knowledge
from tacitus.events.places import PlaceReader
from tacitus.events.predicates import Predicate
from tacitus.records import Actor


class Perpetrators:
    """Reads, for one predicate with no source in its words, who the act is to be credited to (or that it is no
    event)."""

    def __init__(self, knowledge: Knowledge, syntax: Syntax, places: PlaceReader) -> None:
        self.k, self.syntax, self.onto, self.g = knowledge, syntax, knowledge.ontology, syntax.g
        self.places = places

    def unidentified(self, pred: Predicate, src_toks: list[Token], targets) -> tuple | None:
        """Conflict against political actors by nobody named ("three soldiers were killed by a roadside bomb",
        "the former president has been accused of fraud") has an unidentified source; an accident is not."""
        held = pred.kind == "noun" and bool(self.syntax.held(pred.token))  # "is in custody", "is on trial"
        passive = held or (pred.kind == "verb" and self.syntax.is_passive(pred.token))  # "was arrested"
        # "an inquiry has been ordered into the crash": the verb carrying the act's noun is passive
        passive = passive or (pred.kind == "noun" and pred.light is not None and self.syntax.is_passive(pred.light))
        # "the arrest of Navalny", "Navalny's arrest": an act only a state does, to whom the noun names
        passive = passive or (pred.kind == "noun" and pred.sense.possessor_target and bool(targets)
                              and bool(pred.sense.state_agent or self.onto.state_agent(pred.mode)))
        # "five arrests were reported", "dozens of arrests were made": acts only the state does, counted as news
        passive = passive or (pred.kind == "noun" and pred.light is None and pred.token.tag_ in self.g.tags.plural
                              and pred.mode in self.onto.counted_state_acts and self._told_as_news(pred)
                              and not self._judged_or_done_by_someone(pred.token))
        state = (pred.sense.state_agent or self.onto.state_agent(pred.mode)) if passive and not src_toks else None
        if state is not None and held and not any(a.country or a.sector or a.name for _, a in targets) \
                and pred.mode not in self.onto.things_held:
            return None  # "the case is in court": a thing, held by nobody (but "the cause is under investigation")
        if state is not None:
            # "were sentenced", "weapons have been seized", "was arrested": acts only the state does, by the
            # organ that does them (placed later in the country where it happens or the story is set)
            return pred.token, Actor(text="", sector=state)
        if self.onto.quad_is(pred.code, "cooperation") and not passive:
            return None  # "three Russians were released": a passive names the act even without its author
        plover = self.onto.lookup(pred.code).plover_type
        if not src_toks and pred.kind == "noun" and self._told_as_news(pred) and (
                self.onto.is_a(plover, "protest")
                or (self.onto.is_a(plover, "violence") and not self._judged_or_done_by_someone(pred.token)
                    and not self.syntax.told_before(pred.token)
                    and not self._ongoing(pred.token.head))):
            # "protests erupted in Madrid", "the reform sparked riots", "clashes broke out in Tripoli": people
            # nobody names (the authorities they protest against, and their country, come from where it happens);
            # "the assault came as ..." tells again of an act told before
            return pred.token, Actor(text="", sector=self.onto.unidentified_sector(plover))
        if not any(a.country or a.sector for _, a in targets):
            return None
        sent = pred.token.sent
        own = pred.positions if pred.kind == "noun" else ()  # "came under fire": gunfire, not a blaze
        firing = self.k.patterns.firing_verbs  # "rockets fired from Lebanon" were fired, not set on fire
        if any(t.lemma_.lower() in self.k.patterns.accident_words for t in sent if t.i not in own
               and not (t.pos_ in self.g.tags.verbal and t.lemma_.lower() in firing)):
            return None
        causer = src_toks[0] if src_toks else pred.token
        text = self.syntax.phrase_span(causer).text if src_toks else ""
        if src_toks and (causer.pos_ in self.g.tags.proper_noun or causer.ent_type_ in self.g.entities.people):
            return causer, Actor(text=text)  # somebody named whom we do not know: the text alone
        # PLOVER's sectors for actors nobody names: unidentified armed forces for violence, else unknown; of the
        # state a weapon was fired from ("rockets fired from Lebanon hit northern Israel")
        origin = (self._fired_from(causer) if src_toks else None) or self._fired_from_by(pred.token) or (
            self._fired_from_by(causer.head) if src_toks else None)  # ("rockets fired from Gaza" as the main clause)
        return causer, Actor(text=text, sector=self.onto.unidentified_sector(self.onto.lookup(pred.code).plover_type),
                             country=origin, country_basis="place" if origin else None)

    def _fired_from(self, weapon: Token) -> str | None:
        """The state of the place a weapon was fired or launched from, as the participle after it says."""
        for verb in weapon.children:
            if verb.dep_ in self.g.labels.noun_clause:
                if (country := self._fired_from_by(verb)) is not None:
                    return country
        return None

    def _fired_from_by(self, verb: Token) -> str | None:
        """The state of the place a verb of firing says the weapon was fired from ("rockets fired from Gaza hit Tel
        Aviv", which the parser may read with "fired" as the main verb)."""
        if verb.lemma_.lower() not in self.k.patterns.firing_verbs:
            return None
        for place in (g for p in self.g.words.origin_preps for g in self.syntax.prep_objects(verb, p)):
            found = self.places.place_of(place)
            if found is not None and found[1].country:
                return found[1].country
        return None

    def _ongoing(self, verb: Token) -> bool:
        """A progressive clause ("fighting was forcing families to flee"): a state of things, not an act told."""
        return verb.tag_ in self.g.tags.gerund and any(
            c.dep_ in self.g.labels.auxiliary and c.lemma_.lower() in self.g.words.copulas for c in verb.children)

    def _judged_or_done_by_someone(self, noun: Token) -> bool:
        """The clause of a counted act says what it is ("mass arrests are unacceptable") or who did it ("were
        carried out by Germany"): it is not told as an act by nobody named."""
        verb = next((t for t in noun.ancestors if t.pos_ in self.g.tags.verbal), None)
        return verb is None or verb.lemma_.lower() in self.g.words.copulas \
            or any(c.dep_ in self.g.labels.agent for c in verb.children)

    def _told_as_news(self, pred: Predicate) -> bool:
        """An event noun the sentence tells as something that happened: the subject of its clause ("protests
        erupted", "rallies boiled over into clashes") or what a verb provoked ("sparked protests"), not a
        mention in passing ("at a rally", "the law on demonstrations", "fines for demonstrations")."""
        tok, labels = pred.token, self.g.labels
        head = tok.head
        if tok.dep_ in labels.prep_object and head.lower_ in self.g.words.of and head.head.i != head.i \
                and head.head.lower_ in self.k.patterns.collective_nouns | self.k.patterns.quantity_nouns:
            tok = head.head  # "dozens of arrests were made": the count stands for the acts
        if tok.dep_ in labels.subject or tok.dep_ in labels.passive_subject:
            return True
        return tok.dep_ in labels.object and tok.head.lemma_.lower() in self.k.patterns.receiving_verbs
