"""Knowledge-base records: an entry (person, organisation, country ...) and its dated roles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

CODE = re.compile(r"^[A-Z]{3}$")

# kinds of entries
COUNTRY = "country"  # a state or group named by its name, alias or capital: "Turkey", "Ankara"
PEOPLE = "people"  # a demonym: "Turkish", "Kurds"
SEAT = "seat"  # a seat of power: "the Kremlin", "the Pentagon"
ORG = "org"  # an organisation: "Hamas", "NATO"
PERSON = "person"  # a person: "Recep Tayyip Erdogan"
NAMED = "named"  # a user-dictionary entry of unknown kind (person or organisation)

KINDS = (COUNTRY, PEOPLE, SEAT, ORG, PERSON, NAMED)


@dataclass(frozen=True)
class Role:
    """A country/sector an entry holds, between two dates (both inclusive; None = open)."""

    country: str | None
    sector: str | None
    start: date | None = None
    end: date | None = None
    title: str | None = None  # "president", "foreign minister"
    office: str | None = None  # leaders.csv: the office of the closed set (offices.yaml) the title is a form of
    shared: bool = False  # leaders.csv: a collective presidency's member or a contested claimant (column standing)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class State(NamedTuple):
    """What an entry is on a given day."""

    country: str | None
    sector: str | None
    title: str | None
    status: str  # "current" (a dated role), "default", "former", "before"


@dataclass
class Entry:
    """One thing the resolver knows by name."""

    kb_id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    roles: list[Role] = field(default_factory=list)
    group: bool = False  # country code names an ethnic/armed group (KUR), not a state
    user: bool = False  # from a user dictionary
    blocked: bool = False  # the name is known to carry no actor code (PETRARCH "[---]")
    until: date | None = None  # the last day of a state that no longer exists (the Soviet Union: 1991-12-25)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"actor entry {self.kb_id!r}: unknown kind {self.kind!r} (one of {', '.join(KINDS)})")
        for code, what in ((self.country, "country"), (self.sector, "sector")):
            if code is not None and not CODE.match(code):
                raise ValueError(f"actor entry {self.kb_id!r}: {what} code {code!r} is not three capital letters")

    @property
    def is_person(self) -> bool:
        return self.kind == PERSON

    def names_person(self, tagged_person: bool) -> bool:
        """A person's entry, or a user dictionary's entry of no known kind whose name the tagger reads as a person's."""
        return self.kind == PERSON or (self.kind == NAMED and tagged_person)

    def state_at(self, day: date) -> State:
        """Country, sector and title on `day`.

        A dated role covering the day wins; then an undated role; then the entry's own codes.
        A person whose dated roles have all ended is a former office holder (sector ELI);
        before the first one, only the country is known.
        """
        dated = [r for r in self.roles if r.dated]
        for role in dated:
            if role.covers(day):
                return State(role.country or self.country, role.sector, role.title, "current")
        for role in self.roles:
            if not role.dated:
                return State(role.country or self.country, role.sector, role.title, "default")
        if self.kind in (PERSON, NAMED) and dated and self.sector is None:
            ended = [r for r in dated if r.end is not None and r.end < day]
            if ended:
                last = max(ended, key=lambda r: r.end or day)
                return State(last.country or self.country, "ELI", None, "former")
            first = min(dated, key=lambda r: r.start or day)
            return State(first.country or self.country, None, None, "before")
        return State(self.country, self.sector, None, "default")

    def last_end(self) -> date:
        """The end of the most recent role (for ranking namesakes); open roles count as latest."""
        ends = [r.end or date.max for r in self.roles if r.dated]
        return max(ends) if ends else date.min
