"""The ontology the coder codes in: CAMEO codes with their Goldstein score, quad class and PLOVER type, mode and
context (``events/data/cameo.csv``), and what the rules need to know beyond the table (``events/data/
ontology.yaml``): which PLOVER types they treat alike, which quad classes are conflict, and the codes they give
when they recode an act. The coder holds no code or type literal of its own; it asks an :class:`Ontology`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from tacitus.datafiles import read_yaml_mapping
from tacitus.errors import TacitusError

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
GROUPS = ("framing", "backing", "accusation", "demand", "request", "agreement", "threat", "rejection", "protest",
          "protest_purpose", "violence", "struck_place", "not_at_home", "meeting", "needs_recipient",
          "place_recipient", "speech_acts", "mobilization", "mutual", "home_recipient", "tolled", "aimed", "harm",
          "told_acts")
QUADS = ("cooperation", "conflict", "material_conflict", "verbal")
RECODES = ("refusal", "refused_cooperation", "conditional_threat", "announced_harm", "threat_of_force",
           "intended_cooperation", "speaker_accuses", "demand", "praise", "blame", "abduction", "denial",
           "political_attack")


def _words(spec: dict, key: str) -> frozenset[str]:
    """A list of the rules file read as a set of strings (empty when the file has none)."""
    return frozenset(str(m) for m in spec.get(key) or ())


class UnknownCode(TacitusError, KeyError):
    """A code the ontology's table does not hold."""

    def __str__(self) -> str:  # KeyError quotes its argument; the message reads better plain
        return str(self.args[0])


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    goldstein: float
    quad_class: int
    plover_type: str | None  # None for CAMEO 01 (public statements): PLOVER has no such type
    plover_mode: str | None
    plover_context: str | None
    five_way: int = 0  # the UTD benchmark's class: 0 = 01-02, 1 = 03-05, 2 = 06-08, 3 = 09-13, 4 = 14-20

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class Recode:
    """What a rule makes of an act: a CAMEO code (None: the rule takes it from a table), a PLOVER type, a mode."""

    code: str | None
    plover: str
    mode: str | None = None


@dataclass(frozen=True)
class Ontology:
    codes: dict[str, CameoCode]
    groups: dict[str, frozenset[str]]
    quads: dict[str, frozenset[int]]
    recodes: dict[str, Recode]
    statement_roots: tuple[str, ...]
    appeal: dict[str, str]
    unidentified_sectors: dict[str, str]
    modes: dict[str, frozenset[str]]  # PLOVER type -> the modes the ontology defines for it
    state_agents: dict[str, str]  # mode of an act only a state does -> the sector that does it
    mobilized_forces: dict[str, str]  # sector of a mobilised force -> MOBILIZE mode
    population_measures: frozenset[str]  # modes of measures that fall on the people where they are imposed
    governing_sectors: frozenset[str]  # sectors that are the authorities: a protest by them is not against themselves
    default_modes: dict[str, str]  # PLOVER type -> its mode when the text tells no other
    venue_codes: frozenset[str] = frozenset()  # codes whose place is only where they happen (a meeting's venue)
    hosted_visits: dict[str, str] = field(default_factory=dict)  # a host's code -> the visitor's visit's code
    counted_state_acts: frozenset[str] = frozenset()  # modes whose counted nouns are the state's ("five arrests")
    capture_modes: frozenset[str] = frozenset()  # modes of taking people ...
    release_modes: frozenset[str] = frozenset()  # ... and of letting them go: by the last taker, when nobody is named
    captive_words: frozenset[str] = frozenset()  # words that may name any people taken before ("the hostages")
    abductor_sectors: frozenset[str] = frozenset()  # armed non-state sectors: whom they seize or detain is abducted
    abduction_from: tuple[str, ...] = ()  # the codes (with their children) of seizing or detaining people
    things_taken: frozenset[str] = frozenset()  # modes of acts on things: no act on the actor's own state at home
    things_held: frozenset[str] = frozenset()  # modes of acts the state holds things under ("under investigation")
    rally_modes: frozenset[str] = frozenset()  # gatherings that, held by these against nobody, are no protest
    rally_holders: frozenset[str] = frozenset()
    crowd_forces: frozenset[str] = frozenset()  # who break up protests: their force goes on where one was told
    crowd_sectors: frozenset[str] = frozenset()  # ... on people of these sectors
    public_sectors: frozenset[str | None] = frozenset()  # the public: what it demands of nobody it demands of its rulers
    armed_sectors: frozenset[str] = frozenset()  # who fight: what one comes under from them is force ...
    speaking_sectors: frozenset[str] = frozenset()  # ... and from these, words
    private_violence: frozenset[str] = frozenset()  # words of violence between private people (a feud, a robbery)
    political_attackers: frozenset[str] = frozenset()  # whose attacks with no means told on ...
    political_attacked: frozenset[str] = frozenset()  # ... these are attacks with words
    abroad_modes: frozenset[str] = frozenset()  # modes of acts done in another state ("visited Iran")
    met_nobody_sectors: frozenset[str] = frozenset()  # people a visit at home to meets no party
    verbal_protest_sectors: frozenset[str] = frozenset()  # office-holders whose lone protest is a complaint
    weapon_showing_sectors: frozenset[str] = frozenset()  # whose weapons fired at nothing are shown
    state_organs: frozenset[str] = frozenset()  # organs that deal with foreign states
    irregular_forces: frozenset[str] = frozenset()  # armed sectors outside the state: a side apart from its forces

    @classmethod
    def load(cls, table: str | Path | Traversable | None = None,
             rules: str | Path | Traversable | None = None) -> "Ontology":
        """The code table and rules files; CAMEO with PLOVER as shipped in the package by default."""
        data = resources.files("tacitus.events").joinpath("data")
        table = table or data.joinpath("cameo.csv")
        rules = rules or data.joinpath("ontology.yaml")
        spec = read_yaml_mapping(rules)
        where = str(rules)
        five_way = {str(root): int(cls_) for cls_, roots in (spec.get("five_way") or {}).items() for root in roots}
        codes: dict[str, CameoCode] = {}
        with table.open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                codes[r["code"]] = CameoCode(
                    code=r["code"], label=r["label"], goldstein=float(r["goldstein"]),
                    quad_class=int(r["quad_class"]), plover_type=r["plover_type"] or None,
                    plover_mode=r["plover_mode"] or None, plover_context=r["plover_context"] or None,
                    five_way=five_way.get(r["code"][:2], 0))
        groups = _named(spec, "groups", GROUPS, where, lambda v: frozenset(str(x) for x in v))
        quads = _named(spec, "quads", QUADS, where, lambda v: frozenset(int(x) for x in v))
        recodes = _named(spec, "recodes", RECODES, where,
                         lambda v: Recode(str(v["code"]) if v.get("code") else None, str(v["type"]), v.get("mode")))
        onto = cls(codes=codes, groups=groups, quads=quads, recodes=recodes,
                   statement_roots=tuple(str(r) for r in spec.get("statement_roots") or ()),
                   appeal={k: str(v) for k, v in (spec.get("appeal") or {}).items()},
                   unidentified_sectors={k: str(v) for k, v in (spec.get("unidentified_sectors") or {}).items()},
                   modes={str(t): frozenset(str(m) for m in ms or ()) for t, ms in (spec.get("modes") or {}).items()},
                   state_agents={str(k): str(v) for k, v in (spec.get("state_agents") or {}).items()},
                   mobilized_forces={str(k): str(v) for k, v in (spec.get("mobilized_forces") or {}).items()},
                   population_measures=_words(spec, "population_measures"),
                   governing_sectors=_words(spec, "governing_sectors"),
                   default_modes={str(k): str(v) for k, v in (spec.get("default_modes") or {}).items()},
                   venue_codes=_words(spec, "venue_codes"),
                   hosted_visits={str(k): str(v) for k, v in (spec.get("hosted_visits") or {}).items()},
                   counted_state_acts=_words(spec, "counted_state_acts"),
                   capture_modes=_words(spec, "capture_modes"), release_modes=_words(spec, "release_modes"),
                   captive_words=_words(spec, "captive_words"),
                   abductor_sectors=_words(spec, "abductor_sectors"),
                   abduction_from=tuple(str(c) for c in spec.get("abduction_from") or ()),
                   things_taken=_words(spec, "things_taken"), things_held=_words(spec, "things_held"),
                   rally_modes=_words(spec, "rally_modes"), rally_holders=_words(spec, "rally_holders"),
                   crowd_forces=_words(spec, "crowd_forces"), crowd_sectors=_words(spec, "crowd_sectors"),
                   public_sectors=frozenset(str(m) or None for m in spec.get("public_sectors") or ()),
                   armed_sectors=_words(spec, "armed_sectors"),
                   speaking_sectors=_words(spec, "speaking_sectors"),
                   private_violence=_words(spec, "private_violence"),
                   political_attackers=_words(spec, "political_attackers"),
                   political_attacked=_words(spec, "political_attacked"),
                   abroad_modes=_words(spec, "abroad_modes"),
                   met_nobody_sectors=_words(spec, "met_nobody_sectors"),
                   verbal_protest_sectors=_words(spec, "verbal_protest_sectors"),
                   weapon_showing_sectors=_words(spec, "weapon_showing_sectors"),
                   state_organs=_words(spec, "state_organs"),
                   irregular_forces=_words(spec, "irregular_forces"))
        for name, recode in recodes.items():
            if recode.code is not None:
                onto.check(recode.code, recode.plover, recode.mode, f"{where}: recode {name!r}")
        for info in codes.values():
            if info.plover_mode and not onto.mode_allowed(info.plover_type, info.plover_mode):
                raise TacitusError(f"{table}: code {info.code} has mode {info.plover_mode!r}, which "
                                   f"{info.plover_type} does not define")
        return onto

    def lookup(self, code: str) -> CameoCode:
        """The record for ``code``; an unknown code raises :class:`UnknownCode` naming it."""
        found = self.codes.get(code)
        if found is None:
            raise UnknownCode(f"unknown CAMEO code {code!r}")
        return found

    def mode_allowed(self, plover_type: str | None, mode: str | None) -> bool:
        """A mode the ontology defines for the type (no mode is always allowed)."""
        return mode is None or mode in self.modes.get(plover_type or "", frozenset())

    def check(self, code: str, plover_type: str | None, mode: str | None, where: str) -> None:
        """Refuse a code the table lacks, a PLOVER type other than the code's, or a mode the type lacks: the type
        always follows the code, and only the modes PLOVER defines for a type are given."""
        try:
            info = self.lookup(code)
        except UnknownCode as exc:
            raise TacitusError(f"{where}: {exc}") from None
        if plover_type is not None and plover_type != info.plover_type:
            raise TacitusError(f"{where}: type {plover_type} disagrees with code {code}, which is "
                               f"{info.plover_type or 'no PLOVER type'} in the code table")
        if not self.mode_allowed(plover_type or info.plover_type, mode):
            raise TacitusError(f"{where}: mode {mode!r} is not a mode of {plover_type or info.plover_type}")

    def at_venue(self, code: str) -> bool:
        """Whether an act of this code happens at its place without being done to it (talks in Geneva)."""
        return code in self.venue_codes

    def is_a(self, plover_type: str | None, group: str) -> bool:
        """True when ``plover_type`` belongs to the named group of types ("violence", "framing", ...)."""
        return plover_type in self.groups[group]

    def quad_is(self, code: str, quads: str) -> bool:
        """True when the code's quad class is in the named set ("conflict", "material_conflict", ...)."""
        return self.lookup(code).quad_class in self.quads[quads]

    def is_statement(self, code: str) -> bool:
        """A public statement (CAMEO 01) that the table gives no PLOVER type: PLOVER does not code it."""
        return code[:2] in self.statement_roots and self.lookup(code).plover_type is None

    def state_agent(self, mode: str | None) -> str | None:
        """The sector of the state organ that does an act of this mode when the text names nobody ("was
        arrested": the police), or None for acts others do too."""
        return self.state_agents.get(mode or "")

    def unidentified_sector(self, plover_type: str | None) -> str:
        for family in ("violence", "protest"):
            if family in self.unidentified_sectors and self.is_a(plover_type, family):
                return self.unidentified_sectors[family]
        return self.unidentified_sectors["other"]

    def appeal_code(self, code: str) -> str | None:
        """The appeal (root 02) a demand (root 10) becomes when read as an appeal: the same kind if the table
        has it, else its sub-root, else the generic appeal; None for a code that is no demand."""
        demand, appeal = self.appeal["demand_root"], self.appeal["appeal_root"]
        if not code.startswith(demand):
            return None
        rest = code[len(demand):]
        for candidate in (appeal + rest, appeal + rest[:1], self.appeal["generic"]):
            if candidate in self.codes:
                return candidate
        return None


def _named(spec: dict, key: str, required: tuple[str, ...], where: str, convert) -> dict:
    table = spec.get(key)
    if not isinstance(table, dict):
        raise TacitusError(f"{where}: no {key!r} table")
    missing = [n for n in required if n not in table]
    if missing:
        raise TacitusError(f"{where}: {key} lacks {', '.join(missing)}")
    try:
        return {str(k): convert(v) for k, v in table.items()}
    except (KeyError, TypeError, ValueError) as exc:
        raise TacitusError(f"{where}: a {key} entry is malformed ({exc})") from exc
