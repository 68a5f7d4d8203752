"""The country a story happens in, read from the whole document before its sentences are coded.

Unnamed domestic agents ("police arrested dozens", "the ministry said", "protesters marched") belong to the country
where the story happens unless the text says otherwise. That country is the one the document's places and
nationality words name most: towns and regions count for their country, countries and demonyms for themselves.
A dateline ("ISLAMABAD: ...", "LAGOS, May 28 (Xinhua) --", "WASHINGTON (Reuters) -") names where the story is
told from: its country is the setting. Without one, a country is the setting when it has at least
:data:`MIN_MENTIONS` mentions (or all of them) and :data:`MIN_SHARE` of all, and no other has as many (a story
told from Islamabad about India names India more often than Pakistan; its domestic agents are still Pakistan's).
The headline says where the news is ("Cyclist dies after being hit by a bus in Leeds", "Envoy leaves Kinshasa"):
each of its mentions counts :data:`HEADLINE_WEIGHT` times, whether or not the title is coded as a sentence. A title
that names no country (or none at all) leaves that to the lead sentence, whose mentions count once more
(:data:`LEAD_SHARE` of a headline's weight) in choosing the country, though not in how firmly the story is set there.
The venue of a meeting ("met his Chinese counterpart in Geneva") counts :data:`VENUE_WEIGHT`: its parties often
come from elsewhere. A person the actor knowledge knows, named in full ("Francois Hollande's son"), counts
:data:`PERSON_WEIGHT` for the person's country on the story's day: a story that names no place is set where its
people are from. A body named with its town ("the Hubballi Bar Association", "Karachi police") names that town, also
when the tagger took the whole name for an organisation, if the town is big (:data:`BODY_TOWN_POPULATION`)
and no other country has a town of that name ("the Alexandria City Council" may be Virginia's); such a town or
region, being one place only, also tells which of several towns of one name the story means ("West Yorkshire
Police" and "Halifax": the English town).
A story that names no country at all, and nobody the actor knowledge places in one, is set, weakly, where its
outlet publishes from, when that is known (a letter to a Los Angeles paper about a cashier at a chain store).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from tacitus.events.anchor_words import AnchorWords
from tacitus.events.grammar import Grammar
from tacitus.geo.names import homonym_home, name_key
from tacitus.records import NON_STATE_CODES

MIN_MENTIONS = 2
MIN_SHARE = 0.4
HEADLINE_WEIGHT = 2
VENUE_WEIGHT = 0.5
PERSON_WEIGHT = 0.5  # a person the knowledge knows, named in full ("Francois Hollande"): a national, who may be abroad
BODY_TOWN_POPULATION = 100_000  # a town the tagger took for part of an organisation's name counts from this size
LEAD_SHARE = 0.5  # of a headline's weight, what a lead sentence adds when the title names no country
OUTLET_WEIGHT = 1.0  # the outlet's country, for a story that names none: as weak as a country named once
TOWN_CACHE = 5_000  # names of organisations whose town is remembered at once


def _weighted(docs: list[Doc], headline: Doc | None) -> list[tuple[Doc, int]]:
    """The document's parts, each with the weight of its mentions: the headline's count double."""
    return [(doc, 1) for doc in docs] + ([(headline, HEADLINE_WEIGHT)] if headline is not None else [])


class SettingReader:
    def __init__(self, gazetteer, resolver, grammar: Grammar, words: AnchorWords) -> None:
        self.gazetteer, self.resolver, self.g, self.words = gazetteer, resolver, grammar, words
        self._towns: dict[str, object] = {}  # a name -> the big town of that name, or None
        self._read_towns: dict[int, tuple[Doc, list[Span]]] = {}  # this document's parts -> their body towns
        self._names: dict[str, object] = {}  # this document's names of bodies and people -> the actors they resolve to
        self._dated = None  # the document's dated resolver context (read)

    def _venue(self, ent) -> bool:
        """The place is where a meeting is held: "in"/"at" Geneva on "met", "talks", "a summit"."""
        held = ent.root.head.head
        return self.words.in_setting_phrase(ent.root, self.g.labels) and (
            held.lemma_.lower() in self.words.summit_words or held.lower_ in self.words.summit_words)

    def counts(self, docs: list[Doc], headline: Doc | None = None) -> Counter:
        """Mentions of each country by its places and nationality words (the headline's count double). Countries
        and nationality words are read first; a town is then read among the places of the countries they name
        ("Loreto" beside "Baja" and "Mexico" is the Mexican town, not the Peruvian region)."""
        ents = self.g.entities
        weighted = _weighted(docs, headline)
        mentions = [(ent, weight * (VENUE_WEIGHT if ent.label_ in ents.place and self._venue(ent) else 1))
                    for doc, weight in weighted for ent in doc.ents
                    if (ent.label_ in ents.place or ent.label_ in ents.nationality
                        or ent.label_ in ents.organisation)
                    and not (ent.label_ in ents.place and self.words.names_war(ent.root, self.g.labels))]
        # (not "the Vietnam war"; "Israeli war crimes" still says whose)
        mentions += [(town, weight) for doc, weight in weighted for town in self._body_towns(doc)]
        # a person the knowledge knows, named in full (the tagger may read "Olaf Scholz" as an organisation)
        mentions = [(ent, w * PERSON_WEIGHT if ent.label_ in ents.organisation and self._person(ent) else w)
                    for ent, w in mentions]
        mentions += [(ent, weight * PERSON_WEIGHT) for doc, weight in weighted for ent in doc.ents
                     if ent.label_ in ents.person and len(ent) > 1]
        keys = [f"{ent.label_}:{ent.text}" for ent, _ in mentions]
        named_as: dict[str, str | None] = {}  # each distinct mention read once
        named: Counter = Counter()
        bodies = {ent.text: self._body(ent) for ent, _ in mentions if ent.label_ in ents.organisation}
        full = {bodies[ent.text] for ent, _ in mentions if ent.label_ in ents.organisation and len(ent) > 1}
        for (ent, weight), key in zip(mentions, keys):
            if key not in named_as:
                named_as[key] = self._named_country(ent)
            if ent.label_ in ents.organisation and len(ent) == 1 and bodies[ent.text] not in full:
                continue  # "DPP", "Labour": a short name counts where the body is also named in full
            if named_as[key]:
                named[named_as[key]] += weight
        for town in {town.text for doc, _ in weighted for town in self._body_towns(doc)}:
            if (country := self._place_country(town, [])) and country not in named:
                named[country] = 0  # a body's town or region is one place only: with few countries named, it
                # tells which Halifax is meant (the context holds the three most named)
        context = [c for c, _ in named.most_common(3)]
        cache = {key: country for key, country in named_as.items() if country}
        found: Counter = Counter()
        homonyms: Counter = Counter()  # mentions of a country by a name that also names a state of another
        for (ent, weight), key in zip(mentions, keys):
            if key not in cache:
                cache[key] = self._place_country(ent.text, context) \
                    if ent.label_ not in ents.organisation and ent.label_ not in ents.person else None
            if cache[key]:
                body = ent.label_ in ents.organisation and len(ent) > 1  # "the Georgia Senate" as one name
                home = homonym_home(ent.text) or (homonym_home(ent[0].text) if body else None)
                if home is not None and home != cache[key] and self._names_state_body(ent[:1] if body else ent):
                    found[home] += weight  # "the Georgia Senate", "Georgia runoffs": the American state's
                    continue
                found[cache[key]] += weight
                if home is not None and home != cache[key]:
                    homonyms[(cache[key], home)] += weight
        for (country, home), n in homonyms.items():
            others = max((m for c, m in found.items() if c not in (country, home)), default=0)
            if found[country] == n and found[home] >= n and found[home] >= others:
                # "Georgia" named with Macon and Savannah, and nothing else of the Caucasus, nor any other state
                # named more: the American state
                found[home] += n
                del found[country]
        return found

    def _background(self, tok) -> bool:
        """A word inside an adverbial clause or a participle's phrase of its sentence ("Echoing the unrest in Sri
        Lanka, ...")."""
        labels = self.g.labels
        while tok.head.i != tok.i:
            if tok.dep_ in labels.adverbial_clause or tok.dep_ in labels.noun_clause:
                return True
            tok = tok.head
        return False

    def _names_anyone_placed(self, docs: list[Doc], headline: Doc | None) -> bool:
        """Whether the story names a body or a person the actor knowledge places in a country ("Hamas fighters"),
        which an outlet's home must not overrule."""
        ents = self.g.entities
        for doc, _ in _weighted(docs, headline):
            for ent in doc.ents:
                if ent.label_ in ents.organisation or ent.label_ in ents.person:
                    actor = self._resolved(ent.text)
                    if actor is not None and actor.country:
                        return True
        return False

    def _names_state_body(self, ent) -> bool:
        """Whether a place's name stands before a word of a state's own bodies or votes ("Georgia Senate",
        "Georgia runoffs"; anchors.yaml state_body_words)."""
        after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        return after is not None and after.lower_ in self.words.state_body_words

    def _body_towns(self, doc: Doc) -> list[Span]:
        """:meth:`_find_body_towns`, read once per parsed part of the document being coded (the setting and the
        home town both ask)."""
        held = self._read_towns.get(id(doc))
        if held is None or held[0] is not doc:
            held = self._read_towns[id(doc)] = (doc, self._find_body_towns(doc))
        return held[1]

    def _find_body_towns(self, doc: Doc) -> list[Span]:
        """Towns and regions named at the head of a body's name that the tagger read as an organisation or as a
        place ("the Hubballi Bar Association", "Karachi police", "West Yorkshire Police"): one or two proper nouns
        the gazetteer knows as a big town or a named region by that very name, before words the actor knowledge
        reads as a body of some sector but of no country. Each span is labelled as a state, as a place entity is."""
        ents, tags = self.g.entities, self.g.tags
        out = []
        for ent in doc.ents:
            if ent.label_ not in ents.organisation and not (ent.label_ in ents.place and len(ent) > 1):
                continue  # (or a place entity: the tagger also reads "West Yorkshire Police" as one)
            words = [t for t in ent if t.pos_ not in tags.pronoun_or_determiner]
            for size in (1, 2):
                name, body = words[:size], words[size:]
                if not body or any(t.pos_ not in tags.proper_noun for t in name):
                    continue
                text = " ".join(t.text for t in name)
                if text not in self._towns:
                    if len(self._towns) >= TOWN_CACHE:
                        self._towns.clear()  # a long corpus names many organisations: keep the memory bounded
                    # "Karachi police", and "West Yorkshire Police": a force named for its region
                    self._towns[text] = (self.gazetteer.big_town(text, BODY_TOWN_POPULATION)
                                         or self.gazetteer.named_region(text))
                if self._towns[text] is None:
                    continue
                rest = " ".join(t.text for t in body)
                actor = self.resolver.resolve_text(rest)
                if actor is not None and actor.sector and not actor.country:
                    out.append(Span(doc, name[0].i, name[-1].i + 1, label=ents.state[0]))
                    break
        return out

    def _body(self, ent) -> str | None:
        """The knowledge-base entry an organisation's name is read as (None when it is none)."""
        actor = self._resolved(ent.text)
        return actor.kb_id if actor is not None else None

    def _person(self, ent) -> bool:
        """Whether a name of two words or more is a person the actor knowledge knows ("Francois Hollande")."""
        if len(ent) < 2 or not (ent.label_ in self.g.entities.person or ent.label_ in self.g.entities.organisation):
            return False
        actor = self._resolved(ent.text)
        entry = self.resolver.kb.entries.get(actor.kb_id) if actor is not None and actor.kb_id else None
        return entry is not None and entry.names_person(ent.label_ in self.g.entities.person)

    def _resolved(self, text: str):
        """The actor a name of a body or a person resolves to on the story's day, read once per document."""
        if text not in self._names:
            self._names[text] = self.resolver.resolve_text(text, self._dated)
        return self._names[text]

    def _named_country(self, ent) -> str | None:
        """The country a nationality word or a country's name stands for, that of a body that acts at home
        ("the Legislative Yuan", "the Democratic Progressive Party"), or a known person's ("Francois Hollande")."""
        if self._person(ent):
            country = self._resolved(ent.text).country
        elif ent.label_ in self.g.entities.person:
            country = None
        elif ent.label_ in self.g.entities.organisation:
            actor = self._resolved(ent.text)
            home = actor is not None and (actor.sector or "").lower() in self.words.domestic_sectors \
                and not self.resolver.bare_congress(actor, ent.text)  # "Congress": India's too
            country = actor.country if home else None
        elif ent.label_ in self.g.entities.nationality:
            actor = self.resolver.resolve_text(ent.text)
            country = actor.country if actor is not None else None
        else:
            country = self.gazetteer.is_country(ent.text)
        return country if country and country not in NON_STATE_CODES else None

    def _place_country(self, text: str, context: list[str]) -> str | None:
        loc = self.gazetteer.resolve(text, countries=context, strict=True)  # a surname read as a place counts not
        country = loc.country if loc is not None else None
        return country if country and country not in NON_STATE_CODES else None

    def home_town(self, docs: list[Doc], country: str | None, *, headline: Doc | None = None):
        """The town or region of ``country`` the story happens in: the one of its places the document names most
        (the headline's count double), at least :data:`MIN_MENTIONS` times and more often than any other; or
        None. A domestic act the text places nowhere happened there, not on the country's centroid."""
        if not country:
            return None
        ents = self.g.entities
        weighted = _weighted(docs, headline)
        named: Counter = Counter()
        read: dict[str, object] = {}  # a name as written -> the town it is (or None)
        towns: dict[str, object] = {}  # a town's own name -> the town
        body_places = {e.text for doc in docs for e in doc.ents if e.label_ in ents.place}
        for doc, weight in weighted:
            slips = self._headline_names(doc, body_places) if doc is headline else []
            for ent in list(doc.ents) + self._body_towns(doc) + slips:
                if (ent.label_ not in ents.place and ent not in slips) or self.gazetteer.is_country(ent.text):
                    continue
                if ent.text not in read:
                    loc = self.gazetteer.resolve(ent.text, countries=[country])
                    read[ent.text] = loc if loc is not None and loc.country == country and \
                        loc.precision != "country" and (ent not in slips or name_key(loc.name) == name_key(ent.text)) \
                        else None
                if (town := read[ent.text]) is not None:
                    named[town.name] += weight
                    towns.setdefault(town.name, town)
        ranked = named.most_common(2)
        if not ranked or ranked[0][1] < MIN_MENTIONS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return towns[ranked[0][0]]

    def _headline_names(self, headline: Doc, body_places: set[str]) -> list[Span]:
        """Names in a headline that the tagger read as no place, a town it took for an organisation, a product or a
        work ("Shots fired at Stockport police station"): they count for the home town only when a town of the
        story's country has that very name."""
        ents = self.g.entities
        slips = [e for e in headline.ents if e.label_ in ents.place_slips or e.label_ in ents.organisation]
        # ... or a word read as no name, or as a people, that the body names as a place ("Swindon haulage firm hit
        # by hackers", "... based in Swindon")
        taken = {t.i for e in headline.ents if e.label_ in ents.place or e.label_ in ents.person or e in slips
                 for t in e}  # (not a word of a person's name: "Sydney Smith")
        return slips + [headline[t.i:t.i + 1] for t in headline if t.i not in taken and t.text[:1].isupper()
                        and t.text in body_places]

    def setting(self, docs: list[Doc], dateline: str | None = None, *, headline: Doc | None = None) -> str | None:
        """The document's country: the country of its dateline's place (read by ``events/lead.py``), else the
        one its places and nationality words name most (the headline's count double), or None when no country
        clearly leads."""
        return self.read(docs, dateline, headline=headline)[0]

    def read(self, docs: list[Doc], dateline: str | None = None, *,
             headline: Doc | None = None, when: str | None = None, outlet_home: str | None = None,
             lead: Span | None = None) -> tuple[str | None, float, float, Counter]:
        """The setting (as :meth:`setting`), the weight of the mentions behind it (a dateline: infinite; a story that
        names one country once is set there only weakly), its share of all the story's mentions of countries, and
        those mentions counted by country. ``when``: the story's date (ISO), on which its people are read (a
        person who holds an international post on that day counts for no country). ``outlet_home``: the country the
        story's outlet publishes from (``events/outlets.py``), the setting, weakly, of a story that names no country
        at all. ``lead``: the story's first sentence, when more follow (its news, unless the title names a country).
        """
        self._read_towns.clear()  # a new document: its parts are read afresh
        self._names.clear()
        self._dated = self.resolver.new_context(when)  # a context of its own: the coder's memory is not touched
        found = self.counts(docs, headline)
        named = Counter(found)  # (the lead's extra weight chooses among countries, but sets no story more firmly)
        if lead is not None and (headline is None or not self.counts([], headline)):
            # a title that names no country leaves the lead to say where the news is, in its own clauses (not in
            # what it opens with or hangs on a participle: "Inspired by protests in France, workers marched")
            news = lead.as_doc()
            news.ents = [e for e in news.ents if not self._background(e.root)]
            for country, n in self.counts([], news).items():
                found[country] += n * LEAD_SHARE
        total = sum(found.values())
        if dateline and dateline not in NON_STATE_CODES:
            return dateline, float("inf"), found[dateline] / total if total else 0.0, found
        if not found:
            if outlet_home and not self._names_anyone_placed(docs, headline):
                return outlet_home, OUTLET_WEIGHT, 1.0, found
            return None, 0.0, 0.0, found
        country, n = found.most_common(1)[0]
        tied = sum(1 for c in found.values() if c == n) > 1
        if (n >= MIN_MENTIONS or n == total) and n >= MIN_SHARE * total and not tied:
            return country, float(named[country]), n / total, found
        return None, 0.0, 0.0, found
