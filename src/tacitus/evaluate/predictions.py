"""From the coder's events of one sentence to the label each gold format asks for.

Top event: among the sentence's events whose modality is "asserted" or "future", the one of the highest
prominence, the rules' ordering of a sentence's acts (the first such on a tie). It decides:

- ``utd-class``: the five-way class of its CAMEO code; no top event gives class 0.
- ``utd-spans``: its source and target texts, located in the sentence.
- ``plover-gsr``: its PLOVER type; events without one (CAMEO 01 statements, which PLOVER has no type for) are
  passed over; no top event gives "NONE".

IndiaPoliceEvents labels (multi-label; every event of the sentence counts, not only the top one):

- KILL: an asserted ASSAULT with a death toll (``fatalities`` > 0) or a killing predicate (``kill_predicates``
  in data/gold_mappings.yaml: kill, massacre, shoot, ...).
- ARREST: an asserted COERCE event with mode "arrest".
- FORCE: an asserted ASSAULT, or an asserted COERCE other than an arrest (so KILL implies FORCE, as in the gold).
- ANY_ACTION: any asserted event whose source or target sector is COP (police), or any of KILL, ARREST, FORCE.
- FAIL: a negated event whose source sector is COP ("police did not intervene").

KILL, ARREST and FORCE do not require the police as the source: in these lower-cased reports the police are
seldom the parsed agent ("were killed in police firing", "40 were arrested"), and requiring them gave a lower
macro-F1 on the dev file (0.16 against 0.21).
"""

from __future__ import annotations

import functools
from importlib import resources

from tacitus.datafiles import read_yaml_mapping
from tacitus.events.ontology import Ontology
from tacitus.records import Actor, Event, is_counted

POLICE = "COP"
NO_EVENT = "NONE"


@functools.lru_cache(maxsize=1)
def gold_mappings() -> dict:
    """The parsed data/gold_mappings.yaml."""
    data = read_yaml_mapping(resources.files("tacitus.evaluate").joinpath("data/gold_mappings.yaml"))
    if "gold_code_aliases" not in data or "kill_predicates" not in data:
        raise ValueError("tacitus/evaluate/data/gold_mappings.yaml: needs gold_code_aliases and kill_predicates")
    return data


def top_event(events: list[Event], *, plover_only: bool = False) -> Event | None:
    """The asserted or future event of the highest prominence (the sentence's main act); None when there is none."""
    pool = [e for e in events if is_counted(e.modality) and (e.plover_type or not plover_only)]
    return max(pool, key=lambda e: e.prominence) if pool else None


def five_way_class(events: list[Event], ontology: Ontology) -> str:
    """The UTD five-way class ("0".."4") the sentence's events give."""
    top = top_event(events)
    return str(ontology.lookup(top.cameo_code).five_way) if top else "0"


def plover_type(events: list[Event]) -> str:
    top = top_event(events, plover_only=True)
    return top.plover_type if top else NO_EVENT


def gold_code(code: str) -> str:
    """A gold country code in the coder's spelling (JAP -> JPN)."""
    code = code.strip().upper()
    return gold_mappings()["gold_code_aliases"].get(code, code)


def gold_codes(codes) -> set[str]:
    """The coder's codes that match any of these gold codes (aliases, and IGO -> IGO, UNO or EUR)."""
    families = gold_mappings().get("gold_code_families") or {}
    out: set[str] = set()
    for c in codes:
        code = gold_code(c)
        out.update(families.get(code, [code]))
    return out


def _police(actor: Actor | None) -> bool:
    return actor is not None and actor.sector == POLICE


def india_labels(events: list[Event]) -> frozenset[str]:
    """The IndiaPoliceEvents labels the sentence's events give (see the module docstring)."""
    kill_words = set(gold_mappings()["kill_predicates"])
    labels: set[str] = set()
    for e in events:
        if e.modality == "negated" and _police(e.source):
            labels.add("FAIL")
        if e.modality != "asserted":
            continue
        arrest = e.plover_type == "COERCE" and e.plover_mode == "arrest"
        if e.plover_type == "ASSAULT" and ((e.fatalities or 0) > 0 or (e.predicate or "") in kill_words):
            labels.add("KILL")
        if arrest:
            labels.add("ARREST")
        if e.plover_type == "ASSAULT" or (e.plover_type == "COERCE" and not arrest):
            labels.add("FORCE")
        if _police(e.source) or _police(e.target):
            labels.add("ANY_ACTION")
    if labels & {"KILL", "ARREST", "FORCE"}:
        labels.add("ANY_ACTION")
    return frozenset(labels)
