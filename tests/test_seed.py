"""The seed article of ../shared/examples, coded end to end, against the events a careful human coder found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared" / "examples"
ARTICLE = SHARED / "seed_article.txt"
EXPECTED = SHARED / "seed_article.expected.json"

pytestmark = pytest.mark.skipif(not ARTICLE.exists(), reason="../shared/examples is not present")


def _as_set(value) -> set:
    return set(value) if isinstance(value, list) else {value}


def _matches(event: dict, gold: dict) -> bool:
    src = event["source"]
    tgt = event["target"] or {}
    src_code = " ".join(x for x in (src["country"], src["sector"]) if x)
    tgt_code = " ".join(x for x in (tgt.get("country"), tgt.get("sector")) if x) or None
    if event["plover"]["type"] not in _as_set(gold["plover"]):
        return False
    sources = _as_set(gold["source"])
    if src_code not in sources and src["country"] not in {s.split()[0] for s in sources}:
        return False
    targets = _as_set(gold.get("target"))
    tgt_countries = {t.split()[0] if t else None for t in targets}
    return tgt_code in targets or (tgt.get("country") in tgt_countries)


@pytest.fixture(scope="module")
def coded(tmp_path_factory):
    from tacitus.report import run_report
    from tacitus.pipeline import run
    from tacitus.settings import Settings

    statuses, events = [], []
    for status, doc, evs in run([str(ARTICLE)], Settings(published="2020-02-05")):
        statuses.append(status)
        events.extend(e.to_dict() for e in evs)
    return statuses, events, run_report(statuses, Settings())


def test_finds_every_required_event_with_its_actors(coded):
    _, events, _ = coded
    gold = json.loads(EXPECTED.read_text(encoding="utf-8"))
    asserted = [e for e in events if e["modality"] in ("asserted", "future")]
    missing = [g["what"] for g in gold["required"] if not any(_matches(e, g) for e in asserted)]
    assert missing == []
    # "invited the Turkish leader": coreference to the Erdogan named before, not just Turkey
    invite = next(e for e in asserted if e["plover"]["type"] == "REQUEST" and e["source"]["country"] == "RUS")
    assert (invite["target"]["text"], invite["target"]["kb_id"]) == ("the Turkish leader", "recep_tayyip_erdogan")


def test_no_boilerplate_in_evidence(coded):
    _, events, _ = coded
    gold = json.loads(EXPECTED.read_text(encoding="utf-8"))
    for e in events:
        for junk in gold["boilerplate_never_in_evidence"]:
            assert junk not in e["sentence"]


def test_doubled_paragraph_and_headline_do_not_double_events(coded):
    _, events, _ = coded
    keys = [(e["sentence"], e["plover"]["type"], e["source"]["country"], (e["target"] or {}).get("country"))
            for e in events]
    assert len(keys) == len(set(keys))
    assert sum(1 for e in events if e["sentence"].startswith("The approach by Moscow")) <= 1


def test_phone_call_and_attack_dates_and_place(coded):
    _, events, _ = coded
    call = [e for e in events if e["plover"]["type"] == "CONSULT" and e["source"]["country"] == "TUR"
            and e["plover"]["mode"] == "phone"]
    assert call and call[0]["date"] == "2020-02-04" and call[0]["date_precision"] == "day"
    attack = [e for e in events if e["plover"]["type"] == "ASSAULT" and e["source"]["country"] == "SYR"
              and (e["target"] or {}).get("country") == "TUR"]
    assert attack and attack[0]["date"] == "2020-02-03"
    loc = attack[0]["location"]
    assert loc and loc["country"] == "SYR" and abs(loc["lat"] - 35.93) < 0.6 and abs(loc["lon"] - 36.63) < 0.6
    october = [e for e in events if e["plover"]["type"] == "CONSULT" and e["source"]["country"] == "RUS"]
    assert october and october[0]["date"] == "2019-10" and october[0]["date_precision"] == "month"


def test_report_accounts_for_the_input(coded):
    statuses, events, report = coded
    assert [s.status for s in statuses] == ["coded"]
    assert report["totals"]["events"] == len(events) > 0
