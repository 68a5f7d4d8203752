"""How many of the actors the coder writes on the real-news development splits are left without a country.

    python bench/actor_countries.py [--splits dev,dev2,dev3,dev4] [--show N]

Codes the annotated articles of the chosen splits of gold/realnews (never the test split) as `tacitus eval` does,
and counts every source and target of every event it writes, in three kinds:

- an actor the text names: a name, or a sector ("the police", "Hamas", "Klaus Weber");
- an actor nobody names: no words at all (an agentless passive: "was arrested" by whom it does not say);
- a thing: words that name nobody, with no name, sector or country ("the decision", "villages").

Prints, per kind and in all, how many there are and how many have no country; --show lists the named actors without
one with their sentence.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "gold" / "realnews"


def kind(actor) -> str:
    if not actor.text:
        return "unnamed"
    return "named" if actor.name or actor.sector or actor.country else "thing"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default="dev,dev2,dev3,dev4", help="development splits, comma-separated")
    parser.add_argument("--show", type=int, default=0, help="named actors without a country to list")
    args = parser.parse_args()
    splits = args.splits.split(",")
    if "test" in splits:
        parser.error("the test split is read only at the end, by `tacitus eval`")
    from tacitus.coding import Coder
    from tacitus.evaluate.realnews import corpus_documents, corpus_path, read_gold

    docs, _, meta = read_gold(GOLD)
    chosen = [d for d, r in docs.items() if r["split"] in splits]
    articles = corpus_documents(corpus_path(GOLD, meta, None), set(chosen))  # the corpus meta.json names
    total, without, shown = Counter(), Counter(), 0
    for events in Coder().code([articles[d] for d in chosen]):
        for e in events:
            for actor in (e.source, e.target):
                if actor is None:
                    continue
                k = kind(actor)
                total[k] += 1
                without[k] += not actor.country
                if k == "named" and not actor.country and shown < args.show:
                    shown += 1
                    print(f"  {e.doc_id} {e.plover_type} {actor.text!r} ({actor.sector}) | {e.sentence[:100]}")
    for k in ("named", "unnamed", "thing"):
        print(f"{k:8} {total[k]:5} actors, {without[k]:4} without a country ({without[k] / max(total[k], 1):.3f})")
    n, w = sum(total.values()), sum(without.values())
    print(f"{'all':8} {n:5} actors, {w:4} without a country ({w / max(n, 1):.3f})")


if __name__ == "__main__":
    main()
