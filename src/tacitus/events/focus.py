"""The document's focus: where an event that its own sentence places nowhere happened, read from the story's other
events, its home town and its actors' state (the last step of the anchoring stage, run over a whole document)."""

from __future__ import annotations

from dataclasses import replace

from tacitus.events.places import NOT_STATES
from tacitus.records import Actor, Event, Location

# sources that sit in the capital, whose acts at home are not placed in the town a story is about: a parliament
# rejecting a town council's decision did not sit in that town (officials, courts, police and troops the story names
# by their office alone act where the story is: "officials blamed the owners" of a hotel that burnt in Quezon City
# blamed them there; a leader or a body named as the country's does not, see _national_office)
NATIONAL_SECTORS = frozenset({"LEG"})
OFFICE_SECTORS = frozenset({"GOV", "JUD"})  # ... and these, when the knowledge holds them


def with_document_focus(events: list[Event], gazetteer=None, home_town: Location | None = None) -> list[Event]:
    """Events placed by nothing in their sentence take the document's focus (the place its other events happen
    most often, the first of equals; ``basis="document"``) when their actors are at home there; else, when all
    their actors belong to the state of the story's ``home_town`` (the town of its country it names most), that
    town (``basis="document"``); else, when all their actors belong to one state, that state (``basis="actors"``,
    precision country): a domestic act happened at home. A historical act takes only the country."""
    counts: dict[tuple[str, str | None], int] = {}
    first: dict[tuple[str, str | None], Location] = {}
    for e in events:
        if e.location is not None and e.location.basis not in ("document", "actors") and not e.historical:
            k = (e.location.name, e.location.country)
            counts[k] = counts.get(k, 0) + 1
            first.setdefault(k, e.location)
    focus = None
    if counts:
        focus = replace(first[max(counts, key=lambda k: (counts[k], -list(first).index(k)))], basis="document")
    out = []
    for e in events:
        states = _states(e)
        if e.location is None and focus is not None and states <= {focus.country}:
            where = focus
            if e.historical and gazetteer is not None:  # history told in a story happened in its country
                where = gazetteer.country(focus.country) or focus
            e = replace(e, location=replace(where, basis="document", text=None))
        elif (e.location is None and home_town is not None and states == {home_town.country} and not e.historical
              and e.source.sector not in NATIONAL_SECTORS and not _national_office(e.source)):
            e = replace(e, location=replace(home_town, basis="document", text=None))
        elif e.location is None and len(states) == 1 and gazetteer is not None:
            country = gazetteer.country(next(iter(states)))
            if country is not None:
                e = replace(e, location=replace(country, basis="actors", text=None))
        out.append(e)
    # acts by actors of no state ("militias killed ...") in a story whose placed acts all lie in one country
    countries = {e.location.country for e in out if e.location is not None and e.location.country}
    if len(countries) == 1 and gazetteer is not None and (home := gazetteer.country(next(iter(countries)))):
        out = [replace(e, location=replace(home, basis="document", text=None))
               if e.location is None and not _states(e) else e for e in out]
    return out


def _national_office(actor: Actor) -> bool:
    """A leader or a national body the actor knowledge holds ("Prime Minister Sheikh Hasina", "the Kenyan interior
    minister" found by title): it acts from the capital, not in the town a story is about, as officials, police and
    prosecutors do (a country named alone, "Taiwan hosted the meeting", is no office)."""
    return actor.sector in OFFICE_SECTORS and bool(actor.kb_id) and actor.kb_id != actor.country


def _states(e: Event) -> set[str]:
    """The states an event's actors belong to (non-state actors act anywhere)."""
    return {a.country for a in (e.source, e.target) if a is not None and a.country and a.country not in NOT_STATES}
