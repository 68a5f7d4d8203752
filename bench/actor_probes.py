"""Score the dated actor probes in gold/probes: is an actor phrase resolved to the right person and codes on its day?

    python bench/actor_probes.py [--show N]

Each probe is one sentence read as news published on its date (``actors_dated*.jsonl``, rules in RULES.md). The
probed phrase is the subject of the sentence's event: the coded event whose source was written with the probe's
words is read. A probe passes when the country and the sector are right and, for a person, the resolved name ends in
the probe person's surname or is the knowledge base's entry for the probe's name (names compared without accents or
case; a seat of power passes with no person). CAMEO codes a defence minister GOVMIL: GOV passes for MIL. Prints
the share passed per file and per category; --show lists the misses of the development file (the held-out file is
scored only: its misses are not read).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from tacitus.actors.text import words

PROBES = Path(__file__).resolve().parents[1] / "gold" / "probes"
FILES = ("actors_dated.jsonl", "actors_dated_heldout.jsonl")  # the second is held out


def _actor(coder, probe: dict):
    """The resolved actor the probe's mention became, or None."""
    from tacitus.records import Document

    events = coder.code([Document(doc_id=probe["id"], text=probe["text"], published=probe["date"])])[0]
    wanted = set(words(probe["mention"])) - {"the"}
    best, overlap = None, 0
    for e in events:
        for actor in (e.source, e.target):
            shared = len(wanted & set(words(actor.text))) if actor is not None else 0
            if shared > overlap:
                best, overlap = actor, shared
    return best


def passes(coder, actor, probe: dict) -> bool:
    """Country and sector right (CAMEO codes a defence minister GOVMIL: GOV passes where the writer put MIL), and
    the person: the knowledge base's entry for the probe's name, or the probe's surname in the resolved name."""
    if actor is None or actor.country != probe["country"]:
        return False
    defence = {"defence", "defense"} & set(words(probe["mention"]))
    if actor.sector != probe["sector"] and not (defence and probe["sector"] == "MIL" and actor.sector == "GOV"):
        return False
    if probe["person"] is None:
        return True
    from tacitus.actors.text import split_raw

    raw = tuple(split_raw(probe["person"]))
    known = {a.entry.kb_id for a in coder.knowledge.resolver.kb.candidates(tuple(w.lower() for w in raw), raw)}
    return actor.kb_id in known or words(probe["person"])[-1] in words(actor.name or "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="misses of the development file to list")
    args = parser.parse_args()
    from tacitus.coding import Coder

    coder = Coder()
    for name in FILES:
        probes = [json.loads(line) for line in (PROBES / name).read_text(encoding="utf-8").splitlines() if line]
        by_category: dict[str, list[bool]] = defaultdict(list)
        shown = 0
        for probe in probes:
            actor = _actor(coder, probe)
            ok = passes(coder, actor, probe)
            by_category[probe["category"]].append(ok)
            if not ok and name == FILES[0] and shown < args.show:
                shown += 1
                got = f"{actor.country} {actor.sector} {actor.name}" if actor else "no actor"
                print(f"  {probe['id']} {probe['date']} {probe['mention']!r}: wanted {probe['country']} "
                      f"{probe['sector']} {probe['person']}, got {got}")
        right = sum(sum(v) for v in by_category.values())
        per = ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(by_category.items()))
        print(f"{name}: {right}/{len(probes)} right ({right / max(len(probes), 1):.2f}) | {per}")


if __name__ == "__main__":
    main()
