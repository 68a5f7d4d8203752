"""The anchoring stage: what a sentence says about time, place and casualties, tied to the predicate it belongs to.

A date, place or death toll belongs to the nearest predicate above it in the dependency tree: in "Erdogan on
Tuesday spoke to Putin, a day after a Syrian attack on Turkish soldiers in Idlib", "on Tuesday" belongs to
"spoke", "in Idlib" to "attack", and "a day after" links the attack's date to the call's.

Reads ``job.drafts`` and writes ``job.anchors`` (dates, places and tolls by the predicate that owns them).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from tacitus.events.arguments import Syntax
from tacitus.events.fatalities import find_fatalities
from tacitus.events.job import Anchors, SentenceJob
from tacitus.events.places import PlaceReader, context_countries
from tacitus.records import Location

PRECISION_RANK = {"day": 4, "week": 3, "month": 2, "year": 1, "published": 0, "unknown": 0}
# How far up the tree a date, place or toll looks for the predicate it belongs to.
MAX_OWNER_HOPS = 12


class Anchoring:
    def __init__(self, syntax: Syntax, places: PlaceReader) -> None:
        self.syntax, self.places = syntax, places
        self.g = syntax.g

    def __call__(self, job: SentenceJob) -> None:
        if job.drafts:
            job.anchors = self.anchors(job)

    def anchors(self, job: SentenceJob) -> Anchors:
        from tacitus.time import find_dates

        sent, drafts = job.sent, job.drafts
        drafted = {id(d.pred): d.pred for d in drafts}.values()
        pred_idx = {p.token.i for p in drafted} | {p.light.i for p in drafted if p.light is not None}
        light_of = {p.light.i: p.token.i for p in drafted if p.light is not None}

        def owned_by(span: Span | None) -> int | None:
            own = owner(span.root, pred_idx) if span is not None else None
            return light_of.get(own, own)

        out = Anchors()
        dates = out.dates
        relative: list[tuple[Token, int, int | None]] = []
        for m in find_dates(sent.text, job.document.published):
            span = char_span(sent, m.start, m.end)
            if span is None:
                continue
            own = owned_by(span)
            if m.date is None and m.offset_days is not None:
                hinge = next((t for t in span if t.lower_ in self.g.words.hinges), None)
                if hinge is not None:
                    relative.append((hinge, m.offset_days, own))
                continue
            if m.date is not None:
                dates[own] = better_date(dates.get(own), (m.date, m.precision))
        for hinge, offset, own in relative:
            base = dates.get(own) or dates.get(None)
            if base is None:
                continue
            inside = subtree_indices(hinge)
            for i in pred_idx & inside:
                if i not in dates:
                    dates[light_of.get(i, i)] = shift_date(base[0], base[1], offset)
        for p in drafted:  # "spoke to X and invited Y": coordinated verbs share their time adverbials
            tok = p.head
            if p.token.i not in dates and tok.dep_ in self.g.labels.conjunct:
                base = dates.get(light_of.get(tok.head.i, tok.head.i))
                if base is not None:
                    dates[p.token.i] = base
        self._places(job, pred_idx, light_of, out)
        for f in find_fatalities(sent.text):
            own = owned_by(char_span(sent, f.start, f.end))
            out.deaths[own] = max(out.deaths.get(own, 0), f.count)
            out.civilians[own] = out.civilians.get(own, False) or f.civilians
        assaults = {d.pred.token.i for d in drafts if self.places.onto.is_a(d.plover, "violence")}
        if None in out.deaths and len(assaults) == 1:
            out.deaths.setdefault(next(iter(assaults)), out.deaths[None])
            out.civilians.setdefault(next(iter(assaults)), out.civilians.get(None, False))
        return out

    def _places(self, job: SentenceJob, pred_idx: set[int], light_of: dict[int, int], out: Anchors) -> None:
        drafts, places, syntax = job.drafts, self.places, self.syntax
        # a town struck by a material act is the act's place, not only its target: looked up once per draft
        struck = {id(d): span for d in drafts if d.target_tok is not None
                  and (span := places.struck(d.plover, d.target_tok)) is not None}
        actor_toks = tokens_in(
            syntax.phrase_span(t) for d in drafts for t in (d.source_tok, d.target_tok)
            if t is not None and t.pos_ not in self.g.tags.verb and not (t is d.target_tok and id(d) in struck))
        countries = context_countries(drafts)
        home = job.context.dominant_country()
        if home and home not in countries:
            countries.append(home)  # the document's own country, after the sentence's actors
        found: dict[int | None, Location] = out.places
        for ent in [*job.sent.ents, *places.mislabelled(job.sent), *struck.values()]:
            if ent.label_ not in self.g.entities.place or ent.start in actor_toks:
                continue
            own = owner(ent.root, pred_idx)
            own = light_of.get(own, own)
            if own in found:
                continue
            loc = places.gazetteer.resolve(ent.text, countries=countries)
            if loc is not None:
                found[own] = loc
                out.place_text[own] = ent.text


def owner(tok: Token, predicates: set[int], limit: int = MAX_OWNER_HOPS) -> int | None:
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
