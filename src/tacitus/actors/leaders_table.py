"""The dated table of office holders (``data/leaders.csv``): read, check and extend it from another CSV.

One row per person and office: ``kb_id,name,aliases,country,sector,role,start,end``. A person holding several
offices has several rows with the same ``kb_id``; aliases (``|``-separated) sit on the first row. ``start`` and
``end`` are ISO dates; an empty ``end`` means the office is still held, an empty ``start`` a role known without
dates (an opposition leader, a militia chief).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from tacitus.records import NON_STATE_CODES

COLUMNS = ("kb_id", "name", "aliases", "country", "sector", "office", "role", "start", "end", "standing", "verified")
STANDINGS = ("", "collective", "contested")  # a member of a presidency of several; a rival claimant
# re-checked one by one (to the week; to the month); less certain (after mid-2025); empty: as compiled
VERIFIED = ("", "yes", "month", "no")
_KB_ID = re.compile(r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$")


def builtin_path() -> Path:
    """The leaders table shipped in the package."""
    return Path(str(resources.files("tacitus.actors").joinpath("data", "leaders.csv")))


@dataclass
class ExtendResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)


def _known_codes() -> set[str]:
    with resources.files("tacitus.actors").joinpath("data", "countries.csv").open(encoding="utf-8") as fh:
        codes = {row["iso3"].strip() for row in csv.DictReader(fh)}
    return codes | NON_STATE_CODES


def _date(text: str, where: str, problems: list[str]) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems.append(f"{where}: {text!r} is not an ISO date (YYYY-MM-DD)")
        return None


def read_rows(path: Path) -> tuple[list[dict[str, str]], list[str]]:
    """The rows of a leaders CSV and the problems found in them (each naming the file and line)."""
    problems: list[str] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ("kb_id", "name", "country", "role") if c not in (reader.fieldnames or [])]
        if missing:
            return [], [f"{path}: the header lacks column(s) {', '.join(missing)}; expected {','.join(COLUMNS)}"]
        rows = []
        codes = _known_codes()
        for row in reader:
            where = f"{path}:{reader.line_num}"
            row = {c: (row.get(c) or "").strip() for c in COLUMNS} | {"_line": str(reader.line_num)}
            bad = len(problems)
            if not _KB_ID.match(row["kb_id"]):
                problems.append(f"{where}: kb_id {row['kb_id']!r} must be lower-case ascii words joined by _ or -")
            if not row["name"]:
                problems.append(f"{where}: the name is empty")
            if row["country"] not in codes:
                problems.append(f"{where}: unknown country code {row['country']!r}")
            if not row["role"]:
                problems.append(f"{where}: the role is empty")
            start = _date(row["start"], where, problems) if row["start"] else None  # undated: always held
            end = _date(row["end"], where, problems) if row["end"] else None
            if start and end and end < start:
                problems.append(f"{where}: the term ends ({end}) before it starts ({start})")
            row["sector"] = row["sector"] or "GOV"
            if len(problems) == bad:
                rows.append(row)
    return rows, problems


def extend(table: Path, new: Path) -> ExtendResult:
    """Merge the rows of ``new`` into ``table`` (rewritten in place, sorted by country then start).

    A row with the same ``kb_id``, role and start as an existing one updates its end and fills empty fields; a
    row of the same person and role overlapping an existing term is reported, not merged. Nothing is written
    when ``new`` has problems.
    """
    result = ExtendResult()
    rows, problems = read_rows(table)
    incoming, new_problems = read_rows(new)
    result.problems = problems + new_problems
    if result.problems:
        return result
    names = {r["kb_id"]: r["name"] for r in rows}
    index = {(r["kb_id"], r["role"], r["start"]): r for r in rows}
    for row in incoming:
        key = (row["kb_id"], row["role"], row["start"])
        if names.get(row["kb_id"], row["name"]) != row["name"]:
            result.problems.append(f"{new}: kb_id {row['kb_id']!r} names {names[row['kb_id']]!r} in the table, "
                                   f"{row['name']!r} here")
            continue
        old = index.get(key)
        if old is None:
            clash = next((r for r in rows if r["kb_id"] == row["kb_id"] and r["role"] == row["role"]
                          and _overlap(r, row)), None)
            if clash is not None:
                result.problems.append(f"{new}: {row['name']} ({row['role']}) {row['start']}..{row['end'] or 'now'} "
                                       f"overlaps the term from {clash['start']} in the table")
                continue
            if any(r["kb_id"] == row["kb_id"] for r in rows):
                row = {**row, "aliases": ""}  # aliases sit on the person's first row
            rows.append(row)
            index[key] = row
            names[row["kb_id"]] = row["name"]
            result.added += 1
            continue
        changed = False
        for col in ("end", "aliases", "sector"):
            if row[col] and row[col] != old[col] and (col != "aliases" or not old[col]):
                old[col] = row[col]
                changed = True
        result.updated += changed
        result.unchanged += not changed
    if result.problems:
        return result
    rows.sort(key=lambda r: (r["country"], r["start"], r["kb_id"], r["role"]))
    _first_rows_carry_aliases(rows)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    table.write_text(buf.getvalue(), encoding="utf-8")
    return result


def _overlap(a: dict[str, str], b: dict[str, str]) -> bool:
    far = "9999-12-31"
    return a["start"] < (b["end"] or far) and b["start"] < (a["end"] or far)


def _first_rows_carry_aliases(rows: list[dict[str, str]]) -> None:
    """After sorting, move each person's aliases to the first of their rows."""
    aliases: dict[str, str] = {}
    for r in rows:
        if r["aliases"]:
            aliases.setdefault(r["kb_id"], r["aliases"])
            r["aliases"] = ""
    seen: set[str] = set()
    for r in rows:
        if r["kb_id"] not in seen:
            seen.add(r["kb_id"])
            r["aliases"] = aliases.get(r["kb_id"], "")
