"""Fit the confidence calibration (src/tacitus/events/data/calibration.yaml) on the real-news gold's development splits.

Codes the development articles (dev, dev2, dev3, dev4: every split but test) with the calibration stage left out (raw
confidences), merges each document's counted mentions as the scorer does, labels each event right when it finds a
gold event of its type, and fits a logistic model over the facts of events/calibration.py (L2-penalised, by
gradient descent: numpy only). Prints the reliability table of the fitted model in 5-fold cross-validation with
whole articles held out (the honest estimate), then writes the model fitted on all of them. Run from the
repository root:

    python tools/calibrate_confidence.py            # fit and write
    python tools/calibrate_confidence.py --check    # print the table of the shipped calibration, write nothing
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "tacitus" / "events" / "data" / "calibration.yaml"
GOLD = ROOT / "gold" / "realnews"
PENALTY = 0.5  # L2 weight; the development splits hold a few hundred events
BINS = (0.0, 0.3, 0.5, 0.7, 0.8, 1.01)


def labelled(split: str | tuple[str, ...], calibrated: bool):
    """(facts, raw confidence, right, article number) of every merged coded event of the split(s)."""
    from tacitus.coding import Coder
    from tacitus.events.calibration import FEATURES, features
    from tacitus.evaluate.realnews import _assign, corpus_documents, merged, read_gold

    docs, gold, meta = read_gold(GOLD)
    splits = (split,) if isinstance(split, str) else split
    chosen = {d: r for d, r in docs.items() if r["split"] in splits}
    articles = corpus_documents(GOLD / meta["corpus"], set(chosen))
    coder = Coder()
    if not calibrated:
        coder.coder.stages = [(n, s) for n, s in coder.coder.stages if n != "calibrate"]
    speech = coder.knowledge.ontology.groups["speech_acts"]
    order = list(chosen)
    rows, right, conf, article = [], [], [], []
    for n, (doc_id, events) in enumerate(zip(order, coder.code([articles[d] for d in order]))):
        found = merged(events)
        typed = _assign(found, [g for g in gold if g.doc_id == doc_id and g.asserted], dyad=False)
        for i, c in enumerate(found):
            best = max(c.mentions, key=lambda m: m.confidence)
            facts = features(best, speech)
            rows.append([facts[k] for k in FEATURES])
            right.append(1.0 if i in typed else 0.0)
            conf.append(best.confidence)
            article.append(n)
    return np.array(rows), np.array(right), np.array(conf), np.array(article)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(20000):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        grad_w = x.T @ (p - y) / len(y) + PENALTY * w / len(y)
        grad_b = float(np.mean(p - y))
        w -= 0.5 * grad_w
        b -= 0.5 * grad_b
    return w, b


def table(p: np.ndarray, y: np.ndarray) -> list[str]:
    lines = ["| confidence | events | right |", "|---|---|---|"]
    for lo, hi in zip(BINS, BINS[1:]):
        sel = (p >= lo) & (p < hi)
        share = f"{y[sel].mean():.2f}" if sel.any() else "-"
        lines.append(f"| {lo:.1f}-{min(hi, 1.0):.1f} | {int(sel.sum())} | {share} |")
    above = p > 0.7
    lines.append(f"| above 0.7 | {int(above.sum())} | {y[above].mean():.2f} |" if above.any() else "| above 0.7 | 0 | - |")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="print the shipped calibration's table on a split")
    ap.add_argument("--split", default="dev", choices=("dev", "dev2", "dev3", "dev4", "test"), help="the split --check reads (test: only "
                    "for the final report)")
    args = ap.parse_args(argv)
    from tacitus.events.calibration import FEATURES

    if args.check:
        _, y, conf, _ = labelled(args.split, calibrated=True)
        print(f"{args.split}: {len(y)} events, {y.mean():.2f} right")
        print("\n".join(table(conf, y)))
        return 0
    from tacitus.evaluate.realnews import GOLD_SPLITS

    development = tuple(s for s in GOLD_SPLITS if s != "test")
    x, y, _, article = labelled(development, calibrated=False)
    folds = article % 5  # whole articles held out: an article's events are not independent
    held = np.zeros(len(y))
    for k in range(5):
        w, b = fit(x[folds != k], y[folds != k])
        held[folds == k] = 1.0 / (1.0 + np.exp(-(x[folds == k] @ w + b)))
    print(f"{'+'.join(development)}: {len(y)} events, {y.mean():.2f} right; 5-fold cross-validated reliability:")
    print("\n".join(table(held, y)))
    w, b = fit(x, y)
    lines = ["# The calibration of event confidence (events/calibration.py), written by tools/calibrate_confidence.py",
             f"# from the real-news gold's development splits {', '.join(development)} ({len(y)} merged events, "
             f"{y.mean():.2f} of them right).",
             f"bias: {b:.4f}", "weights:"]
    lines += [f"  {name}: {weight:.4f}" for name, weight in zip(FEATURES, w)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
