"""How a sentence's events rank and merge: confidence from the sense and what is known of the actors, a lower
rank for predicates nested under others, the appeal a demand becomes when the learned layer reads it so, and one
event per evidence, dyad and code."""

from __future__ import annotations

from dataclasses import replace

from tacitus.events.ontology import lookup
from tacitus.events.predicates import Predicate
from tacitus.records import Actor, Event


def as_appeal(event: Event) -> Event:
    """A demand (CAMEO 10x) recoded as the appeal of the same kind (0241 -> 0241, else 024, else 020)."""
    code = event.cameo_code or ""
    if not code.startswith("10"):
        return event
    for candidate in ("02" + code[2:], "02" + code[2:3], "020"):
        try:
            info = lookup(candidate)
        except KeyError:
            continue
        return replace(event, cameo_code=candidate, goldstein=info.goldstein, quad_class=info.quad_class)
    return event


def nesting(pred: Predicate, pred_tokens: set[int]) -> int:
    """How many other predicates govern this one: "condemned the attack" -> the attack is nested once, so the
    sentence's main act ranks first among equals."""
    tok, n, hops = pred.head, 0, 0
    while tok.head is not tok and hops < 10:
        if tok.dep_ == "relcl":
            n += 1  # "peacekeepers, who are deployed to oversee a ceasefire": background, not the news
        tok = tok.head
        hops += 1
        if tok.i in pred_tokens and tok.i != pred.token.i:
            n += 1
    return min(n, 2)


def confidence(base: float, source: Actor, target: Actor | None, modality: str) -> float:
    c = base
    c += 0.1 if source.country else -0.15
    c += 0.1 if source.sector else 0.0
    if target is not None:
        c += 0.1 if target.country else 0.0
    if modality != "asserted":
        c -= 0.15
    return max(0.05, min(0.99, round(c, 3)))


def unique_events(events: list[Event]) -> list[Event]:
    seen, out = set(), []
    for e in events:
        if e.event_id not in seen:
            seen.add(e.event_id)
            out.append(e)
    return out
