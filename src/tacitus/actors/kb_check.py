"""`tacitus kb check`: the leaders table checks itself.

Each finding names its kind, the rows (file and line) and the reason:

* ``row``: a row the table reader refuses (an unknown country code, a date that is not ISO, an end before a start);
* ``office``: an office outside the closed set of ``offices.yaml``, or a ``standing`` or ``verified`` value the
  table does not define;
* ``unreachable``: a title ``offices.yaml`` does not know, or one of a head of state, head of government or minister
  that no title in a sentence names (lexicon.yaml's office_titles; a de facto ruler also by its ruler_titles, "the
  Soviet leader"; a row titled by its office, "head of state", by that office's name; a member of a collective
  presidency is found by name only, as "the Bosnian president" names nobody);
* ``overlap``: two terms of one office of one country at once (of one group, for an armed group's leader), unless
  both are of a collective office (a presidency of three) or one is contested (a rival claimant);
* ``unclosed``: a term with no end while a successor's has started;
* ``end_without_start``: an end without a start, which would make the row hold the office for all time before;
* ``two_ids``: one person under two ids (a name or an alias of two words or more shared by two ids of one country,
  unless offices.yaml lists the name among ``namesakes``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from tacitus.actors.knowledge import Vocabulary
from tacitus.actors.leaders_table import STANDINGS, VERIFIED, builtin_path, read_rows
from tacitus.actors.text import words
from tacitus.records import NON_STATE_CODES

KINDS = ("row", "office", "unreachable", "overlap", "unclosed", "end_without_start", "two_ids")
GROUP_OFFICES = {"armed_group_leader", "armed_group_official"}  # offices of a group, several in one country
# offices a sentence names by a title with a country ("the Turkish president"): their titles must be reachable
NAMED_OFFICES = {"head_of_state", "head_of_government", "de_facto_ruler", "deputy_head_of_state",
                 "deputy_head_of_government", "heir", "foreign_minister", "defence_minister", "interior_minister",
                 "finance_minister"}


@dataclass(frozen=True)
class Finding:
    kind: str
    where: str  # "leaders.csv:12" or "leaders.csv:12, 40"
    message: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.where}: {self.message}"


def check_table(path: Path | None = None, vocabulary: Vocabulary | None = None) -> list[Finding]:
    """Every finding on the leaders table at `path` (default: the shipped one)."""
    path = path or builtin_path()
    vocabulary = vocabulary or Vocabulary()
    rows, problems = read_rows(path)
    findings = [Finding("row", p.split(": ", 1)[0], p.split(": ", 1)[-1]) for p in problems]
    where = lambda *rs: f"{path.name}:" + ", ".join(str(r["_line"]) for r in rs)  # noqa: E731
    reachable = set(vocabulary.office_titles.values())
    for r in rows:
        title = vocabulary.titles.get(r["role"])
        office = r["office"] or (title[0] if title else "")
        if office not in vocabulary.offices:
            findings.append(Finding("office", where(r), f"{r['name']}: office {office!r} is not one of "
                                    f"{', '.join(vocabulary.offices)} (offices.yaml)"))
        if r["standing"] not in STANDINGS:
            findings.append(Finding("office", where(r), f"{r['name']}: standing {r['standing']!r} is not one of "
                                    f"{', '.join(repr(s) for s in STANDINGS)}"))
        if r["verified"] not in VERIFIED:
            findings.append(Finding("office", where(r), f"{r['name']}: verified {r['verified']!r} is not one of "
                                    f"{', '.join(repr(s) for s in VERIFIED)}"))
        if title is None:
            findings.append(Finding("unreachable", where(r), f"{r['name']}: title {r['role']!r} is not in "
                                    "offices.yaml"))
        elif office in NAMED_OFFICES and r["standing"] != "collective" and title[1] not in reachable and not (
                vocabulary.office_titles.get(title[1]) == office  # titled by its office: "head of state"
                or office == "de_facto_ruler" and title[1] in vocabulary.ruler_titles):
            findings.append(Finding("unreachable", where(r), f"{r['name']}: no sentence names the holder of "
                                    f"{r['country']} {r['role']!r} (offices.yaml calls it {title[1]!r}, which "
                                    "lexicon.yaml's office_titles lacks)"))
        if r["end"] and not r["start"]:
            findings.append(Finding("end_without_start", where(r), f"{r['name']} ({r['role']}) ends {r['end']} "
                                    "with no start: the row would hold the office for all time before"))
        r["office"] = office
    findings += _overlaps(rows, where)
    findings += _two_ids(rows, where, vocabulary.namesakes)
    return findings


def _overlaps(rows: list[dict[str, str]], where) -> list[Finding]:
    far = "9999-12-31"
    by_office: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        if r["start"]:  # offices of organisations that share a code (IGO: NATO's, the Arab League's), and of armed
            # groups of one country (Hamas's, Islamic Jihad's), by their title
            own = r["country"] in NON_STATE_CODES or r["office"] in GROUP_OFFICES
            by_office[(r["country"], r["role"] if own else r["office"])].append(r)
    out = []
    for (country, office), terms in sorted(by_office.items()):
        terms.sort(key=lambda r: r["start"])
        for a, b in combinations(terms, 2):  # a starts no later than b
            if (a["end"] or far) <= b["start"]:
                continue  # a handover on one day is no overlap
            if "contested" in (a["standing"], b["standing"]) or a["standing"] == b["standing"] == "collective":
                continue
            if not a["end"]:
                out.append(Finding("unclosed", where(a, b), f"{country} {office}: {a['name']}'s term from "
                                   f"{a['start']} has no end, but {b['name']}'s starts {b['start']}"))
            else:
                out.append(Finding("overlap", where(a, b), f"{country} {office}: {a['name']} {a['start']}.."
                                   f"{a['end']} and {b['name']} {b['start']}..{b['end'] or 'now'}"))
    return out


def _two_ids(rows: list[dict[str, str]], where, namesakes: set[tuple[str, ...]]) -> list[Finding]:
    """One person under two ids: two ids of one country sharing a name, or a name of one that is an alias of the
    other of two words or more ("Fidel V. Ramos" beside "Fidel Ramos", whose aliases hold it)."""
    ids: dict[tuple[tuple[str, ...], str], dict[str, dict[str, str]]] = defaultdict(dict)
    for r in rows:
        names = {words(r["name"])} | {words(a) for a in (r.get("aliases") or "").split("|") if len(words(a)) > 1}
        for key in names:
            ids[(key, r["country"])].setdefault(r["kb_id"], r)
    return [Finding("two_ids", where(*firsts.values()), f"{' '.join(key)} names {len(firsts)} ids "
                    f"({', '.join(sorted(firsts))}); merge them, or list the name among offices.yaml's namesakes if "
                    "they are different people")
            for (key, _), firsts in sorted(ids.items()) if len(firsts) > 1 and key not in namesakes]
