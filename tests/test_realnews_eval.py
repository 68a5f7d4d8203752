"""Scoring whole articles against standoff gold (the team's real-news gold format), on a team-written mini gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.evaluate import detect_dataset, evaluate
from tacitus.records import Actor, Event, Location

MINI = Path(__file__).parent / "data" / "realnews_mini"
REAL = Path(__file__).resolve().parents[1] / "gold" / "realnews"


def ev(doc_id: str, sentence: str, ptype: str, source: str, target: str | None, *, modality: str = "asserted",
       place: Location | None = None, fatalities: int | None = None, mode: str | None = None) -> Event:
    def actor(code):
        country, _, sector = code.partition(" ")
        return Actor(text=code, country=country or None, sector=sector or None)

    return Event(event_id=f"{doc_id}-{ptype}-{source}", doc_id=doc_id, sentence_index=0, sentence=sentence,
                 evidence_start=0, evidence_end=4, plover_type=ptype, plover_mode=mode, plover_contexts=[],
                 cameo_code="190", goldstein=-10.0, quad_class=4, source=actor(source),
                 target=actor(target) if target else None, location=place, fatalities=fatalities,
                 modality=modality)


class FixedCoder:
    """Gives the events the test wants for each document."""

    def __init__(self, by_doc):
        self.by_doc = by_doc

    def code(self, documents):
        return [self.by_doc.get(d.doc_id, []) for d in documents]


SHELLING = "Turkish troops shelled Kurdish positions near Kobani on Monday, killing five fighters."
KOBANI = Location(name="Kobani", country="SYR", lat=36.89, lon=38.36, precision="city")


def test_found_missed_false_and_fields():
    coder = FixedCoder({
        "mini-1": [
            # the shelling, twice (same dyad, type and place: one event), right dyad, place, toll and mode
            ev("mini-1", SHELLING, "ASSAULT", "TUR MIL", "KUR REB", place=KOBANI, fatalities=5, mode="heavy-weapons"),
            ev("mini-1", "Turkish troops shelled Kurdish positions near Kobani", "ASSAULT", "TUR MIL", "KUR REB",
               place=KOBANI, fatalities=5, mode="heavy-weapons"),
            # the condemnation with the wrong target country
            ev("mini-1", "The Syrian government condemned the attack.", "ACCUSE", "SYR GOV", "RUS MIL"),
            # the arrest the text denies, coded as if it happened: a false event
            ev("mini-1", "The army did not arrest anyone, officials said.", "COERCE", "SYR MIL", None),
            # a negated mention is not counted at all
            ev("mini-1", "The army did not arrest anyone, officials said.", "COERCE", "SYR MIL", None,
               modality="negated"),
        ],
        # the meeting is missed
    })
    report = evaluate("realnews", MINI, coder=coder, split="all")
    m = report.metrics
    assert (m["gold_events"], m["coded_events"], m["found"], m["found_with_dyad"]) == (3, 3, 2, 1)
    assert m["type_precision"] == pytest.approx(2 / 3) and m["type_recall"] == pytest.approx(2 / 3)
    assert m["dyad_precision"] == pytest.approx(1 / 3) and m["dyad_recall"] == pytest.approx(1 / 3)
    assert (m["place_right"], m["place_n"], m["fatalities_right"]) == (1.0, 1, 1.0)
    assert (m["mode_right"], m["mode_n"]) == (0.5, 2)  # the condemnation carries no mode
    whys = sorted((e["predicted"], e["gold"]) for e in report.errors)
    assert whys == [("COERCE", "coded a negated act"), ("missed", "CONSULT")]


def test_a_party_the_act_lists_beside_its_target_can_be_the_right_one():
    # the condemnation names two parties; the gold's target is the one listed beside the first
    condemnation = ev("mini-1", "The Syrian government condemned the attack.", "ACCUSE", "SYR GOV", "RUS MIL")
    condemnation.also_targets = [Actor(text="Turkey", country="TUR", sector="GOV")]
    shelling = ev("mini-1", SHELLING, "ASSAULT", "TUR MIL", "KUR REB", place=KOBANI, fatalities=5)
    m = evaluate("realnews", MINI, coder=FixedCoder({"mini-1": [shelling, condemnation]}), split="all").metrics
    assert (m["found"], m["found_with_dyad"]) == (2, 2)
    condemnation.also_targets = []
    m = evaluate("realnews", MINI, coder=FixedCoder({"mini-1": [shelling, condemnation]}), split="all").metrics
    assert (m["found"], m["found_with_dyad"]) == (2, 1)


def test_splits_are_separate_and_a_far_place_is_wrong():
    far = Location(name="Aleppo", country="SYR", lat=36.20, lon=37.16, precision="city")  # ~125 km away
    coder = FixedCoder({"mini-1": [ev("mini-1", SHELLING, "ASSAULT", "TUR MIL", "SYR REB", place=far)]})
    dev = evaluate("realnews", MINI, coder=coder, split="dev")
    assert (dev.n, dev.metrics["gold_events"], dev.metrics["place_right"]) == (1, 2, 0.0)
    test = evaluate("realnews", MINI, coder=coder, split="test")
    assert (test.n, test.metrics["gold_events"], test.metrics["found"]) == (1, 1, 0)
    with pytest.raises(ValueError, match="unknown split 'train'"):
        evaluate("realnews", MINI, coder=coder, split="train")


def test_a_region_level_gold_place_is_that_region_whatever_point_stands_for_it():
    from tacitus.evaluate.realnews import _place_right

    gold = {"precision": "admin1", "country": "SYR", "name": "Idlib", "lon": 36.6, "lat": 35.9}
    centroid = Location(name="Idlib", country="SYR", admin1="Idlib", lat=35.75, lon=36.0, precision="admin1")
    assert _place_right(gold, ev("d", "x", "ASSAULT", "SYR MIL", None, place=centroid))  # ~57 km apart
    elsewhere = Location(name="Hama", country="SYR", admin1="Hama", lat=35.75, lon=36.0, precision="admin1")
    assert not _place_right(gold, ev("d", "x", "ASSAULT", "SYR MIL", None, place=elsewhere))
    town = dict(gold, precision="city")  # a town's point is still read within 50 km
    assert not _place_right(town, ev("d", "x", "ASSAULT", "SYR MIL", None, place=centroid))

def test_the_folder_is_detected_and_the_real_coder_runs_on_it():
    assert detect_dataset(MINI) == "realnews" and detect_dataset(MINI / "annotations.jsonl") == "realnews"
    from tacitus.coding import Coder

    report = evaluate(None, MINI, coder=Coder(), split="all")
    assert report.metrics["gold_events"] == 3 and report.metrics["found"] >= 2


@pytest.mark.skipif(not (REAL / "annotations.jsonl").is_file(), reason="no real-news gold")
def test_the_real_news_gold_is_well_formed():
    from tacitus.evaluate.realnews import read_gold

    docs, events, meta = read_gold(REAL)
    assert len(docs) >= 50 and {d["split"] for d in docs.values()} <= {"dev", "dev2", "dev3", "dev4", "test"}
    assert sum(d["split"] == "test" for d in docs.values()) == 32  # the test split is fixed once
    assert all(1 <= len(q.split()) <= 15 for e in events for q in e.quotes)
    assert sum(e.asserted for e in events) > 250 and meta["corpus"].endswith("news_samples.jsonl")


def test_an_article_the_corpus_repeats_is_read_under_each_id(tmp_path):
    import json

    from tacitus.evaluate.realnews import corpus_documents
    from tacitus.ingest import iter_inputs

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "text": SHELLING}) + "\n" for i in ("wire-1", "wire-2")),
                      encoding="utf-8")
    assert [s.status for s, _ in iter_inputs([str(corpus)])] == ["coded", "skipped"]  # as `tacitus code` reads it
    found = corpus_documents(corpus, {"wire-1", "wire-2"})
    assert {d.doc_id for d in found.values()} == {"wire-1", "wire-2"}
    assert found["wire-1"].text == found["wire-2"].text


def test_a_second_reading_is_scored_as_the_coder_is():
    from tacitus.evaluate.agreement import evaluate_agreement

    report = evaluate_agreement(MINI, MINI.parent / "realnews_mini_second")
    m = report.metrics
    # three asserted gold events, all found; a source of another country and a negated arrest read as done
    assert (m["gold_events"], m["coded_events"], m["found"], m["found_with_dyad"]) == (3, 4, 3, 2)
    assert (m["type_precision"], m["type_recall"], m["dyad_precision"]) == (0.75, 1.0, 0.5)
    assert (m["place_right"], m["place_n"], m["fatalities_right"]) == (0.5, 2, 1.0)  # no place for the Lima talks
    assert any(e["gold"] == "coded a negated act" for e in report.errors)
    # the reader's events are its own: two records of one type, dyad and place are two events, not one
    from tacitus.evaluate.agreement import by_record

    twins = [ev("mini-1", SHELLING, "ASSAULT", "TUR MIL", "KUR REB"), ev("mini-1", SHELLING, "ASSAULT", "TUR MIL",
                                                                         "KUR REB")]
    twins[1].event_id = "other"
    assert len(by_record(twins)) == 2


def test_a_second_reading_must_annotate_articles_of_the_gold(tmp_path):
    from typer.testing import CliRunner

    from tacitus.cli import app

    second = tmp_path / "second"
    second.mkdir()
    (second / "documents.jsonl").write_text('{"doc_id": "elsewhere-1", "split": "dev"}\n', encoding="utf-8")
    (second / "annotations.jsonl").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(MINI), "--second-reading", str(second)])
    assert result.exit_code != 0 and "elsewhere-1" in result.output and "does not hold" in result.output
    # it is no coder's run: a split or a limit does not apply
    result = CliRunner().invoke(app, ["eval", str(MINI), "--second-reading", str(MINI.parent / "realnews_mini_second"),
                                      "--split", "test"])
    assert result.exit_code != 0 and "do not apply" in result.output


@pytest.mark.skipif(not (REAL / "second_reading" / "annotations.jsonl").is_file(), reason="no second reading")
def test_the_shipped_second_reading_covers_the_dev_split_and_agrees_as_readme_says():
    from tacitus.evaluate.agreement import evaluate_agreement
    from tacitus.evaluate.realnews import read_gold

    docs, _, _ = read_gold(REAL)
    second, _, _ = read_gold(REAL / "second_reading")
    assert set(second) == {d for d, r in docs.items() if r["split"] == "dev"}
    m = evaluate_agreement(REAL, REAL / "second_reading").metrics
    assert (round(m["type_f1"], 3), round(m["dyad_f1"], 3)) == (0.829, 0.763)
