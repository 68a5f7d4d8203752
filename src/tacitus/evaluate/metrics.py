"""Classification metrics written for the evaluation: precision/recall/F1 per label, macro, micro, confusion.

A ratio with a zero denominator is 0.0 (no prediction of a label gives precision 0 for it).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Any


def ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def f1_of(precision: float, recall: float) -> float:
    return ratio(2 * precision * recall, precision + recall)


def _scores(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p, r = ratio(tp, n_pred), ratio(tp, n_gold)
    return {"precision": p, "recall": r, "f1": f1_of(p, r), "support": n_gold, "predicted": n_pred, "tp": tp}


def _summary(per_label: dict[Any, dict[str, Any]]) -> tuple[dict[str, float], dict[str, float]]:
    rows = list(per_label.values())
    k = len(rows)
    macro = {m: ratio(sum(r[m] for r in rows), k) for m in ("precision", "recall", "f1")}
    tp = sum(r["tp"] for r in rows)
    p = ratio(tp, sum(r["predicted"] for r in rows))
    rec = ratio(tp, sum(r["support"] for r in rows))
    return macro, {"precision": p, "recall": rec, "f1": f1_of(p, rec)}


def prf(gold: Sequence[Hashable], pred: Sequence[Hashable], labels: Iterable[Hashable]) -> dict[str, Any]:
    """Single-label scores: ``per_label`` (precision, recall, f1, support, predicted, tp), ``macro``, ``micro``
    (both over ``labels`` only: a prediction outside them, like "NONE", counts against recall but not
    precision) and ``accuracy`` over all items."""
    if len(gold) != len(pred):
        raise ValueError(f"gold and predicted lists differ in length ({len(gold)} vs {len(pred)})")
    per_label = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        per_label[label] = _scores(tp, sum(1 for p in pred if p == label), sum(1 for g in gold if g == label))
    macro, micro = _summary(per_label)
    accuracy = ratio(sum(1 for g, p in zip(gold, pred) if g == p), len(gold))
    return {"per_label": per_label, "macro": macro, "micro": micro, "accuracy": accuracy}


def multilabel_prf(gold: Sequence[Iterable[Hashable]], pred: Sequence[Iterable[Hashable]],
                   labels: Iterable[Hashable]) -> dict[str, Any]:
    """Multi-label scores (each item has a set of labels): per label, macro, micro, and ``exact_match``, the
    share of items whose predicted set equals the gold set (restricted to ``labels``)."""
    if len(gold) != len(pred):
        raise ValueError(f"gold and predicted lists differ in length ({len(gold)} vs {len(pred)})")
    labels = list(labels)
    gold_sets = [set(g) & set(labels) for g in gold]
    pred_sets = [set(p) & set(labels) for p in pred]
    per_label = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold_sets, pred_sets) if label in g and label in p)
        per_label[label] = _scores(tp, sum(1 for p in pred_sets if label in p), sum(1 for g in gold_sets if label in g))
    macro, micro = _summary(per_label)
    exact = ratio(sum(1 for g, p in zip(gold_sets, pred_sets) if g == p), len(gold_sets))
    return {"per_label": per_label, "macro": macro, "micro": micro, "exact_match": exact}


def confusion(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[Hashable, dict[Hashable, int]]:
    """gold label -> predicted label -> count (only pairs that occur)."""
    if len(gold) != len(pred):
        raise ValueError(f"gold and predicted lists differ in length ({len(gold)} vs {len(pred)})")
    table: dict[Hashable, dict[Hashable, int]] = {}
    for g, p in zip(gold, pred):
        row = table.setdefault(g, {})
        row[p] = row.get(p, 0) + 1
    return table


def set_confusion(gold: Sequence[Iterable[str]], pred: Sequence[Iterable[str]],
                  empty: str = "NONE") -> dict[str, dict[str, int]]:
    """For multi-label items: each (gold label, predicted label) pair of an item counted once, with ``empty``
    standing for an empty set; shows which gold labels are predicted as which."""
    table: dict[str, dict[str, int]] = {}
    for g, p in zip(gold, pred):
        for gl in sorted(g) or [empty]:
            row = table.setdefault(gl, {})
            for pl in sorted(p) or [empty]:
                row[pl] = row.get(pl, 0) + 1
    return table
