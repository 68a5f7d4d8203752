"""The learned layer: a light linear model over parse features that rates a sentence's event class and type,
and the rule that combines it with the pattern coder (keep, rerank, emit, drop).

Inference needs numpy only; training (``tacitus.training``) needs scikit-learn (the ``train`` extra).
"""

from tacitus.learn.decide import Choice, LearnedLayer, Thresholds, choose
from tacitus.learn.features import FeatureOptions, main_predicate, sentence_features, top_event_index
from tacitus.learn.model import ModelFileError, Prediction, SentenceModel

__all__ = ["Choice", "FeatureOptions", "LearnedLayer", "ModelFileError", "Prediction", "SentenceModel", "Thresholds", "choose",
           "main_predicate", "sentence_features", "top_event_index"]
