"""Names the story's own country reads differently: a "Congress" of several countries (India's party, Peru's
legislature), a country name that is also a state of the story's country ("Georgia" in an American story), and an
acronym the story defines in brackets ("the Financial Supervisory Commission (FSC)"). :class:`HomeNames` is part of
:class:`~tacitus.actors.resolver.ActorResolver`."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tacitus.actors.context import DocContext
from tacitus.actors.mention import mention_from_text
from tacitus.geo.names import homonym_home
from tacitus.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span

CONGRESS = re.compile(r"\bcongress\b", re.IGNORECASE)  # a word several countries name a body by
ACRONYM = re.compile(r"[A-Z][A-Z&]{1,6}")  # "MAC", "FSC", "AT&T"


def _spells(acronym: str, initials: str) -> bool:
    """Whether an acronym's letters are, in order, among the capital initials of the name before it."""
    rest = iter(initials)
    return all(ch in rest for ch in acronym)


class HomeNames:
    """The resolver's vocabulary, knowledge and resolving methods come from the class using it."""

    vocabulary: Any  # Vocabulary
    kb: Any  # KnowledgeBase
    _resolve: Any  # ActorResolver._resolve
    resolve_span: Any  # ActorResolver.resolve_span

    def _named_congress(self, actor: Actor | None, text: str, ctx: DocContext) -> Actor | None:
        """A "Congress" named with another country is that country's ("Nigeria Labour Congress": its labour
        body, as what the name gathers says; "Peru's Congress": its legislature)."""
        if not self.bare_congress(actor, text):
            return actor
        words = [w for w in re.findall(r"[A-Za-z']+", text) if w.lower() not in self.vocabulary.definite]
        first = self._resolve(mention_from_text(words[0], self.vocabulary.owner_prepositions), ctx) if words else None
        if not words or not (CONGRESS.fullmatch(words[0]) or (first is not None and first.country)):
            return actor  # the country is the name's own first word, or what "Congress of" gathers ("World Uyghur
            #               Congress" is a body of exiles, no state's)
        found = None
        for rest in (CONGRESS.sub("body", text.strip()), CONGRESS.split(text, maxsplit=1)[-1].strip()):
            other = mention_from_text(rest, self.vocabulary.owner_prepositions) if rest else None
            found = self._resolve(other, ctx) if other is not None else None
            if found is not None and found.country:  # ("Congress of South African Trade Unions": what follows)
                break
        if found is None or not found.country or found.country == actor.country:
            return actor
        said = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
        sector = next((v for k, v in self.vocabulary.congress_words.items() if k in said),
                      self.vocabulary.congress_countries.get(found.country, actor.sector))
        return replace(actor, country=found.country, sector=sector, kb_id=None, name=None)

    def _home_state(self, actor: Actor | None, text: str, ctx: DocContext) -> Actor | None:
        """A country read from a name that also names a state of the country a story is set in ("Georgia" in an
        American story) is that state: a place of the story's country, no party of its own."""
        home = ctx.domestic_home()  # a story of that country's own affairs, not one about the other country
        if actor is None or not home or actor.kb_id != actor.country or actor.country == home:
            return actor
        name = self.kb.country_names.get(actor.country, "")
        if homonym_home(name) == home and name.lower() in {w.lower() for w in re.findall(r"[A-Za-z]+", text)}:
            return replace(actor, country=home, sector=None, kb_id=None)
        return actor

    def _home_congress(self, actor: Actor | None, text: str, ctx: DocContext) -> Actor | None:
        """"Congress" read as the United States' is the Congress of a story set (named at least twice, or by its
        dateline) in a country with a Congress of its own ("Congress leaders in Karnataka": India's party)."""
        home = ctx.settled_home()
        if home not in self.vocabulary.congress_countries or not self.bare_congress(actor, text):
            return actor
        sector = self.vocabulary.congress_countries[home] if actor.sector == "LEG" else actor.sector
        return replace(actor, country=home, sector=sector, kb_id=None if actor.kb_id == "USA" else actor.kb_id)

    def register_acronyms(self, sent: "Span", ctx: DocContext) -> None:
        """A name followed by its acronym in brackets ("the Mainland Affairs Council (MAC)", "the Financial
        Supervisory Commission (FSC)") makes the acronym that actor for the rest of the document."""
        if "(" not in sent.text:
            return
        doc = sent.doc
        for tok in sent:
            if not (ACRONYM.fullmatch(tok.text) and sent.start + 2 <= tok.i < sent.end - 1
                    and doc[tok.i - 1].text == "(" and doc[tok.i + 1].text == ")"):
                continue
            named = doc[tok.i - 2]
            phrase = doc[named.left_edge.i:named.i + 1]
            initials = "".join(t.text[0] for t in phrase if t.text[:1].isupper())
            if named.ent_type_ == "PERSON" or not _spells(tok.text.replace("&", ""), initials):
                continue  # "Minister John Mwangi (JM)"; "(AP)" after a headline
            found = self.resolve_span(phrase, ctx)
            if found is not None and (found.country or found.sector) and ctx.by_name((tok.lower_,)) is None:
                ctx.remember(replace(found, text=tok.text), name_keys=[(tok.lower_,)])

    @staticmethod
    def bare_congress(actor: Actor | None, text: str) -> bool:
        """Whether a mention read as the United States' names a "Congress" without saying whose ("Congress
        leaders", "Congress-ruled states"; not "the US Congress"): several countries have one."""
        if actor is None or actor.country != "USA":
            return False
        said = {w.lower() for w in re.findall(r"[A-Za-z]+", text.replace(".", ""))}
        return "congress" in said and not {"us", "american", "america", "united"} & said
