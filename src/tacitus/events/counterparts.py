"""Whom an act is aimed at when its sentence names nobody, read from the whole story: the state the doer's
country is told acting with or on most. In a story that tells Ghana's army shelling Togolese posts and Togo
protesting to Accra, "Ghana put its troops on alert" and "Togo lodged a protest over the launch" are aimed at the
other side, even when a third state is named in the story or in the sentence.

The sentence-level rule (recipients.other_side) needs a story of exactly two sides known when the sentence is read;
this pass runs once the whole document is coded, so an act told before the two are seen acting on each other gets
its counterpart too."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from tacitus.events.places import NOT_STATES
from tacitus.events.recipients import of_the_story
from tacitus.records import INFERRED_COUNTRY, Event, is_counted, names_nobody


@dataclass(frozen=True)
class Counterparts:
    """The rule (``events/data/ontology.yaml`` group ``aimed``: the types it completes)."""

    types: frozenset[str]  # PLOVER types of acts aimed at somebody even when nobody is named
    sides: frozenset[str] = frozenset()  # sectors that act for a side: a state's rulers and forces, armed groups

    def __call__(self, events: list[Event]) -> list[Event]:
        """``events`` (a document's, in order) with the acts of :attr:`types` whose doer's own words give its state,
        done by the state itself or one of :attr:`sides` (not its parties, press or people: "the opposition
        condemned the decision" is no act on another state), and that name nobody they are aimed at (or only a
        thing) aimed at that state's counterpart (:func:`counterpart`), ``country_basis`` "story"."""
        pairs = told_pairs(events)
        out = []
        for e in events:
            other = None
            if e.plover_type in self.types and names_nobody(e.target) and e.source.country \
                    and e.source.country not in NOT_STATES and e.source.country_basis not in INFERRED_COUNTRY \
                    and (e.source.sector is None or e.source.sector in self.sides):
                other = counterpart(pairs, e.source.country)
            out.append(e if other is None else replace(e, target=of_the_story(e.target, other)))
        return out


def told_pairs(events: list[Event]) -> Counter[frozenset[str]]:
    """How many counted mentions tell each pair of states acting on each other, both named by their own words."""
    pairs: Counter[frozenset[str]] = Counter()
    for e in events:
        s, t = e.source, e.target
        if t is None or not is_counted(e.modality) or not (s.country and t.country) or s.country == t.country:
            continue
        if s.country in NOT_STATES or t.country in NOT_STATES:
            continue
        if s.country_basis in INFERRED_COUNTRY or t.country_basis in INFERRED_COUNTRY:
            continue
        pairs[frozenset((s.country, t.country))] += 1
    return pairs


def counterpart(pairs: Counter[frozenset[str]], country: str) -> str | None:
    """The state ``country`` is told acting with or on most often, when one is told so more often than any other."""
    told = Counter({next(iter(pair - {country})): n for pair, n in pairs.items() if country in pair})
    ranked = told.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]

