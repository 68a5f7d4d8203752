"""The sentence model: two linear heads over the features of ``features.py``, stored as plain numpy arrays.

``five_way`` rates the five CAMEO classes (0 = statements/appeals, 1 = verbal cooperation, 2 = material
cooperation, 3 = verbal conflict, 4 = material conflict); ``plover`` rates the 16 PLOVER types and "NONE".
Inference needs numpy only. A model directory holds ``model.json`` (vocabulary, labels, feature options,
training figures) and ``weights.npz`` (weights, biases, standardisation of the dense part).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Span

from tacitus.errors import TacitusError
from tacitus.events.modality import ModalityWords
from tacitus.events.ontology import Ontology
from tacitus.learn.features import FeatureOptions, sentence_features
from tacitus.records import Event

FORMAT = "tacitus-sentence-model"
VERSION = 1
HEADS = ("five_way", "plover")
MODEL_FILE = "model.json"
WEIGHTS_FILE = "weights.npz"


class ModelFileError(TacitusError, ValueError):
    """A model directory is missing a file or holds something that is not a tacitus sentence model."""


@dataclass
class Prediction:
    five_way_probs: dict[int, float]
    plover_probs: dict[str, float]

    @property
    def five_way(self) -> int:
        return max(self.five_way_probs, key=self.five_way_probs.__getitem__)

    @property
    def plover_type(self) -> str:
        return max(self.plover_probs, key=self.plover_probs.__getitem__)


@dataclass
class Head:
    """One softmax layer: ``weights`` has one row per feature (sparse vocabulary first, then dense)."""

    labels: list[Any]
    weights: np.ndarray  # (n_sparse + n_dense, n_labels)
    bias: np.ndarray  # (n_labels,)

    def probabilities(self, idx: np.ndarray, vals: np.ndarray, z: np.ndarray, n_sparse: int) -> np.ndarray:
        scores = self.bias.astype(np.float64).copy()
        if idx.size:
            scores += vals @ self.weights[idx]
        if z.size:
            scores += z @ self.weights[n_sparse:]
        scores -= scores.max()
        e = np.exp(scores)
        return e / e.sum()


@dataclass
class SentenceModel:
    vocab: dict[str, int]
    dense_mean: np.ndarray
    dense_scale: np.ndarray
    heads: dict[str, Head]
    options: FeatureOptions = field(default_factory=FeatureOptions)
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        missing = [h for h in HEADS if h not in self.heads]
        if missing:
            raise ModelFileError(f"sentence model lacks head(s) {missing}")
        width = len(self.vocab) + self.dense_mean.shape[0]
        for name, head in self.heads.items():
            if head.weights.shape != (width, len(head.labels)) or head.bias.shape != (len(head.labels),):
                raise ModelFileError(f"head {name!r}: weights {head.weights.shape} / bias {head.bias.shape} do not "
                                     f"fit {width} features and {len(head.labels)} labels")

    @property
    def n_dense(self) -> int:
        return int(self.dense_mean.shape[0])

    # ---------------------------------------------------------------- inference
    def vectorize(self, feats: dict[str, float], dense: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Vocabulary indices and values of the sparse part, and the standardised dense part.

        Features never seen in training are ignored; a dense vector of the wrong width (another spaCy
        pipeline) is replaced by the training mean, i.e. the dense part then says nothing."""
        pairs = [(self.vocab[k], v) for k, v in feats.items() if k in self.vocab]
        idx = np.fromiter((i for i, _ in pairs), dtype=np.int64, count=len(pairs))
        vals = np.fromiter((v for _, v in pairs), dtype=np.float64, count=len(pairs))
        if self.n_dense and dense.shape == (self.n_dense,):
            z = (dense.astype(np.float64) - self.dense_mean) / self.dense_scale
        else:
            z = np.zeros(self.n_dense, dtype=np.float64)
        return idx, vals, z

    def predict_features(self, feats: dict[str, float], dense: np.ndarray) -> Prediction:
        idx, vals, z = self.vectorize(feats, dense)
        n = len(self.vocab)
        five = self.heads["five_way"].probabilities(idx, vals, z, n)
        plo = self.heads["plover"].probabilities(idx, vals, z, n)
        return Prediction(
            five_way_probs={int(k): float(p) for k, p in zip(self.heads["five_way"].labels, five)},
            plover_probs={str(k): float(p) for k, p in zip(self.heads["plover"].labels, plo)},
        )

    def predict(self, span: Span, pattern_events: Sequence[Event], *, words: ModalityWords,
                ontology: Ontology) -> Prediction:
        """Class and type probabilities of one sentence given the pattern coder's events for it (``words`` and
        ``ontology``: the coder's, which the features read)."""
        feats, dense = sentence_features(span, pattern_events, self.options, words=words, ontology=ontology)
        return self.predict_features(feats, dense)

    # ---------------------------------------------------------------- files
    def save(self, directory: str | Path) -> Path:
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        vocab_list = [None] * len(self.vocab)
        for k, i in self.vocab.items():
            vocab_list[i] = k
        doc = {
            "format": FORMAT, "version": VERSION, "options": self.options.to_dict(),
            "heads": {name: {"labels": head.labels} for name, head in self.heads.items()},
            "n_dense": self.n_dense, "vocab": vocab_list, "meta": self.meta,
        }
        (out / MODEL_FILE).write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        arrays = {"dense_mean": self.dense_mean.astype(np.float32), "dense_scale": self.dense_scale.astype(np.float32)}
        for name, head in self.heads.items():
            arrays[f"{name}_weights"] = head.weights.astype(np.float32)
            arrays[f"{name}_bias"] = head.bias.astype(np.float32)
        with open(out / WEIGHTS_FILE, "wb") as fh:
            np.savez_compressed(fh, **arrays)
        return out

    @classmethod
    def load(cls, directory: str | Path) -> "SentenceModel":
        root = Path(directory)
        return cls._from_files(root / MODEL_FILE, root / WEIGHTS_FILE, str(root))

    @classmethod
    def _from_files(cls, model_file, weights_file, where: str) -> "SentenceModel":
        try:
            doc = json.loads(model_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ModelFileError(f"{where}: no {MODEL_FILE} (not a sentence model directory)") from None
        except json.JSONDecodeError as exc:
            raise ModelFileError(f"{where}/{MODEL_FILE}: not valid JSON ({exc})") from None
        if doc.get("format") != FORMAT or doc.get("version") != VERSION:
            raise ModelFileError(f"{where}/{MODEL_FILE}: format {doc.get('format')!r} version {doc.get('version')!r}, "
                                 f"expected {FORMAT!r} version {VERSION}")
        try:
            with weights_file.open("rb") as fh, np.load(fh, allow_pickle=False) as npz:
                arrays = {k: npz[k] for k in npz.files}
        except FileNotFoundError:
            raise ModelFileError(f"{where}: no {WEIGHTS_FILE}") from None
        heads = {}
        for name in HEADS:
            if f"{name}_weights" not in arrays or name not in doc.get("heads", {}):
                raise ModelFileError(f"{where}: head {name!r} missing")
            labels = doc["heads"][name]["labels"]
            heads[name] = Head(labels=labels, weights=arrays[f"{name}_weights"].astype(np.float64),
                               bias=arrays[f"{name}_bias"].astype(np.float64))
        vocab = {k: i for i, k in enumerate(doc["vocab"])}
        return cls(vocab=vocab, dense_mean=arrays["dense_mean"].astype(np.float64),
                   dense_scale=arrays["dense_scale"].astype(np.float64), heads=heads,
                   options=FeatureOptions.from_dict(doc.get("options", {})), meta=doc.get("meta", {}))

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def default() -> "SentenceModel | None":
        """The model shipped in ``tacitus/learn/models`` (loaded once), or None when none ships."""
        models = resources.files("tacitus.learn").joinpath("models")
        model_file, weights_file = models.joinpath(MODEL_FILE), models.joinpath(WEIGHTS_FILE)
        if not (model_file.is_file() and weights_file.is_file()):
            return None
        return SentenceModel._from_files(model_file, weights_file, "tacitus/learn/models")
