"""Resolve place names from news text to a :class:`tacitus.records.Location`.

Candidates of the same name are ranked by population on a log scale plus bonuses: a match of the explicit
``qualifier`` ("Tripoli, northern Lebanon") all but decides; a country of the document's context
(``countries``) counts as a hundredfold population, the national capital as tenfold; a town known by the
name only as an alternate spelling counts for less. So context beats size between comparable towns, but a
village in a context country does not displace a world city of the same name.
A country name always gives the country; a bare name shared by a region and one of its towns gives the
town ("Idlib"), while "Idlib province" gives the region.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from pathlib import Path

from tacitus.geo.cache import load_index
from tacitus.geo.index import GazetteerIndex, Place
from tacitus.geo.names import (abbreviation_key, homonym_home, is_abbreviation, loose_key, name_key, strip_words,
                               vocabulary)
from tacitus.records import Location

# Candidate score = log10(population * weight + 10) + bonuses; one point is a factor of ten in population.
ALTERNATE_NAME_WEIGHT = 0.3  # a town known by this name only as an alternate counts as this share of its size
LOOSE_MATCH_WEIGHT = 0.1  # ... and one that matches only after loose folding ("Hodeidah" ~ "El-Hodeidah")
LOOSE_MIN_POPULATION = 100_000  # a loose-only match outside the context countries must be at least this big
ALTERNATE_MIN_POPULATION = 15_000  # ... for a strict reading, an alternate-only one a town, not a village once called
#                                    "Rosenfeld" (a surname read as a place must not set a story abroad)
QUALIFIER_REGION_BONUS = 12.0  # the text's own qualifier names the candidate's region ("Long Beach, CA")
QUALIFIER_COUNTRY_BONUS = 10.0  # ... or its country ("Tripoli, northern Lebanon")
MIN_NAME_LETTERS = 3  # a shorter name is a town only by its own name with a qualifier (or a country's code)
CONTEXT_BONUS = 2.5  # the candidate is in a country of the document's context (the first one a little more)
CAPITAL_BONUS = 1.0  # the national capital


POSSESSIVE = re.compile(r"[\u2019']s?$")  # "South Africa's" as the tagger takes it


class Gazetteer:
    """An offline gazetteer over GeoNames data (see ``tacitus/geo/README.md`` for sources and licence)."""

    def __init__(self, index: GazetteerIndex | None = None, *, min_city_population: int = 15000,
                 cache_dir: str | Path | None = None) -> None:
        self._idx = index if index is not None else load_index(
            min_city_population, Path(cache_dir) if cache_dir is not None else None)
        self._voc = vocabulary()

    # ---- countries -------------------------------------------------------------------------------
    def is_country(self, name: str) -> str | None:
        """ISO3 when ``name`` names a country ("Syria", "the United States", "U.S.", "Britain"), else None."""
        row = self._country_row(_text(name, "name"))
        return self._idx.place(row).country if row is not None else None

    def country(self, iso3_or_name: str) -> Location | None:
        """The country (precision "country", at its centroid) for an ISO3/ISO2 code or a name."""
        text = _text(iso3_or_name, "iso3_or_name").strip()
        row = None
        if len(text) == 3 and text.isalpha() and text.upper() in self._idx.country_rows:
            row = self._idx.country_rows[text.upper()]
        elif len(text) == 2 and text.isalpha() and text.isupper() and text in self._idx.iso2:
            row = self._idx.country_rows[self._idx.iso2[text]]
        if row is None:
            row = self._country_row(text)
        return self._location(row) if row is not None else None

    def _country_row(self, text: str) -> int | None:
        text = POSSESSIVE.sub("", text.strip())  # ("South Africa's": no country's name ends so)
        if text[:4].lower() == "the ":
            text = text[4:].strip()
        if not text:
            return None
        if is_abbreviation(text):
            for e in self._idx.abbreviations.get(abbreviation_key(text)):
                if self._idx.place(e // 2).kind == "country":
                    return e // 2
            return None
        key = name_key(text)
        for k in (key, "the " + key):
            for e in self._idx.names.get(k):
                if self._idx.place(e // 2).kind == "country":
                    return e // 2
        return None

    def capital(self, iso3: str) -> Location | None:
        """The national capital of a country (ISO3), or None when the data names none."""
        if not hasattr(self, "_capitals"):
            places = _Rows(self._idx)
            self._capitals = {places[row].country: row for row in range(len(self._idx.places))
                              if places[row].capital}
        row = self._capitals.get(iso3.upper())
        return self._location(row) if row is not None else None

    def _country_code(self, code: str) -> str | None:
        code = code.strip()
        if code.upper() in self._idx.country_rows:
            return code.upper()
        if code.upper() in self._idx.iso2:
            return self._idx.iso2[code.upper()]
        row = self._country_row(code)
        return self._idx.place(row).country if row is not None else None

    # ---- places ------------------------------------------------------------------------------------
    def resolve(self, name: str, *, countries: Sequence[str] = (), qualifier: str | None = None,
                strict: bool = False) -> Location | None:
        """The most likely place called ``name``, or None when it names no known place; a name the tagger took
        with its possessive ("South Africa's") is the place without it, unless the whole is a name ("St. John's").
        The arguments are those of :meth:`_resolve_name`."""
        found = self._resolve_name(name, countries=countries, qualifier=qualifier, strict=strict)
        if found is None and isinstance(name, str) and POSSESSIVE.search(name.strip()):
            found = self._resolve_name(POSSESSIVE.sub("", name.strip()), countries=countries, qualifier=qualifier,
                                       strict=strict)
        return found

    def _resolve_name(self, name: str, *, countries: Sequence[str] = (), qualifier: str | None = None,
                      strict: bool = False) -> Location | None:
        """The most likely place called ``name``, or None when it names no known place.

        ``countries``: context countries of the document (ISO3/ISO2 codes or names; codes that are not
        countries, such as "IGO", are ignored). ``qualifier``: a country, US state (name or abbreviation) or
        region that the text attaches to the name; "Long Beach, CA" carries its own qualifier. ``strict``: a town
        known by the name only as an alternate counts only in the context or at city size.
        """
        text = _text(name, "name").strip()
        if qualifier is not None:
            qualifier = _text(qualifier, "qualifier").strip() or None
        if isinstance(countries, str):
            raise TypeError(f"countries={countries!r}: expected a sequence of country codes, not one string")
        context = [c for c in (self._country_code(_text(x, "countries item")) for x in countries) if c]
        if "," in text:
            head, _, tail = text.partition(",")
            if head.strip() and tail.strip():
                text, qualifier = head.strip(), qualifier or tail.strip()
        key = name_key(text)
        if key.startswith("the "):
            key = key[4:]
        if not key or key in self._voc.not_places:
            return None

        want_admin1 = want_city = False
        rest, changed = strip_words(key, self._voc.admin1_prefixes, self._voc.admin1_suffixes)
        if changed and rest not in self._voc.not_places:
            key, want_admin1 = rest, True
        else:
            rest, changed = strip_words(key, self._voc.city_prefixes, self._voc.city_suffixes)
            if changed and rest not in self._voc.not_places and not self._own_name(key):
                key, want_city = rest, True  # "Aleppo city" is Aleppo; "Kansas City" is a city of that name

        qual_countries, qual_admin1 = self._qualifier(qualifier)
        if not want_admin1 and not want_city:
            row = self._country_row(text)
            if row is not None:
                iso3 = self._idx.place(row).country
                if not qual_countries or iso3 in qual_countries:
                    return self._location(row)

        places = _Rows(self._idx)
        cands = [(r, w) for r, w in self._candidates(key).items() if places[r].kind != "country"]
        if len(key.replace(" ", "")) < MIN_NAME_LETTERS:
            # "e" of "Pul-e-Alam", "Bu" of "Korle Bu", "Pa." of "Williamsport, Pa.": towns' names hold such scraps;
            # a town's own short name stands where the text says where it is ("Bo, Sierra Leone")
            cands = [(r, w) for r, w in cands if w == 1.0 and (qual_countries or qual_admin1)]
        if all(w == LOOSE_MATCH_WEIGHT or (strict and w < 1.0) for _, w in cands):
            # loosely folded names alone are weak evidence, and so, read strictly, are alternate names (a surname
            # that was once a village's name): keep them only where the text or context points, or a large town
            cands = [(r, w) for r, w in cands if places[r].country in context or places[r].country in qual_countries
                     or (places[r].country, places[r].admin1_code) in qual_admin1
                     or (places[r].population >= LOOSE_MIN_POPULATION if w == LOOSE_MATCH_WEIGHT
                         else places[r].kind != "city" or places[r].population >= ALTERNATE_MIN_POPULATION)]
        if want_admin1:
            named_regions = [(r, w) for r, w in cands if places[r].kind == "admin1"]
            country_row = self._country_row(key)
            if not named_regions and country_row is not None:
                return self._location(country_row)  # "Montenegro province", "Kosovo province": the country
            cands = self._as_admin1(cands)
        elif want_city and any(places[r].kind == "city" for r, _ in cands):
            cands = [(r, m) for r, m in cands if places[r].kind == "city"]
        if qual_countries or qual_admin1:
            # the text's own qualifier decides: "Manheim, Pa." is no German town, whatever the spelling
            inside = [(r, w) for r, w in cands if places[r].country in qual_countries
                      or (places[r].country, places[r].admin1_code) in qual_admin1]
            if not inside:
                return self._qualifier_place(qual_countries, qual_admin1)
            cands = inside
        if not cands:
            return None

        def score(cand: tuple[int, float]) -> float:
            p = places[cand[0]]
            value = math.log10(p.population * cand[1] + 10)
            if (p.country, p.admin1_code) in qual_admin1:
                value += QUALIFIER_REGION_BONUS
            elif p.country in qual_countries:
                value += QUALIFIER_COUNTRY_BONUS
            if p.country in context:
                value += CONTEXT_BONUS + 0.1 * (len(context) - context.index(p.country)) / len(context)
            if p.capital and (not context or p.country in context):
                value += CAPITAL_BONUS  # a capital abroad earns nothing where the context names other countries
            return value

        best_row, weight = max(cands, key=score)
        own = name_key(places[best_row].name).replace(" ", "")
        if weight < 1.0 and not (qual_countries or qual_admin1) and not own.startswith(key.replace(" ", "")):
            # a national capital called so by its own name, and bigger, is what the name means, whatever smaller
            # town was once called so in the context's countries ("the Islamabad summit" in a story from India is
            # Pakistan's capital); a short form of a town's own name still reads as that town ("Santiago" in Spain)
            capitals = [(r, w) for r, w in cands if w == 1.0 and places[r].capital and places[r].kind == "city"
                        and places[r].population > places[best_row].population]
            if capitals:
                best_row, _ = max(capitals, key=score)
        best = places[best_row]
        if best.kind == "admin1" and best.admin1_code and not want_admin1:
            # "Idlib", "Deir Ezzor": the region's namesake town is the more precise reading
            named = dict(cands)
            own, _ = strip_words(name_key(best.name), self._voc.admin1_prefixes, self._voc.admin1_suffixes)
            for k in (own, key):
                for r, w in self._candidates(k, with_loose=True).items():
                    named.setdefault(r, w)
            towns = [(r, w) for r, w in named.items() if places[r].kind == "city"
                     and places[r].country == best.country and places[r].admin1_code == best.admin1_code]
            if towns:
                best_row = max(towns, key=score)[0]
        return self._location(best_row)

    def state_homonym(self, name: str, home: str) -> Location | None:
        """The state of ``home`` that a country's name also names ("Georgia" for the United States; names.yaml
        state_homonyms), for a story of ``home``'s own affairs; None when the name names no such state."""
        if homonym_home(_text(name, "name")) != home:
            return None
        key = name_key(name.strip())
        rows = [r for r in self._candidates(key) if self._idx.place(r).kind == "admin1"
                and self._idx.place(r).country == home]
        return self._location(rows[0]) if rows else None

    def big_town(self, name: str, min_population: int, countries: Sequence[str] = ()) -> Location | None:
        """The town whose own name is exactly ``name``, with at least ``min_population`` people, when the name is
        no other country's town too (of :data:`ALTERNATE_MIN_POPULATION` or more) unless ``countries`` (the
        document's) say which; or None. For a name the tagger took for an organisation ("the Hubballi Bar
        Association"), only a town that cannot be a namesake counts ("Alexandria" is in Egypt and in Virginia)."""
        key = name_key(_text(name, "name").strip())
        if not key or key in self._voc.not_places:
            return None
        places = _Rows(self._idx)
        rows = [r for r, w in self._candidates(key).items()
                if w == 1.0 and places[r].kind == "city" and places[r].population >= ALTERNATE_MIN_POPULATION]
        states = {places[r].country for r in rows}
        if len(states) > 1:
            context = [c for c in (self._country_code(_text(x, "countries item")) for x in countries) if c]
            rows = [r for r in rows if places[r].country in context[:1]]
        rows = [r for r in rows if places[r].population >= min_population]
        return self._location(max(rows, key=lambda r: places[r].population)) if rows else None

    def named_region(self, name: str) -> Location | None:
        """The region whose own name is exactly ``name`` ("West Yorkshire", "Punjab"), when one region alone has
        it and no town of :data:`ALTERNATE_MIN_POPULATION` or more bears it too ("Kent" is also a town in
        Washington); or None."""
        key = name_key(_text(name, "name").strip())
        if not key or key in self._voc.not_places:
            return None
        places = _Rows(self._idx)
        cands = [(r, w) for r, w in self._candidates(key).items() if w == 1.0 and places[r].kind != "country"]
        regions = [r for r, _ in cands if places[r].kind == "admin1"]
        towns = [r for r, _ in cands if places[r].kind == "city" and places[r].population >= ALTERNATE_MIN_POPULATION]
        return self._location(regions[0]) if len(regions) == 1 and not towns else None

    def _candidates(self, key: str, *, with_loose: bool = False) -> dict[int, float]:
        """Rows named ``key`` with the weight of the match (own name, alternate name); loosely folded
        matches only when nothing matches exactly, or on request."""
        found: dict[int, float] = {}
        for e in self._idx.names.get(key):
            found[e // 2] = 1.0 if e & 1 else ALTERNATE_NAME_WEIGHT
        if with_loose or not found:
            for e in self._idx.loose.get(loose_key(key, self._voc.articles)):
                found.setdefault(e // 2, LOOSE_MATCH_WEIGHT)
        return found

    def _own_name(self, key: str) -> bool:
        """Whether a town has ``key`` as its own name (not only as an alternate)."""
        places = _Rows(self._idx)
        return any(w == 1.0 and places[r].kind == "city" for r, w in self._candidates(key).items())

    def _as_admin1(self, cands: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """Keep regions; a town stands for its region when no region has the name ("Raqqa province")."""
        places = _Rows(self._idx)
        regions = [(r, w) for r, w in cands if places[r].kind == "admin1"]
        if regions:
            return regions
        out: dict[int, float] = {}
        for r, w in cands:
            p = places[r]
            region = self._idx.admin1_rows.get((p.country, p.admin1_code))
            if region is not None:
                out[region] = max(out.get(region, 0.0), w)
        return list(out.items())

    def is_area(self, name: str) -> bool:
        """Whether ``name`` names a country or a first-level region (that can qualify a town's name)."""
        countries, regions = self._qualifier(name)
        return bool(countries or regions)

    def _qualifier(self, qualifier: str | None) -> tuple[set[str], set[tuple[str, str]]]:
        """Countries and regions that a qualifier such as "northern Lebanon", "CA" or "Texas" stands for."""
        if not qualifier:
            return set(), set()
        places = _Rows(self._idx)
        entries: tuple[int, ...] = ()
        if is_abbreviation(qualifier):
            entries = self._idx.abbreviations.get(abbreviation_key(qualifier))
        if not entries:
            key = name_key(qualifier)
            words = key.split()
            # "northern Lebanon" is Lebanon; "South Sudan", "North Korea" are names of their own
            while len(words) > 1 and words[0] in self._voc.qualifier_modifiers \
                    and not (self._idx.qualifier_names.get(" ".join(words)) or self._idx.names.get(" ".join(words))):
                words = words[1:]
            key = " ".join(words)
            rest, _ = strip_words(key, self._voc.admin1_prefixes, self._voc.admin1_suffixes)
            entries = (self._idx.qualifier_names.get(key) or self._idx.names.get(key)
                       or self._idx.names.get(rest))
        countries: set[str] = set()
        regions: set[tuple[str, str]] = set()
        for e in entries:
            p = places[e // 2]
            if p.kind == "country":
                countries.add(p.country)
            elif p.kind == "admin1":
                regions.add((p.country, p.admin1_code))
        return countries, regions

    def _qualifier_place(self, countries: set[str], regions: set[tuple[str, str]]) -> Location | None:
        """The region or country a qualifier names, when no town of the name lies in it (one only)."""
        if len(regions) == 1:
            row = self._idx.admin1_rows.get(next(iter(regions)))
            if row is not None:
                return self._location(row)
        if len(countries) == 1:
            return self.country(next(iter(countries)))
        return None

    def _location(self, row: int) -> Location:
        p = self._idx.place(row)
        admin1 = None
        if p.kind != "country" and p.admin1_code:
            region = self._idx.admin1_rows.get((p.country, p.admin1_code))
            if region is not None:
                admin1 = self._idx.place(region).name
        precision = {"country": "country", "admin1": "admin1"}.get(p.kind, "city")
        return Location(name=p.name, country=p.country, admin1=admin1, lat=round(p.lat, 5), lon=round(p.lon, 5),
                        precision=precision, geonames_id=p.geonames_id)

    def __len__(self) -> int:
        return len(self._idx.places)


class _Rows:
    """``rows[i]`` as a :class:`Place` (the index stores plain tuples)."""

    __slots__ = ("_idx",)

    def __init__(self, idx: GazetteerIndex) -> None:
        self._idx = idx

    def __getitem__(self, row: int) -> Place:
        return self._idx.place(row)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what}={value!r}: expected a string, got {type(value).__name__}")
    return value
