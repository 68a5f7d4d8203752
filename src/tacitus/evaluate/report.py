"""The result of one evaluation run, as a readable table or a JSON-able dict."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

MAX_ERRORS = 500


@dataclass
class EvalReport:
    """Scores of the coder on one gold file.

    ``per_class``: label -> precision, recall, f1, support (gold count), predicted, tp.
    ``confusion``: gold -> predicted -> count (see each scorer for what the rows are on span and multi-label data).
    ``errors``: up to 500 wrong items with the top event's evidence, for explaining them.
    """

    dataset: str
    split: str
    n: int
    metrics: dict[str, Any]
    per_class: dict[str, dict[str, Any]]
    confusion: dict[str, dict[str, int]]
    labels: list[str]
    errors: list[dict[str, Any]] = field(default_factory=list)
    path: str = ""
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_text(self, max_errors: int = 10) -> str:
        """Per-class table, macro/micro rows, the other metrics, the confusion table and a few errors."""
        lines = [f"{self.dataset}  split={self.split}  n={self.n}  ({self.seconds:.1f} s)  {self.path}".rstrip(), ""]
        width = max([len(str(k)) for k in self.per_class] + [8])
        lines.append(f"{'label':<{width}}  {'prec':>6} {'recall':>6} {'f1':>6} {'support':>8} {'predicted':>9}")
        for label, row in self.per_class.items():
            lines.append(f"{label:<{width}}  {row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1']:>6.3f} "
                         f"{row['support']:>8} {row['predicted']:>9}")
        for avg in ("macro", "micro"):
            if f"{avg}_f1" in self.metrics:
                lines.append(f"{avg:<{width}}  {self.metrics.get(f'{avg}_precision', 0.0):>6.3f} "
                             f"{self.metrics.get(f'{avg}_recall', 0.0):>6.3f} {self.metrics[f'{avg}_f1']:>6.3f}")
        shown = {f"{a}_{m}" for a in ("macro", "micro", *self.per_class) for m in ("precision", "recall", "f1")}
        others = {k: v for k, v in self.metrics.items() if k not in shown}
        if others:
            lines.append("")
            for k, v in others.items():
                lines.append(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}")
        if self.confusion:
            lines += ["", "confusion (rows gold, columns predicted)", *self._confusion_lines()]
        if self.errors and max_errors:
            lines += ["", f"errors (first {min(max_errors, len(self.errors))} of {len(self.errors)} kept)"]
            for err in self.errors[:max_errors]:
                lines.append(f"  [{err['id']}] gold={err['gold']} predicted={err['predicted']} "
                             f"evidence={err.get('evidence') or '-'!r} {err.get('event') or ''}".rstrip())
                text = err.get("text") or ""
                lines.append(f"      {text[:100]}{'...' if len(text) > 100 else ''}")
        return "\n".join(lines)

    def _confusion_lines(self) -> list[str]:
        cols: list[str] = []
        for row in self.confusion.values():
            cols += [c for c in row if c not in cols]
        order = [c for c in self.labels if c in cols] + [c for c in cols if c not in self.labels]
        rows = [r for r in self.labels if r in self.confusion] + [r for r in self.confusion if r not in self.labels]
        w0 = max(len(str(r)) for r in rows)
        ws = [max(len(str(c)), 4) for c in order]
        out = [" " * w0 + "  " + " ".join(f"{c:>{w}}" for c, w in zip(order, ws))]
        for r in rows:
            out.append(f"{r:<{w0}}  " + " ".join(f"{self.confusion[r].get(c, 0):>{w}}" for c, w in zip(order, ws)))
        return out
