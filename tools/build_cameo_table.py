"""Rebuild src/tacitus/events/data/cameo.csv: CAMEO codes with labels, Goldstein scores and PLOVER mapping.

Facts combined here: the CAMEO-to-PLOVER mapping (../shared/spec/cameo2plover.csv, from the PLOVER project),
the CAMEO 01 (statements) and 02 (appeals) codes the mapping leaves out, and the Goldstein (1992) conflict-
cooperation weights as published for CAMEO codes. Run from the repository root:

    python tools/build_cameo_table.py ../shared/spec/cameo2plover.csv
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

# Goldstein weight per CAMEO root or 3-digit code; 4-digit codes take their 3-digit parent's weight.
GOLDSTEIN = {
    "01": 0.0, "010": 0.0, "011": -0.1, "012": -0.4, "013": 0.4, "014": 0.0, "015": 0.0, "016": 3.4,
    "017": 0.0, "018": 3.4, "019": 3.4,
    "02": 3.0, "020": 3.0, "021": 3.4, "022": 3.2, "023": 3.4, "024": -0.3, "025": -0.3, "026": 4.0,
    "027": 4.0, "028": 4.0,
    "03": 4.0, "030": 4.0, "031": 5.2, "032": 4.5, "033": 5.2, "034": 7.0, "035": 7.0, "036": 4.0,
    "037": 5.0, "038": 7.0, "039": 5.0,
    "04": 1.0, "040": 1.0, "041": 1.0, "042": 1.9, "043": 2.8, "044": 2.5, "045": 5.0, "046": 7.0,
    "05": 3.5, "050": 3.5, "051": 3.4, "052": 3.5, "053": 3.8, "054": 6.0, "055": 7.0, "056": 7.0, "057": 8.0,
    "06": 6.0, "060": 6.0, "061": 6.4, "062": 7.4, "063": 7.4, "064": 7.0,
    "07": 7.0, "070": 7.0, "071": 7.4, "072": 8.3, "073": 7.4, "074": 8.5, "075": 7.0,
    "08": 5.0, "080": 5.0, "081": 5.0, "082": 5.0, "083": 5.0, "084": 7.0, "085": 7.0, "086": 9.0, "087": 9.0,
    "09": -2.0, "10": -5.0, "11": -2.0,
    "12": -4.0, "120": -4.0, "121": -4.0, "122": -4.0, "123": -4.0, "124": -5.0, "125": -5.0, "126": -5.0,
    "127": -5.0, "128": -5.0, "129": -5.0,
    "13": -6.0, "130": -4.4, "131": -5.8, "132": -5.8, "133": -5.8, "134": -5.8, "135": -5.8, "136": -7.0,
    "137": -7.0, "138": -7.0, "139": -7.0,
    "14": -6.5, "140": -6.5, "141": -6.5, "142": -6.5, "143": -6.5, "144": -7.5, "145": -7.5,
    "15": -7.2,
    "16": -4.0, "160": -4.0, "161": -4.0, "162": -5.6, "163": -8.0, "164": -7.0, "165": -5.0, "166": -7.0,
    "17": -7.0, "170": -7.0, "171": -9.2, "172": -5.0, "173": -5.0, "174": -5.0, "175": -9.0,
    "18": -9.0, "180": -9.0, "181": -9.0, "182": -9.5, "183": -10.0, "184": -8.0, "185": -8.0, "186": -10.0,
    "19": -10.0, "190": -10.0, "191": -9.5, "192": -9.5, "193": -10.0, "194": -10.0, "195": -10.0, "196": -9.5,
    "20": -10.0,
}

# CAMEO 01 and 02 are not in the PLOVER mapping: statements have no PLOVER type, appeals are REQUEST.
EXTRA = [
    ("01", "Make public statement", ""), ("010", "Make statement", ""), ("011", "Decline comment", ""),
    ("012", "Make pessimistic comment", ""), ("013", "Make optimistic comment", ""),
    ("014", "Consider policy option", ""), ("015", "Acknowledge or claim responsibility", ""),
    ("016", "Deny responsibility", ""), ("017", "Engage in symbolic act", ""),
    ("018", "Make empathetic comment", ""), ("019", "Express accord", ""),
    ("02", "Appeal", "REQUEST"), ("020", "Make an appeal or request", "REQUEST"),
    ("021", "Appeal for material cooperation", "REQUEST"), ("022", "Appeal for diplomatic cooperation", "REQUEST"),
    ("023", "Appeal for aid", "REQUEST"), ("024", "Appeal for political reform", "REQUEST"),
    ("025", "Appeal to yield", "REQUEST"), ("026", "Appeal to others to meet or negotiate", "REQUEST"),
    ("027", "Appeal to others to settle dispute", "REQUEST"),
    ("028", "Appeal to others to engage in or accept mediation", "REQUEST"),
]

# The project's own decisions where the PLOVER mapping file and the PLOVER manual disagree, or where an act the
# manual names has no CAMEO code. Each is code -> (label or None to keep the mapping's, PLOVER type, mode):
# - 016: denying responsibility or charges is a rejection (PLOVER REJECT: "all rejections and refusals");
# - 0831: acceding to demands for a change in leadership is a resignation (PLOVER RETREAT resign);
# - 055: an apology is a concession (the manual: "expressions of regret or remorse" are CONCEDE), not SUPPORT;
# - 195: aerial weapons are PLOVER's "aerial" mode (the mapping file says heavy-weapons);
# - 163: international sanctions are SANCTION discontinue (the manual), not COERCE restrict (the mapping file);
# - 1731 (an extension below 173, which CAMEO leaves undivided): a conviction or court sentence is SANCTION
#   convict (the manual); aggregations by CAMEO root and code 17x are unchanged.
OVERRIDES = {
    "016": (None, "REJECT", ""),
    "055": (None, "CONCEDE", ""),
    "0831": (None, "RETREAT", "resign"),
    "163": (None, "SANCTION", "discontinue"),
    "195": (None, "ASSAULT", "aerial"),
    "1731": ("Convict or sentence in a court of law (project extension of 173)", "SANCTION", "convict"),
}

ROOT_LABELS = {
    "03": "Express intent to cooperate", "04": "Consult", "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation", "07": "Provide aid", "08": "Yield", "09": "Investigate",
    "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten", "14": "Protest",
    "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault", "19": "Fight",
    "20": "Use unconventional mass violence",
}


def goldstein(code: str) -> float:
    for key in (code, code[:3], code[:2]):
        if key in GOLDSTEIN:
            return GOLDSTEIN[key]
    raise KeyError(code)


def quad_class(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def valid_modes(mapping_path: str) -> tuple[dict[str, set[str]], set[str]]:
    """PLOVER modes per type and the context list, from plover_spec_full.json beside the mapping."""
    spec = json.loads((Path(mapping_path).parent / "plover_spec_full.json").read_text(encoding="utf-8"))
    modes = {t: set(v.get("modes") or ()) for t, v in spec["event_types"].items()}
    return modes, set(spec["contexts"])


def clean_mode(row: dict, modes: dict[str, set[str]], contexts: set[str]) -> dict:
    """The mapping puts a few contexts in the mode column ("pro_autocracy"): move them, drop other non-modes."""
    mode = row["plover_mode"]
    if mode and mode not in modes.get(row["plover_type"], set()):
        if mode in contexts and not row["plover_context"]:
            row["plover_context"] = mode
        row["plover_mode"] = ""
    return row


def main(mapping_path: str) -> None:
    modes, contexts = valid_modes(mapping_path)
    rows: dict[str, dict] = {}
    for code, label, plover in EXTRA:
        rows[code] = {"code": code, "label": label, "plover_type": plover, "plover_mode": "", "plover_context": ""}
    with open(mapping_path, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            code = r["cameo_code"].strip()
            if not code or code in rows:  # root 08 is listed twice (CONCEDE and RETREAT): keep the first
                continue
            label = (r["cameo_description"] or "").strip() or ROOT_LABELS.get(code, "")
            rows[code] = clean_mode({"code": code, "label": label, "plover_type": r["plover_event"].strip(),
                                     "plover_mode": r["plover_mode"].strip(),
                                     "plover_context": r["plover_context"].strip()}, modes, contexts)
    for code, (label, plover, mode) in OVERRIDES.items():
        row = rows.setdefault(code, {"code": code, "label": label, "plover_context": rows.get(code[:3], {}).get(
            "plover_context", "")})
        row.update({"plover_type": plover, "plover_mode": mode, **({"label": label} if label else {})})
    out = Path(__file__).resolve().parents[1] / "src/tacitus/events/data/cameo.csv"
    with open(out, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, ["code", "label", "goldstein", "quad_class", "plover_type", "plover_mode", "plover_context"])
        w.writeheader()
        for code in sorted(rows, key=lambda c: (c[:2], c)):
            w.writerow({**rows[code], "goldstein": goldstein(code), "quad_class": quad_class(code)})
    print(f"wrote {len(rows)} codes to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/spec/cameo2plover.csv")
