"""The ontology the coder codes in: CAMEO codes with their Goldstein score, quad class and PLOVER type, mode and
context (``events/data/cameo.csv``), and what the rules need to know beyond the table (``events/data/
ontology.yaml``): which PLOVER types they treat alike, which quad classes are conflict, and the codes they give
when they recode an act. The coder holds no code or type literal of its own; it asks an :class:`Ontology`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from tacitus.datafiles import read_yaml_mapping
from tacitus.errors import TacitusError

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
GROUPS = ("framing", "demand", "request", "agreement", "threat", "rejection", "protest", "protest_purpose",
          "violence", "struck_place", "not_at_home", "meeting")
QUADS = ("cooperation", "conflict", "material_conflict", "verbal")
RECODES = ("refusal", "refused_cooperation", "conditional_threat", "announced_harm", "threat_of_force",
           "intended_cooperation", "speaker_accuses", "demand")


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
                   unidentified_sectors={k: str(v) for k, v in (spec.get("unidentified_sectors") or {}).items()})
        for name, recode in recodes.items():
            if recode.code is not None:
                onto.lookup(recode.code)  # a recode to a code the table lacks is an error in the files
        return onto

    def lookup(self, code: str) -> CameoCode:
        """The record for ``code``; an unknown code raises :class:`UnknownCode` naming it."""
        found = self.codes.get(code)
        if found is None:
            raise UnknownCode(f"unknown CAMEO code {code!r}")
        return found

    def is_a(self, plover_type: str | None, group: str) -> bool:
        """True when ``plover_type`` belongs to the named group of types ("violence", "framing", ...)."""
        return plover_type in self.groups[group]

    def quad_is(self, code: str, quads: str) -> bool:
        """True when the code's quad class is in the named set ("conflict", "material_conflict", ...)."""
        return self.lookup(code).quad_class in self.quads[quads]

    def is_statement(self, code: str) -> bool:
        """A public statement (CAMEO 01), which PLOVER does not code as an event."""
        return code[:2] in self.statement_roots

    def unidentified_sector(self, plover_type: str | None) -> str:
        return self.unidentified_sectors["violence" if self.is_a(plover_type, "violence") else "other"]

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
