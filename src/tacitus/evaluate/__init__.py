"""Scoring the event coder on gold data: UTD CAMEO classes and actor spans, the PLOVER gold standard,
IndiaPoliceEvents.

    from tacitus.evaluate import evaluate
    report = evaluate("utd-class", "../shared/gold/utd_cameo/class_train.tsv", split="dev")
    print(report.to_text())

Rows are split into train/dev by :func:`split_of` (a hash of the normalised sentence, ~20 % dev); anything
trained on the gold files must skip the dev rows. The rules turning events into each format's labels are in
:mod:`tacitus.evaluate.predictions`.
"""

from tacitus.evaluate.gold import DATASETS, GoldItem, detect_dataset, load
from tacitus.evaluate.metrics import confusion, multilabel_prf, prf
from tacitus.evaluate.report import EvalReport
from tacitus.evaluate.runner import evaluate
from tacitus.evaluate.split import SPLITS, normalise_text, split_of

__all__ = [
    "DATASETS", "SPLITS", "EvalReport", "GoldItem", "confusion", "detect_dataset", "evaluate", "load",
    "multilabel_prf", "normalise_text", "prf", "split_of",
]
