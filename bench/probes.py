"""Score the team-written probes in gold/probes: wire items, stories and articles written blind from the PLOVER manual.

    python bench/probes.py [--show N]

Each item is coded as `tacitus code` codes a text, with the item's publication date when it gives one; its
counted mentions are merged as the store merges them (one event per type, dyad, date and place). A gold event is
found by a coded event of its type, the one told in the sentence its quote comes from when the item gives a quote.
Prints, per set: type P/R/F1, type with both countries right (P/R/F1; a country of "---" matches any), and for the
stories the found events with the right place (the coded place's name within the gold place's text, or the
reverse, case, accents and apostrophes folded) and date. The conflict notes (snippets*.jsonl) are scored by their
principal event: found with an accepted type, by sub-event type (macro mean), with both countries, and with its
mode. --show lists the items with a miss or a false event (not for articles.jsonl nor snippets_heldout.jsonl, which
are held out: score them, do not read their misses).
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from pathlib import Path

PROBES = Path(__file__).resolve().parents[1] / "gold" / "probes"


# The writers' rules (RULES.md) file the European Union under "IGO" and once call Kosovo "KOS"; PLOVER's manual gives
# the EU its own code, EUR, and the coder writes XKX for Kosovo: a code of either spelling is the same party.
SAME_PARTY = {"EUR": "IGO", "KOS": "XKX"}


def _country(code: str | None) -> str:
    first = (code or "").split(" ")[0].replace("---", "")
    return SAME_PARTY.get(first, first)


def _folded(name: str) -> str:
    """A place name without case, accents or apostrophes: the gazetteer's "Zvečan" or "Mer’āwī" is the writer's
    "Zvecan" or "Merawi"."""
    plain = unicodedata.normalize("NFKD", name.lower())
    return "".join(ch for ch in plain if not unicodedata.combining(ch) and ch not in "'’‘`ʼ")


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(coder, items: list[dict], show: int) -> dict:
    from tacitus.evaluate.realnews import merged

    counts = dict(found=0, coded=0, gold=0, dyad=0, place_n=0, place=0, date_n=0, date=0)
    shown = 0
    for item in items:
        coded = [g.mentions[0] for g in merged(coder.code_text(item["text"], published=item.get("published")))
                 if any(m.modality == "asserted" for m in g.mentions)]
        used: set[int] = set()
        missed = []
        for g in item["events"]:
            kind = [i for i, e in enumerate(coded) if i not in used and e.plover_type == g["type"]]
            told = [i for i in kind if g.get("quote") and g["quote"][:25] in coded[i].sentence]
            if not (told or kind):
                missed.append(g["type"])
                continue
            e = coded[(told or kind)[0]]
            used.add((told or kind)[0])
            counts["found"] += 1
            target = e.target.code if e.target is not None else None
            if _country(e.source.code) == _country(g["source"]) and (
                    g.get("target") is None or _country(target) == _country(g["target"])):
                counts["dyad"] += 1
            if g.get("place"):
                counts["place_n"] += 1
                name = _folded(e.location.name if e.location is not None else "")
                gold = _folded(g["place"])
                counts["place"] += bool(name) and (name in gold or gold.split(",")[0] in name)
            if g.get("date"):
                counts["date_n"] += 1
                counts["date"] += bool(e.date) and e.date.startswith(g["date"])
        counts["gold"] += len(item["events"])
        counts["coded"] += len(coded)
        extra = [e.plover_type for i, e in enumerate(coded) if i not in used]
        if (missed or extra) and shown < show:
            shown += 1
            print(f"  {item['id']}: missed {missed}, false {extra} | {item['text'][:100]}")
    return counts


def score_notes(coder, items: list[dict], show: int) -> dict:
    """Conflict notes (snippets*.jsonl): whether each note's principal event (its first) is found with a type
    the writer accepts, by sub-event type, and whether its mode and both countries are right."""
    from tacitus.evaluate.realnews import merged

    by_kind: dict[str, list[int]] = {}
    modes = [0, 0]
    dyads = 0
    shown = 0
    for item in items:
        g = item["events"][0]
        coded = [m.mentions[0] for m in merged(coder.code_text(item["text"]))
                 if any(x.modality == "asserted" for x in m.mentions)]
        kind = [e for e in coded if e.plover_type in g["types_ok"]]
        told = [e for e in kind if g["quote"][:25] in e.sentence]
        e = (told or kind or [None])[0]
        by_kind.setdefault(item["sub_event"], []).append(e is not None)
        if e is not None:
            target = e.target.code if e.target is not None else None
            dyads += _country(e.source.code) == _country(g["source"]) and (
                g.get("target") is None or _country(target) == _country(g["target"]))
            if g.get("mode") and e.plover_type == g["type"]:
                modes[0] += 1
                modes[1] += e.plover_mode == g["mode"]
        if e is None and shown < show:
            shown += 1
            print(f"  {item['id']} {item['sub_event']}: wanted {g['types_ok']}, coded "
                  f"{[x.plover_type for x in coded]} | {item['text'][:110]}")
    found = sum(sum(v) for v in by_kind.values())
    macro = sum(sum(v) / len(v) for v in by_kind.values()) / max(len(by_kind), 1)
    return dict(macro=macro, found=found, n=len(items), dyads=dyads, modes=modes,
                weakest=sorted((sum(v) / len(v), k) for k, v in by_kind.items())[:5])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="items with a miss or a false event to list")
    args = parser.parse_args()
    from tacitus.coding import Coder

    coder = Coder()
    for name in ("sentences.jsonl", "stories.jsonl", "sentences2.jsonl", "stories2.jsonl", "articles2.jsonl",
                 "articles.jsonl"):  # (the last is held out: RULES.md)
        items = [json.loads(line) for line in (PROBES / name).read_text(encoding="utf-8").splitlines() if line]
        c = score(coder, items, 0 if name == "articles.jsonl" else args.show)
        p, r = c["found"] / max(c["coded"], 1), c["found"] / max(c["gold"], 1)
        dp, dr = c["dyad"] / max(c["coded"], 1), c["dyad"] / max(c["gold"], 1)
        line = (f"{name}: {len(items)} items, {c['gold']} gold events, {c['coded']} coded | type P/R/F1 "
                f"{p:.3f}/{r:.3f}/{_f1(p, r):.3f} | type+dyad P/R/F1 {dp:.3f}/{dr:.3f}/{_f1(dp, dr):.3f}")
        if c["place_n"]:
            line += f" | place {c['place']}/{c['place_n']} | date {c['date']}/{c['date_n']}"
        print(line)
    for name in ("snippets.jsonl", "snippets_dev2.jsonl", "snippets_heldout.jsonl"):  # (the last is held out)
        items = [json.loads(line) for line in (PROBES / name).read_text(encoding="utf-8").splitlines() if line]
        c = score_notes(coder, items, 0 if name == "snippets_heldout.jsonl" else args.show)
        right, with_mode = c["modes"][1], c["modes"][0]
        print(f"{name}: {c['n']} notes | principal event found {c['found']}/{c['n']}, macro over sub-event types "
              f"{c['macro']:.3f} | with both countries {c['dyads']}/{c['n']} | mode right {right}/{with_mode}"
              + ("" if name == "snippets_heldout.jsonl" else
                 " | weakest: " + ", ".join(f"{k} {v:.1f}" for v, k in c["weakest"])))


if __name__ == "__main__":
    main()
