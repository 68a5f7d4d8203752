"""An act aimed at nobody named is aimed at the state its doer's country is told acting with or on most
(events/counterparts.py): short stories written by the team."""

from __future__ import annotations

import pytest

from tacitus.events.counterparts import counterpart, told_pairs
from tacitus.pipeline import Coder
from tacitus.records import Actor, Event
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def alert_target(coder: Coder, text: str) -> tuple[str | None, str | None]:
    alert = [e for e in coder.code_text(text) if e.plover_type == "MOBILIZE" and e.sentence_index == 0]
    assert len(alert) == 1
    target = alert[0].target
    return (target.country, target.country_basis) if target is not None else (None, None)


def test_an_alert_told_before_the_clash_is_aimed_at_the_other_side(coder):
    # the alert comes first, before the story tells the two acting on each other, and a third state is named
    text = ("Ghana put its troops on high alert on Monday. Ghanaian troops shelled Togolese border posts on Sunday, "
            "Togo said. Togo accused Ghana of violating the border accord. Nigeria called for calm.")
    assert alert_target(coder, text) == ("TGO", "story")


@pytest.mark.parametrize("text", [
    # the story never tells Ghana acting with or on another state
    "Ghana put its troops on high alert on Monday. Nigeria called for calm.",
    # two states, each told once: no counterpart stands out
    "Ghana put its troops on high alert on Monday. Ghanaian troops shelled Togolese border posts. Ghana also "
    "accused Benin of harbouring rebels.",
])
def test_no_counterpart_without_one_told_most(coder, text):
    assert alert_target(coder, text) == (None, None)


def event(source: Actor, target: Actor | None, modality: str = "asserted") -> Event:
    return Event(event_id="e", doc_id="d", sentence_index=0, sentence="x", evidence_start=0, evidence_end=1,
                 plover_type="ASSAULT", plover_mode=None, plover_contexts=[], cameo_code="190", goldstein=-10.0,
                 quad_class=4, source=source, target=target, modality=modality)


def test_only_pairs_told_by_their_own_words_count():
    named = Actor(text="Ghana", country="GHA", country_basis="mention")
    told = [event(named, Actor(text="Togo", country="TGO", country_basis="mention")),
            event(named, Actor(text="", country="BEN", country_basis="story")),  # inferred: not told
            event(named, Actor(text="Togo", country="TGO", country_basis="mention"), modality="negated"),
            event(named, Actor(text="ECOWAS", country="IGO", country_basis="mention"))]  # no state
    pairs = told_pairs(told)
    assert pairs == {frozenset(("GHA", "TGO")): 1}
    assert counterpart(pairs, "TGO") == "GHA" and counterpart(pairs, "BEN") is None


def test_an_act_at_home_is_aimed_at_nobody_abroad(coder):
    # a two-sided story, then acts of one side's own affairs: a pension rise and a call for elections
    text = ("Armenia and Azerbaijan traded fire along the border on Monday. Azerbaijan accused Armenia of "
            "provocations. The Armenian government agreed to raise pensions by ten percent. Azerbaijan's opposition "
            "party condemned the decision.")
    coded = [e for e in coder.code_text(text) if e.sentence_index in (2, 3)]
    assert coded and not any(e.target is not None and e.target.country_basis == "story" for e in coded), \
        [(e.plover_type, e.target) for e in coded]
