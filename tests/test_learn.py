"""The learned layer: sentence features, the model files, the keep/rerank/emit/drop rule, the shipped model."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from tacitus.events.modality import ModalityWords
from tacitus.events.ontology import Ontology
from tacitus.learn import (Choice, FeatureOptions, LearnedLayer, ModelFileError, Prediction, SentenceModel,
                           Thresholds, choose, main_predicate, sentence_features, top_event_index)
from tacitus.learn.decide import generic_codes, type_classes
from tacitus.training.corpora import Example, read_plover, read_utd, split_of
from tacitus.learn.model import Head
from tacitus.records import Actor, Document, Event

SHARED_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"
HAS_SKLEARN = importlib.util.find_spec("sklearn") is not None
PLOVER_LABELS = [*generic_codes(), "NONE"]
ONTOLOGY = Ontology.load()
WORDS = ModalityWords.load()
lookup = ONTOLOGY.lookup


@pytest.fixture(scope="module")
def coder():
    from tacitus.pipeline import Coder
    from tacitus.settings import Settings

    return Coder(Settings(learned=False))


def parse(coder, text: str):
    """(span, pattern events) of a one-sentence text, as the pipeline sees it."""
    doc = coder.nlp(text)
    return doc[:], coder.coder.code_document(Document(doc_id="t", text=text), [doc])


def event(code: str, confidence: float = 0.8, modality: str = "asserted") -> Event:
    c = lookup(code)
    return Event(event_id=f"e{code}", doc_id="d", sentence_index=0, sentence="s", evidence_start=0, evidence_end=1,
                 plover_type=c.plover_type or "", plover_mode=None, plover_contexts=[], cameo_code=code,
                 goldstein=c.goldstein, quad_class=c.quad_class, source=Actor(text="X", country="USA", sector="GOV"),
                 target=None, modality=modality, confidence=confidence, prominence=confidence)


def prediction(five: dict[int, float], plover: dict[str, float] | None = None) -> Prediction:
    probs = {k: five.get(k, 0.0) for k in range(5)}
    rest = (1.0 - sum(probs.values())) / max(1, sum(1 for k in range(5) if k not in five))
    probs = {k: five.get(k, rest) for k in range(5)}
    plover = plover or {}
    left = (1.0 - sum(plover.values())) / (len(PLOVER_LABELS) - len(plover))
    return Prediction(probs, {t: plover.get(t, left) for t in PLOVER_LABELS})


TH = Thresholds(emit=0.6, rerank=0.5, drop=0.7, weak=0.7, request=0.6)


# ------------------------------------------------------------------------------------------------ features
def test_features_main_predicate_object_and_negation(coder):
    span, events = parse(coder, "The army did not attack the village.")
    feats, dense = sentence_features(span, events, words=WORDS, ontology=ONTOLOGY)
    assert {"main=attack", "root=attack", "obj=village", "neg", "main_obj=attack_village"} <= set(feats)
    assert "reported" not in feats
    assert dense.shape == (3 * 96,) and np.isfinite(dense).all()


def test_features_follow_reported_speech_and_future(coder):
    span, events = parse(coder, "The minister said that Russia will send troops to the border.")
    feats, _ = sentence_features(span, events, words=WORDS, ontology=ONTOLOGY)
    assert main_predicate(span, WORDS).lemma_ == "send"
    assert {"root=say", "main=send", "speech=say", "reported", "future", "obj=troop", "prep=to"} <= set(feats)
    assert "neg" not in feats


def test_features_complement_and_pattern_event(coder):
    span, events = parse(coder, "The rebels agreed to release the hostages on Monday.")
    feats, _ = sentence_features(span, events, words=WORDS, ontology=ONTOLOGY)
    assert {"main=agree", "comp=release", "main_comp=agree_release", "comp_obj=hostage"} <= set(feats)
    top = events[top_event_index(events)]
    assert f"pat_type={top.plover_type}" in feats and f"pat_class={lookup(top.cameo_code).five_way}" in feats
    assert "no_pattern_event" not in feats


def test_features_without_pattern_event_and_bad_input(coder):
    span, events = parse(coder, "The weather was pleasant in the afternoon.")
    assert events == []
    feats, _ = sentence_features(span, events, FeatureOptions(lemma_bag=True, dense_parts=()), words=WORDS,
                                 ontology=ONTOLOGY)
    assert "no_pattern_event" in feats and "lem=weather" in feats
    with pytest.raises(TypeError, match="Span"):
        sentence_features("not a span", [], words=WORDS, ontology=ONTOLOGY)
    with pytest.raises(ValueError, match="unknown dense part"):
        FeatureOptions(dense_parts=("verb",))


def test_top_event_skips_negated_and_matches_eval_rule():
    events = [event("190", 0.9, "negated"), event("111", 0.6), event("040", 0.8, "future")]
    assert top_event_index(events) == 2
    assert top_event_index([event("190", 0.9, "hypothetical")]) is None
    if importlib.util.find_spec("tacitus.evaluate") is not None:
        from tacitus.evaluate.predictions import top_event

        assert top_event(events) is events[2]


# ------------------------------------------------------------------------------------------------ model files
def random_model(n_vocab: int = 6, n_dense: int = 4, seed: int = 3) -> SentenceModel:
    rng = np.random.default_rng(seed)
    vocab = {f"f{i}": i for i in range(n_vocab)}
    heads = {name: Head(labels=labels, weights=rng.normal(size=(n_vocab + n_dense, len(labels))),
                        bias=rng.normal(size=len(labels)))
             for name, labels in (("five_way", [0, 1, 2, 3, 4]), ("plover", PLOVER_LABELS))}
    return SentenceModel(vocab=vocab, dense_mean=rng.normal(size=n_dense), dense_scale=rng.uniform(0.5, 2, n_dense),
                         heads=heads, meta={"thresholds": {"emit": 0.55}})


def test_model_round_trip_and_probabilities(tmp_path):
    model = random_model()
    feats, dense = {"f1": 1.0, "f4": 1.0, "unseen": 1.0}, np.array([0.3, -1.0, 2.0, 0.5])
    before = model.predict_features(feats, dense)
    assert sorted(before.five_way_probs) == [0, 1, 2, 3, 4] and len(before.plover_probs) == 17
    assert sum(before.five_way_probs.values()) == pytest.approx(1.0)
    assert sum(before.plover_probs.values()) == pytest.approx(1.0)
    loaded = SentenceModel.load(model.save(tmp_path / "m"))
    after = loaded.predict_features(feats, dense)
    for k in range(5):
        assert after.five_way_probs[k] == pytest.approx(before.five_way_probs[k], abs=1e-5)
    assert after.plover_type == before.plover_type
    assert Thresholds.of(loaded).emit == 0.55
    # another pipeline's dense width: the dense part is ignored, not an error
    other = loaded.predict_features(feats, np.zeros(7))
    assert sum(other.five_way_probs.values()) == pytest.approx(1.0)


def test_model_load_errors_name_the_problem(tmp_path):
    with pytest.raises(ModelFileError, match="no model.json"):
        SentenceModel.load(tmp_path)
    path = random_model().save(tmp_path / "m")
    doc = json.loads((path / "model.json").read_text())
    doc["format"] = "something-else"
    (path / "model.json").write_text(json.dumps(doc))
    with pytest.raises(ModelFileError, match="format 'something-else'"):
        SentenceModel.load(path)
    with pytest.raises(ModelFileError, match="do not fit"):
        SentenceModel(vocab={"a": 0}, dense_mean=np.zeros(2), dense_scale=np.ones(2),
                      heads={"five_way": Head([0, 1, 2, 3, 4], np.zeros((2, 5)), np.zeros(5)),
                             "plover": Head(PLOVER_LABELS, np.zeros((3, 17)), np.zeros(17))})


TINY = [  # invented sentences: (text, five-way class, PLOVER type)
    ("Soldiers shelled the rebel town overnight.", 4, "ASSAULT"),
    ("Troops bombed a village near the border.", 4, "ASSAULT"),
    ("Police arrested twelve opposition activists.", 4, "COERCE"),
    ("Thousands of workers marched against the new tax.", 4, "PROTEST"),
    ("Gunmen attacked a police station in the north.", 4, "ASSAULT"),
    ("The government denounced the neighbouring country.", 3, "ACCUSE"),
    ("The senator accused the minister of lying.", 3, "ACCUSE"),
    ("The president rejected the peace proposal.", 3, "REJECT"),
    ("The general threatened to invade the island.", 3, "THREATEN"),
    ("The cabinet refused the offer of talks.", 3, "REJECT"),
    ("The bank sent food and medicine to the flood victims.", 2, "AID"),
    ("The two navies held joint exercises.", 2, "COOPERATE"),
    ("The rebels released the hostages.", 2, "CONCEDE"),
    ("The army withdrew its troops from the valley.", 2, "RETREAT"),
    ("The donors gave money to the refugees.", 2, "AID"),
    ("The two leaders met in the capital.", 1, "CONSULT"),
    ("The parties agreed to hold talks next week.", 1, "AGREE"),
    ("The minister praised the new accord.", 1, "SUPPORT"),
    ("The envoys discussed the border dispute.", 1, "CONSULT"),
    ("The prime minister welcomed the agreement.", 1, "SUPPORT"),
    ("The mayor urged residents to stay calm.", 0, "REQUEST"),
    ("The union appealed for international help.", 0, "REQUEST"),
    ("The spokesman spoke about the economy.", 0, "NONE"),
    ("The minister commented on the weather.", 0, "NONE"),
]


@pytest.mark.skipif(not HAS_SKLEARN, reason="scikit-learn (the train extra) is not installed")
@pytest.mark.filterwarnings("ignore:The number of unique classes")
def test_tiny_trained_model_round_trip(coder, tmp_path):
    from tacitus.training.train import Parsed, Variant, featurize, fit_model

    rows = []
    for text, five, ptype in TINY:
        doc = coder.nlp(text)
        events = coder.coder.code_document(Document(doc_id="t", text=text), [doc])
        rows.append(Parsed(Example(text, "utd", five, ptype), doc, events, "train"))
    variant = Variant("tiny", options=FeatureOptions(lemma_bag=True), C=5.0, dense_weight=0.1)
    feats = featurize(rows, variant.options, coder.knowledge)
    model = fit_model(rows, feats, variant, seed=0)
    train_right = sum(model.predict_features(*f).five_way == r.example.five_way for f, r in zip(feats, rows))
    assert train_right >= 20  # a linear model fits its own small training set
    loaded = SentenceModel.load(model.save(tmp_path / "tiny"))
    span, events = parse(coder, "Soldiers bombed the rebel town.")
    a = model.predict(span, events, words=WORDS, ontology=ONTOLOGY)
    b = loaded.predict(span, events, words=WORDS, ontology=ONTOLOGY)
    assert a.five_way == b.five_way == 4
    assert b.plover_probs["ASSAULT"] == pytest.approx(a.plover_probs["ASSAULT"], abs=1e-5)
    assert sum(b.plover_probs.values()) == pytest.approx(1.0)


# ------------------------------------------------------------------------------------------------ choose
def test_choose_keeps_a_confirmed_top_event():
    events = [event("190", 0.8)]
    c = choose(events, prediction({4: 0.9}), TH, ontology=ONTOLOGY)
    assert (c.action, c.index, c.sentence_class(events, ONTOLOGY)) == ("keep", 0, 4)


def test_choose_reranks_to_the_event_the_model_prefers():
    events = [event("111", 0.8), event("190", 0.6)]
    c = choose(events, prediction({4: 0.8, 3: 0.1}), TH, ontology=ONTOLOGY)
    assert (c.action, c.index, c.cameo_code) == ("rerank", 1, "190")
    assert c.sentence_class(events, ONTOLOGY) == 4


def test_choose_emits_a_type_of_the_models_class():
    c = choose([], prediction({2: 0.9}, {"AID": 0.6, "ACCUSE": 0.2}), TH, ontology=ONTOLOGY)
    assert (c.action, c.five_way, c.plover_type, c.cameo_code) == ("emit", 2, "AID", "070")
    # the plover head's overall favourite is THREATEN (class 3); within class 4 it prefers ASSAULT
    events = [event("111", 0.8)]
    c = choose(events, prediction({4: 0.85}, {"THREATEN": 0.5, "ASSAULT": 0.3, "PROTEST": 0.1}), TH, ontology=ONTOLOGY)
    assert (c.action, c.plover_type, c.cameo_code, c.sentence_class(events, ONTOLOGY)) == ("emit", "ASSAULT", "190", 4)
    # a negated event is never promoted: the model's class is emitted instead
    negated = [event("190", 0.9, "negated")]
    assert choose(negated, prediction({4: 0.9}), TH, ontology=ONTOLOGY).action == "emit"


def test_choose_drops_a_weak_event_only():
    weak, strong = [event("111", 0.5)], [event("111", 0.9)]
    c = choose(weak, prediction({0: 0.9}), TH, ontology=ONTOLOGY)
    assert (c.action, c.sentence_class(weak, ONTOLOGY)) == ("drop", 0)
    assert choose(strong, prediction({0: 0.9}), TH, ontology=ONTOLOGY).action == "keep"
    # not confident enough: nothing changes
    assert choose(weak, prediction({0: 0.5, 3: 0.3}), TH, ontology=ONTOLOGY).action == "keep"


def test_choose_request_and_errors():
    c = choose([], prediction({0: 0.8}, {"REQUEST": 0.7}), TH, ontology=ONTOLOGY)
    assert (c.action, c.plover_type, c.cameo_code, c.sentence_class([], ONTOLOGY)) == ("emit", "REQUEST", "020", 0)
    assert choose([], prediction({0: 0.8}, {"NONE": 0.7}), TH, ontology=ONTOLOGY) == Choice("keep")
    with pytest.raises(ValueError, match="unknown action"):
        Choice("maybe")
    with pytest.raises(ValueError, match="unknown threshold"):
        Thresholds.from_dict({"emitt": 0.5})
    assert type_classes(ONTOLOGY)["REQUEST"] == 0 and type_classes(ONTOLOGY)["RETREAT"] == 2 and len(type_classes(ONTOLOGY)) == 16


# ------------------------------------------------------------------------------------------------ shipped model
def test_shipped_model_predicts_clear_sentences(coder):
    layer = LearnedLayer.shipped(WORDS, ONTOLOGY)
    assert layer is not None, "no model ships in tacitus/learn/models"
    assert set(layer.model.meta["thresholds"]) == set(Thresholds.__dataclass_fields__)
    cases = {
        "Government troops shelled rebel positions and killed twelve fighters.": 4,
        "The two foreign ministers met in Geneva to discuss the crisis.": 1,
        "The opposition leader accused the president of corruption.": 3,
        "The charity delivered food and blankets to the refugees.": 2,
    }
    for text, expected in cases.items():
        span, events = parse(coder, text)
        choice, pred = layer.decide(span, events)
        assert sum(pred.five_way_probs.values()) == pytest.approx(1.0)
        assert pred.five_way == expected, (text, pred.five_way_probs)
        assert choice.sentence_class(events, ONTOLOGY) == expected, (text, choice)


@pytest.mark.skipif(not (SHARED_GOLD / "utd_cameo" / "class_train.tsv").is_file(), reason="shared gold data absent")
def test_shipped_model_on_utd_dev_split(coder):
    from tacitus.training.tuning import combined_classes, macro_f1, pattern_class

    layer = LearnedLayer.shipped(WORDS, ONTOLOGY)
    dev = [e for e in read_utd(SHARED_GOLD / "utd_cameo" / "class_train.tsv") if split_of(e.text) == "dev"]
    docs = list(coder.nlp.pipe([e.text for e in dev]))
    items = []
    for n, (ex, doc) in enumerate(zip(dev, docs)):
        events = coder.coder.code_document(Document(doc_id=str(n), text=ex.text), [doc])
        items.append((events, layer.predict(doc[:], events)))
    gold = [e.five_way for e in dev]
    combined = macro_f1(gold, combined_classes(items, layer.thresholds, ONTOLOGY))
    pattern = macro_f1(gold, [pattern_class(ev, ONTOLOGY) for ev, _ in items])
    assert combined >= 0.80 and combined >= pattern, (combined, pattern)


# ------------------------------------------------------------------------------------------------ data
def test_split_rule_is_deterministic_and_about_a_fifth():
    texts = [f"Sentence number {i} about event {i * 7}." for i in range(3000)]
    splits = [split_of(t) for t in texts]
    assert splits == [split_of(t) for t in texts]
    assert 0.17 < splits.count("dev") / len(texts) < 0.23
    assert split_of("The  Army   ATTACKED.") == split_of("the army attacked.")


def test_readers_reject_bad_lines(tmp_path):
    bad = tmp_path / "utd.tsv"
    bad.write_text("A fine sentence.\t4\nA sentence with a bad class.\t9\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"utd.tsv:2"):
        read_utd(bad)
    good = tmp_path / "p.jsonl"
    good.write_text(json.dumps({"text": "They met.", "event": "CONSULT"}) + "\n"
                    + json.dumps({"text": "They fought.", "event": "FIGHT"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"p.jsonl:2.*FIGHT"):
        read_plover(good, ONTOLOGY)


def test_training_never_sees_a_dev_sentence_and_cli_checks_inputs(tmp_path, capsys):
    from tacitus.training.train import main, without_dev_copies

    texts = [f"Invented sentence {i} about talks." for i in range(40)]
    dev_text = next(t for t in texts if split_of(t) == "dev")
    train_text = next(t for t in texts if split_of(t) == "train")
    examples = [Example(dev_text, "utd", 1, None), Example(dev_text.upper(), "plover", 1, "CONSULT"),
                Example(train_text, "synthetic", 1, "CONSULT")]
    kept = without_dev_copies(examples)
    assert [e.source for e in kept] == ["utd", "synthetic"]
    assert main(["--out", str(tmp_path), "--utd", str(tmp_path / "absent.tsv"), "--plover", "x"]) == 2
    assert "--utd" in capsys.readouterr().err
