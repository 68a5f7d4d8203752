"""Readers for the labelled corpora the learned layer trains on, and the train/dev split rule.

- UTD CAMEO sentences: ``sentence TAB class`` (class 0..4).
- PLOVER gold-standard records: JSON lines with ``text`` and ``event`` (one of the 16 PLOVER types).
- NGEC synthetic stories: a zip holding one CSV with ``text`` and ``label`` (a PLOVER type); read in place.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tacitus.evaluate import split_of  # the one split rule: dev rows are never trained on
from tacitus.events.ontology import Ontology
from tacitus.learn.decide import type_classes

FIVE_WAY = (0, 1, 2, 3, 4)
__all__ = ["Example", "lead_sentences", "read_plover", "read_synthetic_stories", "read_utd", "split_of"]


@dataclass
class Example:
    text: str
    source: str  # "utd", "plover", "synthetic"
    five_way: int | None  # None when the example only trains the plover head
    plover: str | None  # PLOVER type or "NONE"; None when unknown


def read_utd(path: str | Path) -> list[Example]:
    """UTD sentences with their five-way class (read by the evaluation loader; errors name file and line)."""
    from tacitus.evaluate import load

    return [Example(item.text, "utd", int(item.label), None) for item in load("utd-class", path, split="all")]


def read_plover(path: str | Path, ontology: Ontology) -> list[Example]:
    """PLOVER gold records mapped to their type and five-way class."""
    from tacitus.evaluate import load

    classes = type_classes(ontology)
    out = []
    for item in load("plover-gsr", path, split="all"):
        if item.label not in classes:
            raise ValueError(f"{path}:{item.id}: {item.label!r} is not a PLOVER type")
        out.append(Example(item.text, "plover", classes[item.label], item.label))
    return out


def read_synthetic_stories(path: str | Path, ontology: Ontology) -> list[tuple[str, str]]:
    """(story text, PLOVER type) pairs from the zipped CSV of synthetic stories."""
    path = Path(path)
    classes = type_classes(ontology)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, FileNotFoundError) as exc:
        raise ValueError(f"{path}: not a readable zip file ({exc})") from None
    with archive:
        names = [n for n in archive.namelist() if n.lower().endswith(".csv")]
        if len(names) != 1:
            raise ValueError(f"{path}: expected one CSV inside, found {names}")
        with archive.open(names[0]) as raw:
            reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"))
            if not {"text", "label"} <= set(reader.fieldnames or ()):
                raise ValueError(f"{path}:{names[0]}: needs columns 'text' and 'label', has {reader.fieldnames}")
            out = [(r["text"], r["label"]) for r in reader if r["label"] in classes and (r["text"] or "").strip()]
    if not out:
        raise ValueError(f"{path}: no stories with a PLOVER label")
    return out


def lead_sentences(stories: list[tuple[str, str]], nlp, ontology: Ontology) -> list[Example]:
    """The first sentence of each story (its lead, where the prompted event is told), labelled with its type."""
    classes = type_classes(ontology)
    firsts = [next((p for p in text.split("\n") if p.strip()), "").strip()[:1000] for text, _ in stories]
    out: list[Example] = []
    with nlp.select_pipes(enable=[p for p in ("tok2vec", "parser") if p in nlp.pipe_names]):
        for doc, (_text, label) in zip(nlp.pipe(firsts, batch_size=64), stories):
            sent = next((s for s in doc.sents if len(s) >= 5), None)
            if sent is not None:
                out.append(Example(sent.text.strip(), "synthetic", classes[label], label))
    return out
