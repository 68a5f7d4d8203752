"""Misspelt names are respelt when one known name is a single slip away, and left alone otherwise."""

from tacitus.actors import ActorResolver
from tacitus.actors.spelling import Respeller
from tacitus.events.knowledge import Knowledge


def test_one_slip_from_one_known_name():
    r = Respeller(["ethiopia", "mitterrand", "bouteflika", "slovenia", "slovakia"])
    assert r.correct("ethopia") == "ethiopia"  # a letter missing
    assert r.correct("mitterand") == "mitterrand"
    assert r.correct("bouteflicka") == "bouteflika"  # a letter too many
    assert r.correct("etihopia") == "ethiopia"  # two letters swapped
    assert r.correct("slovania") is None  # one slip from two names: ambiguous
    assert r.correct("ethiopia") is None  # already right
    assert r.correct("bashar") is None  # short words are too close to others
    assert r.correct("ethiiopiaa") is None  # two slips


def test_the_resolver_respells_unknown_names_only():
    resolver = Knowledge.default().resolver
    ctx = resolver.new_context("1990-06-01")
    actor = resolver.resolve_text("President Francois Mitterand", ctx)
    assert (actor.text, actor.name, actor.country, actor.sector) == ("President Francois Mitterand",
                                                                      "François Mitterrand", "FRA", "GOV")
    assert resolver.resolve_text("Ethopia", ctx).country == "ETH"
    assert resolver.resolve_text("Senator Wilberforce Smythe", ctx).country is None
