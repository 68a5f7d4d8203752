"""Who an act is aimed at when its sentence names nobody, or only a thing: the place it happens in, the
authorities a protest is against, the people a curfew falls on; and an actor known only by its sector placed in
the country where it acts."""

from __future__ import annotations

from dataclasses import replace

from tacitus.events.ontology import Ontology
from tacitus.events.places import NOT_STATES, RULING_SECTORS, placed
from tacitus.records import INFERRED_COUNTRY, Actor, Location, names_nobody


def recipient(ontology: Ontology, plover: str | None, mode: str | None, source: Actor, target: Actor | None,
              where: Location | None, own_place: Location | None, setting: str | None, named_as: str | None = None,
              *, venue: bool = False, about: Location | None = None, spoken: bool = False,
              person: bool = False) -> Actor | None:
    """The event's target, completed from what the sentence and the document say. ``where`` is where the act or
    what it concerns happens; ``own_place`` the place of the act's own clause or of what it asks or refuses (a
    target nobody names is that place's state); ``about`` the place of what it asks, promises or refuses;
    ``spoken`` an act of saying (a demand, a threat), not an act recoded from its modality ("will evacuate");
    ``person`` a target named as a person (known only by name, it is of the story's country)."""
    # (an institution's seat, as a dateline, is nobody's country: "UNITED NATIONS -- ... urged the authorities")
    seat = venue and spoken and where is not None and where.basis == "dateline"
    target = placed(target, source, None if seat else where, setting, doer=person,
                    struggle=ontology.is_a(plover, "armed_struggle"), backed=ontology.is_a(plover, "backing"))
    # a thing: a phrase that names nobody (its own place may have given it a country: "the reform in Madrid")
    thing = target is not None and not (target.sector or target.name) and (
        not target.country or target.country_basis == "place")
    if ontology.is_a(plover, "protest") and (target is None or thing):
        return authorities(source, where, setting, ontology.governing_sectors) or target
    if thing and ontology.is_a(plover, "request") and source.country and source.country not in NOT_STATES \
            and source.sector in ontology.public_sectors and source.kb_id in (None, source.country):
        # the people demanding a thing ("Bahrainis are demanding reform") demand it of their authorities
        return authorities(source, where, setting, ontology.governing_sectors) or target
    if mode in ontology.population_measures and (target is None or thing):
        return population(where, setting) or target
    if target is None:
        return recipient_from_place(ontology, plover, source, own_place, named_as, venue=venue, mode=mode)
    # a thing acted on lies where the act happens ("shelled the village" in Idlib); a thing spoken of lies where
    # what is asked or refused would happen ("threatened to bar voting in the disputed district"), not where it is said
    lies = about if spoken else where
    if thing and lies is not None and lies.country and not venue:
        return replace(target, country=lies.country, country_basis="place")
    if _town_struck(target, where) and not spoken:  # "shelled Kherson": the town's people, of its state
        return replace(target, country=where.country, country_basis="place")
    return target


def _town_struck(target: Actor, where: Location | None) -> bool:
    """Whether a target is the town the act happened in, named by its own name and known as nobody."""
    return (where is not None and bool(where.country) and where.precision in ("city", "admin1")
            and not (target.country or target.sector or target.kb_id) and bool(target.text)
            and target.text.split(" (")[0] in (where.text or where.name))


def at_home(ontology: Ontology, plover: str | None, mode: str | None, source: Actor, target: Actor | None,
            home: str | None) -> Actor | None:
    """The target of an act by the country a story is set in (``home``: a story of its own affairs,
    DocContext.domestic_home) that names nobody it is done to, or only a thing ("the assembly threw out the bill",
    "two ministers resigned", "police are investigating the leak"): the act is done within that country, so
    its target is the country (``country_basis`` "setting", no sector), keeping the thing's words. Types whose acts
    usually have no recipient (not in ``home_recipient``) keep theirs, and a state's own forces fighting or taking
    things at home are not their own target (as in :func:`recipient_from_place`)."""
    if (not names_nobody(target) or not home or source.country != home or home in NOT_STATES
            or not ontology.is_a(plover, "home_recipient")):
        return target
    if source.sector in RULING_SECTORS and (ontology.is_a(plover, "not_at_home") or mode in ontology.things_taken):
        return target
    if target is not None:
        return replace(target, country=home, country_basis="setting")
    return Actor(text="", country=home, country_basis="setting")


def other_side(ontology: Ontology, plover: str | None, source: Actor, target: Actor | None,
               pair: tuple[str, str] | None) -> Actor | None:
    """The target of an act of ontology group ``aimed`` by one of the two states a story is about (``pair``,
    DocContext.leading_pair) that names nobody it is aimed at, or only a thing ("Israel responded with artillery
    fire", "India has violated the ceasefire"): the other side (``country_basis`` "story", no sector), keeping the
    thing's words."""
    if not names_nobody(target) or pair is None or source.country not in pair or not ontology.is_a(plover, "aimed"):
        return target
    return of_the_story(target, _other_side(pair, source.country))


def of_the_story(target: Actor | None, country: str) -> Actor:
    """A target that names nobody, or only a thing (keeping its words), as the state ``country`` the story makes it
    (``country_basis`` "story", no sector)."""
    if target is not None:
        return replace(target, country=country, country_basis="story")
    return Actor(text="", country=country, country_basis="story")


def doer_across(ontology: Ontology, plover: str | None, source: Actor, target: Actor | None,
                pair: tuple[str, str] | None) -> Actor:
    """The doer of force nobody names (an unidentified armed group, ``source``, whose country only the place or the
    story's setting gave) on an actor its own words give the same side of a story of two sides (``pair``): the other
    side ("52 Palestinians were killed", "the offensive against Hamas"), ``country_basis`` "story"."""
    if (pair is None or target is None or not ontology.is_a(plover, "violence") or source.name
            or source.sector != ontology.unidentified_sector(plover)
            or source.country_basis not in ("place", "setting") or source.country not in pair
            or target.country != source.country or target.country_basis in INFERRED_COUNTRY):
        return source
    return replace(source, country=_other_side(pair, source.country), country_basis="story")


def _other_side(pair: tuple[str, str], country: str) -> str:
    return pair[1] if country == pair[0] else pair[0]


def authorities(source: Actor, location: Location | None, setting: str | None,
                governing: frozenset[str] = frozenset()) -> Actor | None:
    """The authorities a protest is against when it names nobody, or only a thing ("protested against the
    reform"): the government where the protest happens (prisoners rioting in an Israeli jail protest against
    Israel), else of the protesters' country, else of the country the story is set in. A government or army
    (a sector in ``governing``) does not protest against its own country's authorities ("India boycotted the
    summit")."""
    for country, basis in ((location.country if location is not None else None, "place"),
                           (source.country, source.country_basis), (setting, "setting")):
        if country and country not in NOT_STATES:
            if source.sector in governing and country == source.country:
                return None
            return Actor(text="", country=country, sector="GOV", country_basis=basis)
    return None


def population(location: Location | None, setting: str | None) -> Actor | None:
    """Those a curfew, an emergency or a restriction with nobody named falls on: the people where it is
    imposed, else of the country the story is set in."""
    country = location.country if location is not None and location.country else setting
    if not country or country in NOT_STATES:
        return None
    return Actor(text="", country=country, sector="CVL", country_basis="place" if location is not None and
                 location.country else "setting")


def recipient_from_place(ontology: Ontology, plover: str | None, source: Actor, location: Location | None,
                          named_as: str | None = None, *, venue: bool = False, mode: str | None = None) -> Actor | None:
    """An event with no target happens to the place it happens in: a visit to Amman is to Jordan, a curfew in
    Sudan is on Sudan. A state's own forces acting at home, or its rulers taking things or meeting there ("Qatar
    hosted the talks in Doha"), are not their own target, and an act whose place is only its venue ("condemned the
    plan in New York", "pleaded guilty in New York") is not done to it."""
    if location is None or not location.country:
        return None
    if venue:
        return None
    if location.country == source.country and (ontology.is_a(plover, "not_at_home") or (
            (mode in ontology.things_taken or ontology.is_a(plover, "meeting")) and source.sector in RULING_SECTORS)):
        return None
    return Actor(text=named_as or location.name, name=location.name, country=location.country,
                 sector="GOV" if ontology.is_a(plover, "meeting") else None, country_basis="place")
