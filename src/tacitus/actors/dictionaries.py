"""Readers for actor dictionaries: the project's own table format (CSV or YAML) and the
CAMEO/PETRARCH actor-dictionary text format. Both give ``NamedEntry`` records (an ``Entry`` and
the phrases that name it); see the package docstring for the formats.
"""

from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable

import yaml

from tacitus.actors.entries import CODE, KINDS, NAMED, Entry, Role
from tacitus.actors.text import parse_date
from tacitus.datafiles import SAFE_LOADER

log = logging.getLogger(__name__)


@dataclass
class NamedEntry:
    entry: Entry
    aliases: list[str]
    case: str | None = None  # force a case rule for all aliases ("capital" for upper-case files)


# ---------------------------------------------------------------------------------------------
# table format: CSV columns or YAML keys kb_id,name,aliases,country,sector,role,start,end,kind
# ---------------------------------------------------------------------------------------------

def _aliases(value: Any, where: str) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [a.strip() for a in value.split("|") if a.strip()]
    if isinstance(value, list):
        return [str(a).strip() for a in value if str(a).strip()]
    raise ValueError(f"{where}: aliases must be a list or a '|'-separated string, not {type(value).__name__}")


def _code(value: Any, what: str, where: str) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip().upper()
    if not CODE.match(text):
        raise ValueError(f"{where}: {what} {value!r} is not a three-letter code")
    return text


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _role(item: dict[str, Any], where: str, country: str | None) -> Role:
    start = parse_date(item.get("start"), f"{where}: start")
    end = parse_date(item.get("end"), f"{where}: end")
    if start and end and end < start:
        raise ValueError(f"{where}: end {end} is before start {start}")
    title = item.get("role") or item.get("title")
    return Role(_code(item.get("country"), "country", where) or country,
                _code(item.get("sector"), "sector", where), start, end, str(title).strip() if title else None,
                item.get("office") or None, bool(item.get("standing")))


def entries_from_items(items: Iterable[tuple[dict[str, Any], str]], default_kind: str,
                       user: bool) -> list[NamedEntry]:
    """Build entries from table items (one dict per CSV row or YAML item, with its location).

    Items sharing a kb_id (or, without one, a name) are one entry with several roles. An item with
    a start or end date is a dated role; otherwise its country/sector are the entry's own codes.
    A YAML item may also list dated ``roles``.
    """
    merged: dict[str, NamedEntry] = {}
    for item, where in items:
        name = str(item.get("name") or "").strip()
        if not name:
            raise ValueError(f"{where}: an actor entry needs a name")
        unknown = set(item) - {"kb_id", "id", "name", "aliases", "country", "sector", "role", "title",
                               "start", "end", "kind", "roles", "office", "standing",
                               "verified"}
        if unknown:
            raise ValueError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
        kind = str(item.get("kind") or default_kind).strip()
        if kind not in KINDS:
            raise ValueError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        kb_id = str(item.get("kb_id") or item.get("id") or "").strip() or _slug(name)
        country = _code(item.get("country"), "country", where)
        dated = bool(item.get("start") or item.get("end"))
        roles = [_role(item, where, country)] if dated else []
        for i, sub in enumerate(item.get("roles") or []):
            if not isinstance(sub, dict):
                raise ValueError(f"{where}: roles[{i}] must be a mapping")
            roles.append(_role(sub, f"{where} roles[{i}]", country))
        sector = None if dated else _code(item.get("sector"), "sector", where)
        aliases = [name] + _aliases(item.get("aliases"), where)
        found = merged.get(kb_id)
        if found is None:
            entry = Entry(kb_id, name, kind, country, sector, roles, user=user)
            merged[kb_id] = NamedEntry(entry, aliases)
            continue
        entry = found.entry
        entry.roles.extend(roles)
        entry.country = entry.country or country
        entry.sector = entry.sector or sector
        found.aliases.extend(a for a in aliases if a not in found.aliases)
    return list(merged.values())


def read_table(path: Path, default_kind: str = NAMED, user: bool = True) -> list[NamedEntry]:
    """Read a CSV (header row) or YAML (a list, or a mapping with an ``actors`` list) dictionary."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t" if suffix == ".tsv" else ",")
            if not reader.fieldnames or "name" not in reader.fieldnames:
                raise ValueError(f"{path}: a CSV actor dictionary needs a header row with a 'name' column")
            items = [({k: v for k, v in row.items() if k is not None and v not in (None, "")},
                      f"{path}:{reader.line_num}") for row in reader]
        return entries_from_items(items, default_kind, user)
    with path.open(encoding="utf-8") as fh:
        try:
            data = yaml.load(fh, Loader=SAFE_LOADER)
        except yaml.YAMLError as exc:
            raise ValueError(f"{path}: not valid YAML ({exc})") from None
    if isinstance(data, dict) and isinstance(data.get("actors"), list):
        data = data["actors"]
    if not isinstance(data, list):
        raise ValueError(f"{path}: a YAML actor dictionary must be a list of entries (or have an 'actors' list)")
    items = []
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            raise ValueError(f"{path}: entry {i + 1} is not a mapping")
        items.append((item, f"{path}: entry {i + 1} ({item.get('name', '?')})"))
    return entries_from_items(items, default_kind, user)


# ---------------------------------------------------------------------------------------------
# CAMEO / PETRARCH actor dictionaries
# ---------------------------------------------------------------------------------------------

_BRACKET = re.compile(r"\[([^\]]*)\]")
_CODE_BODY = re.compile(r"^\s*([A-Z0-9-]+)\s*(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))?\s*$")


def petrarch_date(text: str, where: str) -> date:
    """YYMMDD (years below 30 are 20xx) or YYYYMMDD."""
    if len(text) == 6:
        yy = int(text[:2])
        year, rest = (2000 + yy if yy < 30 else 1900 + yy), text[2:]
    else:
        year, rest = int(text[:4]), text[4:]
    try:
        return date(year, int(rest[:2]), int(rest[2:]))
    except ValueError:
        raise ValueError(f"{where}: {text!r} is not a valid date") from None


class CameoCodes:
    """Splits CAMEO actor codes ("TURGOV", "IGOUNOREFHCR", "USAELI") into country and sector."""

    def __init__(self, sector_map: dict[str, str], secondary_map: dict[str, str],
                 country_codes: set[str]) -> None:
        self.sector_map = sector_map  # CAMEO role codes mapped to PLOVER sectors, preferred
        self.secondary_map = secondary_map  # used only when no preferred code is present
        self.country_codes = country_codes  # codes that are countries even where they look like roles

    def split(self, code: str) -> tuple[str | None, str | None]:
        chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
        chunks = [c for c in chunks if len(c) == 3 and c.isalpha()]
        if not chunks:
            return None, None
        country: str | None = None
        first = chunks[0]
        if first in self.country_codes or (first not in self.sector_map and first not in self.secondary_map):
            country, chunks = chunks[0], chunks[1:]
            if country == "IGO" and chunks and chunks[0] in ("UNO", "EUR"):
                country, chunks = chunks[0], chunks[1:]
        for table in (self.sector_map, self.secondary_map):
            for chunk in chunks:
                if chunk in table:
                    return country, table[chunk]
        return country, None


def _petrarch_phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").split())


def read_petrarch(path: Path, codes: CameoCodes, user: bool = True) -> list[NamedEntry]:
    """Read a CAMEO/PETRARCH ``.actors`` dictionary (see the package docstring for the format).

    Real dictionaries carry a few typos (e.g. a 7-digit date): such codes are skipped with a logged
    warning naming file:line; structural errors (codes or synonyms before any name) raise, and so
    does a file that yields no coded entry.
    """
    out: list[NamedEntry] = []
    problems: list[str] = []
    current: dict[str, Any] | None = None

    def finish() -> None:
        if current is None or not (current["codes"] or current["blocked"]):
            return
        phrases = current["phrases"]
        primary = phrases[0]
        default_country = default_sector = None
        roles: list[Role] = []
        for country, sector, start, end in current["codes"]:
            if start is None and end is None:
                if default_country is None and default_sector is None:
                    default_country, default_sector = country, sector
            else:
                roles.append(Role(country, sector, start, end))
        if default_country is None:
            default_country = next((r.country for r in roles if r.country), None)
        entry = Entry(primary.upper().replace(" ", "_"), primary.title(), NAMED, default_country,
                      default_sector, roles, user=user, blocked=current["blocked"] and not current["codes"])
        out.append(NamedEntry(entry, phrases, case="capital"))

    with path.open(encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            where = f"{path}:{lineno}"
            body = line.split("#", 1)[0].rstrip()
            if not body.strip():
                continue
            brackets = _BRACKET.findall(body)
            text = _BRACKET.sub(" ", body)
            stripped = text.strip()
            if body[0] in " \t" or body.lstrip().startswith("["):
                if current is None:
                    raise ValueError(f"{where}: codes before any actor name")
            elif stripped.startswith("+"):
                if current is None:
                    raise ValueError(f"{where}: synonym line before any actor name")
                phrase = _petrarch_phrase(stripped[1:])
                if phrase:
                    current["phrases"].append(phrase)
            else:
                finish()
                phrase = _petrarch_phrase(stripped)
                current = {"phrases": [phrase], "codes": [], "blocked": False} if phrase else None
                if current is None:
                    raise ValueError(f"{where}: codes without an actor name")
            for inner in brackets:
                match = _CODE_BODY.match(inner)
                if not match:
                    problems.append(f"{where}: cannot read actor code [{inner}]")
                    continue
                code, op, when, start, end = match.groups()
                if set(code) <= {"-"}:
                    current["blocked"] = True
                    continue
                country, sector = codes.split(code)
                lo = hi = None
                try:
                    if op == ">":
                        lo = petrarch_date(when, where)
                    elif op == "<":
                        hi = petrarch_date(when, where)
                    elif start:
                        lo, hi = petrarch_date(start, where), petrarch_date(end, where)
                except ValueError as exc:
                    problems.append(str(exc))
                    continue
                current["codes"].append((country, sector, lo, hi))
    finish()
    if not out:
        detail = f" ({problems[0]})" if problems else ""
        raise ValueError(f"{path}: no actor entries with codes found{detail}")
    for problem in problems:
        log.warning("skipped %s", problem)
    return out


def looks_like_petrarch(path: Path) -> bool:
    """A text file whose non-comment lines carry ``[CODE]`` brackets or ``+`` synonym lines."""
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            body = line.split("#", 1)[0].strip()
            if body:
                return "[" in body or body.startswith("+") or body.endswith("_")
    return False
