"""``iter_inputs``: paths, folders and stdin in; one status (and maybe a Document) out per article."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Iterable, Iterator, TextIO

from tacitus.failures import failure, reject
from tacitus.ingest.clean import clean_text, normalise_title
from tacitus.ingest.dates import normalise_date
from tacitus.ingest.html import extract
from tacitus.ingest.seen import SeenDocuments
from tacitus.ingest.readers import (
    MAX_ARTICLE_CHARS,
    MAX_HTML_CHARS,
    RawRecord,
    file_format,
    read_file,
    read_stdin,
    unknown_type_reason,
)
from tacitus.records import Document, InputStatus
from tacitus.safe_text import valid_unicode


@dataclass
class _Unit:
    """One thing to read: a file (with the folder it was found in), stdin, or an input already rejected."""

    display: str
    path: Path | None = None
    relative: str | None = None  # path relative to the input folder, or the name of a file given itself
    reason: str | None = None
    stdin: bool = False

    @property
    def key(self) -> str:
        """The name default doc ids are built from: the path relative to the folder given as input, or the
        file's name when the file itself was given."""
        return self.relative or ""

    def __post_init__(self) -> None:
        self.display = valid_unicode(self.display)  # a file name's non-UTF-8 bytes as \xNN


def _walk(folder: Path, display: str, relative: str, visited: dict[str, str], units: list[_Unit]) -> None:
    """Files under ``folder`` in sorted order, hidden ones skipped, each real folder read once."""
    real = os.path.realpath(folder)
    display = valid_unicode(display)
    if real in visited:
        units.append(_Unit(display, reason=f"folder already read as {visited[real]} (symlink loop or second link)"))
        return
    visited[real] = display
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        units.append(_Unit(display, reason=f"cannot list folder: {exc.strerror or exc}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child_display = entry.name if display in (".", "./") else os.path.join(display, entry.name)
        child_relative = f"{relative}/{entry.name}" if relative else entry.name
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:
            is_dir = False
        if is_dir:
            _walk(path, child_display, child_relative, visited, units)
        elif entry.is_symlink() and not path.exists():
            units.append(_Unit(child_display, reason="no such file (broken symbolic link)"))
        else:
            units.append(_Unit(child_display, path=path, relative=child_relative))


def _expand(inputs: Iterable[str]) -> list[_Unit]:
    units: list[_Unit] = []
    visited: dict[str, str] = {}
    for raw in inputs:
        raw = str(raw)
        if raw == "-":
            units.append(_Unit("-", stdin=True))
            continue
        path = Path(raw)
        if path.is_dir():
            _walk(path, raw, "", visited, units)
        elif path.is_symlink() and not path.exists():
            units.append(_Unit(raw, reason="no such file (broken symbolic link)"))
        elif not path.exists():
            units.append(_Unit(raw, reason="no such file or folder"))
        else:
            units.append(_Unit(raw, path=path, relative=PurePath(raw).name))
    return units


ID_HASH_CHARS = 12  # hex digits of the content hash in a default id


def doc_id_for(content_hash: str, *, url: str | None, name: str | None) -> str:
    """The default id of a document whose record has no id: its URL when the record has one (a new version of
    the page is the same document, which the store refuses to overwrite without --replace); else the path
    relative to the input root (``name``; "stdin" for standard input) and a short hash of the cleaned text, so
    that another day's file of the same name is another document, and the same text under the same name is the
    same one."""
    if url:
        return url
    return f"{name or 'stdin'}#{content_hash[:ID_HASH_CHARS]}"


def _status(rec: RawRecord, status: str, reason: str | None, doc_id: str | None = None) -> InputStatus:
    return InputStatus(input=rec.input, status=status, reason=reason, doc_id=doc_id)


class _Batch:
    """Turns raw records into Documents, remembering content hashes and ids already yielded."""

    def __init__(self, published: str | None, repeats: bool = False) -> None:
        self.published = published
        self.repeats = repeats  # yield a repeated article again (under its own id) instead of skipping it
        self.seen = SeenDocuments()  # the first id with each content, and the input of each id

    def build(self, rec: RawRecord) -> tuple[InputStatus, Document | None]:
        if rec.error:
            return _status(rec, "rejected", valid_unicode(rec.error)), None
        notes = list(rec.notes) + _make_valid(rec)
        page = None
        if rec.text is not None:
            text = rec.text
        else:
            html = rec.html or ""
            if len(html) > MAX_HTML_CHARS:
                return _status(rec, "rejected", _too_large(len(html), MAX_HTML_CHARS, "HTML")), None
            page = extract(html, url=rec.url)
            text = page.text
            if not text.strip():
                reason = "no text found in the HTML" + (f" ({page.note})" if page.note else "")
                return _status(rec, "rejected", reason), None
            if page.note:
                notes.append(page.note)
        if len(text) > MAX_ARTICLE_CHARS:
            return _status(rec, "rejected", _too_large(len(text), MAX_ARTICLE_CHARS, "article")), None
        title = normalise_title(rec.title) or (page.title if page else None)
        cleaned = clean_text(text, title)
        if not cleaned.text:
            reason = f"no article text left after cleaning ({len(cleaned.removed)} boilerplate parts removed)"
            return _status(rec, "rejected", reason), None
        published = None
        if rec.published is not None and str(rec.published).strip():
            published = normalise_date(rec.published)
            if published is None:
                notes.append(f"published value {str(rec.published)[:60]!r} not understood as a date")
        published = published or (page.date if page else None) or self.published
        doc = Document(
            doc_id="",
            text=cleaned.text,
            title=cleaned.title,
            published=published,
            url=normalise_title(rec.url) or (page.url if page else None),
            publisher=normalise_title(rec.publisher) or (page.publisher if page else None),
            source=rec.input,
            removed=cleaned.removed,
        )
        digest = doc.content_hash
        doc.doc_id = rec.id or doc_id_for(digest, url=normalise_title(rec.url), name=rec.default_id)
        first = self.seen.first_with_content(digest)
        if first is not None and not self.repeats:
            return _status(rec, "skipped", f"duplicate of {first}", doc.doc_id), None
        used_by = self.seen.input_of(doc.doc_id)
        if used_by is not None:
            reason = f"doc id {doc.doc_id!r} is already used by {used_by} in this batch"
            return _status(rec, "rejected", reason), None
        self.seen.add(digest, doc.doc_id, rec.input)
        return _status(rec, "coded", "; ".join(notes) or None, doc.doc_id), doc


def _make_valid(rec: RawRecord) -> list[str]:
    """Lone surrogates (JSON escapes such as "\\udfff", non-UTF-8 bytes of file names) out of the record, which is
    then safe to hash, store and write: in the id and default id they become escapes, elsewhere U+FFFD. A note for
    each field changed."""
    notes = []
    for name in ("id", "default_id", "text", "html", "title", "url", "publisher", "published"):
        value = getattr(rec, name)
        if isinstance(value, str):
            valid = valid_unicode(value, replace=name not in ("id", "default_id"))
            if valid != value:
                setattr(rec, name, valid)
                if name == "id":
                    notes.append(f"the id held lone surrogates (not Unicode text), written as escapes: {valid}")
                elif name != "default_id":
                    notes.append(f"field '{name}' held lone surrogates (not Unicode text), replaced by U+FFFD")
    return notes


def _too_large(n: int, limit: int, what: str) -> str:
    return f"too large: {what} is {n:,} characters, over the limit of {limit:,}"


def iter_inputs(
    inputs: Iterable[str], *, published: str | None = None, stdin: TextIO | None = None, repeats: bool = False
) -> Iterator[tuple[InputStatus, Document | None]]:
    """Read every input and yield ``(status, Document)`` for each article, ``(status, None)`` otherwise.

    ``inputs``: .txt, .html/.htm, .jsonl, .csv, .warc(.gz) files, folders (read recursively) or ``-``
    for stdin. ``published`` is the date for articles that carry none (raises ValueError when it is not
    a readable date). Nothing stops the batch: every file, record and folder problem becomes a
    "rejected" status with a one-line reason, and repeated articles are "skipped" (with ``repeats``, yielded
    again under their own ids: a gold file may annotate both copies).
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [str(inputs)]
    default = None
    if published is not None:
        default = normalise_date(published)
        if default is None:
            raise ValueError(f"published: cannot read {published!r} as a calendar date; use YYYY-MM-DD")
    return _generate(list(inputs), default, stdin, repeats)


def _generate(
    inputs: list[str], published: str | None, stdin: TextIO | None, repeats: bool = False
) -> Iterator[tuple[InputStatus, Document | None]]:
    batch = _Batch(published, repeats)
    for unit in _expand(inputs):
        if unit.reason:
            yield InputStatus(input=unit.display, status="rejected", reason=unit.reason), None
            continue
        if unit.stdin:
            records = read_stdin(stdin if stdin is not None else sys.stdin)
        elif file_format(unit.path)[0] is None:
            reason = valid_unicode(unknown_type_reason(unit.path))
            yield InputStatus(input=unit.display, status="rejected", reason=reason), None
            continue
        else:
            records = read_file(unit.path, unit.display, valid_unicode(unit.key))
        yield from _isolated(records, batch, unit.display)


def _isolated(records: Iterator[RawRecord], batch: _Batch, where: str
              ) -> Iterator[tuple[InputStatus, Document | None]]:
    """Each record built; an exception while building one rejects that record, one inside the reader rejects what
    is left of the input (a generator that raised cannot go on)."""
    read = 0
    while True:
        try:
            rec = next(records)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - a reader bug ends this input, not the run
            note = f"reading stopped after {read} record(s)" if read else None
            yield reject(InputStatus(input=where, status="rejected"), failure(exc, "reading"), note=note), None
            return
        read += 1
        try:
            built = batch.build(rec)
        except Exception as exc:  # noqa: BLE001 - one record's bug must not stop the batch
            built = reject(InputStatus(input=rec.input, status="rejected"), failure(exc, "reading")), None
        yield built
