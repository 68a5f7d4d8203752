"""How a sentence's events rank and merge: confidence from the sense and what is known of the actors, a lower
rank for predicates nested under others, the appeal a demand becomes when read as one, one event per
evidence, dyad and code, one per act its actor is told doing twice in a sentence, and one per act with several
parties."""

from __future__ import annotations

from dataclasses import replace

from tacitus.events.grammar import Grammar
from tacitus.events.ontology import Ontology
from tacitus.events.predicates import Predicate
from tacitus.records import INFERRED_COUNTRY, Actor, Event, is_counted

# Confidence starts from the sense's own (verbs.yaml/nouns.yaml, 0.6 unless given) and moves with what is known.
CONFIDENCE_FLOOR = 0.05
CONFIDENCE_CEILING = 0.99
SOURCE_COUNTRY_KNOWN = 0.1  # the source's country is known ...
SOURCE_COUNTRY_UNKNOWN = -0.15  # ... or not
SOURCE_SECTOR_KNOWN = 0.1
TARGET_COUNTRY_KNOWN = 0.1
NOT_ASSERTED = -0.15  # negated, future or hypothetical
PER_NESTING_LEVEL = -0.1  # for each predicate above this one ("condemned the attack": the attack)
REPORTED_THREAT = -0.05  # harm announced in reported speech, recoded as a threat
SPEAKER_ACCUSATION = 0.4  # base of the accusation a speaker makes by reporting another party's violence
SAID_DEMAND = 0.5  # base of "X said Y must act"
PROMOTION_STEP = 0.01  # an event the learned layer promotes ranks this much above the best other one
# How far up the tree nesting is counted, and the most levels that count.
MAX_NESTING_HOPS = 10
MAX_NESTING = 2


def as_appeal(event: Event, ontology: Ontology) -> Event:
    """A demand recoded as the appeal of the same kind (see ``Ontology.appeal_code``); other events unchanged."""
    code = ontology.appeal_code(event.cameo_code or "")
    if code is None:
        return event
    info = ontology.lookup(code)
    return replace(event, cameo_code=code, goldstein=info.goldstein, quad_class=info.quad_class)


def nesting(pred: Predicate, pred_tokens: set[int], grammar: Grammar) -> int:
    """How many other predicates govern this one: "condemned the attack" -> the attack is nested once, so the
    sentence's main act ranks first among equals."""
    tok, n, hops = pred.head, 0, 0
    while tok.head.i != tok.i and hops < MAX_NESTING_HOPS:
        if tok.dep_ in grammar.labels.relative_clause:
            n += 1  # "peacekeepers, who are deployed to oversee a ceasefire": background, not the news
        tok = tok.head
        hops += 1
        if tok.i in pred_tokens and tok.i != pred.token.i:
            n += 1
    if tok.head.i == tok.i and tok.i in pred_tokens and tok.i != pred.token.i:
        n = MAX_NESTING  # under the act that heads the sentence: the lowest rank (the learned layer is fit so)
    return min(n, MAX_NESTING)


def confidence(base: float, source: Actor, target: Actor | None, modality: str) -> float:
    c = base
    c += SOURCE_COUNTRY_KNOWN if source.country else SOURCE_COUNTRY_UNKNOWN
    c += SOURCE_SECTOR_KNOWN if source.sector else 0.0
    if target is not None:
        c += TARGET_COUNTRY_KNOWN if target.country else 0.0
    if modality != "asserted":
        c += NOT_ASSERTED
    return max(CONFIDENCE_FLOOR, min(CONFIDENCE_CEILING, round(c, 3)))


def promoted(top: float) -> float:
    """The confidence of an event ranked just above the best one at ``top``."""
    return min(CONFIDENCE_CEILING, round(top + PROMOTION_STEP, 3))


def unique_events(events: list[Event]) -> list[Event]:
    seen, out = set(), []
    for e in events:
        if e.event_id not in seen:
            seen.add(e.event_id)
            out.append(e)
    return out


def told_once(events: list[Event]) -> list[Event]:
    """A sentence's counted act of one type by one actor with nobody acted on, where the sentence also tells that
    actor's act of the type on somebody, is that act told twice ("police responded by firing tear gas shells to
    disperse the protesters"): only the one with its target is kept; so is one of two acts of one type by one actor
    on one target."""
    def doer(e: Event) -> tuple:
        return e.plover_type, e.modality, e.source.code, e.source.text.lower()

    aimed = {doer(e) for e in events if is_counted(e.modality) and e.target is not None
             and (e.target.code or e.target.name)}
    out, seen = [], set()
    for e in events:
        if is_counted(e.modality) and e.target is None and doer(e) in aimed:
            continue
        dyad = (*doer(e), e.target.code if e.target else "", e.target.text.lower() if e.target else "")
        if is_counted(e.modality) and e.target is not None and dyad in seen:
            continue  # "refused to release its hostages": the refusal and the refused release, one rejection
        seen.add(dyad)
        out.append(e)
    return out


def one_act(events: list[Event], parties: dict[str, tuple] | None = None) -> list[Event]:
    """One predicate's act of one kind told with several parties on a side is one event, not one per dyad: "urged
    Ethiopia and Eritrea to respect the ceasefire", "clashes between students and riot police", "demanded the
    withdrawal of Rwandan troops from Congo". Mentions of one act (same evidence, type, code, mode, modality, date
    and place) keep one pair as ``source`` and ``target`` and list the other parties (Event.also_sources,
    also_targets), with the toll any of them counted. The pair kept has a target when one does; among parties the
    text coordinates (``parties``: event id -> the first conjunct of its source and of its target) it has the
    lowest codes, so that "Ethiopia and Eritrea" and "Eritrea and Ethiopia" are one event in the store; otherwise
    it is the one told first."""
    groups: dict[tuple, list[Event]] = {}
    for e in events:
        loc = e.location
        key = (e.evidence_start, e.evidence_end, e.plover_type, e.cameo_code, e.plover_mode, e.modality, e.date,
               (loc.name, loc.country) if loc else None)
        groups.setdefault(key, []).append(e)
    out = []
    for group in groups.values():  # in the order each act was first told
        if len(group) == 1:
            out.append(group[0])
            continue
        coordinated = parties is not None and len({parties.get(e.event_id) for e in group}) == 1
        _, main = min(enumerate(group), key=lambda ie: (ie[1].target is None,
                                                         *(_codes(ie[1]) if coordinated else (ie[0],))))
        sources: list[Actor] = []
        targets: list[Actor] = []
        for e in group:
            sources = _listed(main.source, sources, e.source)
            targets = _listed(main.target, targets, e.target)
        toll = max(group, key=lambda e: e.fatalities or 0)
        out.append(replace(main, also_sources=sources, also_targets=targets, fatalities=toll.fatalities,
                           fatalities_civilians=toll.fatalities_civilians))
    return out


def _codes(e: Event) -> tuple:
    t = e.target
    return e.source.code, t.code if t else "", e.source.text.lower(), t.text.lower() if t else ""


def _listed(main: Actor | None, listed: list[Actor], party: Actor | None) -> list[Actor]:
    """``listed`` with ``party`` added unless it is nobody, the main party or listed already."""
    def key(a: Actor) -> tuple:
        return a.code, a.text.lower()
    if party is None or (main is not None and key(party) == key(main)) or key(party) in {key(a) for a in listed}:
        return listed
    return [*listed, party]


# Date precisions, most exact first, for choosing the date an act told twice keeps
DATE_EXACTNESS = ("day", "week", "month", "year")


def named_again(events: list[Event]) -> list[Event]:
    """A sentence's act whose doer it names nowhere (its country only inferred: the place, the setting) that the
    sentence also tells with the doer named, on people of the same country (or on nobody it names: the other's
    victims are its), at the same place and on the same
    day as far as both say ("50 people were killed last week as the Turkish offensive in Syria went on"), is that
    act told twice: the named one is kept, with the toll the other counted and its date when more exact. An act of
    its own mode ("67 people were abducted" beside "bombers killed 81"), place or day is another act."""
    named = [i for i, e in enumerate(events) if is_counted(e.modality) and (e.source.text or e.source.name)]
    again: dict[int, list[int]] = {}  # a named act -> the acts nobody is named for that may tell it again
    for i, e in enumerate(events):
        if e.source.text or e.source.name or not is_counted(e.modality) \
                or e.source.country_basis not in INFERRED_COUNTRY or e.target is None or not e.target.country:
            continue
        same = next((j for j in named if _same_act(events[j], e)), None)
        if same is not None:
            again.setdefault(same, []).append(i)
    # (two such acts are two acts, not one told thrice: "six were killed on Monday and nine on Tuesday as ...")
    told = {j: events[found[0]] for j, found in again.items() if len(found) == 1}
    dropped = {found[0] for found in again.values() if len(found) == 1}
    out = []
    for i, e in enumerate(events):
        if i in dropped:
            continue
        if i in told:
            retold = told[i]
            if e.target is None or (not e.target.sector and retold.target.sector):
                # "two policemen were killed in a Taliban ambush": the ambush's victims; "six were killed when a
                # device tore into a marketplace": the people, not the place
                e = replace(e, target=retold.target)
            if retold.fatalities and not e.fatalities:
                e = replace(e, fatalities=retold.fatalities, fatalities_civilians=retold.fatalities_civilians)
            if _exactness(retold.date_precision) < _exactness(e.date_precision):
                e = replace(e, date=retold.date, date_precision=retold.date_precision)
        out.append(e)
    return out


def _same_act(named: Event, other: Event) -> bool:
    """Whether ``other`` (done by nobody named) may be ``named`` told again: same type and mode, victims of one
    country, no two places or days that differ."""
    a, b = named.location, other.location
    return (named.plover_type == other.plover_type and other.plover_mode in (None, named.plover_mode)
            and (named.target is None or named.target.country == other.target.country)
            and (a is None or b is None or (a.name, a.country) == (b.name, b.country))
            and (_exactness(named.date_precision) == len(DATE_EXACTNESS)
                 or _exactness(other.date_precision) == len(DATE_EXACTNESS) or named.date == other.date))


def _exactness(precision: str | None) -> int:
    """0 for a day, up to len(DATE_EXACTNESS) for no date of the act's own (publication, story, unknown)."""
    return DATE_EXACTNESS.index(precision) if precision in DATE_EXACTNESS else len(DATE_EXACTNESS)
