"""Digests of the coder's JSONL output on the shared corpora, for refactoring without changing behaviour.

``python tests/golden_output.py`` records the digests of the code as it is now into
``tests/data/golden_output.json``; ``tests/test_golden_output.py`` codes the same texts and compares.
The fixture holds one SHA-256 per document and an event count, never the texts (they belong to their
publishers), so a difference names the document and the test then prints the events it gives now.

Record it with the code *before* a redesign step and commit the fixture first; after a deliberate change
of behaviour, record it again in the same commit as the change and say so in the message.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import replace
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
FIXTURE = Path(__file__).resolve().parent / "data" / "golden_output.json"

# (name, gold dataset or None for a corpus of articles, path under shared/, split)
SOURCES = [
    ("news_samples", None, "corpora/news_samples.jsonl", None),
    ("seed_article", None, "examples/seed_article.txt", None),
    ("utd_class", "utd-class", "gold/utd_cameo/class_train.tsv", "all"),
    ("utd_spans", "utd-spans", "gold/utd_cameo/spans_train.txt", "all"),
    ("plover_gsr", "plover-gsr", "gold/plover_gsr_en/plover_gsr_cameo_en.jsonl", "all"),
    ("india_police_dev", "india-police", "gold/indiapoliceevents/sents_dev.tsv", "dev"),
]
SEED_PUBLISHED = "2020-02-05"


def _line(event) -> str:
    """The line `tacitus code --format jsonl` writes for an event."""
    return json.dumps(event.to_dict(), ensure_ascii=False) + "\n"


def _documents(dataset: str | None, path: Path, split: str | None):
    from tacitus.evaluate.gold import load
    from tacitus.ingest import iter_inputs
    from tacitus.records import Document

    if dataset is None:
        published = SEED_PUBLISHED if path.suffix == ".txt" else None
        # the id is given, not derived, so that a change to ingest's default ids leaves the digests alone
        return [replace(doc, doc_id=doc.doc_id if path.suffix == ".jsonl" else path.stem)
                for status, doc in iter_inputs([str(path)], published=published) if doc is not None]
    return [Document(doc_id=item.id, text=item.text, published=None) for item in load(dataset, path, split)]


def digests(coder=None) -> dict[str, dict[str, list]]:
    """{source: {doc_id: [number of events, sha256 of their JSONL lines]}} for every source."""
    from tacitus.pipeline import Coder

    coder = coder or Coder()
    out: dict[str, dict[str, list]] = {}
    for name, dataset, rel, split in SOURCES:
        docs = _documents(dataset, SHARED / rel, split)
        table: dict[str, list] = {}
        for start in range(0, len(docs), 256):
            chunk = docs[start:start + 256]
            for doc, events in zip(chunk, coder.code(chunk)):
                text = "".join(_line(e) for e in events)
                table[doc.doc_id] = [len(events), hashlib.sha256(text.encode("utf-8")).hexdigest()]
        out[name] = table
    return out


def main() -> int:
    if not SHARED.is_dir():
        print(f"no shared material at {SHARED}", file=sys.stderr)
        return 1
    table = digests()
    FIXTURE.write_text(json.dumps(table, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    total = sum(n for src in table.values() for n, _ in src.values())
    print(f"{FIXTURE}: {sum(len(v) for v in table.values())} documents, {total} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
