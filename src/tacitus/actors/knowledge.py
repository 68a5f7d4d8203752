"""The actor knowledge base: built-in data files loaded into phrase indexes.

* ``Vocabulary``: agent nouns -> sector (``data/sectors.yaml``) and small word lists (``data/lexicon.yaml``).
* ``KnowledgeBase``: names -> entries: countries (``pycountry`` names + ``data/countries.csv``),
  demonyms, capitals and seats of power, organisations (``data/organizations.yaml``), dated office
  holders (``data/leaders.csv``), and user dictionaries merged over them.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
import yaml

from tacitus.actors.dictionaries import (CameoCodes, NamedEntry, entries_from_items, looks_like_petrarch,
                                         read_petrarch, read_table)
from tacitus.actors.entries import COUNTRY, NAMED, ORG, PEOPLE, PERSON, SEAT, Entry, Role, State
from tacitus.actors.text import case_ok, case_rule, plural_forms, split_raw, words
from tacitus.datafiles import SAFE_LOADER
from tacitus.records import Actor


AGENT_KINDS = ("titles", "bodies", "members", "roles")


def _data_path(name: str) -> Any:
    return resources.files("tacitus.actors").joinpath("data", name)


def _load_yaml(name: str) -> Any:
    with _data_path(name).open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=SAFE_LOADER)


@dataclass(frozen=True)
class Agent:
    """An agent noun phrase: its sector (None for roles without one) and kind."""

    phrase: str
    sector: str | None
    kind: str  # "titles", "bodies", "members", "roles"
    plural: bool = False
    generic: bool = False  # "leader", "counterpart": any office holder

    @property
    def is_title(self) -> bool:
        return self.kind == "titles"


class Vocabulary:
    """Agent nouns and the word lists of ``lexicon.yaml``."""

    def __init__(self) -> None:
        sectors = _load_yaml("sectors.yaml")
        lexicon = _load_yaml("lexicon.yaml")
        self.generic: set[tuple[str, ...]] = {words(p) for p in sectors.get("generic_titles", [])}
        self.agents: dict[tuple[str, ...], Agent] = {}
        plurals: list[tuple[tuple[str, ...], Agent]] = []
        for kind in AGENT_KINDS:
            for sector, phrases in (sectors.get(kind) or {}).items():
                code = None if sector == "none" else str(sector)
                for phrase in phrases:
                    key = words(phrase)
                    if not key or key in self.agents:
                        continue
                    agent = Agent(phrase, code, kind, generic=key in self.generic)
                    self.agents[key] = agent
                    for form in plural_forms(key[-1]):
                        plurals.append((key[:-1] + (form,), Agent(phrase, code, kind, True, agent.generic)))
        for key, agent in plurals:
            self.agents.setdefault(key, agent)
        self.agent_max = max(len(k) for k in self.agents)
        # one-word entries, and pairs read together ("one-time"): "one" alone ("one civilian was killed") is no former
        former = [words(p) for p in sectors.get("former", [])]
        self.former = {w[0] for w in former if len(w) == 1}
        self.former_pairs = {w for w in former if len(w) == 2}
        self.armed_modifiers: dict[str, str] = dict(sectors.get("armed_modifiers") or {})
        self.shared_titles = {" ".join(words(p)) for p in sectors.get("shared_titles", [])}
        self.shared_titles_kept_by = {str(x) for x in sectors.get("shared_titles_kept_by", [])}
        self.body_head_titles = {" ".join(words(p)) for p in sectors.get("body_head_titles", [])}
        self.body_nouns = {str(w).lower() for w in sectors.get("body_nouns", [])}
        self.honorifics = {words(p) for p in lexicon["honorifics"]}
        self.family_first = {str(w).lower() for w in lexicon.get("family_first_surnames") or ()}
        self.office_titles: dict[str, str] = {" ".join(words(k)): str(v) for k, v in lexicon["office_titles"].items()}
        self.ruler_titles = {" ".join(words(p)) for p in lexicon.get("ruler_titles") or ()}
        offices = _load_yaml("offices.yaml")
        self.offices: dict[str, str] = {str(k): str(v) for k, v in offices["offices"].items()}
        # a title of leaders.csv -> (its usual office, the title a sentence uses for its holder)
        self.titles: dict[str, tuple[str, str]] = {str(k): (str(v[0]), str(v[1])) for k, v in offices["titles"].items()}
        self.namesakes = {words(str(n)) for n in offices.get("namesakes") or ()}  # different people, one name
        self.sponsor_words = set(lexicon["sponsor_words"])
        self.stance_prefixes = set(lexicon["stance_prefixes"])
        self.topic_words = set(lexicon.get("topic_words") or ())
        self.residence_words = {str(w).lower() for w in lexicon.get("residence_words") or ()}
        self.kin_state_sectors = {str(w) for w in lexicon.get("kin_state_sectors") or ()}
        # capitalised words count only with their capital, lower-case ones only in lower case ("World Bank")
        self.several_states_words = {str(w) if str(w)[:1].isupper() else str(w).lower()
                                     for w in lexicon.get("several_states_words") or ()}
        self.topic_people = set(lexicon.get("topic_people") or ())
        self.owner_prepositions = set(lexicon["owner_prepositions"])
        self.definite = set(lexicon["definite_determiners"])
        self.compass_names = set(lexicon.get("compass_names") or ())
        self.congress_countries = {str(k): str(v) for k, v in (lexicon.get("congress_countries") or {}).items()}
        self.congress_words = {str(k).lower(): str(v) for k, v in (lexicon.get("congress_words") or {}).items()}
        self.pronouns = set(lexicon["pronouns"])
        cameo = lexicon.get("cameo_sectors") or {}
        countries = {c.alpha_3 for c in pycountry.countries} | set(lexicon["nonstate_codes"])
        self.cameo = CameoCodes(dict(cameo.get("preferred") or {}), dict(cameo.get("secondary") or {}), countries)


@dataclass(frozen=True)
class Alias:
    entry: Entry
    case: str  # "exact", "capital", "any"
    raw: tuple[str, ...]


_KIND_RANK = {PERSON: 0, ORG: 1, SEAT: 2, COUNTRY: 3, PEOPLE: 4, NAMED: 5}


class KnowledgeBase:
    """Names -> entries, with dated lookups and user dictionaries merged over the built-in data."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.index: dict[tuple[str, ...], list[Alias]] = {}
        self.max_len = 1
        self.entries: dict[str, Entry] = {}
        self.country_names: dict[str, str] = {}
        self.group_codes: set[str] = set()
        # a land that left a state: the first day it was its own (a state's, or one under an administration of its
        # own: Kosovo under the UN from June 1999), and the states that held it before, in turn (``countries.csv``
        # columns ``since`` and ``within``: Kosovo was Yugoslavia's; a chain lists each successor of an ended state)
        self.formed: dict[str, tuple[date, tuple[str, ...]]] = {}
        self.ended: dict[str, date] = {}
        # (country, title a sentence uses or office name) -> holders
        self.offices: dict[tuple[str, str], list[tuple[Role, Entry]]] = {}

    # -- building -------------------------------------------------------------------------------
    def add(self, entry: Entry, aliases: list[str], case: str | None = None) -> None:
        """Index an entry under its aliases (user entries go before built-in ones)."""
        self.entries.setdefault(entry.kb_id, entry)
        if entry.user:
            self.entries[entry.kb_id] = entry
        for alias in aliases:
            raw = tuple(split_raw(alias))
            key = tuple(w.lower() for w in raw)  # words(alias), without splitting it twice
            if not key:
                continue
            rule = case or case_rule(raw)
            if rule == "capital" and len(key) == 1 and len(key[0]) <= 4 and all(c.isupper() for c in raw[0]):
                rule = "exact"
            bucket = self.index.setdefault(key, [])
            if any(a.entry is entry for a in bucket):
                continue
            bucket.append(Alias(entry, rule, raw))
            bucket.sort(key=lambda a: (not a.entry.user, _KIND_RANK.get(a.entry.kind, 0)))
            self.max_len = max(self.max_len, len(key))

    def respeller(self):
        """A ``tacitus.actors.spelling.Respeller`` over the one-word names of persons, countries and peoples
        (built once)."""
        if getattr(self, "_respeller", None) is None:
            from tacitus.actors.spelling import Respeller

            self._respeller = Respeller(key[0] for key, bucket in self.index.items() if len(key) == 1
                                        and any(a.entry.kind in (PERSON, COUNTRY, PEOPLE) for a in bucket))
        return self._respeller

    def load_builtin(self) -> None:
        self._load_countries()
        for item in _load_yaml("organizations.yaml"):
            named = entries_from_items([(item, f"organizations.yaml ({item.get('id')})")], ORG, user=False)
            for ne in named:
                self.add(ne.entry, ne.aliases)
        with _data_path("leaders.csv").open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            items = [({k: v for k, v in row.items() if v}, f"leaders.csv:{reader.line_num}") for row in reader]
        rank = {office: i for i, office in enumerate(self.vocabulary.offices)}  # offices.yaml lists the highest first

        def office_rank(role: Role) -> int:
            return rank.get(role.office or self.vocabulary.titles.get(role.title or "", ("",))[0], len(rank))
        for ne in entries_from_items(items, PERSON, user=False):
            # of two offices held at once, a day's title is the higher ("president", not "defence minister")
            ne.entry.roles.sort(key=office_rank)
            self.add(ne.entry, ne.aliases)
            for role in ne.entry.roles:
                usual, called = self.vocabulary.titles.get(role.title or "", ("", role.title))
                if called and role.country:
                    office = role.office or usual
                    # found by its title, by its office's name ("the Libyan head of state": head_of_state), and a
                    # de facto ruler by the words of vocabulary.ruler_titles ("the Soviet leader")
                    names = {called, office} | (self.vocabulary.ruler_titles if office == "de_facto_ruler" else set())
                    for name in names - {""}:
                        self.offices.setdefault((role.country, name), []).append((role, ne.entry))
        self._load_named()

    def _load_named(self) -> None:
        """The named actors of ``named_actors.csv`` (PETRARCH-2's Phoenix dictionaries, MIT; named_actors.LICENSE.txt)
        behind everything loaded before: an entry one of whose names the project's own files know is left out."""
        with _data_path("named_actors.csv").open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            items = [({k: v for k, v in row.items() if v}, f"named_actors.csv:{reader.line_num}") for row in reader]
        for ne in entries_from_items(items, NAMED, user=False):
            keys = [words(a) for a in ne.aliases]
            if any(k in self.index for k in keys):
                continue  # one of its names is known: the team's entry answers for it
            # one word ("Abdullah", "Shah") names too many people (names with a title are not in the file)
            self.add(ne.entry, [a for a, k in zip(ne.aliases, keys) if len(k) > 1])

    def _load_countries(self) -> None:
        with _data_path("countries.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        split = lambda s: [x.strip() for x in (s or "").split("|") if x.strip()]  # noqa: E731
        for row in rows:
            iso3 = row["iso3"].strip()
            group = row["kind"].strip() == "group"
            if group:
                self.group_codes.add(iso3)
            self.country_names[iso3] = row["name"]
            sector = row["sector"].strip() or None
            until = date.fromisoformat(row["until"]) if (row.get("until") or "").strip() else None
            if until is not None:
                self.ended[iso3] = until
            if (row.get("since") or "").strip():
                self.formed[iso3] = (date.fromisoformat(row["since"]), tuple(split(row.get("within"))))
            country = Entry(iso3, row["name"], COUNTRY, iso3, sector, group=group, until=until)
            self.add(country, [row["name"]] + split(row["aliases"]) + split(row["capitals"]))
            people = Entry(iso3, row["name"], PEOPLE, iso3, sector if group else None, group=group, until=until)
            self.add(people, split(row["demonyms"]))
            for seat in split(row["seats"]):
                name, _, code = seat.partition("=")
                slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
                self.add(Entry(f"{iso3}:{slug}", name, SEAT, iso3, code.strip() or "GOV", until=until), [name])
        for iso3, (_, within) in self.formed.items():
            unknown = [c for c in within if c not in self.country_names]
            if not within or unknown:
                raise ValueError(f"countries.csv: {iso3}'s column within must name the states that held its land "
                                 f"before it ({unknown or 'none given'})")
        for c in pycountry.countries:
            if c.alpha_3 not in self.country_names:
                self.country_names[c.alpha_3] = getattr(c, "common_name", None) or c.name
            entry = Entry(c.alpha_3, self.country_names[c.alpha_3], COUNTRY, c.alpha_3, "GOV")
            for name in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
                if name and "," not in name and words(name) not in self.index:
                    self.add(entry, [name])

    def load_file(self, path: str | Path) -> int:
        """Merge a user dictionary (YAML, CSV/TSV or PETRARCH text) over the knowledge base.

        Returns the number of entries read. Raises ValueError naming the file and the reason.
        """
        p = Path(path)
        if not p.is_file():
            raise ValueError(f"{p}: actor dictionary not found")
        suffix = p.suffix.lower()
        if suffix in (".yaml", ".yml", ".csv", ".tsv"):
            named: list[NamedEntry] = read_table(p)
        elif looks_like_petrarch(p):
            named = read_petrarch(p, self.vocabulary.cameo)
        else:
            raise ValueError(f"{p}: unknown actor dictionary format (use .yaml, .csv, or a PETRARCH .txt/.actors file)")
        for ne in named:
            self.add(ne.entry, ne.aliases, ne.case)
        return len(named)

    # -- lookup ---------------------------------------------------------------------------------
    def candidates(self, key: tuple[str, ...], raw: tuple[str, ...]) -> list[Alias]:
        return [a for a in self.index.get(key, ()) if case_ok(a.case, a.raw, raw)]

    def choose(self, cands: list[Alias], day: date, story: Counter[str] | None = None) -> tuple[Entry, State] | None:
        """The best entry among aliases matching one phrase, and its state on `day` (see _choose), its country the state
        that held the land on that day: "the KLA" in 1999 is of Yugoslavia, not of Kosovo (``formed``)."""
        chosen = self._choose(cands, day, story)
        if chosen is None or chosen[1].country not in self.formed:
            return chosen
        entry, state = chosen
        return entry, state._replace(country=self.held_by(state.country, day))

    def held_by(self, country: str, day: date) -> str:
        """The state whose land a state formed by leaving another (``formed``) was on `day`: itself from its first
        day, before it the first state of its chain still in being."""
        since, within = self.formed.get(country, (None, ()))
        if since is None or day >= since or not within:
            return country
        return next((c for c in within if c not in self.ended or day <= self.ended[c]), within[-1])

    def _choose(self, cands: list[Alias], day: date, story: Counter[str] | None = None) -> tuple[Entry, State] | None:
        """The best entry among aliases matching one phrase, and its state on `day`.

        A name a state shared with its predecessor ("Moscow", "the Kremlin", "Belgrade") is the predecessor's
        up to the day it ended (``countries.csv`` column ``until``) and the successor's after. A user entry wins;
        where it gives a country but no sector, a built-in entry for the same name and country supplies the sector.
        Among built-in organisations of one name and different countries, the one whose country the story names
        most (``story``: its mentions of countries) wins ("SNA" in a story of Somalia is its army, in one of Syria a
        rebel coalition), and none when the story names none of them; among other namesakes, one in office on
        `day`, then the most recent.
        """
        if not cands:
            return None
        users = [a.entry for a in cands if a.entry.user]
        builtin = _of_the_day([a.entry for a in cands if not a.entry.user], day)
        if users:
            entry = users[0]
            state = entry.state_at(day)
            if state.sector is None and not entry.blocked:
                for other in builtin:
                    other_state = other.state_at(day)
                    if other_state.country == state.country and other_state.sector:
                        return other, other_state
            return entry, state
        if len(builtin) == 1:
            return builtin[0], builtin[0].state_at(day)
        best_rank = min(_KIND_RANK.get(e.kind, 0) for e in builtin)
        same = [e for e in builtin if _KIND_RANK.get(e.kind, 0) == best_rank]
        if story is not None and len({e.country for e in same}) > 1 and all(e.kind == ORG for e in same):
            most = max(story.get(e.country, 0) for e in same)
            if not most:
                return None  # nothing tells which: the phrase is read as if its name were unknown
            same = [e for e in same if story.get(e.country, 0) == most]
        states = [(e, e.state_at(day)) for e in same]
        current = [es for es in states if es[1].status == "current"]
        if current:
            return current[0]
        return max(states, key=lambda es: es[0].last_end())

    def office_holder(self, country: str, title: str, day: date) -> Actor | None:
        """The built-in person holding an office of `country` on `day` ("the Turkish president").

        A sole holder wins over a collective member or a contested claimant; when only several of those hold it
        ("the Bosnian president": a presidency of three), nobody is named.
        """
        called = self.vocabulary.office_titles.get(title) or (title if title in self.vocabulary.ruler_titles else None)
        holders = [(role, entry) for role, entry in self.offices.get((country, called or ""), ()) if role.covers(day)]
        sole = [(role, entry) for role, entry in holders if not role.shared]
        if sole or len({entry.kb_id for _, entry in holders}) == 1:
            role, entry = (sole or holders)[0]
            return Actor(title, entry.name, role.country, role.sector, entry.kb_id)
        return None


def _of_the_day(entries: list[Entry], day: date) -> list[Entry]:
    """Of the entries one name matches, those of the state that has it on `day`: a predecessor (the Soviet Union for
    "Moscow") up to its end, its successor after. A name only a former state had keeps it ("Soviet" in 2020)."""
    ended = [e for e in entries if e.until is not None]
    if not ended:
        return entries
    then = [e for e in ended if day <= e.until]
    if then:  # of a chain (Yugoslavia, then Serbia and Montenegro, then Serbia) the one that ends first
        first = min(e.until for e in then)
        return [e for e in then if e.until == first]
    now = [e for e in entries if e.until is None]
    return now or entries
