"""The sentence coder as a chain of stages, with its knowledge and grammar handed in."""

from __future__ import annotations

from dataclasses import replace
from importlib import resources

import pytest
import spacy

from tacitus.coding import Coder
from tacitus.events.coder import STAGES, EventCoder
from tacitus.events.grammar import Grammar, GrammarError
from tacitus.events.knowledge import Knowledge
from tacitus.events.ontology import Ontology
from tacitus.records import Document
from tacitus.settings import Settings

REFUSAL = "The army refused to deploy troops to the border."


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def events_with(coder: Coder, event_coder: EventCoder, text: str):
    doc = coder.nlp(text)
    return event_coder.code_document(Document(doc_id="t", text=text, published="2021-03-01"), [doc])


def test_the_stages_run_in_the_listed_order_and_one_can_be_added(coder):
    seen = []

    def spy(c):
        def stage(job):
            seen.append((len(job.predicates), len(job.drafts), len(job.events)))
        stage.stage_name = "spy"
        return stage

    chain = EventCoder(coder.knowledge, coder.grammar, [*STAGES, spy])
    assert [name for name, _ in chain.stages] == [*STAGES, "spy"]
    events = events_with(coder, chain, "Iraqi troops attacked Kurdish fighters near Kirkuk.")
    assert [e.plover_type for e in events] == ["ASSAULT"]
    assert seen == [(1, 1, 1)]  # the spy ran last and saw what the others filled
    # without the assembly stage, nothing becomes an Event
    assert events_with(coder, EventCoder(coder.knowledge, coder.grammar, [s for s in STAGES if s != "assembly"]),
                       "Iraqi troops attacked Kurdish fighters near Kirkuk.") == []
    with pytest.raises(ValueError, match="unknown stage 'parse'"):
        EventCoder(coder.knowledge, coder.grammar, ["parse"])


def test_recodes_come_from_the_ontology_file(coder, tmp_path):
    (before,) = [e for e in coder.code_text(REFUSAL) if e.plover_type == "REJECT"]
    assert before.cameo_code == "120"
    rules = resources.files("tacitus.events").joinpath("data/ontology.yaml").read_text(encoding="utf-8")
    mine = tmp_path / "ontology.yaml"
    mine.write_text(rules.replace('refusal: {code: "120"', 'refusal: {code: "129"'), encoding="utf-8")
    knowledge = replace(coder.knowledge, ontology=Ontology.load(rules=mine))
    (after,) = [e for e in events_with(coder, EventCoder(knowledge, coder.grammar), REFUSAL)
                if e.plover_type == "REJECT"]
    assert after.cameo_code == "129"


def test_knowledge_is_handed_in(coder, tmp_path):
    mine = tmp_path / "patterns.yaml"
    mine.write_text('verbs:\n  zap: {code: "190"}\n', encoding="utf-8")
    knowledge = Knowledge.default().with_files(pattern_files=[str(mine)])
    assert knowledge.patterns is not Knowledge.default().patterns and "zap" not in Knowledge.default().patterns.verbs
    coded = events_with(coder, EventCoder(knowledge, coder.grammar), "Russian troops zapped Ukrainian soldiers.")
    assert [(e.plover_type, e.source.country, e.target.country) for e in coded] == [("ASSAULT", "RUS", "UKR")]


def test_a_parser_with_other_labels_is_refused_with_the_labels_it_lacks():
    nlp = spacy.blank("en")
    parser = nlp.add_pipe("parser")
    for label in ("nsubj", "obj", "obl", "nsubj:pass"):  # Universal Dependencies labels
        parser.add_label(label)
    nlp.add_pipe("ner").add_label("PERSON")
    with pytest.raises(GrammarError, match=r"missing: .*dobj.*pobj"):
        Grammar.english().check(nlp, "a UD pipeline")
    with pytest.raises(GrammarError, match="no 'parser' component"):
        Grammar.english().check(spacy.blank("en"), "a blank pipeline")
    Grammar.english().check(Coder(Settings(learned=False)).nlp)  # the default pipeline passes


def test_a_grammar_file_must_fill_every_role(tmp_path):
    text = resources.files("tacitus.events").joinpath("data/grammar_en.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "grammar.yaml"
    broken.write_text(text.replace("  object: [dobj]", "  objekt: [dobj]"), encoding="utf-8")
    with pytest.raises(GrammarError, match="labels lacks object"):
        Grammar.load(broken)
    grammar = Grammar.english()
    with pytest.raises(AttributeError, match="no labels role 'objekt'"):
        grammar.labels.objekt  # noqa: B018


def test_confidence_is_calibrated_and_prominence_orders_the_sentence(coder):
    from tacitus.events.calibration import Calibrate, Calibration, features

    events = coder.code_text("The United Nations condemned the Russian attack on Kyiv.", published="2022-03-01")
    accuse = next(e for e in events if e.plover_type == "ACCUSE")
    attack = next(e for e in events if e.plover_type == "ASSAULT")
    assert accuse.prominence > attack.prominence  # the main act ranks first, whatever its calibrated confidence
    speech = coder.knowledge.ontology.groups["speech_acts"]
    expected = round(coder.knowledge.calibration.probability(features(
        replace(accuse, confidence=accuse.prominence), speech)), 3)
    assert accuse.confidence == expected and 0.0 < accuse.confidence < 1.0
    # a calibration that knows only that a target's country is known
    stage = Calibrate(Calibration(weights={"target_country": 4.0}, bias=-2.0), speech)

    class Job:
        events = [replace(accuse, confidence=0.3)]

    stage(Job)
    assert (Job.events[0].prominence, Job.events[0].confidence) == (0.3, round(1 / (1 + 2.718281828 ** -2), 3))
