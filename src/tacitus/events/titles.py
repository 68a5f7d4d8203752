"""A title coded as the lead sentence and the body that tells its act again: which body events retell the title's,
and the place and day the title's clause gives them when their own sentence gives none."""

from __future__ import annotations

from dataclasses import replace

from tacitus.records import INFERRED_COUNTRY, Actor, Event

# precisions of a date that is no date of the act told: the publication date standing in, or none
NOT_THE_ACTS_DATE = ("published", "unknown", "story")


def with_title_anchors(body: Event, title: Event) -> Event:
    """A body event that retells the title's act, with the place the title's clause gives it ("Gunmen kill 12 in
    Kaduna" over "Gunmen killed 12 people") and the day ("reached a deal Saturday night" over a body that says
    only that they "have reached" it), when its own sentence gives none."""
    if title.location is not None and title.location.basis == "clause" and (
            body.location is None or body.location.basis in ("dateline", "sentence")):
        body = replace(body, location=replace(title.location, basis="title"))
    if title.date and title.date_precision not in NOT_THE_ACTS_DATE and body.date_precision in NOT_THE_ACTS_DATE \
            and not body.historical:
        body = replace(body, date=title.date, date_precision=title.date_precision)
    return body


def retold_in_body(title_event: Event, body_event: Event) -> bool:
    """Whether a body event tells the title's again: the same type between the same countries (a country the
    one leaves open agrees with any; the title and the body often name the same actor differently). A country the
    title's actor took from the story's place or setting, not from its own words, leaves it open too ("Ministers
    meet in Geneva" is told again as the Indian and Chinese ministers' meeting); so does a body target that is only
    the story's country (recipients.at_home)."""
    def own(a):
        return a.country if a is not None and a.country_basis not in INFERRED_COUNTRY else None

    def agree(a, b) -> bool:
        return not own(a) or b is None or not b.country or _setting_only(b) or own(a) == b.country

    return (title_event.plover_type == body_event.plover_type and agree(title_event.source, body_event.source)
            and agree(title_event.target, body_event.target))


def _setting_only(actor: Actor) -> bool:
    """A target that is only the country a story is set in, with nobody named (recipients.at_home)."""
    return actor.country_basis == "setting" and not (actor.sector or actor.name)
