"""Where an event happened: the places a sentence names (those the tagger finds or misses, with their qualifiers,
topics told apart), a document's focus, and actors known only by their sector placed in the country where they
act."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from spacy.tokens import Span, Token

from tacitus.actors.text import words as words_of
from tacitus.events.anchor_words import AnchorWords
from tacitus.events.grammar import Grammar
from tacitus.events.ontology import Ontology
from tacitus.events.setting import BODY_TOWN_POPULATION
from tacitus.geo.names import name_key
from tacitus.records import NON_STATE_CODES, Actor, Location

if TYPE_CHECKING:
    from tacitus.actors.context import DocContext
    from tacitus.events.job import SentenceJob


class ClauseHeads(Protocol):
    """Who holds a word in a sentence (``clauses.ClauseTree``): the clause head above it and the path there."""

    def owner(self, tok: Token) -> int | None: ...

    def path(self, tok: Token) -> list[Token]: ...

# Actor codes that name no state: the non-state bodies, a people (KUR), regions and territories (AFR, WSB, ...).
NOT_STATES = NON_STATE_CODES | {"KUR", "AFR", "ASA", "MEA", "WSB"}
UNKNOWN_SECTOR = "UNK"  # PLOVER's sector of an actor nobody names in an act that is not force or protest
NOT_STATE_SECTORS = {"IGO", "NGO", "UNO", "EUR", "MNC", "IMG", UNKNOWN_SECTOR}  # sectors that belong to no one country
DOMESTIC_SECTORS = {"OPP", "CVL", "COP", "JUD", "LEG", "PTY", "EDU", "MED", "LAB", "BUS", "JRN", "REL", "REB", "ELI"}
INSURGENT_SECTORS = {"REB"}  # armed groups against a state: by default, that state's
RULING_SECTORS = {"GOV", "MIL", "COP", "ELI"}  # the state they fight


@dataclass(frozen=True)
class PlaceMention:
    """A place a sentence names, with the clause head that holds it."""

    owner: int | None  # index of the clause head above it (see clauses.ClauseTree), None: none
    location: Location
    name: str  # the place's name as written ("Tripoli")
    text: str  # the place words as written ("the outskirts of Tripoli", "Tripoli, northern Lebanon", "here")
    venue: bool = False  # the place of a speech, meeting or visit ("in a speech in Da Nang")
    topic: bool = False  # what an act is about, not where it happened ("the situation in Syria")
    guessed: bool = False  # an act's target read as its place ("shelled Kharkiv", "arrested Godfrey")
    at: int = -1  # index of the place's word in the document
    origin: bool = False  # a country a noun is of or from ("U.S. forces"): its parties' country, not a place

    @property
    def placed(self) -> bool:
        """Whether the place may be where an act happened (not its topic, not a party's origin)."""
        return not self.topic and not self.origin

    @property
    def rank(self) -> tuple[int, int]:
        """Which of two places of one clause to prefer: one the text gives as a place, then the more precise."""
        return (0 if self.guessed else 1, PRECISION_RANK.get(self.location.precision, 0))


AREA_WORDS_MAX = 10  # the most words a bracket of areas after a place holds ("(Douentza, Mopti)")
PRECISION_RANK = {"country": 0, "admin1": 1, "city": 2, "point": 3}


class PlaceReader:
    """Places named in a sentence, with the gazetteer and the actor knowledge to tell towns from people."""

    def __init__(self, gazetteer, resolver, grammar: Grammar, ontology: Ontology,
                 words: AnchorWords | None = None, syntax=None) -> None:
        from tacitus.events.arguments import Syntax

        self.gazetteer = gazetteer
        self.resolver = resolver
        self.g, self.onto = grammar, ontology
        self.words = words or AnchorWords.load()
        self.syntax = syntax or Syntax(grammar, frozenset())

    def mentions(self, job: "SentenceJob", tree: ClauseHeads, words: AnchorWords) -> list[PlaceMention]:
        """Every place the sentence names, in order, resolved in the context of its actors' countries: "X, northern
        Y" and "X in Y" read Y as X's qualifier; "X province", "the province of X" ask for the region; "the
        outskirts of X", "20 km north of X" are at X (the words are kept); "here" is the dateline, "there" the
        place named last. A place inside an actor's phrase is an actor, unless an area noun holds it."""
        sent, drafts, ents = job.sent, job.drafts, self.g.entities
        struck = [span for d in drafts if d.target_tok is not None
                  and (span := self.struck(d.plover, d.target_tok, job.context)) is not None]
        home = job.context.dominant_country()
        story = context_countries(drafts) + [c for c in [home] if c]
        struck += [span for d in drafts if (span := self.taken(d, words, story)) is not None]
        struck_heads = {s.root.i for s in struck} | {
            v[0].root.i for d in drafts if (v := self.visited(d, story, job.context)) is not None}
        # "an operation in northern Mali", "troops deployed in Chad": a party in a phrase of setting is the place too
        struck_heads |= {d.target_tok.i for d in drafts if d.target_tok is not None
                         and words.in_setting_phrase(d.target_tok, self.g.labels)}
        actor_toks = tokens_in(
            self.syntax.phrase_span(t) for d in drafts for t in (d.source_tok, d.target_tok)
            if t is not None and t.pos_ not in self.g.tags.verb and t.i not in struck_heads)
        home = job.context.dominant_country()
        out: list[PlaceMention] = []
        seen: set[int] = set()
        guesses = {(e.start, e.end) for e in struck}  # an act's target read as a place: the weakest evidence
        for ent in sorted([*sent.ents, *self.mislabelled(job.tokens), *struck],
                          key=lambda e: (e.start, e.start - e.end)):
            if ent.label_ not in ents.place or ent.start in seen:
                continue
            seen.update(range(ent.start, ent.end))
            root = ent.root
            area = self._area(root)
            if ent.start in actor_toks and area is None and root.i not in struck_heads:
                continue
            if root.dep_ in self.g.labels.possessor and (not self._setting(root.head, job, words) or (
                    root.head.ent_type_ in ents.place
                    and self.gazetteer.is_country(_up_to(root).text))):
                continue  # "Pakistan's parties" say whose ("Liberia's run-off", "Yemen's Shabwa province": where)
            if words.names_no_place(root, self.g.labels):
                continue  # "Texas Gov. George W. Bush", "the Vietnam war": whom one represents, which war
            qualifier = self._qualifier(ent)
            if qualifier is not None:  # (with the brackets it stands in and the smaller areas before it)
                close = self._bracket_close(ent)
                seen.update(range(ent.end, close + 1) if close is not None else range(qualifier.start, qualifier.end))
            # the countries of the sentence's actors (but not of an actor named by this very place: "the
            # outskirts of Tripoli" as a target is no reason to look for Tripoli in Libya), then the document's
            countries = context_countries(drafts, skip=ent.text)
            if home and home not in countries:
                countries.append(home)
            loc = self._resolve(ent, area, qualifier, countries)
            if loc is None:
                continue
            if loc.precision == "country" and (own := job.context.domestic_home()) \
                    and (state := self.gazetteer.state_homonym(ent.text, own)) is not None:
                loc = state  # "a rally in Georgia" in a story of American affairs: the state
            path = tree.path(root)
            owner = tree.owner(root)
            out.append(PlaceMention(owner=owner, location=loc, name=ent.text,
                                    text=self._words_of(ent, area, qualifier), venue=self._is_venue(path),
                                    topic=self._is_topic(path, owner, job, words),
                                    guessed=(ent.start, ent.end) in guesses, at=root.i,
                                    origin=loc.precision == "country" and area is None
                                    and self._origin(root, job, words)))
        for d in drafts:  # "Nairobi police arrested", "the Lagos High Court sentenced": a body acts in its town
            tok = d.source_tok
            town = self.named_town(tok, home) if tok is not None and tok.pos_ in self.g.tags.nominal else None
            if town is not None and town.precision != "country":
                out.append(PlaceMention(owner=d.pred.token.i, location=town, name=town.name, text=town.name,
                                        guessed=True, at=tok.i))
        out.extend(self._capitals(job, tree, seen))
        ww = job.where_when
        labels = self.g.labels
        for tok in job.tokens:
            word = tok.lower_
            if tok.dep_ in labels.adverb and word in words.here_words | words.there_words:
                loc = ww.dateline if word in words.here_words else ww.last_place
            elif (tok.lemma_.lower() in words.town_words and tok.dep_ in labels.prep_object and tok.i not in seen
                  and any(c.dep_ in labels.determiner and c.lower_ == "the" for c in tok.children)
                  and not any(c.dep_ in labels.preposition for c in tok.children)):
                before = [m.location for m in out if m.at < tok.i and m.placed]
                last = before[-1] if before else ww.last_place  # "an army post in the city": the town named before
                loc = last if last is not None and last.precision == "city" else None
                word = self.syntax.phrase_span(tok).text
            elif (tok.lemma_.lower() in words.region_words and tok.dep_ in labels.prep_object and tok.i not in seen
                  and tok.head.lower_ in self.g.words.locative_preps and tok.head.head.pos_ in self.g.tags.verbal
                  and any(c.dep_ in labels.determiner and c.lower_ == "the" for c in tok.children)
                  and not any(c.dep_ in labels.preposition for c in tok.children)):
                # "killed soldiers in the peninsula": the region told before, Sinai (said of a verb's act: "its
                # relationships in the region" are no act's place; "officials in Cairo" are in no region)
                before = [m.location for m in out if m.at < tok.i and m.placed and m.location.precision == "admin1"]
                last = before[-1] if before else ww.last_place
                loc = last if last is not None and last.precision == "admin1" else None
                word = self.syntax.phrase_span(tok).text
            else:
                continue
            if loc is not None:
                out.append(PlaceMention(owner=tree.owner(tok), location=loc, name=loc.name, text=word))
        return out

    def _capitals(self, job: "SentenceJob", tree: ClauseHeads, seen: set[int]) -> list[PlaceMention]:
        """"in the capital", "the Afghan capital": the capital of the country its modifier names, else of the one
        country the sentence names, else of the dateline's or the document's country."""
        out = []
        for tok in job.tokens:
            if tok.lemma_.lower() not in self.words.capital_words or tok.pos_ not in self.g.tags.noun \
                    or tok.i in seen or tok.dep_ not in self.g.labels.prep_object:
                continue
            named = [c for c in tok.children if c.dep_ in (*self.g.labels.modifier, *self.g.labels.possessor)
                     and c.ent_type_ in (*self.g.entities.state, *self.g.entities.people)]
            country = None
            for c in named:
                country = self.gazetteer.is_country(c.text) or (self.resolver.resolve_text(c.text) or Actor("")).country
                if country:
                    break
            if named and not country:
                continue
            ww = job.where_when
            named_here = [c for e in job.sent.ents if e.label_ in self.g.entities.state
                          and (c := self.gazetteer.is_country(e.text))]
            country = country or (named_here[0] if len(set(named_here)) == 1 else None) \
                or (ww.dateline.country if ww.dateline is not None and not ww.seat else None) \
                or job.context.dominant_country()
            loc = self.gazetteer.capital(country) if country and country not in NOT_STATES else None
            if loc is not None:
                path = tree.path(tok)
                out.append(PlaceMention(owner=tree.owner(tok), location=loc, name=loc.name,
                                        text=self.syntax.phrase_span(tok).text, venue=self._is_venue(path)))
        return out

    def _setting(self, noun: Token, job: "SentenceJob", words: AnchorWords) -> bool:
        """A noun whose owner is where it is: an act, a venue, an area or a seat, or what a preposition of time or
        place governs ("during Liberia's run-off", "at Syria's border")."""
        lemma = noun.lemma_.lower()
        return (any(p.token.i == noun.i for p in job.predicates) or lemma in words.venue_nouns
                or lemma in words.area_nouns or lemma in words.capital_words or lemma in words.town_words
                or words.in_setting_phrase(noun, self.g.labels))

    def _origin(self, root: Token, job: "SentenceJob", words: AnchorWords) -> bool:
        """A country named as what a noun is of or from, not where anything happens: its modifier ("a US study",
        "a Qatar consortium"), unless that noun is itself a setting ("the Kenya capital")."""
        root = self.syntax.first_conjunct(root)
        head = root.head
        return root.dep_ in self.g.labels.modifier and head.pos_ in self.g.tags.nominal and head.i > root.i \
            and not self._setting(head, job, words)

    def _is_venue(self, path: list[Token]) -> bool:
        """A place told as where a speech, meeting or visit is held: "a speech in Da Nang", "the sidelines of a
        conference in Prague" (not "his trip as U.S. president")."""
        for below, tok in zip(path, path[1:]):
            if tok.lemma_.lower() in self.words.venue_nouns and below.dep_ in self.g.labels.preposition \
                    and below.lower_ in self.g.words.locative_preps:
                return True
        return False

    def _area(self, root: Token) -> tuple[Token, str] | None:
        """The area noun a place hangs on: ("province", "suffix") in "Idlib province", ("outskirts", "of") in
        "the outskirts of Tripoli"."""
        head, labels = root.head, self.g.labels
        if root.dep_ in labels.compound and head.i > root.i and head.lemma_.lower() in self.words.area_nouns:
            return head, "suffix"
        if head.dep_ in labels.preposition and head.lower_ in self.g.words.of \
                and head.head.lemma_.lower() in self.words.area_nouns:
            return head.head, "of"
        return None

    def _qualifier(self, ent: Span) -> Span | None:
        """A place that qualifies ``ent``: "Tripoli, northern Lebanon" (apposition, or a comma the parser reads as
        a list), "Tripoli in northern Lebanon", "Nigeria's Zamfara state"; only a country or a first-level region
        qualifies."""
        labels, place, gaz = self.g.labels, self.g.entities.place, self.gazetteer
        if gaz.is_country(ent.text):
            return None  # "Syria, Iraq": a list of countries, not a town and its country
        doc = ent.doc
        if (inside := self._bracketed(ent)) is not None:
            return inside
        for child in ent.root.children:  # "Nigeria's Zamfara state", "South Sudan's Unity State": its country
            owner = _up_to(child) if child.dep_ in labels.possessor and child.i < ent.start else None
            if owner is not None and gaz.is_country(owner.text):
                return owner
        for child in ent.root.children:
            cand = None
            comma = ent.end < len(doc) and doc[ent.end].is_punct and doc[ent.end].text == ","
            if child.dep_ in labels.apposition and child.i >= ent.end:
                cand = child
            elif child.dep_ in labels.conjunct and comma and not any(
                    c.dep_ in labels.conjunct for c in child.children):
                cand = child  # "their Berlin, Vermont, home" (parsed as a list of two)
            elif child.dep_ in labels.preposition and child.lower_ in self.g.words.residence_preps[:1]:
                cand = next((c for c in child.children if c.dep_ in labels.prep_object), None)
            if cand is None:
                continue
            ent_of = self.syntax.entity(cand) if cand.ent_type_ in place else None
            if ent_of is None and (gaz.is_country(_up_to(cand).text) or (
                    cand.pos_ in self.g.tags.noun
                    and any(c.dep_ in labels.compound and c.pos_ in self.g.tags.proper_noun for c in cand.children))):
                ent_of = _up_to(cand)  # "Bo, Sierra Leone" with the country read as a name; "Kandep in Enga
                #                        province" with the region's name untagged
            if ent_of is None:
                continue
            region = gaz.resolve(ent_of.text) if not gaz.is_country(ent_of.text) else None
            if gaz.is_country(ent_of.text) or (region is not None and region.precision == "admin1"):
                start = min(t.i for t in cand.subtree if t.i >= ent.end)
                return ent.doc[start:ent_of.end]
        return None

    def _bracketed(self, ent: Span) -> Span | None:
        """The areas in brackets after a place, smallest first, as conflict reports write them ("Bulo Burte
        (Hiraan)", "Boni (Douentza, Mopti)"): the largest that is a country or a first-level region."""
        doc, gaz = ent.doc, self.gazetteer
        close = self._bracket_close(ent)
        if close is None:
            return None
        parts, start = [], ent.end + 1
        for t in doc[ent.end + 1:close + 1]:
            if t.text in (",", ")"):
                if t.i > start:
                    parts.append(doc[start:t.i])
                start = t.i + 1
        return next((part for part in reversed(parts) if gaz.is_area(part.text)), None)

    def _bracket_close(self, ent: Span) -> int | None:
        """The index of the bracket closing the one that opens right after ``ent``, or None."""
        doc, marks = ent.doc, self.g.words.area_brackets
        if ent.end >= len(doc) or doc[ent.end].text != marks[0]:
            return None
        close = next((t.i for t in doc[ent.end + 1:ent.end + 1 + AREA_WORDS_MAX] if t.text in marks), None)
        return close if close is not None and doc[close].text == marks[1] else None

    def _name_span(self, tok: Token) -> Span:
        """A proper name with the names compounded before it and the parts of a hyphenated name the tokenizer
        split around it ("Pul-e-Alam", "Mazar-i-Sharif"), labelled as a place."""
        doc, tags, labels = tok.doc, self.g.tags, self.g.labels
        start = min([tok.i, *(c.i for c in tok.children if c.dep_ in labels.compound and c.pos_ in tags.proper_noun)])
        end = tok.i + 1

        def joined(i: int) -> bool:  # a hyphen written with no space on either side
            return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_
        while joined(end):
            end += 2
        while joined(start - 1) and start >= 2:
            start -= 2
        return Span(doc, start, end, label=self.g.entities.state[0])

    def _resolve(self, ent: Span, area: tuple[Token, str] | None, qualifier: Span | None,
                 countries: list[str]) -> Location | None:
        names = [ent.text]
        if area is not None:
            noun, how = area
            names.insert(0, f"{ent.text} {noun.text}" if how == "suffix" else f"{noun.text} of {ent.text}")
        q = qualifier.text if qualifier is not None else None
        first = None
        region = self.gazetteer.resolve(q, countries=countries) if q is not None and len(names) > 1 else None
        for name in names:
            loc = self.gazetteer.resolve(name, countries=countries, qualifier=q)
            if loc is None:
                continue
            first = first or loc
            if region is None or loc.precision == "city" or loc.name != region.name:
                return loc
        # (a name unknown in its qualified area is at the area: "near Kandep in Enga province"; but "the edge of
        # Bama in Borno state" is Bama, so the bare name is tried before the area stands in)
        return first

    def _words_of(self, ent: Span, area: tuple[Token, str] | None, qualifier: Span | None) -> str:
        """The place words as written: the area phrase and a locating preposition before the name, the
        qualifier after it."""
        doc = ent.doc
        start = ent.start
        if area is not None:
            start = min(start, area[0].left_edge.i if area[1] == "of" else ent.start)
        before = doc[start - 1] if start > 0 else None
        if before is not None and before.dep_ in self.g.labels.preposition \
                and before.lower_ in self.g.words.locative_preps and before.lower_ not in ("in", "at", "into"):
            start -= 1
        end = max(ent.end, qualifier.end if qualifier is not None else ent.end)
        if area is not None and area[1] == "suffix":
            end = max(end, area[0].i + 1)
        return doc[start:end].text

    def _is_topic(self, path: list[Token], owner: int | None, job: "SentenceJob", words: AnchorWords) -> bool:
        """A place that is what an act is about: inside a topic noun's phrase ("the situation in Syria"), the
        object of a topic preposition under a verbal act ("talks on Lebanon") or of a topic verb ("discussed
        Lebanon")."""
        labels = self.g.labels
        root = path[0]
        if any(t.lemma_.lower() in words.topic_nouns for t in path[1:]) or root.lemma_.lower() in words.topic_nouns:
            return True
        if root.dep_ in labels.object and root.head.lemma_.lower() in words.topic_verbs:
            return True
        if root.dep_ in labels.prep_object and root.head.lower_ in self.g.words.along_with \
                and root.head.head.lemma_.lower() in words.neighbour_nouns:
            return True  # "a province on the border with Turkmenistan": the neighbour, not the place
        owned = [d.code for d in job.drafts if d.pred.token.i == owner] or \
            [p.code for p in job.predicates if p.token.i == owner]
        material = any(not self.onto.quad_is(code, "verbal") for code in owned)
        prep = path[1] if len(path) > 1 else None  # the preposition right above the place ("talks on Syria")
        return prep is not None and not material and prep.dep_ in labels.preposition \
            and prep.lower_ in words.topic_prepositions

    def named_town(self, tok: Token, home: str | None) -> Location | None:
        """The town a body is named with ("Nairobi police", "the Lagos High Court"), or the place people or a body
        are named as of or from ("the villagers of Kobani", "students from Somalia"): a place
        entity that the gazetteer knows by that very name (not a word a town is loosely spelled like), in a
        state."""
        labels, fn = self.g.labels, self.g.words
        named = [c for c in tok.children if c.dep_ in labels.compound and c.pos_ in self.g.tags.proper_noun]
        named += [g for p in fn.origin_preps for g in self.syntax.prep_objects(tok, p)]
        lemma = tok.lemma_.lower()  # "Mombasa police", "the Kano High Court" (the tagger's entity type aside)
        if lemma in self.words.leader_named_bodies:
            return None  # "the Cleveland administration": a leader's name
        body = lemma in self.syntax.group_nouns
        for c in named:
            if body and c.ent_type_ not in self.g.entities.place and c.ent_type_ not in self.g.entities.person \
                    and c.dep_ in labels.compound and all(t.dep_ in labels.compound for t in c.subtree if t.i != c.i):
                name = _up_to(c).text  # the town within the body's name ("New York")
                known = self.resolver.resolve_text(name)
                if known is not None and known.kb_id and known.kb_id != known.country:
                    continue  # "the UN-recognized Government": a known actor, no town
                # only a big town of one country, as the story's setting reads such names ("the Union Ministry",
                # "the Central Government", "the Mission Police" name no town)
                found = self.gazetteer.big_town(name, BODY_TOWN_POPULATION, countries=[home] if home else [])
                if found is not None:
                    return found
                continue
            if c.ent_type_ in self.g.entities.place and not self.words.names_war(c, labels):  # "Iraq war veterans"
                name = (self.syntax.entity(c) or c).text  # "West Bank"
            else:
                continue
            found = self.gazetteer.resolve(name, countries=[home] if home else [])
            if found is not None and found.country and found.country not in NOT_STATES \
                    and name_key(found.name) == name_key(name):
                return found
        return None

    def place_of(self, tok: Token, *, towns_only: bool = False, countries: Sequence[str] = (),
                 context: DocContext | None = None) -> tuple[Span, Location] | None:
        """The place a name stands for: a place entity, or a proper name the tagger took for a person or an
        organisation ("shelled Kharkiv", "near Gao") that the gazetteer knows as a town or region and the actor
        knowledge does not know as anyone else. ``countries``: the story's, to choose among towns of one name;
        ``context``: the document's, whose people named before are no towns abroad."""
        ents, tags = self.g.entities, self.g.tags
        ent = self.syntax.entity(tok)
        if ent is not None and ent.label_ in ents.place:
            loc = self.gazetteer.resolve(ent.text, countries=countries)
            if loc is None or (towns_only and loc.precision not in ("city", "admin1")):
                return None
            return ent, loc
        if tok.pos_ not in tags.proper_noun or not (tok.ent_type_ in ents.people or tok.ent_type_ in ents.place_slips
                                                    or tok.ent_type_ == ""):
            return None
        span = self._name_span(tok)
        # a name nothing tagged as a place: a town known by it only as an alternate counts only in the story's
        # countries or at city size ("Korle Bu hospital" in Accra is no Chinese "Bu"); its areas in brackets or its
        area = self._qualifier(span)  # qualifier say where it is ("on Mubi (Mubi North, Adamawa)", "Bo, Sierra Leone")
        loc = self.gazetteer.resolve(span.text, countries=countries, strict=True,
                                     qualifier=area.text if area is not None else None)
        if loc is None or loc.precision not in ("city", "admin1") or (area is not None and loc.precision == "admin1"
                                                                   and not self.gazetteer.resolve(span.text)):
            return None  # (nor a name known only by its qualifier: "fired at Odinga in Kisumu county")
        person = context.by_name((tok.lower_,)) if context is not None else None
        if person is not None and (person.name or "").casefold() != span.text.casefold() \
                and context.home_country not in (None, loc.country):
            return None  # a person the story named, not a town abroad ("farm leader Vijay Tomar ... held Tomar")
        known = self.resolver.resolve_text(span.text)
        said = words_of(span.text)
        if known is not None and known.kb_id and known.country != loc.country \
                and (len(said) < 2 or set(said) <= set(words_of(known.name or ""))):
            return None  # a known person or organisation, not the town (but "Mazar-i-Sharif" is no Sharif)
        return span, loc

    def mislabelled(self, tokens: Iterable[Token]) -> list[Span]:
        """Names after "in", "near", "outside" ... or "the province of", or before a thing ("a Quetta bus"), that
        the tagger took for a person or an organisation ("near Gao", "in Quetta", "the province of Nineveh") but
        that the gazetteer knows as a town or region, or that are told with their region, and the actor knowledge
        does not know."""
        labels, tags = self.g.labels, self.g.tags
        names: list[Token] = []
        for tok in tokens:
            if tok.dep_ in labels.compound and tok.pos_ in tags.proper_noun and tok.head.pos_ in tags.noun \
                    and tok.i < tok.head.i:
                names.append(tok)  # "a Quetta bus", "the Kabul airport": a town naming a thing's place
            prep = tok.head
            if tok.dep_ not in labels.prep_object or prep.dep_ not in labels.preposition:
                continue
            of_area = prep.lower_ in self.g.words.of and prep.head.lemma_.lower() in self.words.area_nouns
            if prep.lower_ in self.g.words.locative_preps or of_area:
                names.append(tok)
        out = []
        for name in names:
            if name.ent_type_ in self.g.entities.place or name.pos_ not in tags.proper_noun:
                continue
            span = self._name_span(name)  # "in Bulo Burte (Hiraan)", "near Kandep in Enga province" (not a known
            #                               person aimed at: "fired at Odinga in Kisumu county")
            if self._bracketed(span) is not None or ((q := self._qualifier(span)) is not None and not (
                    self.gazetteer.is_country(q.text) or name.head.lower_ in self.g.words.aim_preps
                    or getattr(self.resolver.resolve_text(span.text), "kb_id", None))):
                out.append(span)  # a name told with its region is a place there
                continue
            found = self.place_of(name)
            if found is not None:
                out.append(found[0])
        return out

    def visit(self, draft, countries: list[str], context: DocContext | None = None) -> PlaceMention | None:
        """The place a visit goes to ("visited Haiti", "a visit to Amman"): where the visit happens."""
        found = self.visited(draft, countries, context)
        if found is None:
            return None
        span, loc = found
        return PlaceMention(owner=draft.pred.token.i, location=loc, name=span.text, text=span.text, guessed=True)

    def visited(self, draft, countries: Sequence[str] = (),
                context: DocContext | None = None) -> tuple[Span, Location] | None:
        """"visited Haiti", "a visit to Amman": the place a visit goes to is where it happens (its span and place)."""
        tok = draft.target_tok
        if tok is None or draft.pred.token.lemma_.lower() not in self.words.visit_words:
            return None
        # (also a town the tagger took for a person, "visited Muscat", but not a person the story named)
        return self.place_of(tok, countries=countries, context=context)

    def taken(self, draft, words: AnchorWords, countries: list[str]) -> Span | None:
        """"retook Marte", "overran Jilib": the town a verb of taking ground takes by its name (its span), or
        None."""
        verb = draft.pred.token
        taking = self.syntax.verb_lemma(verb, words.taking_words) in words.taking_words  # ("retook")
        obj = self.syntax.direct_object(verb) if taking else None
        if obj is None or obj.pos_ not in self.g.tags.proper_noun:
            return None
        found = self.place_of(obj, towns_only=True, countries=countries)
        return found[0] if found is not None else None

    def struck(self, plover: str | None, tok: Token, context: DocContext | None = None) -> Span | None:
        """"shelled Kharkiv", "bombed Kabul": a town that suffers a material act is where the act happened
        (a country named as target stays an actor only: "attacked Ukraine" is no place). The town's span, or
        None."""
        if not self.onto.is_a(plover, "struck_place"):
            return None
        found = self.place_of(tok, towns_only=True, context=context)
        return found[0] if found is not None else None


def placed(actor: Actor | None, other: Actor | None, location: Location | None,
           setting: str | None = None, *, speaker: bool = False, struggle: bool = False,
           doer: bool = False, backed: bool = False) -> Actor | None:
    """An actor known only by its sector ("opposition leaders", "jihadist fighters", "the police") belongs to
    the country where the event took place, else (rebels in a ``struggle``, an armed act, with a state's forces
    or leaders) to that state, else to the country the story happens in, else, for domestic sectors, to the other
    party's country ("Kenyan police arrested opposition leaders"). A ``speaker`` (the source of a statement)
    belongs to the story's country before the place the statement is about ("leaders condemned the atrocities in
    Kashmir"). A ``doer`` (the source, or a person acted on) known only by its name belongs to the story's
    country. The actor records which (``country_basis``); an actor whose own words give a country keeps it
    ("mention")."""
    if actor is None:
        return None
    if actor.country:
        return actor if actor.country_basis else replace(actor, country_basis="mention")
    if actor.country_basis == "several":
        return actor  # "Western diplomats", "African leaders": of no one state, neither the place's nor the story's
    if not actor.sector:
        if doer and actor.name and not actor.kb_id and setting and setting not in NOT_STATES:
            # one the story names as acting and nothing else knows ("Rosenfeld said") is of the country it is set in
            # (not a thing named as acted on: "boycotted the regional summit")
            return replace(actor, country=setting, country_basis="setting")
        return actor  # (an unidentified armed group is placed where it acts, as ACLED and POLECAT do)
    if speaker and not actor.text and actor.sector == UNKNOWN_SECTOR:
        return actor  # "criticized demands for Assad's resignation": who demands it, nobody says, nor from where
    if speaker and setting and actor.sector not in NOT_STATE_SECTORS:
        return replace(actor, country=setting, country_basis="setting")
    if location is not None and location.country:
        return replace(actor, country=location.country, country_basis="place")
    if (struggle and actor.sector in INSURGENT_SECTORS and other is not None and other.country
            and other.country not in NOT_STATES and other.sector in RULING_SECTORS):
        # "rebels fighting against Assad": insurgents fight their own state, wherever the story is told from
        return replace(actor, country=other.country, country_basis="other party")
    if setting and actor.sector not in NOT_STATE_SECTORS:
        return replace(actor, country=setting, country_basis="setting")
    if (actor.sector in DOMESTIC_SECTORS and other is not None and other.country
            and other.country not in NOT_STATES and not (backed and actor.sector in INSURGENT_SECTORS)):
        # (rebels a state ``backed``, "Turkey supported rebels fighting Assad", are not the backer's own)
        return replace(actor, country=other.country, country_basis="other party")
    return actor


def foreign_to(actor: Actor | None, other: Actor | None, settled: bool,
               organs: frozenset[str] = frozenset()) -> Actor | None:
    """A state organ (of ``organs``) going to the state it acts on, named as itself ("The minister visited Iran"),
    whose country is only the place of the act or the story's weakly read setting (the one country named is the one
    visited), is of no country the text gives. ``settled``: the story is firmly set (DocContext.settled_home)."""
    weak = actor is not None and (actor.country_basis == "place"  # the place visited is the one visited
                                  or (actor.country_basis == "setting" and not settled))
    if (actor is None or other is None or not weak or actor.sector not in organs
            or other.kb_id != other.country or other.country != actor.country):
        return actor  # (the state visited is named as itself: "Iran", not "the Kenyan parliament")
    return replace(actor, country=None, country_basis=None)


def context_countries(drafts, skip: str | None = None) -> list[str]:
    """Countries of the sentence's actors, to choose among places of the same name (not of an actor whose words
    hold the place name ``skip``: "Tripoli" read as an actor is no reason to look for Tripoli in Libya)."""
    seen: list[str] = []
    for d in drafts:
        for a in (d.target, d.source):
            if a is None or (skip and skip in a.text) or a.country_basis == "place":
                continue  # (a country read from a place is no evidence of which place it is)
            if a.country and len(a.country) == 3 and a.country not in seen:
                seen.append(a.country)
    return seen


def _up_to(tok: Token) -> Span:
    """A head with the words before it in its phrase ("South Sudan" of "South Sudan's", "Sierra Leone")."""
    return tok.doc[tok.left_edge.i:tok.i + 1]


def tokens_in(spans: Iterable[Span]) -> set[int]:
    out: set[int] = set()
    for s in spans:
        out.update(range(s.start, s.end))
    return out
