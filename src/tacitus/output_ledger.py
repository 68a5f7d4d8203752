"""Which documents a JSONL output holds completely: the ledger next to it (``OUT.docs``).

`tacitus code -o OUT.jsonl` writes each document's event lines, flushes them, and only then appends a line for
the document to ``OUT.jsonl.docs``: its id, content hash, number of lines and the byte offset where its lines end.
A run killed or stopped by a full disk between the two leaves the document out of the ledger; `--resume` cuts the
output back to the end of the last document in the ledger (dropping any partial lines after it) and codes the
rest again, so no event is lost and none is written twice. The first line of the ledger names the tacitus
version and the settings that change coding; a resume with others is refused.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, IO

LEDGER_SUFFIX = ".docs"


def ledger_path(output: Path) -> Path:
    return output.with_name(output.name + LEDGER_SUFFIX)


@dataclass
class Written:
    """One document whose event lines are all in the output."""

    doc_id: str
    content_hash: str
    lines: int
    end: int  # byte offset in the output just after the document's last line


class Ledger:
    """Appends a line per completely written document (the header first, for a new ledger)."""

    def __init__(self, output: Path, header: dict, *, append: bool) -> None:
        path = ledger_path(output)
        self._fh: IO[str] = open(path, "a" if append else "w", encoding="utf-8")
        if not append or path.stat().st_size == 0:
            self._write({"tacitus_ledger": 1} | header)

    def _write(self, record: dict) -> None:
        self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._fh.flush()

    def record(self, written: Written) -> None:
        self._write(asdict(written))

    def close(self) -> None:
        self._fh.close()


def _read(path: Path) -> tuple[dict, list[Written]]:
    """The header and the documents of a ledger; a last line cut off mid-write is not a document."""
    header: dict | None = None
    entries: list[Written] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.endswith("\n"):
                break
            try:
                record = json.loads(line)
                if header is None:
                    header = record if record.get("tacitus_ledger") == 1 else None
                    if header is None:
                        raise ValueError
                    continue
                entries.append(Written(str(record["doc_id"]), str(record["content_hash"]), int(record["lines"]),
                                       int(record["end"])))
            except (ValueError, KeyError, TypeError, AttributeError):
                raise ValueError(f"{path}: not a tacitus ledger of written documents (line {len(entries) + 1} is "
                                 "not one)") from None
    if header is None:
        raise ValueError(f"{path}: empty ledger; code again without --resume")
    return header, entries


def _complete(entries: list[Written], size: int) -> list[Written]:
    """The documents whose lines the output holds: in order, each ending after the last and within the file."""
    complete, end = [], 0
    for entry in entries:
        if entry.end < end or entry.end > size:
            break
        complete.append(entry)
        end = entry.end
    return complete


def prepare_resume(output: Path, header: dict, keep: Callable[[list[Written]], set[str]] | None = None,
                   ) -> dict[str, str]:
    """Make ``output`` and its ledger ready for a resumed run to append to; returns {doc_id: content_hash} of the
    documents kept in it.

    Lines after the last completely written document are dropped; so are the lines of documents ``keep`` (given
    the written documents, returns the ids to keep) leaves out, which the resumed run codes again. ValueError
    with a one-line reason when the output cannot be resumed: no ledger, or one written with other settings.
    """
    ledger = ledger_path(output)
    if not output.exists() or (output.stat().st_size == 0 and not ledger.exists()):
        return {}
    if not ledger.exists():
        raise ValueError(f"{output}: no record of the documents written to it ({ledger.name} is missing), so a "
                         "resume cannot tell which are complete; code again without --resume, or to another -o")
    stored, entries = _read(ledger)
    for key, name in (("coder_version", "tacitus"), ("settings_digest", "settings that change coding")):
        if stored.get(key) != header.get(key):
            raise ValueError(f"{output}: written by a run with other {name} ({_differences(stored, header)}); "
                             "resume with the same options, or code again without --resume")
    complete = _complete(entries, output.stat().st_size)
    kept_ids = {e.doc_id for e in complete} if keep is None else keep(complete)
    kept = [e for e in complete if e.doc_id in kept_ids]
    if len(kept) == len(complete):
        _cut(output, ledger, stored, kept)
    else:
        _rewrite(output, ledger, stored, complete, kept_ids)
    return {e.doc_id: e.content_hash for e in kept}


def _differences(old: dict, new: dict) -> str:
    a, b = old.get("settings") or {}, new.get("settings") or {}
    changed = [f"{k}: {a.get(k)!r} -> {b.get(k)!r}" for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
    if old.get("coder_version") != new.get("coder_version"):
        changed.insert(0, f"tacitus {old.get('coder_version')} -> {new.get('coder_version')}")
    return "; ".join(changed) or "the actor or pattern files changed"


def _write_ledger(ledger: Path, header: dict, entries: list[Written]) -> None:
    tmp = ledger.with_name(ledger.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(header, ensure_ascii=False) + "\n")
        for entry in entries:
            fh.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
    os.replace(tmp, ledger)


def _cut(output: Path, ledger: Path, header: dict, kept: list[Written]) -> None:
    """Every complete document is kept: drop what follows the last one."""
    with open(output, "r+b") as fh:
        fh.truncate(kept[-1].end if kept else 0)
    _write_ledger(ledger, header, kept)


def _rewrite(output: Path, ledger: Path, header: dict, complete: list[Written], keep: set[str]) -> None:
    """Copy the kept documents' lines, block by block, to a new output with a new ledger."""
    tmp = output.with_name(output.name + ".resume")
    moved: list[Written] = []
    with open(output, "rb") as src, open(tmp, "wb") as dst:
        start = 0
        for entry in complete:
            src.seek(start)
            block = src.read(entry.end - start)
            start = entry.end
            if entry.doc_id in keep:
                dst.write(block)
                moved.append(Written(entry.doc_id, entry.content_hash, entry.lines, dst.tell()))
    os.replace(tmp, output)
    _write_ledger(ledger, header, moved)
