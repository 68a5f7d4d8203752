"""Combining the pattern coder with the sentence model: keep, rerank, emit or drop, per sentence.

Counting rule used to tune and measure the combination: the sentence's top event decides its five-way class,
and a sentence without events is class 0. ``Choice.sentence_class`` applies that rule to a choice.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from importlib import resources

from tacitus.events.modality import ModalityWords
from tacitus.events.ontology import Ontology
from tacitus.learn.features import countable, event_class, top_event_index
from tacitus.learn.model import Prediction, SentenceModel
from tacitus.records import Event

ACTIONS = ("keep", "rerank", "emit", "drop")


@functools.lru_cache(maxsize=1)
def generic_codes() -> dict[str, str]:
    """PLOVER type -> the generic CAMEO code an emitted event of that type gets (learn/data/plover_types.csv)."""
    with resources.files("tacitus.learn").joinpath("data/plover_types.csv").open(encoding="utf-8") as fh:
        return {r["plover_type"]: r["generic_cameo"] for r in csv.DictReader(fh)}


def type_classes(ontology: Ontology) -> dict[str, int]:
    """PLOVER type -> five-way class (the class of its generic CAMEO code; REQUEST counts as 0)."""
    return {t: ontology.lookup(code).five_way for t, code in generic_codes().items()}


@dataclass(frozen=True)
class Thresholds:
    """Model probabilities a choice needs; tuned by ``tacitus.training.train`` and stored with the model."""

    emit: float = 0.6  # five-way probability to add an event of a class no pattern event has
    rerank: float = 0.5  # five-way probability of another pattern event's class to promote that event
    drop: float = 0.7  # class-0 probability to drop weak pattern events
    weak: float = 0.7  # a pattern top event below this confidence counts as weak
    request: float = 0.6  # REQUEST probability (plover head) to emit an appeal where no pattern event exists

    def to_dict(self) -> dict[str, float]:
        return asdict(self)

    @classmethod
    def of(cls, model: SentenceModel) -> "Thresholds":
        """The thresholds tuned for ``model`` when it was trained (the defaults if it stores none)."""
        return cls.from_dict(model.meta.get("thresholds"))

    @classmethod
    def from_dict(cls, data: dict | None) -> "Thresholds":
        data = data or {}
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown threshold(s) {sorted(unknown)}")
        return cls(**{k: float(v) for k, v in data.items()})


@dataclass(frozen=True)
class Choice:
    """What to do with one sentence's pattern events.

    keep: the events stand as coded (``index`` = the top event, None when there is none).
    rerank: promote pattern event ``index`` to top (its class is the one the model rates highest).
    emit: add one event (``five_way``, ``plover_type``, ``cameo_code``) ranked above the pattern events.
    drop: remove the sentence's asserted/future pattern events (the model is sure it holds none of their kind).

    Top event: the asserted or future event of highest confidence (``features.top_event_index``), as in
    ``tacitus eval``; negated and hypothetical events never decide the class and are never promoted.
    """

    action: str
    index: int | None = None
    five_way: int | None = None
    plover_type: str | None = None
    cameo_code: str | None = None
    probability: float | None = None

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ValueError(f"unknown action {self.action!r}; expected one of {', '.join(ACTIONS)}")

    def sentence_class(self, pattern_events: Sequence[Event], ontology: Ontology) -> int:
        """The sentence's five-way class under the counting rule after this choice."""
        if self.action == "emit":
            return int(self.five_way)
        if self.action == "drop" or self.index is None:
            return 0
        return event_class(pattern_events[self.index], ontology)


def _best_type(prediction: Prediction, five_way: int, ontology: Ontology) -> str:
    """The PLOVER type of the given class that the plover head rates highest."""
    classes = type_classes(ontology)
    inside = {t: p for t, p in prediction.plover_probs.items() if classes.get(t) == five_way}
    if not inside:
        raise ValueError(f"the plover head rates no type of class {five_way}")
    return max(inside, key=inside.__getitem__)


def _emit(prediction: Prediction, five_way: int, probability: float, ontology: Ontology) -> Choice:
    ptype = _best_type(prediction, five_way, ontology)
    return Choice("emit", None, five_way, ptype, generic_codes()[ptype], probability)


def choose(pattern_events: Sequence[Event], prediction: Prediction, thresholds: Thresholds | None = None, *,
           ontology: Ontology) -> Choice:
    """Decide one sentence: keep the pattern coder's top event, rerank, emit a model event, or drop.

    Order of tests: emit (the model's class is 1-4, no pattern event has it, probability >= emit), rerank
    (a pattern event of another class is rated >= rerank, above the top event's class), drop (class 0
    rated >= drop and the top event's confidence < weak), an appeal (REQUEST) where nothing was coded, keep.
    """
    th = thresholds or Thresholds()
    probs = prediction.five_way_probs
    best = prediction.five_way
    p_best = probs[best]
    top = top_event_index(pattern_events)
    classes = [event_class(e, ontology) for e in pattern_events]
    eligible = [i for i, e in enumerate(pattern_events) if countable(e)]
    if best != 0 and best not in {classes[i] for i in eligible} and p_best >= th.emit:
        return _emit(prediction, best, p_best, ontology)
    if top is not None:
        top_class = classes[top]
        # the countable pattern event whose class the model rates highest (higher confidence on ties)
        cand = max(eligible, key=lambda i: (probs[classes[i]], pattern_events[i].confidence, -i))
        if classes[cand] != top_class and probs[classes[cand]] >= th.rerank \
                and probs[classes[cand]] > probs[top_class]:
            return Choice("rerank", cand, classes[cand], pattern_events[cand].plover_type,
                          pattern_events[cand].cameo_code, probs[classes[cand]])
        if best == 0 and top_class != 0 and p_best >= th.drop and pattern_events[top].confidence < th.weak:
            return Choice("drop", None, 0, None, None, p_best)
        return Choice("keep", top, top_class, pattern_events[top].plover_type, pattern_events[top].cameo_code,
                      probs[top_class])
    if best == 0 and prediction.plover_probs.get("REQUEST", 0.0) >= th.request:
        return Choice("emit", None, 0, "REQUEST", generic_codes()["REQUEST"], prediction.plover_probs["REQUEST"])
    return Choice("keep", None, None, None, None, None)


@dataclass
class LearnedLayer:
    """A sentence model with its tuned thresholds and the coder's words and ontology, which its features read:
    one call per sentence gives the choice."""

    model: SentenceModel
    thresholds: Thresholds
    words: ModalityWords
    ontology: Ontology

    @classmethod
    def shipped(cls, words: ModalityWords, ontology: Ontology) -> "LearnedLayer | None":
        """The shipped model and its thresholds, or None when no model ships."""
        model = SentenceModel.default()
        return None if model is None else cls(model, Thresholds.of(model), words, ontology)

    def predict(self, span, pattern_events: Sequence[Event]) -> Prediction:
        return self.model.predict(span, pattern_events, words=self.words, ontology=self.ontology)

    def decide(self, span, pattern_events: Sequence[Event]) -> tuple[Choice, Prediction]:
        """The choice for one sentence (a spaCy Span) and the model's prediction behind it."""
        prediction = self.predict(span, pattern_events)
        return choose(pattern_events, prediction, self.thresholds, ontology=self.ontology), prediction
