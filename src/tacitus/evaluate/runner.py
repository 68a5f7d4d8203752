"""Running the coder over a gold file and scoring it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Protocol

from tacitus.evaluate.gold import DATASETS, GoldItem, detect_dataset, load
from tacitus.evaluate.report import EvalReport
from tacitus.evaluate.scoring import SCORERS
from tacitus.records import Document, Event

BATCH = 256  # sentences per call to the coder


class CoderLike(Protocol):
    def code(self, documents: list[Document]) -> list[list[Event]]: ...


def code_items(coder: CoderLike, items: list[GoldItem], batch: int = BATCH) -> list[list[Event]]:
    """The coder's events for each gold sentence, one Document per sentence, in batches."""
    out: list[list[Event]] = []
    for i in range(0, len(items), batch):
        chunk = items[i:i + batch]
        result = coder.code([Document(doc_id=it.id, text=it.text, published=None) for it in chunk])
        if len(result) != len(chunk):
            raise ValueError(f"the coder returned {len(result)} event lists for {len(chunk)} documents")
        out.extend(result)
    return out


def evaluate(dataset: str | None, path: str | Path, *, coder: CoderLike | None = None, split: str = "dev",
             limit: int | None = None, corpus: str | Path | None = None) -> EvalReport:
    """Score ``coder`` (a default :class:`tacitus.coding.Coder` when None) on the ``split`` rows of the gold
    file ``path``; ``dataset`` None detects the format; ``limit`` keeps the first N rows of the split. A real-news
    gold folder (``realnews``) is scored by whole articles read from ``corpus`` (default: its meta.json's)."""
    if dataset is None:
        dataset = detect_dataset(path)
    if dataset not in DATASETS:
        raise ValueError(f"unknown dataset {dataset!r}: expected one of {', '.join(DATASETS)}")
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be a positive number of rows, got {limit}")
    if dataset == "realnews":
        from tacitus.evaluate.realnews import evaluate_realnews

        started = time.perf_counter()
        report = evaluate_realnews(path, coder or _default_coder(), split, corpus)
        report.seconds = round(time.perf_counter() - started, 2)
        return report
    items = load(dataset, path, split)
    if limit is not None:
        items = items[:limit]
    if not items:
        raise ValueError(f"{path}: no {dataset} rows in split {split!r}")
    coder = coder or _default_coder()
    started = time.perf_counter()
    events = code_items(coder, items)
    report = SCORERS[dataset](items, events, split)
    report.path = str(path)
    report.seconds = round(time.perf_counter() - started, 2)
    return report


def _default_coder() -> CoderLike:
    from tacitus.coding import Coder

    return Coder()
