"""Tying what a sentence says about time, place and casualties to the predicate it belongs to.

A date, place or death toll belongs to the nearest predicate above it in the dependency tree: in "Erdogan on
Tuesday spoke to Putin, a day after a Syrian attack on Turkish soldiers in Idlib", "on Tuesday" belongs to
"spoke", "in Idlib" to "attack", and "a day after" links the attack's date to the call's.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

PRECISION_RANK = {"day": 4, "week": 3, "month": 2, "year": 1, "unknown": 0}


def owner(tok: Token, predicates: set[int], limit: int = 12) -> int | None:
    """Index of the nearest predicate token at or above ``tok`` (None when the chain reaches no predicate)."""
    hops = 0
    while hops < limit:
        if tok.i in predicates:
            return tok.i
        if tok.head is tok:
            return None
        tok = tok.head
        hops += 1
    return None


def char_span(sent: Span, start: int, end: int) -> Span | None:
    """Tokens covering sentence-relative character offsets [start, end)."""
    return sent.char_span(start, end, alignment_mode="expand")


def subtree_indices(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def better_date(a: tuple[str, str] | None, b: tuple[str, str]) -> tuple[str, str]:
    """The more precise of two (date, precision) pairs; the first wins a tie."""
    if a is None or PRECISION_RANK.get(b[1], 0) > PRECISION_RANK.get(a[1], 0):
        return b
    return a


def shift_date(date: str, precision: str, days: int) -> tuple[str, str]:
    """``date`` moved by ``days``; only day-precise dates can move by days, others keep their value."""
    import datetime as dt

    if precision != "day" or len(date) != 10:
        return date, precision
    d = dt.date.fromisoformat(date) + dt.timedelta(days=days)
    return d.isoformat(), "day"


def tokens_in(spans: Iterable[Span]) -> set[int]:
    out: set[int] = set()
    for s in spans:
        out.update(range(s.start, s.end))
    return out
