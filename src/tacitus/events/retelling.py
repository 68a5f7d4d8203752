"""One act told again in a story is one event. A later mention of an act told a few sentences before ("Gunmen
attacked a bus on Monday. The attack killed nine", "Police detained 40 people. They were arrested at a rally"), with
nothing in it that makes it another act, takes the parties, place and date the act is known by, so that the store,
the exports and every count hold it once, with all its mentions (the store merges mentions of one type, dyad, date
and place)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tacitus.events.anchor_words import AnchorWords
from tacitus.events.titles import NOT_THE_ACTS_DATE
from tacitus.geo import distance_km
from tacitus.records import INFERRED_COUNTRY, PLACE_BASES, Actor, Event, Location, is_counted, names_nobody

_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class Retelling:
    """The rule (``events/data/anchors.yaml``: ``retell_reach``, ``retell_near_km`` and the words of the section
    "one act told again")."""

    reach: int  # sentences after an act's first telling in which it may be told again
    near_km: float  # two places of the act's own clauses further apart than this are two acts
    words: AnchorWords  # other_act_words, further_act_words, new_act_words, apart_marks, told_words, ...
    unnamed_sectors: frozenset[str] = frozenset()  # sectors of doers nobody names (ontology unidentified_sectors)

    def __call__(self, events: list[Event]) -> list[Event]:
        """``events`` (a document's body, in order) with the mentions of one act made one event."""
        acts: list[list[int]] = []  # each act: the indices of its mentions, first telling first
        for i, e in enumerate(events):
            if not is_counted(e.modality) or e.sentence_index < 0 or self._marks_other(e):
                acts.append([i])
                continue
            same = [act for act in acts if self._retells(e, [events[j] for j in act])]
            if same:
                max(same, key=lambda act: act[-1]).append(i)  # the act told last
            else:
                acts.append([i])
        out = list(events)
        for act in acts:
            if len(act) > 1:
                told = [events[j] for j in act]
                source, target = _best_actor([e.source for e in told]), _best_actor([e.target for e in told])
                location, dated = _best_place(told), _best_date(told)
                for j in act:
                    out[j] = replace(out[j], source=source, target=target, location=location,
                                     date=dated.date, date_precision=dated.date_precision)
        return out

    def _retells(self, e: Event, act: list[Event]) -> bool:
        """Whether ``e`` tells again the act whose mentions are ``act``: within reach of its first telling, in a
        sentence of its own, agreeing with every mention, and pointing back to one of them."""
        first = act[0]
        if e.sentence_index - first.sentence_index > self.reach or any(
                m.sentence_index == e.sentence_index for m in act):
            return False
        return all(self._agree(e, m) for m in act) and any(self._points_back(e, m) for m in act)

    def _agree(self, e: Event, f: Event) -> bool:
        """Nothing tells the two apart: one type, both history or both news, not each side acting on the other,
        no two countries, names or sectors (but one nobody names) on a side, no two places of their own clauses far
        apart, and no day of its own that the other lacks or contradicts."""
        if e.plover_type != f.plover_type or e.historical != f.historical or not is_counted(f.modality):
            return False
        if e.plover_mode != f.plover_mode and e.plover_mode in self.words.own_kind_modes:
            return False  # ("raided a village ... was blamed for the kidnapping of two teachers"; "seized 12
            #              tourists ... the assault was carried out by X" tells the abduction again)
        if e.target is not None and f.target is not None and e.source.code != f.source.code \
                and (e.source.code, e.target.code) == (f.target.code, f.source.code):
            return False  # each side acting on the other ("freed 64 soldiers ... the army released 30 fighters")
        for a, b in ((e.source, f.source), (e.target, f.target)):
            if a is not None and b is not None and (
                    (a.country and b.country and a.country != b.country and not _guessed(a, b))
                    or (a.name and b.name and a.name != b.name)
                    or (a.sector and b.sector and a.sector != b.sector and a.sector not in self.unnamed_sectors
                        and b.sector not in self.unnamed_sectors)):
                return False  # ("Police arrested 40 protesters ... Police arrested the opposition leader")
        return self._same_place(e.location, f.location) and _same_day(e, f)

    def _same_place(self, x: Location | None, y: Location | None) -> bool:
        if x is None or y is None:
            return True
        if x.country and y.country and x.country != y.country:
            return False
        if {x.basis, y.basis} != {"clause"} or "country" in (x.precision, y.precision) \
                or None in (x.lat, x.lon, y.lat, y.lon):
            return True
        return distance_km(x.lat, x.lon, y.lat, y.lon) <= self.near_km

    def _points_back(self, e: Event, f: Event) -> bool:
        """Something in ``e`` points back to ``f``: a determiner of a thing told before right before its word ("the
        attack", "their arrest", "Monday's raid"), a party of the act named by such a determiner and by nothing of
        its own ("the gunmen opened fire", "the troops were killed"; not "the Israeli army", not a name),
        or the same predicate done to the same party or to nobody named anew ("detained 40 people ... were
        detained at a rally")."""
        w = self.words
        before = _words(e.sentence[:e.evidence_start])
        if before and (before[-1] in w.told_words or before[-1].endswith(tuple(w.possessive_endings))):
            return True
        if self._named_back(e.source, f.source) or (e.target is not None and f.target is not None
                                                     and self._named_back(e.target, f.target)):
            return True
        return bool(e.predicate) and e.predicate == f.predicate and (
            names_nobody(e.target)
            or (f.target is not None and e.target.code == f.target.code))

    def _named_back(self, a: Actor, b: Actor) -> bool:
        """A party named only by a determiner of a thing told before ("the gunmen", "the troops were killed") whose
        own words give no country, name or other sector than the act's party ``b``."""
        words = a.text.split()
        return (len(words) > 1 and words[0].lower() in self.words.told_words and not a.name
                and a.country_basis != "mention" and not any(t[:1].isupper() for t in words[1:])
                and (not a.sector or not b.sector or a.sector == b.sector or a.sector in self.unnamed_sectors))

    def _marks_other(self, e: Event) -> bool:
        """The mention marks an act other than one told before: "a second raid", "in a separate incident"
        (other_act_words after an indefinite), "another", "also", "again" (further_act_words), "fresh clashes"
        (new_act_words right before its word), or a sentence opened by an apart mark ("Separately, ...")."""
        w = self.words
        words = _words(e.sentence[:e.evidence_end])
        if not words:
            return False
        if words[0] in w.apart_marks or not w.further_act_words.isdisjoint(words):
            return True
        if any(a in w.indefinite_words and b in w.other_act_words for a, b in zip(words, words[1:])):
            return True
        before = _words(e.sentence[:e.evidence_start])
        return bool(before) and before[-1] in w.new_act_words


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _actor_rank(actor: Actor | None) -> int:
    if actor is None:
        return 0
    if actor.country:
        return 3 if actor.country_basis not in INFERRED_COUNTRY else 2
    return 1 if actor.sector or actor.name else 0


def _guessed(a: Actor, b: Actor) -> bool:
    """Whether one of two countries is only guessed from where the act happened and the other is told by the
    actor's own words ("attacked a convoy near Kabul ... The attack killed six American soldiers"): the guess does
    not tell two acts apart (a country the story's setting or the other party gave does)."""
    return {a.country_basis, b.country_basis} == {"place", "mention"}


def _best_actor(actors: list[Actor | None]) -> Actor | None:
    """The mention that knows the party best: its country from its own words, then any country, then a sector or
    a name; the earliest of equals."""
    return max(actors, key=_actor_rank)  # max keeps the first of equals


def _best_place(told: list[Event]) -> Location | None:
    """The place found most directly (PLACE_BASES order), the earliest of equals."""
    placed = [e.location for e in told if e.location is not None]
    if not placed:
        return None
    return min(placed, key=lambda loc: PLACE_BASES.index(loc.basis) if loc.basis in PLACE_BASES else len(PLACE_BASES))


def _best_date(told: list[Event]) -> Event:
    """The mention with a date of the act's own, the earliest of them; else the first telling."""
    return next((e for e in told if e.date and e.date_precision not in NOT_THE_ACTS_DATE), told[0])


def _same_day(e: Event, f: Event) -> bool:
    """No own day tells them apart: a mention with a date of its own is not the retelling of one without, and
    two own dates agree as far as the coarser goes."""
    own_e = bool(e.date) and e.date_precision not in NOT_THE_ACTS_DATE
    own_f = bool(f.date) and f.date_precision not in NOT_THE_ACTS_DATE
    if own_e and own_f:
        n = min(len(e.date), len(f.date))
        return e.date[:n] == f.date[:n]
    return not own_e
