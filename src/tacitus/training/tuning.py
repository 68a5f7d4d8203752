"""Scoring and threshold tuning for the combined system (numpy only).

Counting rule: a sentence's top event decides its five-way class; a sentence without events is class 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from tacitus.events.ontology import Ontology
from tacitus.learn.decide import Thresholds, choose
from tacitus.learn.features import event_class, top_event_index
from tacitus.learn.model import Prediction
from tacitus.records import Event

GRID = tuple(round(x, 2) for x in np.arange(0.25, 0.96, 0.05))
TUNED = ("emit", "rerank", "drop", "weak")


def macro_f1(gold: Sequence[int], predicted: Sequence[int], labels: Sequence[int] = (0, 1, 2, 3, 4)) -> float:
    """Unweighted mean of per-class F1 over ``labels`` (a class never gold nor predicted scores 0)."""
    if len(gold) != len(predicted):
        raise ValueError(f"macro_f1: {len(gold)} gold labels but {len(predicted)} predictions")
    g, p = np.asarray(gold), np.asarray(predicted)
    scores = []
    for k in labels:
        tp = float(np.sum((g == k) & (p == k)))
        fp, fn = float(np.sum((g != k) & (p == k))), float(np.sum((g == k) & (p != k)))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


def pattern_class(events: Sequence[Event], ontology: Ontology) -> int:
    """The class the pattern coder alone gives a sentence under the counting rule."""
    top = top_event_index(events)
    return 0 if top is None else event_class(events[top], ontology)


def combined_classes(items: Sequence[tuple[Sequence[Event], Prediction]], thresholds: Thresholds,
                     ontology: Ontology) -> list[int]:
    return [choose(events, pred, thresholds, ontology=ontology).sentence_class(events, ontology)
            for events, pred in items]


def tune_thresholds(items: Sequence[tuple[Sequence[Event], Prediction]], gold: Sequence[int], ontology: Ontology,
                    start: Thresholds | None = None, rounds: int = 3,
                    tolerance: float = 0.005) -> tuple[Thresholds, float]:
    """Coordinate ascent over the thresholds that change the counting-rule class (emit, rerank, drop, weak),
    maximising macro-F1 of the combined system on ``items`` (held-out predictions, never the dev split).

    Then each threshold is raised (``weak`` lowered) as far as the score stays within ``tolerance`` of the
    best: among near-equal settings the one that overrides the pattern coder least is kept."""
    best, best_score = _ascend(items, gold, start or Thresholds(), rounds, ontology)
    chosen, score = best, best_score
    for name in TUNED:
        values = sorted(GRID, reverse=name != "weak")
        for value in values:
            trial = replace(chosen, **{name: float(value)})
            trial_score = macro_f1(gold, combined_classes(items, trial, ontology))
            if trial_score >= best_score - tolerance:
                chosen, score = trial, trial_score
                break
    return chosen, score


def _ascend(items, gold, start: Thresholds, rounds: int, ontology: Ontology) -> tuple[Thresholds, float]:
    best = start
    best_score = macro_f1(gold, combined_classes(items, best, ontology))
    for _ in range(rounds):
        improved = False
        for name in TUNED:
            for value in GRID:
                trial = replace(best, **{name: float(value)})
                score = macro_f1(gold, combined_classes(items, trial, ontology))
                if score > best_score + 1e-9:
                    best, best_score, improved = trial, score, True
        if not improved:
            break
    return best, best_score
