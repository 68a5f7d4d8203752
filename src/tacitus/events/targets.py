"""Whom an act is done to, read from the phrase at a target's head: an actor, a thing kept with its words, a place
as its state ("shelled Kharkiv"), the town a "city of X" names, a site whose name is written onto it ("the village of
X": a thing, not a person). :class:`TargetReading` is part of :class:`~tacitus.events.roles.Roles`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from tacitus.events.job import SentenceJob
from tacitus.records import Actor, Location


class TargetReading:
    """The target of an act; the coder's knowledge, grammar, syntax and places, and ``actor`` (an actor at a token),
    come from the class using it."""

    k: Any  # Knowledge
    g: Any  # Grammar
    syntax: Any  # Syntax
    places: Any  # PlaceReader
    actor: Any  # Roles.actor

    def target(self, tok: Token, job: SentenceJob) -> Actor | None:
        """The target actor at ``tok``; a noun phrase that resolves to no actor ("the legislation", "the
        protesters") is kept with its text alone, never dropped (the run report counts such actors)."""
        actor = self.actor(tok, job)
        if actor is not None and (actor.country or actor.sector):
            return actor  # "one third of the guerrillas" is the guerrillas
        site = self._site(tok)  # "the village of Mawa", "the Kirov bridge": a site the name is of, a thing acted on
        if actor is not None and not actor.kb_id and site:
            actor = None
        if tok.ent_type_ in self.g.entities.not_actor:
            return None  # "on Monday", "15 of them" (a number of people named by "of" is resolved above)
        if tok.pos_ not in self.g.tags.nominal or (actor is not None and actor.name and self._named_before(tok, job)):
            return actor  # (a person named before: "Rosenfeld" is Irvin Rosenfeld, not the town)
        # a thing's phrase may name whom it concerns ("restrictions on ... for new EU members", "a meeting between")
        for p in self.g.words.between_targets:
            for g in self.syntax.prep_objects(tok, p):
                found = self.actor(g, job)
                if found is not None and (found.country or found.sector):
                    return found
        countries = job.context.story_places()
        if tok.lemma_.lower() in self.k.anchor_words.town_words \
                and (town := self._place_after(tok, self.g.words.of[:1], countries)) is not None:  # "the city of X"
            return Actor(text=self.syntax.phrase_span(tok).text, name=town.name, country=town.country,
                         country_basis="mention")
        # "disparaged Manigat's credentials": whose they are (not the country of "Vietnam draft resisters")
        for owner in (o for o in self.syntax.owners(tok) if not self.k.anchor_words.names_war(o, self.g.labels)):
            found = self.actor(owner, job)
            if found is not None and (found.country or found.sector or (found.name and not site)):
                return found
        text = self.syntax.phrase_span(tok).text
        # "attacks on Hamburg", "flights to Florida", "shelled Kharkiv": among towns of one name, the story's
        # ("rockets hit Bethlehem" in a story from Gaza is not Belem in Brazil)
        found = self.places.place_of(tok, countries=countries)
        if found is not None and found[1].country and not (site and found[1].country not in countries):
            # (a site's own name is a town only in the story's countries: "the Mandela bridge in Soweto")
            return Actor(text=text, name=found[1].name, country=found[1].country, country_basis="mention")
        if (lies := self._place_after(tok, self.g.words.locative_preps, countries)) is not None:  # "fighting in X"
            return Actor(text=text, country=lies.country, country_basis="place")
        return actor or Actor(text=text)

    def hung_low(self, verb: Token, prep: str) -> list[Token]:
        """Names after ``prep`` that the parser hung on a noun deep in the verb's own phrases, where they belong to
        the verb ("handed over two hilltops near the hamlet to Azerbaijan"); not in a clause of their own nor in the
        subject ("the envoy to Somalia donated")."""
        labels, tags = self.g.labels, self.g.tags
        return [o for p in verb.subtree if p.i > verb.i and p.dep_ in labels.preposition and p.lower_ == prep
                and p.head.pos_ in tags.noun and all(a.pos_ not in tags.verbal and a.dep_ not in labels.subject
                                                     for a in p.ancestors if a.i != verb.i and verb.is_ancestor(a))
                for o in p.children if o.dep_ in labels.prep_object and o.pos_ in tags.proper_noun
                and o.ent_type_ in self.g.entities.actor]

    def _site(self, tok: Token) -> bool:
        """Whether ``tok`` is a site ("the village", "the bridge") or the name written onto one ("the town of
        Mawa", "the Kirov bridge")."""
        sites, up = self.g.words.site_nouns, tok.head
        if tok.dep_ in self.g.labels.prep_object and up.lower_ in self.g.words.of and up.head.i != up.i:
            up = up.head
        elif tok.dep_ not in self.g.labels.compound:
            up = tok
        return tok.lemma_.lower() in sites or up.lemma_.lower() in sites

    def _place_after(self, tok: Token, preps, countries: list[str]) -> Location | None:
        """The first place of a state that a phrase of ``tok`` after one of ``preps`` names, or None."""
        for p in preps:
            for place in self.syntax.prep_objects(tok, p):
                found = self.places.place_of(place, countries=countries)
                if found is not None and found[1].country:
                    return found[1]
        return None

    @staticmethod
    def _named_before(tok: Token, job: SentenceJob) -> bool:
        """The last name of a person the document named before by first and last name (a one-word name the tagger
        took for a person may be a town: "shelled Kharkiv")."""
        known = job.context.by_name((tok.lower_,))
        return known is not None and bool(known.name) and len(known.name.split()) > 1
