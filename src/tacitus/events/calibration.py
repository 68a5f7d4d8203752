"""Confidence that means something: the probability that a coded event is a real event of its type.

The rules give each event a raw confidence (the sense's own, moved by what is known of the actors; see
``events/ranking.py``). The calibration stage, last in the chain, replaces it by a logistic model over that raw
value and a few facts of the event (is the source's country known, the target's, is there a target, is the act
reported speech, announced for the future, a speech act, told in the lead, a material act, history), fitted on the
team's real-news development splits by ``tools/calibrate_confidence.py`` and kept in
``events/data/calibration.yaml``. The raw value is
kept as the event's ``prominence``, which orders a sentence's events (its main act first).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from tacitus.datafiles import read_yaml_mapping
from tacitus.events.job import SentenceJob
from tacitus.errors import TacitusError
from tacitus.records import Event

# The facts a calibration may weigh, each 0 or 1 except the raw confidence. A calibration file weighs any of them
# (a fact it does not name weighs nothing).
FEATURES = ("raw", "source_country", "target_country", "no_target", "future", "reported", "speech_act",
            "lead", "material", "named_source", "historical")
LEAD_SENTENCES = 3  # the title and the first sentences tell the news; the rest is often background and quotes


def features(event: Event, speech_acts: frozenset[str]) -> dict[str, float]:
    return {
        "raw": event.confidence,
        "source_country": float(bool(event.source is not None and event.source.country)),
        "target_country": float(bool(event.target is not None and event.target.country)),
        "no_target": float(event.target is None),
        "future": float(event.modality == "future"),
        "reported": float(bool(event.attribution)),
        "speech_act": float(event.plover_type in speech_acts),
        "lead": float(event.sentence_index < LEAD_SENTENCES),
        "material": float(event.quad_class in (2, 4)),
        # the source's country read from its own words, not from where the story is set or the act happened
        "named_source": float(bool(event.source is not None and event.source.country_basis == "mention")),
        "historical": float(event.historical),
    }


@dataclass(frozen=True)
class Calibration:
    weights: dict[str, float]
    bias: float
    source: str = ""

    @classmethod
    def load(cls, path: str | Path | Traversable | None = None) -> "Calibration":
        path = path or resources.files("tacitus.events").joinpath("data/calibration.yaml")
        data = read_yaml_mapping(path)
        weights = {str(k): float(v) for k, v in (data.get("weights") or {}).items()}
        unknown = set(weights) - set(FEATURES)
        if unknown:
            raise TacitusError(f"{path}: unknown calibration features {sorted(unknown)}")
        return cls(weights=weights, bias=float(data.get("bias", 0.0)), source=str(path))

    def probability(self, facts: dict[str, float]) -> float:
        z = self.bias + sum(w * facts.get(k, 0.0) for k, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-z))


class Calibrate:
    """The calibration stage: reads and rewrites ``job.events`` confidences."""

    stage_name = "calibrate"

    def __init__(self, calibration: Calibration, speech_acts: frozenset[str]) -> None:
        self.calibration, self.speech_acts = calibration, speech_acts

    def __call__(self, job: SentenceJob) -> None:
        for e in job.events:
            p = self.calibration.probability(features(e, self.speech_acts))
            e.prominence = e.confidence
            e.confidence = round(min(0.99, max(0.01, p)), 3)
