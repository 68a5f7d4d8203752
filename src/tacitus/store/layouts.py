"""The de-duplicated events in the layouts of other event datasets: GDELT 2.0 events, POLECAT and ACLED.

One row per event of the store's ``events`` view (counted modalities only). Each layout keeps the other
dataset's column names and order (from their published column lists); what tacitus knows fills them, the rest
stays empty. Differences a user must know (documented in ARCHITECTURE.md):

* GDELT: country columns hold ISO-3166 alpha-3 codes (GDELT uses CAMEO/FIPS codes); actor codes are country +
  sector (``TURGOV``); AvgTone, actor geography and ADM codes are empty. Tab-separated, no header, as GDELT's.
* POLECAT: Intensity is PLOVER's score of the type (and mode); Quad Code is 1-4 (verbal/material cooperation,
  verbal/material conflict); COW codes, titles and Wikipedia ids are empty. Tab-separated with a header.
* ACLED: every event gets a row; types outside ACLED's scope are "Strategic developments / Other". A place known
  only as a country has no coordinates (ACLED records points; a country's centroid would be a phantom place).
  CSV with header.

Background events (``historical``) are written only on request, so that history does not reach current counts.
"""

from __future__ import annotations

import csv
import functools
import json
from datetime import date as _date
from importlib import resources
from pathlib import Path
from typing import Any

from tacitus.datafiles import read_yaml_mapping
from tacitus.records import NON_STATE_CODES, listed_parties
from tacitus.store.schema import CURRENT_EVENTS_VIEW_SQL, EVENTS_VIEW_SQL

LAYOUTS = ("gdelt", "polecat", "acled")

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
)

POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
)

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)


@functools.lru_cache(maxsize=1)
def _mapping() -> dict[str, Any]:
    return read_yaml_mapping(resources.files("tacitus.store").joinpath("data/layouts.yaml"))


@functools.lru_cache(maxsize=1)
def _plover_scores() -> dict[str, float]:
    """PLOVER's intensity of each type and type:mode (from the PLOVER specification's scores)."""
    with resources.files("tacitus.store").joinpath("data/plover_scores.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def _day(value: str | None) -> _date | None:
    """The first day a tacitus date ("2020-02-04", "2019-10", "2019") can mean."""
    if not value:
        return None
    parts = value.split("-") + ["01", "01"]
    try:
        return _date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def _blank(value: Any) -> Any:
    return "" if value is None else value


def _actor_code(country: str | None, sector: str | None) -> str:
    return f"{country or ''}{sector or ''}"


def gdelt_row(e: dict[str, Any]) -> list[Any]:
    day = _day(e["date"])
    code = e["cameo_code"] or ""
    geo_type = _mapping()["gdelt_geo_type"].get(e["location_precision"] or "", "")
    values = {
        "GLOBALEVENTID": int(e["event_key"][:15], 16),
        "SQLDATE": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        "Actor1Code": _actor_code(e["source_country"], e["source_sector"]),
        "Actor1Name": e["source_name"] or e["source_text"] or "",
        "Actor1CountryCode": e["source_country"] if e["source_country"] not in NON_STATE_CODES else "",
        "Actor1KnownGroupCode": e["source_country"] if e["source_country"] in NON_STATE_CODES else "",
        "Actor1Type1Code": e["source_sector"],
        "Actor2Code": _actor_code(e["target_country"], e["target_sector"]),
        "Actor2Name": e["target_name"] or e["target_text"] or "",
        "Actor2CountryCode": e["target_country"] if e["target_country"] not in NON_STATE_CODES else "",
        "Actor2KnownGroupCode": e["target_country"] if e["target_country"] in NON_STATE_CODES else "",
        "Actor2Type1Code": e["target_sector"],
        "IsRootEvent": int(bool(e["in_lead"])),
        "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
        "QuadClass": e["quad_class"], "GoldsteinScale": e["goldstein"],
        "NumMentions": e["num_mentions"], "NumSources": e["num_sources"], "NumArticles": e["num_articles"],
        "ActionGeo_Type": geo_type if e["location_name"] else "",
        "ActionGeo_FullName": e["location_name"], "ActionGeo_CountryCode": e["location_country"],
        "ActionGeo_Lat": e["lat"], "ActionGeo_Long": e["lon"],
        "DATEADDED": e["added_at"].strftime("%Y%m%d%H%M%S") if e["added_at"] else "",
        "SOURCEURL": e["url"],
    }
    return [_blank(values.get(c)) for c in GDELT_COLUMNS]


def polecat_row(e: dict[str, Any], version: str) -> list[Any]:
    scores = _plover_scores()
    mode = (e["plover_mode"] or "").capitalize()
    intensity = scores.get(f"{e['plover_type']}:{mode}", scores.get(e["plover_type"]))
    city = e["location_name"] if e["location_precision"] == "city" else None
    values = {
        "Event ID": e["event_key"], "Event Date": e["date"], "Event Type": e["plover_type"],
        "Event Mode": e["plover_mode"], "Intensity": intensity, "Quad Code": e["quad_class"],
        "Contexts": ";".join(e["plover_contexts"] or []),
        "Actor Name": e["source_name"] or e["source_text"], "Actor Country": e["source_country"],
        "Primary Actor Sector": e["source_sector"], "Actor Sectors": e["source_sector"],
        "Actor Name Raw": e["source_text"],
        "Recipient Name": e["target_name"] or e["target_text"], "Recipient Country": e["target_country"],
        "Primary Recipient Sector": e["target_sector"], "Recipient Sectors": e["target_sector"],
        "Recipient Name Raw": e["target_text"],
        "Placename": e["location_name"], "City": city, "Province": e["location_admin1"],
        "Country": e["location_country"], "Latitude": e["lat"], "Longitude": e["lon"],
        "GeoNames ID": e["geonames_id"], "Raw Placename": e["location_text"] or e["location_name"], "Feature Type": e["location_precision"],
        "Source": ";".join(e["publishers"] or []), "Publication Date": e["first_seen"], "Language": "en",
        "Version": f"tacitus {version}",
    }
    return [_blank(values.get(c)) for c in POLECAT_COLUMNS]


def _acled_type(e: dict[str, Any]) -> tuple[str, str]:
    types = _mapping()["acled_types"]
    ptype, mode = e["plover_type"], e["plover_mode"] or ""
    if ptype == "ASSAULT" and (e["target_sector"] == "CVL" or e["fatalities_civilians"]) and mode not in types["ASSAULT"]:
        return tuple(types["ASSAULT_ON_CIVILIANS"])
    table = types.get(ptype)
    if not isinstance(table, dict):
        return tuple(types["other"])
    return tuple(table.get(mode, table["default"]))


def _inter(sector: str | None, country: str | None, role: str) -> int | str:
    if role == "protest":
        return 6
    if role == "riot":
        return 5
    if sector is None:
        return 8 if country in NON_STATE_CODES else ""
    return _mapping()["acled_inter"].get(sector, 8)


def _associated(also: str | None, side: str) -> str:
    """The names of an act's listed parties on one side (mentions.also_actors), as ACLED joins them."""
    return "; ".join(a.name or a.text for a in listed_parties(json.loads(also) if also else None, side))


def acled_row(e: dict[str, Any]) -> list[Any]:
    import pycountry

    m = _mapping()
    event_type, sub_type = _acled_type(e)
    day = _day(e["date"])
    role = "riot" if event_type == "Riots" else "protest" if event_type == "Protests" else ""
    inter1 = _inter(e["source_sector"], e["source_country"], role)
    inter2 = _inter(e["target_sector"], e["target_country"], "") if e["target_text"] or e["target_country"] else ""
    pair = sorted(i for i in (inter1, inter2) if i != "")
    interaction = int("".join(str(i) for i in pair)) if len(pair) == 2 else (pair[0] * 10 if pair else "")
    country = pycountry.countries.get(alpha_3=e["location_country"]) if e["location_country"] else None
    precision = {"city": 1, "admin1": 3, "country": 3}.get(e["location_precision"] or "", "")
    point = e["location_precision"] != "country"  # a country is no point: no centroid in ACLED's coordinates
    values = {
        "event_id_cnty": f"{e['location_country'] or 'XXX'}{int(e['event_key'][:12], 16)}",
        "event_date": day.isoformat() if day else "", "year": day.year if day else "",
        "time_precision": m["acled_time_precision"].get(e["date_precision"] or "unknown", 3),
        "disorder_type": m["acled_disorder"][event_type], "event_type": event_type, "sub_event_type": sub_type,
        "actor1": e["source_name"] or e["source_text"], "inter1": inter1,
        "actor2": e["target_name"] or e["target_text"], "inter2": inter2, "interaction": interaction,
        # the parties an act lists beside its source and target are ACLED's associated actors
        "assoc_actor_1": _associated(e.get("also_actors"), "sources"),
        "assoc_actor_2": _associated(e.get("also_actors"), "targets"),
        "civilian_targeting": "Civilian targeting" if event_type == "Violence against civilians" else "",
        "iso": int(country.numeric) if country is not None else "",
        "country": country.name if country is not None else e["location_country"],
        "admin1": e["location_admin1"], "location": e["location_name"],
        "latitude": e["lat"] if point else None, "longitude": e["lon"] if point else None, "geo_precision": precision, "source": "; ".join(e["publishers"] or []),
        "notes": e["sentence"], "fatalities": e["fatalities"] or 0,
        "timestamp": int(e["added_at"].timestamp()) if e["added_at"] else "",
    }
    return [_blank(values.get(c)) for c in ACLED_COLUMNS]


def write_layout(conn, layout: str, out: Path, version: str, *, include_historical: bool = False) -> int:
    """Write the events view in ``layout`` to ``out``; returns the number of rows."""
    rows = conn.execute(EVENTS_VIEW_SQL if include_historical else CURRENT_EVENTS_VIEW_SQL).fetchall()
    names = [d[0] for d in conn.description]
    events = [dict(zip(names, r)) for r in rows]
    tmp = out.with_name(out.name + ".part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            if layout == "gdelt":
                writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
                writer.writerows(gdelt_row(e) for e in events)
            elif layout == "polecat":
                writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
                writer.writerow(POLECAT_COLUMNS)
                writer.writerows(polecat_row(e, version) for e in events)
            else:
                writer = csv.writer(fh, lineterminator="\n")
                writer.writerow(ACLED_COLUMNS)
                writer.writerows(acled_row(e) for e in events)
        tmp.replace(out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return len(events)
