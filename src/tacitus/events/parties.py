"""Who the parties of an act are when the words say so only by a kind of phrase or verb: "both sides" and "the
two countries" (the story's two most-named states), verbs of give-and-take done by coordinated parties to each
other ("traded fire", "fought two wars") unless side by side ("fought together"), parties meeting or fighting
each other with nobody else acted on ("the two ministers met", "Russia and Turkey discussed Syria"), and the event
nouns a bare country adjective stands for the country's forces on ("a Syrian attack")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from tacitus.events.arguments import Syntax
from tacitus.events.job import SentenceJob
from tacitus.events.knowledge import Knowledge
from tacitus.events.predicates import Predicate
from tacitus.records import Actor

CIVILIANS = "CVL"  # the sector of a crowd and of a people that protests


class Parties:
    """Word lists of predicate_words.yaml (party_nouns, pair_words, pair_counts, pair_determiners,
    warring_party_nouns, warring_words, reciprocal_verbs, allied_words) and ontology group armed_nouns, read for
    the roles stage."""

    def __init__(self, knowledge: Knowledge, syntax: Syntax) -> None:
        self.words, self.onto, self.syntax = knowledge.patterns, knowledge.ontology, syntax
        self.generic = knowledge.words.generic_addressees  # sectors too general to be a party ("people")

    def both_sides(self, tok: Token, actor: Actor, sources: list, job: SentenceJob) -> list[tuple[Token, Actor]]:
        """"urged both sides to respect the truce": the story's two parties (the states it has named most, the
        acting one aside), one target each; the phrase itself when it names a country or they do not stand out."""
        if (actor.country and actor.country_basis != "setting") or not self._paired(tok):
            return [(tok, actor)]
        pair = job.context.leading_pair({a.country for _, a in sources if a.country})
        if pair is None:
            return [(tok, actor)]
        sector = actor.sector if actor.sector in self.onto.state_organs else None  # "the two governments"
        return [(tok, replace(actor, country=c, sector=sector, country_basis="story")) for c in pair]

    def acting_pair(self, tok: Token, actor: Actor | None, pred: Predicate,
                    job: SentenceJob) -> list[tuple[Token, Actor]] | None:
        """"Both sides turned down the appeal", "the two leaders signed an accord": a pair phrase that acts (one
        no country word names: not "the two Koreas") stands for the two states the story told acting on each other,
        or named as the parties of one act, a sentence or two before (DocContext.recent_pair), else for the two sides
        of a story of two states (DocContext.sides); "the two leaders", "both ministers" only for two told acting
        together (met, agreed) just before. One source each (``country_basis`` "story"). None for any other phrase,
        and for a pair whose act is a noun ("the two countries' support for opposing sides" tells where they stand,
        often long since)."""
        if (actor is not None and actor.country and actor.country_basis != "setting") or pred.kind != "verb" \
                or not self._paired(tok, self.words.pair_office_nouns):
            return None
        office = tok.lemma_.lower() not in self.words.party_nouns  # "the two leaders", of a meeting or a deal
        recent = job.context.recent_pair(job.index, together=office)
        pair = recent or (None if office else job.context.sides())
        if pair is None:
            return None
        if recent is not None:  # "the two leaders" told again keeps them in mind
            job.context.keep_pair(job.index)
        sector = actor.sector if actor is not None and actor.sector in self.onto.state_organs else None
        text = actor.text if actor is not None else self.syntax.phrase_span(tok).text
        return [(tok, Actor(text=text, country=c, sector=sector, country_basis="story")) for c in pair]

    def _paired(self, tok: Token, offices: frozenset[str] = frozenset()) -> bool:
        """Whether the phrase headed by ``tok`` names two parties by a pair word: "both sides", "the two
        countries" (not "visited two countries"), "the warring parties" ("both parties" in politics are its
        parties); also "the two leaders" when ``offices`` holds the noun."""
        words, lemma = self.words, tok.lemma_.lower()
        marks = {c.lower_ for c in tok.children}
        if lemma in words.warring_party_nouns:
            return bool(marks & words.warring_words)
        return (lemma in words.party_nouns or lemma in offices) and bool(
            marks & words.pair_words or (marks & words.pair_counts and marks & words.pair_determiners))

    def coordinated(self, tok: Token, actor: Actor, resolve_text) -> list[tuple[Token, Actor]]:
        """"Israeli and Palestinian negotiators", "Turkish and Kurdish officials": one party per coordinated
        modifier of the head that names another country, read as that modifier with the head ("Kurdish
        officials"); the first is ``actor`` itself. ``resolve_text`` gives the actor of such words."""
        out = [(tok, actor)]
        if actor.country and tok.pos_ in self.syntax.tags.noun:
            out += self._of_each(tok, resolve_text)  # "the foreign ministers of India and Pakistan"
        if not actor.country or actor.name or actor.kb_id:
            return out  # a named party is one party
        for mod in tok.children:
            if mod.dep_ not in self.syntax.labels.modifier or mod.i > tok.i:
                continue
            for word in mod.conjuncts:
                if word.i > tok.i:
                    continue
                ent = self.syntax.entity(word)
                text = f"{ent.text if ent is not None and ent.end <= tok.i else word.text} {tok.text}"
                other = resolve_text(text)
                if other is not None and other.country and other.country not in {a.country for _, a in out}:
                    out.append((word, replace(other, text=text, country_basis="mention")))
        return out

    def _of_each(self, tok: Token, resolve_text) -> list[tuple[Token, Actor]]:
        """The parties after the first of an "of" phrase that coordinates countries or bodies, each read with the
        head's words ("the foreign ministers of Pakistan" after "... of India and Pakistan")."""
        labels, out = self.syntax.labels, []
        for prep in (c for c in tok.children if c.dep_ in labels.preposition and c.lower_ in self.syntax.fn.of):
            head = tok.doc[tok.left_edge.i:prep.i].text
            for word in (w for obj in prep.children if obj.dep_ in labels.prep_object for w in obj.conjuncts):
                ent = self.syntax.entity(word)
                other = resolve_text(f"{head} of {ent.text if ent is not None else word.text}")
                if other is not None and other.country:
                    out.append((word, replace(other, text=f"{head} of {word.text}", country_basis="mention")))
        return out

    def together(self, pred: Predicate, sources: list) -> bool:
        """Several parties acting on each other: coordinated sources or a plural one meeting or fighting, with
        nobody else acted on ("the two ministers met", "Libyan militias fought in Benghazi"; a topic discussed is
        nobody acted on)."""
        if not any(self.onto.is_a(pred.sense.plover_type, kind) for kind in ("meeting", "violence")):
            return False
        obj = self.syntax.direct_object(pred.token) if pred.kind == "verb" else None
        if obj is not None and pred.sense.no_object_target and self.onto.is_a(pred.sense.plover_type, "meeting"):
            # a topic: "Russia and Turkey discussed Syria", "the two ministers discussed the crisis" meet each other;
            # "ministers discussed the budget" or "people are discussing the measures" need not
            return len(sources) > 1 or any(tok.tag_ in self.syntax.tags.plural and a.sector and (
                a.sector.lower() not in self.generic) and any(c.lower_ in self.words.pair_counts for c in tok.children)
                for tok, a in sources)
        if obj is not None and obj.lemma_.lower() not in self.words.combat_objects:
            return False  # "fighting crime": something is acted on, and it is nobody ("fought two wars" is not)
        if self.side_by_side(pred):
            return False  # "fought the war together": allies
        return len(sources) > 1 or any(tok.tag_ in self.syntax.tags.plural or tok.lemma_.lower() in
                                       self.words.assembly_nouns for tok, _ in sources)

    def crowd(self, tok: Token, pred: Predicate) -> Actor | None:
        """A bare number of people doing a protest ("thousands marched", "hundreds rallied"): a crowd of civilians
        (predicate_words.yaml crowd_numbers); None for anything else."""
        if tok.lower_ not in self.words.crowd_numbers or not self.onto.is_a(pred.sense.plover_type, "protest") \
                or self.syntax.prep_objects(tok, self.syntax.fn.of[0]):
            return None
        return Actor(text=self.syntax.phrase_span(tok).text, sector=CIVILIANS)

    def members(self, tok: Token) -> list[Token]:
        """Who a group or a number is made of ("thousands of Iraqi Kurds", "a group of Moroccan diplomats", "three
        of the hostages"); [] for any other word."""
        if tok.lower_ not in self.words.collective_nouns and tok.ent_type_ not in self.syntax.ents.number:
            return []
        return self.syntax.prep_objects(tok, self.syntax.fn.of[0])

    def people(self, tok: Token, actor: Actor) -> bool:
        """A people named by its nationality in the plural, with no article ("Kenyans", "thousands of young
        Iraqis"): a country and no sector. "The Chinese protested to Washington" is the state."""
        tok = next(iter(self.members(tok)), tok)
        return bool(actor.country) and not actor.sector and tok.tag_ in self.syntax.tags.plural \
            and tok.ent_type_ in self.syntax.ents.nationality and not any(
                c.lower_ in self.syntax.fn.anaphoric_determiners for c in tok.children)

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

    def protesters(self, pred: Predicate, targets: list[tuple[Token, Actor]]) -> list[tuple[Token, Actor]]:
        """Force used on a protest nobody names ("police broke up the rally", "fired on the demonstration") is
        used on the protesters: civilians, unless the protest's own words say who they are."""
        if not targets and pred.kind == "verb" and pred.sense.no_object_target:
            obj = self.syntax.direct_object(pred.token)
            if obj is not None and self.gathering(obj):
                targets = [(obj, Actor(text=self.syntax.phrase_span(obj).text))]
        sector = self.onto.unidentified_sector("PROTEST")
        return [(t, replace(a, sector=sector) if not a.sector and self.gathering(t) else a) for t, a in targets]

    def gathering(self, tok: Token) -> bool:
        """A noun that names a protest ("rally", "demonstration", "sit-in")."""
        senses = self.words.nouns.get(tok.lemma_.lower()) or ()
        return tok.pos_ in self.syntax.g.tags.noun and any(self.onto.is_a(s.plover_type, "protest") for s in senses)
