"""The evaluation module: metrics on hand-computed cases, the held-aside split, the gold loaders on small
files written by the team, and evaluate() with a fake coder; one test runs the real coder on real gold rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tacitus.evaluate import (DATASETS, EvalReport, confusion, detect_dataset, evaluate, load, multilabel_prf,
                              normalise_text, prf, split_of)
from tacitus.evaluate.predictions import five_way_class, india_labels, plover_type, top_event
from tacitus.evaluate.tokens import locate, rebuild, tokens_in
from tacitus.events.ontology import Ontology
from tacitus.records import Actor, Event

DATA = Path(__file__).parent / "data" / "evaluate"
SHARED_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"
ONTOLOGY = Ontology.load()


def event(sentence: str, cameo: str, plover: str, *, source: str = "Freedonia", country: str | None = None,
          sector: str | None = None, target: str | None = None, target_country: str | None = None,
          target_sector: str | None = None, modality: str = "asserted", confidence: float = 0.6,
          mode: str | None = None, fatalities: int | None = None, predicate: str | None = None) -> Event:
    start = 0
    return Event(
        event_id=f"{cameo}-{confidence}", doc_id="d", sentence_index=0, sentence=sentence,
        evidence_start=start, evidence_end=start + 3, plover_type=plover, plover_mode=mode, plover_contexts=[],
        cameo_code=cameo, goldstein=0.0, quad_class=1, source=Actor(text=source, country=country, sector=sector),
        target=Actor(text=target, country=target_country, sector=target_sector) if target else None,
        modality=modality, confidence=confidence, prominence=confidence, fatalities=fatalities, predicate=predicate,
    )


class FakeCoder:
    """Returns, for each document, the events a function of its text gives; records the batches it saw."""

    def __init__(self, events_for):
        self.events_for = events_for
        self.batches: list[int] = []

    def code(self, docs):
        self.batches.append(len(docs))
        return [self.events_for(d.text) for d in docs]


# ---- metrics ---------------------------------------------------------------------------------------------

def test_prf_hand_computed():
    gold = ["a", "a", "b", "b", "c"]
    pred = ["a", "b", "b", "b", "NONE"]
    s = prf(gold, pred, ["a", "b", "c"])
    a, b, c = (s["per_label"][k] for k in "abc")
    assert (a["precision"], a["recall"], a["support"], a["predicted"]) == (1.0, 0.5, 2, 1)
    assert a["f1"] == pytest.approx(2 / 3)
    assert (b["precision"], b["recall"]) == (pytest.approx(2 / 3), 1.0) and b["f1"] == pytest.approx(0.8)
    assert (c["precision"], c["recall"], c["f1"]) == (0.0, 0.0, 0.0)
    assert s["macro"]["precision"] == pytest.approx(5 / 9)
    assert s["macro"]["recall"] == pytest.approx(0.5)
    assert s["macro"]["f1"] == pytest.approx((2 / 3 + 0.8) / 3)
    # micro over the labels: 3 right of 4 predictions inside the labels, of 5 gold items
    assert (s["micro"]["precision"], s["micro"]["recall"]) == (0.75, 0.6)
    assert s["micro"]["f1"] == pytest.approx(2 / 3)
    assert s["accuracy"] == 0.6


def test_prf_rejects_lists_of_different_length():
    with pytest.raises(ValueError, match="differ in length"):
        prf(["a"], ["a", "b"], ["a"])


def test_confusion_counts_pairs():
    table = confusion(["x", "x", "y", "y", "y"], ["x", "y", "y", "y", "x"])
    assert table == {"x": {"x": 1, "y": 1}, "y": {"y": 2, "x": 1}}


def test_multilabel_prf_hand_computed():
    gold = [{"K", "A"}, {"A"}, set(), {"F"}]
    pred = [{"A"}, {"A", "F"}, set(), set()]
    s = multilabel_prf(gold, pred, ["K", "A", "F"])
    assert s["per_label"]["A"]["precision"] == 1.0 and s["per_label"]["A"]["recall"] == 1.0
    assert s["per_label"]["K"]["recall"] == 0.0 and s["per_label"]["K"]["predicted"] == 0
    assert (s["per_label"]["F"]["precision"], s["per_label"]["F"]["recall"]) == (0.0, 0.0)
    assert s["macro"]["f1"] == pytest.approx(1 / 3)
    assert (s["micro"]["precision"], s["micro"]["recall"]) == (pytest.approx(2 / 3), 0.5)
    assert s["exact_match"] == 0.25


# ---- split -----------------------------------------------------------------------------------------------

def test_split_is_deterministic_and_ignores_tokenisation():
    a = "The Croatian government's request was rejected (again)."
    assert split_of(a) == split_of(a)
    assert normalise_text(a) == normalise_text("the Croatian government ’ s request was rejected ( again ) .")
    assert normalise_text("Erdoğan") == normalise_text("Erdogan") == "erdogan"
    assert split_of(a) == split_of("The Croatian governmentʼs request was rejected (again).")


def test_split_holds_aside_about_a_fifth():
    texts = [f"Sentence number {i} about a made-up treaty." for i in range(2000)]
    dev = sum(split_of(t) == "dev" for t in texts)
    assert 0.17 < dev / len(texts) < 0.23
    assert {split_of(t) for t in texts} == {"dev", "train"}


# ---- tokens ----------------------------------------------------------------------------------------------

def test_rebuild_joins_punctuation_and_keeps_offsets():
    pairs = [(w, "O") for w in ["Baghdad", "’", "s", "forces", "(", "two", ")", ",", "a", "pro", "-", "Iran",
                                "group", "'s", "men", "."]]
    text, tokens = rebuild(pairs)
    assert text == "Baghdad’s forces (two), a pro-Iran group's men."
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert tokens_in(tokens, *locate(text, "forces")) == {3}
    assert tokens_in(tokens, *locate(text, "pro-Iran group")) == {9, 10, 11, 12}


def test_locate_prefers_the_occurrence_nearest_the_evidence():
    s = "Police met police chiefs after police fired."
    assert locate(s, "police", near=30) == (31, 37)
    assert locate(s, "Police") == (0, 6)
    assert locate(s, "army") is None and locate(s, "  ") is None


# ---- loaders and detection -------------------------------------------------------------------------------

def test_detect_dataset_on_each_format(tmp_path):
    assert detect_dataset(DATA / "utd_class.tsv") == "utd-class"
    assert detect_dataset(DATA / "utd_spans.txt") == "utd-spans"
    assert detect_dataset(DATA / "plover_gsr.jsonl") == "plover-gsr"
    assert detect_dataset(DATA / "india" / "sents_dev.tsv") == "india-police"
    assert detect_dataset(DATA / "india") == "india-police"
    assert detect_dataset(DATA / "india_header.tsv") == "india-police"
    odd = tmp_path / "notes.csv"
    odd.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="notes.csv"):
        detect_dataset(odd)
    with pytest.raises(ValueError, match="directory"):
        detect_dataset(tmp_path)
    with pytest.raises(FileNotFoundError, match="nowhere.tsv"):
        detect_dataset(tmp_path / "nowhere.tsv")


def test_load_utd_class_and_splits_partition_the_file():
    items = load("utd-class", DATA / "utd_class.tsv", split="all")
    assert [it.label for it in items] == ["0", "1", "2", "3", "4", "0"]
    assert items[0].id == "1" and items[0].text.startswith("The minister of Freedonia")
    dev, train = load("utd-class", DATA / "utd_class.tsv", "dev"), load("utd-class", DATA / "utd_class.tsv", "train")
    assert sorted(it.id for it in dev + train) == sorted(it.id for it in items)
    assert all(split_of(it.text) == "dev" for it in dev)


def test_load_utd_spans_rebuilds_sentences_and_roles():
    items = load("utd-spans", DATA / "utd_spans.txt", split="all")
    assert [it.text for it in items] == [
        "The Freedonian navy’s gunboats (two of them) shelled Sylvania, officials said.",
        "Freedonia and Sylvania signed a pact.",
        "Rain fell in the hills.",
    ]
    first = items[0]
    assert first.id == "1"
    assert [first.tokens[i].text for i in sorted(first.role_tokens("S"))] == ["The", "Freedonian", "navy", "’",
                                                                              "s", "gunboats"]
    assert [first.tokens[i].text for i in first.role_tokens("T")] == ["Sylvania"]
    assert len(items[1].role_tokens("R")) == 2 and not items[2].role_tokens("S", "T", "R")


def test_load_plover_gsr_and_india(tmp_path):
    gsr = load("plover-gsr", DATA / "plover_gsr.jsonl", split="all")
    assert [g.label for g in gsr] == ["AGREE", "ASSAULT", "REQUEST", "PROTEST"]
    assert gsr[0].actor_codes == ("FRD", "SYL") and gsr[1].recipient_codes == ("FRD",)
    dev = load("india-police", DATA / "india", split="dev")
    assert [sorted(it.labels) for it in dev] == [["ANY_ACTION", "FORCE", "KILL"], ["ANY_ACTION", "ARREST"],
                                                 ["FAIL"], []]
    assert dev[0].text.endswith("sunday.") and dev[0].id == "sents_dev:1"  # CRLF stripped
    assert len(load("india-police", DATA / "india", split="all")) == 5
    header = load("india-police", DATA / "india_header.tsv", split="all")
    assert sorted(header[0].labels) == ["ANY_ACTION", "FORCE", "KILL"] and header[1].labels == frozenset()
    with pytest.raises(ValueError, match="dev file of IndiaPoliceEvents"):
        load("india-police", DATA / "india" / "sents_dev.tsv", split="train")


def test_loaders_name_the_bad_line(tmp_path):
    bad = tmp_path / "cls.tsv"
    bad.write_text("Fine sentence.\t2\nBad sentence.\t7\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"cls.tsv:2: class '7'"):
        load("utd-class", bad, split="all")
    spans = tmp_path / "spans.txt"
    spans.write_text("Word O\nOther X-S\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"spans.txt:2"):
        load("utd-spans", spans, split="all")
    js = tmp_path / "g.jsonl"
    js.write_text('{"text": "no event here"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"g.jsonl:1: .*'event'"):
        load("plover-gsr", js, split="all")
    with pytest.raises(ValueError, match="unknown dataset"):
        load("acled", bad)
    with pytest.raises(ValueError, match="unknown split"):
        load("utd-class", bad, split="test")


# ---- label rules -----------------------------------------------------------------------------------------

def test_top_event_rules():
    s = "x"
    low = event(s, "190", "ASSAULT", confidence=0.5)
    high = event(s, "036", "CONSULT", confidence=0.8)
    negated = event(s, "173", "COERCE", modality="negated", confidence=0.95)
    statement = event(s, "010", "", confidence=0.9)
    assert top_event([low, high, negated]) is high
    assert five_way_class([low, negated], ONTOLOGY) == "4" and five_way_class([negated], ONTOLOGY) == "0"
    assert five_way_class([], ONTOLOGY) == "0"
    assert five_way_class([low, statement], ONTOLOGY) == "0"
    assert plover_type([low, statement]) == "ASSAULT" and plover_type([statement]) == "NONE"
    assert top_event([event(s, "190", "ASSAULT", modality="future")]) is not None


def test_india_label_mapping():
    s = "x"
    assert india_labels([event(s, "190", "ASSAULT", fatalities=2)]) == {"KILL", "FORCE", "ANY_ACTION"}
    assert india_labels([event(s, "193", "ASSAULT", predicate="shoot")]) == {"KILL", "FORCE", "ANY_ACTION"}
    assert india_labels([event(s, "180", "ASSAULT", predicate="beat")]) == {"FORCE", "ANY_ACTION"}
    assert india_labels([event(s, "173", "COERCE", mode="arrest")]) == {"ARREST", "ANY_ACTION"}
    assert india_labels([event(s, "1723", "COERCE", mode="curfew")]) == {"FORCE", "ANY_ACTION"}
    assert india_labels([event(s, "040", "CONSULT", target="police", target_sector="COP")]) == {"ANY_ACTION"}
    assert india_labels([event(s, "040", "CONSULT")]) == frozenset()
    assert india_labels([event(s, "180", "ASSAULT", sector="COP", modality="negated")]) == {"FAIL"}
    assert india_labels([event(s, "180", "ASSAULT", modality="hypothetical")]) == frozenset()


# ---- evaluate() with a fake coder ------------------------------------------------------------------------

def test_evaluate_utd_class_with_fake_coder():
    def events_for(text):
        if "accused" in text:
            return [event(text, "112", "ACCUSE")]
        if "shelled" in text:
            return [event(text, "036", "CONSULT", confidence=0.4), event(text, "195", "ASSAULT", confidence=0.7)]
        if "grain" in text:
            return [event(text, "070", "AID", modality="negated")]  # negated: class 0
        return []

    coder = FakeCoder(events_for)
    r = evaluate("utd-class", DATA / "utd_class.tsv", coder=coder, split="all")
    # gold 0 1 2 3 4 0 -> predicted 0 0 0 3 4 0
    assert r.n == 6 and r.labels == ["0", "1", "2", "3", "4"]
    assert r.metrics["accuracy"] == pytest.approx(4 / 6)
    assert r.per_class["0"]["precision"] == 0.5 and r.per_class["0"]["recall"] == 1.0
    assert r.metrics["macro_f1"] == pytest.approx((2 / 3 + 0 + 0 + 1 + 1) / 5)
    assert r.confusion == {"0": {"0": 2}, "1": {"0": 1}, "2": {"0": 1}, "3": {"3": 1}, "4": {"4": 1}}
    assert [e["id"] for e in r.errors] == ["2", "3"] and r.errors[0]["evidence"] is None
    assert evaluate("utd-class", DATA / "utd_class.tsv", coder=coder, split="all", limit=2).n == 2
    text = r.to_text()
    assert "macro" in text and "accuracy: 0.667" in text and "confusion" in text
    assert json.loads(json.dumps(r.to_dict()))["metrics"]["accuracy"] == pytest.approx(4 / 6)


def test_evaluate_utd_spans_with_fake_coder():
    def events_for(text):
        if "shelled" in text:  # source on the gold S span, target on the wrong words
            return [event(text, "195", "ASSAULT", source="Freedonian navy", target="officials")]
        if "pact" in text:  # reciprocal actors count for both roles
            return [event(text, "057", "AGREE", source="Sylvania", target="Freedonia")]
        return [event(text, "010", "", source="Rain")]  # an actor where gold has none

    r = evaluate("utd-spans", DATA / "utd_spans.txt", coder=FakeCoder(events_for), split="all")
    counts = {role: tuple(r.per_class[role][k] for k in ("tp", "predicted", "support")) for role in r.per_class}
    assert counts == {"source": (2, 3, 2), "target": (1, 2, 2)}
    assert r.metrics["source_precision"] == pytest.approx(2 / 3) and r.metrics["source_recall"] == 1.0
    assert r.metrics["target_f1"] == pytest.approx(0.5)
    assert r.metrics["macro_f1"] == pytest.approx((0.8 + 0.5) / 2)
    assert r.confusion["target gold"] == {"other": 1, "match": 1}
    assert r.confusion["source no gold"] == {"other": 1}
    assert r.errors[0]["gold"] == {"target": "Sylvania"} and r.errors[0]["predicted"] == {"target": "officials"}


def test_evaluate_plover_gsr_with_fake_coder():
    def events_for(text):
        if "agreed" in text:
            return [event(text, "057", "AGREE", country="FRD")]
        if "shelled" in text:
            return [event(text, "195", "ASSAULT", country="SYL", target="village", target_country="FRD")]
        if "asked" in text:  # Japan spelt JAP in the gold
            return [event(text, "020", "REQUEST", country="JPN", target="Sylvania", target_country="XXX")]
        return []

    r = evaluate("plover-gsr", DATA / "plover_gsr.jsonl", coder=FakeCoder(events_for), split="all")
    assert r.metrics["accuracy"] == 0.75
    assert r.labels == ["AGREE", "ASSAULT", "PROTEST", "REQUEST", "NONE"]
    assert r.per_class["PROTEST"]["recall"] == 0.0 and r.confusion["PROTEST"] == {"NONE": 1}
    assert r.metrics["macro_f1"] == pytest.approx(0.75)
    assert r.metrics["source_country_accuracy"] == 0.75 and r.metrics["source_country_n"] == 4
    assert r.metrics["recipient_country_accuracy"] == 0.5 and r.metrics["recipient_country_n"] == 2
    # the whole coding (type, source and recipient country) is right for the agreement and the shelling only
    assert r.metrics["coding_accuracy"] == 0.5 and r.metrics["coding_n"] == 4
    assert r.metrics["dyad_accuracy"] == 0.5  # the appeal's recipient is wrong, the protest has no event


def test_evaluate_india_police_with_fake_coder():
    def events_for(text):
        if "shot dead" in text:
            return [event(text, "193", "ASSAULT", source="police", sector="COP", predicate="shoot")]
        if "arrested" in text:
            return [event(text, "173", "COERCE", source="the police", sector="COP", mode="arrest")]
        return []

    coder = FakeCoder(events_for)
    r = evaluate("india-police", DATA / "india", coder=coder, split="dev")
    assert r.n == 4 and coder.batches == [4]
    assert r.per_class["KILL"]["f1"] == 1.0 and r.per_class["ARREST"]["f1"] == 1.0
    assert r.per_class["FAIL"]["recall"] == 0.0 and r.per_class["FAIL"]["support"] == 1
    assert r.metrics["macro_f1"] == pytest.approx(4 / 5)
    assert r.metrics["exact_match"] == 0.75
    assert r.confusion["FAIL"] == {"NONE": 1} and r.confusion["NONE"] == {"NONE": 1}
    assert [e["id"] for e in r.errors] == ["sents_dev:3"]


def test_evaluate_checks_its_arguments():
    coder = FakeCoder(lambda text: [])
    with pytest.raises(ValueError, match="unknown dataset"):
        evaluate("gdelt", DATA / "utd_class.tsv", coder=coder)
    with pytest.raises(ValueError, match="limit"):
        evaluate("utd-class", DATA / "utd_class.tsv", coder=coder, split="all", limit=0)
    assert evaluate(None, DATA / "plover_gsr.jsonl", coder=coder, split="all").dataset == "plover-gsr"
    assert set(DATASETS) == {"utd-class", "utd-spans", "plover-gsr", "india-police", "realnews"}


# ---- the real coder on real gold rows --------------------------------------------------------------------

@pytest.mark.skipif(not (SHARED_GOLD / "utd_cameo" / "class_train.tsv").is_file(), reason="shared gold data absent")
def test_real_coder_on_utd_class_rows():
    r = evaluate("utd-class", SHARED_GOLD / "utd_cameo" / "class_train.tsv", split="all", limit=40)
    assert isinstance(r, EvalReport) and r.n == 40 and r.dataset == "utd-class"
    assert 0.0 <= r.metrics["macro_f1"] <= 1.0
    assert sum(sum(row.values()) for row in r.confusion.values()) == 40
    assert set(r.per_class) == {"0", "1", "2", "3", "4"}
