"""Scoring the coder's events against each gold format (the label rules are in predictions.py)."""

from __future__ import annotations

from typing import Any

from tacitus.evaluate.gold import INDIA_LABELS, UTD_CLASSES, GoldItem
from tacitus.evaluate.metrics import confusion, f1_of, multilabel_prf, prf, ratio, set_confusion
from tacitus.evaluate.predictions import (NO_EVENT, POLICE, five_way_class, gold_codes, india_labels, plover_type,
                                          top_event)
from tacitus.evaluate.report import MAX_ERRORS, EvalReport
from tacitus.evaluate.tokens import locate, tokens_in
from tacitus.records import Actor, Event


def explain(event: Event | None) -> dict[str, Any]:
    """The evidence of an event for an error listing."""
    if event is None:
        return {"evidence": None, "event": None}
    tgt = event.target.code or event.target.text if event.target else "-"
    return {"evidence": event.sentence[event.evidence_start:event.evidence_end],
            "event": f"{event.source.code or event.source.text} {event.plover_type or 'CAMEO'}/{event.cameo_code} "
                     f"{tgt} ({event.modality}, {event.confidence:.2f}, {event.predicate})"}


def _error(item: GoldItem, gold: Any, predicted: Any, event: Event | None) -> dict[str, Any]:
    return {"id": item.id, "gold": gold, "predicted": predicted, "text": item.text, **explain(event)}


def _table_metrics(scores: dict[str, Any]) -> dict[str, float]:
    out = {}
    for avg in ("macro", "micro"):
        for m in ("precision", "recall", "f1"):
            out[f"{avg}_{m}"] = scores[avg][m]
    return out


def score_utd_class(items: list[GoldItem], events: list[list[Event]], split: str) -> EvalReport:
    from tacitus.events.ontology import Ontology

    ontology = Ontology.load()
    gold = [it.label for it in items]
    pred = [five_way_class(evs, ontology) for evs in events]
    scores = prf(gold, pred, UTD_CLASSES)
    errors = [_error(it, g, p, top_event(evs)) for it, g, p, evs in zip(items, gold, pred, events) if g != p]
    return EvalReport(
        dataset="utd-class", split=split, n=len(items),
        metrics={"accuracy": scores["accuracy"], **_table_metrics(scores)},
        per_class=scores["per_label"], confusion=confusion(gold, pred), labels=list(UTD_CLASSES),
        errors=errors[:MAX_ERRORS],
    )


def _actor_tokens(item: GoldItem, actor: Actor | None, event: Event) -> set[int] | None:
    """Token indices the actor's text covers in the gold sentence: None when we output no actor, an empty
    set when its text is not found in the sentence."""
    if actor is None or not actor.text.strip():
        return None
    base = item.text.find(event.sentence)
    span = locate(item.text, actor.text, near=max(base, 0) + event.evidence_start)
    return tokens_in(item.tokens, *span) if span else set()


def score_utd_spans(items: list[GoldItem], events: list[list[Event]], split: str) -> EvalReport:
    """Source/target found when the top event's actor text shares a token with a gold S/T (or R) span.

    Precision is over sentences where we output the role, recall over sentences whose gold has it. The
    confusion rows are "<role> gold" / "<role> no gold", its columns "match", "other" (an actor not on a
    gold span) and "none" (no actor output).
    """
    roles = {"source": ("S", "R"), "target": ("T", "R")}
    counts = {r: {"tp": 0, "predicted": 0, "support": 0} for r in roles}
    table: dict[str, dict[str, int]] = {}
    errors = []
    for item, evs in zip(items, events):
        top = top_event(evs)
        wrong = {}
        for role, tags in roles.items():
            gold = item.role_tokens(*tags)
            actor = None if top is None else (top.source if role == "source" else top.target)
            found = None if top is None else _actor_tokens(item, actor, top)
            outcome = "none" if found is None else "match" if found & gold else "other"
            c = counts[role]
            c["support"] += bool(gold)
            c["predicted"] += found is not None
            c["tp"] += outcome == "match"
            row = table.setdefault(f"{role} {'gold' if gold else 'no gold'}", {})
            row[outcome] = row.get(outcome, 0) + 1
            if outcome != "match" and (gold or found is not None):
                gold_text = " ".join(item.tokens[i].text for i in sorted(gold)) or None
                wrong[role] = (gold_text, actor.text if found is not None and actor else None)
        if wrong:
            errors.append(_error(item, {r: g for r, (g, _) in wrong.items()},
                                 {r: p for r, (_, p) in wrong.items()}, top))
    per_class, metrics = {}, {}
    for role, c in counts.items():
        p, r = ratio(c["tp"], c["predicted"]), ratio(c["tp"], c["support"])
        per_class[role] = {"precision": p, "recall": r, "f1": f1_of(p, r), **c}
        metrics.update({f"{role}_precision": p, f"{role}_recall": r, f"{role}_f1": f1_of(p, r)})
    metrics["macro_precision"] = (per_class["source"]["precision"] + per_class["target"]["precision"]) / 2
    metrics["macro_recall"] = (per_class["source"]["recall"] + per_class["target"]["recall"]) / 2
    metrics["macro_f1"] = (per_class["source"]["f1"] + per_class["target"]["f1"]) / 2
    labels = ["source gold", "source no gold", "target gold", "target no gold", "match", "other", "none"]
    return EvalReport(dataset="utd-spans", split=split, n=len(items), metrics=metrics, per_class=per_class,
                      confusion=table, labels=labels, errors=errors[:MAX_ERRORS])


def score_plover_gsr(items: list[GoldItem], events: list[list[Event]], split: str) -> EvalReport:
    """PLOVER type of the top event (macro over the types in gold or predicted, "NONE" excluded), the top
    event's source/target country against the gold actor/recipient codes, and ``coding_accuracy``: the share of
    records whose type, source country and (when gold names one) recipient country are all right, and
    ``dyad_accuracy``: the same without the type."""
    gold = [it.label for it in items]
    pred = [plover_type(evs) for evs in events]
    labels = sorted({*gold, *pred} - {NO_EVENT})
    scores = prf(gold, pred, labels)
    src_hits = src_n = tgt_hits = tgt_n = full_hits = full_n = dyad_hits = 0
    errors = []
    for item, g, p, evs in zip(items, gold, pred, events):
        top = top_event(evs, plover_only=True)
        src_ok = tgt_ok = True
        if item.actor_codes:
            src_n += 1
            src_ok = top is not None and (top.source.country or "") in gold_codes(item.actor_codes)
            src_hits += src_ok
        if item.recipient_codes:
            tgt_n += 1
            tgt_ok = (top is not None and top.target is not None
                      and (top.target.country or "") in gold_codes(item.recipient_codes))
            tgt_hits += tgt_ok
        if item.actor_codes:  # the whole coding: type, source country and (when gold has one) recipient country
            full_n += 1
            full_hits += g == p and src_ok and tgt_ok
            dyad_hits += src_ok and tgt_ok
        if g != p:
            errors.append(_error(item, g, p, top))
    metrics = {"accuracy": scores["accuracy"], **_table_metrics(scores),
               "source_country_accuracy": ratio(src_hits, src_n), "source_country_n": src_n,
               "recipient_country_accuracy": ratio(tgt_hits, tgt_n), "recipient_country_n": tgt_n,
               "coding_accuracy": ratio(full_hits, full_n), "coding_n": full_n,
               "dyad_accuracy": ratio(dyad_hits, full_n)}
    return EvalReport(dataset="plover-gsr", split=split, n=len(items), metrics=metrics,
                      per_class=scores["per_label"], confusion=confusion(gold, pred), labels=labels + [NO_EVENT],
                      errors=errors[:MAX_ERRORS])


def score_india_police(items: list[GoldItem], events: list[list[Event]], split: str) -> EvalReport:
    """Per-label P/R/F1 of the five IndiaPoliceEvents questions; the confusion counts each (gold label,
    predicted label) pair of a sentence, with NONE for an empty label set."""
    gold = [set(it.labels) for it in items]
    pred = [set(india_labels(evs)) for evs in events]
    scores = multilabel_prf(gold, pred, INDIA_LABELS)
    errors = []
    for item, g, p, evs in zip(items, gold, pred, events):
        if g != p:
            police = [e for e in evs if POLICE in (e.source.sector, e.target.sector if e.target else None)]
            errors.append(_error(item, sorted(g), sorted(p), police[0] if police else top_event(evs)))
    return EvalReport(dataset="india-police", split=split, n=len(items),
                      metrics={"exact_match": scores["exact_match"], **_table_metrics(scores)},
                      per_class=scores["per_label"], confusion=set_confusion(gold, pred),
                      labels=[*INDIA_LABELS, "NONE"], errors=errors[:MAX_ERRORS])


SCORERS = {"utd-class": score_utd_class, "utd-spans": score_utd_spans,
           "plover-gsr": score_plover_gsr, "india-police": score_india_police}
