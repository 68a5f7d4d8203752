"""Maintenance tool (not imported by tacitus): regenerate ``named_actors.csv`` here from PETRARCH-2's Phoenix actor
dictionaries (MIT, Open Event Data; the notice is in ``named_actors.LICENSE.txt``).

    python make_named_actors.py ../../../../../shared/dictionaries --out .

Reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt`` and ``Phoenix.MilNonState.actors.txt``
with the project's own PETRARCH reader and writes one row per dated role (or one undated row) of each coded entry:
``kb_id,name,aliases,country,sector,start,end``. Left out: the entries the dictionaries mark as carrying no code
(``[---]``); those that give states' codes alone, without a sector (a state's own names, towns and provinces: places,
not actors); those named by an office or a body ("US Secretary Of Defense", "Ministry Of Defense"), which the
project's title rules read with the date. The dictionaries end about 2015: a role open there is written open, and
the leaders table, loaded before this file, answers for later offices.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
COLUMNS = ("kb_id", "name", "aliases", "country", "sector", "start", "end")


def rows_of(folder: Path) -> list[dict[str, str]]:
    from tacitus.actors.knowledge import Vocabulary
    from tacitus.actors.dictionaries import read_petrarch
    from tacitus.actors.text import words
    from tacitus.records import NON_STATE_CODES

    vocabulary = Vocabulary()
    codes = vocabulary.cameo
    agent_words = {key[0] for key in vocabulary.agents if len(key) == 1}
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for name in FILES:
        for ne in read_petrarch(folder / name, codes, user=False):
            entry = ne.entry
            if entry.blocked or entry.kb_id.lower() in seen:
                continue
            if agent_words & set(words(entry.name)):
                continue  # an office or a body by its title ("US Secretary Of Defense"): the title rules read those
            if not entry.sector and not any(r.sector for r in entry.roles) and entry.country not in NON_STATE_CODES:
                continue  # a state's own names, its towns and provinces ("Afghanistan", "Herat"): places, not actors
            seen.add(entry.kb_id.lower())
            # an alias with a title in it ("Defense Secretary Robert Gates") is the title rules' to read
            aliases = "|".join(a.title() for a in ne.aliases[1:] if "|" not in a and not agent_words & set(words(a)))
            base = {"kb_id": entry.kb_id.lower(), "name": entry.name, "aliases": aliases}
            if entry.country or entry.sector or not entry.roles:
                rows.append({**base, "country": entry.country or "", "sector": entry.sector or "", "start": "",
                             "end": ""})
                base["aliases"] = ""
            for role in entry.roles:
                if role.start and role.end and role.end < role.start:
                    print(f"skipped {entry.name}: a role ends ({role.end}) before it starts ({role.start})")
                    continue
                rows.append({**base, "country": role.country or "", "sector": role.sector or "",
                             "start": role.start.isoformat() if role.start else "",
                             "end": role.end.isoformat() if role.end else ""})
                base["aliases"] = ""
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the folder holding the Phoenix .actors.txt files")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args()
    rows = rows_of(args.folder)
    with (args.out / "named_actors.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows")


if __name__ == "__main__":
    main()
