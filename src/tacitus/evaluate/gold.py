"""Reading the gold files: one :class:`GoldItem` per sentence, whatever the format.

Formats (see /work/shared/README.md of the project's shared material):

- ``utd-class``: ``sentence TAB class`` with the five-way CAMEO class 0-4, no header.
- ``utd-spans``: ``token TAG`` per line (BIO tags over S source, T target, R reciprocal actors), a blank line
  between sentences.
- ``plover-gsr``: JSON lines with ``id``, ``text``, ``event`` (PLOVER type) and ``actor``/``recipient`` lists
  of ``{text, code, sector}``.
- ``india-police``: ``sentence TAB KILL TAB ARREST TAB ANY_ACTION TAB FAIL TAB FORCE`` (0/1), no header in the
  released files (a header naming the five labels, in any order, is also read); a directory holding
  ``sents_train.tsv``/``sents_dev.tsv`` is read by split.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.evaluate.split import check_split, select_split
from tacitus.evaluate.tokens import Token, rebuild

DATASETS = ("utd-class", "utd-spans", "plover-gsr", "india-police", "realnews")
UTD_CLASSES = ("0", "1", "2", "3", "4")
INDIA_LABELS = ("KILL", "ARREST", "ANY_ACTION", "FAIL", "FORCE")  # column order of the released files
INDIA_FILES = {"dev": "sents_dev.tsv", "train": "sents_train.tsv"}
BIO_TAG = re.compile(r"^(O|[BI]-[STR])$")


@dataclass(frozen=True)
class GoldItem:
    """One gold sentence. Which fields are filled depends on the dataset."""

    id: str
    text: str
    label: str | None = None  # utd-class: "0".."4"; plover-gsr: the PLOVER type
    labels: frozenset[str] = frozenset()  # india-police: the positive labels
    tokens: tuple[Token, ...] = ()  # utd-spans: tokens with offsets in ``text`` and their BIO tags
    actor_codes: tuple[str, ...] = ()  # plover-gsr: country/IGO codes of the gold actors
    recipient_codes: tuple[str, ...] = ()  # plover-gsr: codes of the gold recipients
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def role_tokens(self, *roles: str) -> set[int]:
        """Indices of the tokens tagged with one of ``roles`` (S, T, R)."""
        return {i for i, t in enumerate(self.tokens) if t.role in roles}


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text ({exc})") from exc


def _check_path(path: str | Path) -> Path:
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such gold file or directory")
    return p


def detect_dataset(path: str | Path) -> str:
    """Which gold format ``path`` holds, from its name and first lines; a ValueError naming it when unknown."""
    p = _check_path(path)
    from tacitus.evaluate.realnews import is_realnews

    if is_realnews(p):
        return "realnews"
    if p.is_dir():
        if any((p / name).is_file() for name in INDIA_FILES.values()):
            return "india-police"
        raise ValueError(f"{p}: a directory is read only for IndiaPoliceEvents (sents_train.tsv / sents_dev.tsv), "
                         "and it holds neither; pass a gold file")
    try:
        head = [ln for ln in _read_lines(p)[:50] if ln.strip()][:20]
    except ValueError as exc:
        raise ValueError(f"{p}: not a known gold format ({exc})") from exc
    if not head:
        raise ValueError(f"{p}: empty file, not a known gold format")
    if head[0].lstrip().startswith("{"):
        try:
            first = json.loads(head[0])
        except json.JSONDecodeError:
            first = None
        if isinstance(first, dict) and "text" in first and "event" in first:
            return "plover-gsr"
    rows = [ln.split("\t") for ln in head]
    if all(len(r) == 2 and r[1].strip() in UTD_CLASSES for r in rows):
        return "utd-class"
    body = rows[1:] if _india_header(rows[0]) else rows
    if body and all(len(r) == 6 and all(v.strip() in ("0", "1") for v in r[1:]) for r in body):
        return "india-police"
    pairs = [ln.rsplit(None, 1) for ln in head]
    if all(len(pr) == 2 and BIO_TAG.match(pr[1]) for pr in pairs):
        return "utd-spans"
    raise ValueError(f"{p}: not a known gold format (expected one of {', '.join(DATASETS)}: "
                     "sentence TAB class, token TAG lines, PLOVER JSON lines, or sentence TAB five 0/1 labels)")


def load(dataset: str, path: str | Path, split: str = "dev") -> list[GoldItem]:
    """The gold items of ``path`` in ``split`` (dev, train or all), in file order."""
    check_split(split)
    if dataset not in DATASETS:
        raise ValueError(f"unknown dataset {dataset!r}: expected one of {', '.join(DATASETS)}")
    p = _check_path(path)
    if dataset == "india-police":
        return _load_india(p, split)
    if p.is_dir():
        raise ValueError(f"{p}: is a directory; {dataset} is read from one file")
    reader = {"utd-class": _read_utd_class, "utd-spans": _read_utd_spans, "plover-gsr": _read_plover_gsr}[dataset]
    return select_split(reader(p), split, lambda item: item.text)


def _read_utd_class(path: Path) -> list[GoldItem]:
    items = []
    for n, line in enumerate(_read_lines(path), start=1):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) != 2:
            raise ValueError(f"{path}:{n}: expected 'sentence TAB class', found {len(cols)} tab-separated columns")
        text, label = cols[0].strip(), cols[1].strip()
        if label not in UTD_CLASSES:
            raise ValueError(f"{path}:{n}: class {label!r} is not one of 0-4")
        items.append(GoldItem(id=str(n), text=text, label=label))
    return items


def _read_utd_spans(path: Path) -> list[GoldItem]:
    items: list[GoldItem] = []
    pairs: list[tuple[str, str]] = []
    first_line = 0

    def flush() -> None:
        if pairs:
            text, tokens = rebuild(pairs)
            items.append(GoldItem(id=str(first_line), text=text, tokens=tokens))
            pairs.clear()

    for n, line in enumerate(_read_lines(path), start=1):
        if not line.strip():
            flush()
            continue
        parts = line.rsplit(None, 1)
        if len(parts) != 2 or not BIO_TAG.match(parts[1]):
            raise ValueError(f"{path}:{n}: expected 'token TAG' with a tag among O, B-S, I-S, B-T, I-T, B-R, I-R")
        if not pairs:
            first_line = n
        pairs.append((parts[0].strip(), parts[1]))
    flush()
    return items


def _codes(path: Path, n: int, rec: dict, key: str) -> tuple[str, ...]:
    value = rec.get(key) or []
    if not isinstance(value, list) or not all(isinstance(a, dict) for a in value):
        raise ValueError(f"{path}:{n}: '{key}' must be a list of {{text, code, sector}} objects")
    return tuple(str(a["code"]).strip().upper() for a in value if a.get("code"))


def _read_plover_gsr(path: Path) -> list[GoldItem]:
    items = []
    for n, line in enumerate(_read_lines(path), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec.get("event"):
            raise ValueError(f"{path}:{n}: a PLOVER gold record needs 'text' and 'event'")
        items.append(GoldItem(
            id=str(rec.get("id") or n), text=rec["text"].strip(), label=str(rec["event"]).strip().upper(),
            actor_codes=_codes(path, n, rec, "actor"), recipient_codes=_codes(path, n, rec, "recipient"),
            extra={"mode_hint": rec.get("mode_hint")},
        ))
    return items


def _india_header(cols: list[str]) -> list[str] | None:
    names = [c.strip().upper() for c in cols[1:]]
    return names if sorted(names) == sorted(INDIA_LABELS) else None


def _read_india_file(path: Path) -> list[GoldItem]:
    lines = _read_lines(path)
    order = list(INDIA_LABELS)
    start = 0
    if lines:
        header = _india_header(lines[0].split("\t"))
        if header:
            order, start = header, 1
    items = []
    for n, line in enumerate(lines[start:], start=start + 1):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) != 6:
            raise ValueError(f"{path}:{n}: expected a sentence and five 0/1 labels, found {len(cols)} columns")
        values = [c.strip() for c in cols[1:]]
        if any(v not in ("0", "1") for v in values):
            raise ValueError(f"{path}:{n}: labels must be 0 or 1, found {values}")
        labels = frozenset(name for name, v in zip(order, values) if v == "1")
        items.append(GoldItem(id=f"{path.stem}:{n}", text=cols[0].strip(), labels=labels))
    return items


def _load_india(path: Path, split: str) -> list[GoldItem]:
    """The released files keep their own split: a directory gives sents_dev/sents_train by ``split``; a file
    named for one split must be asked for with that split (or all); any other file is split by text hash."""
    if path.is_dir():
        wanted = ["dev", "train"] if split == "all" else [split]
        files = [path / INDIA_FILES[s] for s in wanted]
        missing = [f.name for f in files if not f.is_file()]
        if missing:
            raise ValueError(f"{path}: missing {', '.join(missing)} for split {split!r}")
        return [item for f in files for item in _read_india_file(f)]
    own = next((s for s, name in INDIA_FILES.items() if path.name == name), None)
    if own is not None:
        if split not in (own, "all"):
            raise ValueError(f"{path}: this is the {own} file of IndiaPoliceEvents; ask for split {own!r} or "
                             f"'all', or pass {INDIA_FILES[split]}")
        return _read_india_file(path)
    return select_split(_read_india_file(path), split, lambda item: item.text)
