"""CAMEO codes with their Goldstein score, quad class and PLOVER type/mode/context (events/data/cameo.csv)."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    goldstein: float
    quad_class: int
    plover_type: str | None  # None for CAMEO 01 (public statements): PLOVER has no such type
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def five_way(self) -> int:
        """The five-way class of the UTD benchmark: 0 = 01-02, 1 = 03-05, 2 = 06-08, 3 = 09-13, 4 = 14-20."""
        r = int(self.root)
        return 0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


@functools.lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    table: dict[str, CameoCode] = {}
    with resources.files("tacitus.events").joinpath("data/cameo.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            table[r["code"]] = CameoCode(
                code=r["code"], label=r["label"], goldstein=float(r["goldstein"]), quad_class=int(r["quad_class"]),
                plover_type=r["plover_type"] or None, plover_mode=r["plover_mode"] or None,
                plover_context=r["plover_context"] or None,
            )
    return table


def lookup(code: str) -> CameoCode:
    """The record for ``code``; an unknown code raises KeyError naming it."""
    table = cameo_table()
    if code in table:
        return table[code]
    raise KeyError(f"unknown CAMEO code {code!r}")
