"""Per-format readers: each yields ``RawRecord``s (one per article, or one per rejected input).

Readers only read and decode; HTML extraction, cleaning, dates and ids are done by ``batch``.
JSONL, CSV and WARC are streamed record by record, never loaded whole.
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Iterator, Mapping, TextIO

from tacitus.ingest.decode import NotText, binary_kind, decode_bytes, utf8_copy, wide_encoding
from tacitus.ingest.files import NotRegularFile, open_regular
from tacitus.ingest.html import looks_like_html

MAX_ARTICLE_CHARS = 2_000_000  # one article's text
MAX_HTML_CHARS = 20_000_000  # one article's HTML source (pages carry far more markup than text)
MAX_LINE_BYTES = 64 * 1024 * 1024  # one JSONL line / CSV physical line
WARC_NEEDS = "WARC support needs the optional package warcio"

# file name endings -> format; longest first so ".warc.gz" wins over ".gz"
SUFFIXES = (
    (".warc.gz", "warc"), (".warc", "warc"), (".jsonl", "jsonl"), (".ndjson", "jsonl"),
    (".html", "html"), (".htm", "html"), (".txt", "text"), (".csv", "csv"), (".parquet", "parquet"),
)
FIELDS = ("id", "text", "html", "published", "title", "url", "publisher")


@dataclass
class RawRecord:
    """One article as read, before extraction and cleaning; ``error`` set means rejected."""

    input: str
    default_id: str | None  # what an id is built from when the record has none (its file's path relative to the
    # input root; batch adds the content hash); None: standard input
    id: str | None = None
    text: str | None = None
    html: str | None = None
    published: Any = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    notes: list[str] = field(default_factory=list)
    error: str | None = None


def file_format(path: str | Path) -> tuple[str | None, str]:
    """(format, stem) from a file name; format None when the ending is not one we read."""
    name = Path(path).name
    lower = name.lower()
    for suffix, kind in SUFFIXES:
        if lower.endswith(suffix) and len(name) > len(suffix):
            return kind, name[: -len(suffix)]
    return None, Path(name).stem


def unknown_type_reason(path: str | Path) -> str:
    ending = "".join(Path(path).suffixes[-2:]) or "no extension"
    known = ", ".join(s for s, _ in SUFFIXES)
    return f"unknown file type ({ending}); expected one of {known}, a folder, or - for stdin"


def _reject(where: str, reason: str) -> RawRecord:
    return RawRecord(input=where, default_id=None, error=reason)


def _size_reason(n: int, unit: str, limit: int) -> str:
    return f"too large: {n:,} {unit}, over the limit of {limit:,} {unit} for one article"


def _read_file_bytes(path: Path, limit: int) -> bytes:
    """The whole file, or ``ValueError`` naming its size when it is larger than ``limit`` bytes."""
    with open_regular(path) as f:
        size = os.fstat(f.fileno()).st_size
        if size > limit:
            raise ValueError(_size_reason(size, "bytes", limit))
        return f.read(limit + 1)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, NotRegularFile):
        return str(exc)
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder"
    if isinstance(exc, IsADirectoryError):
        return "is a folder that could not be read as one"
    return f"cannot read: {exc.strerror or exc}"


def read_whole_file(path: Path, where: str, key: str, kind: str) -> Iterator[RawRecord]:
    """A .txt or .html file: one article."""
    is_html = kind == "html"
    char_limit = MAX_HTML_CHARS if is_html else MAX_ARTICLE_CHARS
    try:
        data = _read_file_bytes(path, 4 * char_limit + 4)
        decoded = decode_bytes(data, html=is_html)
    except OSError as exc:
        yield _reject(where, _os_reason(exc))
        return
    except (ValueError, NotText) as exc:
        yield _reject(where, str(exc))
        return
    if not decoded.text.strip():
        yield _reject(where, "file is empty" if not data else "file has only whitespace")
        return
    if len(decoded.text) > char_limit:
        yield _reject(where, _size_reason(len(decoded.text), "characters", char_limit))
        return
    notes = [decoded.note] if decoded.note else []
    if is_html:
        yield RawRecord(input=where, default_id=key, html=decoded.text, notes=notes)
    else:
        yield RawRecord(input=where, default_id=key, text=decoded.text, notes=notes)


def read_stdin(stream: TextIO) -> Iterator[RawRecord]:
    """``-``: the whole of standard input is one article, HTML when it looks like HTML."""
    where = "-"
    notes: list[str] = []
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            data = buffer.read(4 * MAX_HTML_CHARS + 1)
            decoded = decode_bytes(data, html=True)
            text = decoded.text
            if decoded.note:
                notes.append(decoded.note)
        else:
            text = stream.read(MAX_HTML_CHARS + 1)
    except NotText as exc:
        yield _reject(where, str(exc))
        return
    except (OSError, UnicodeDecodeError) as exc:
        yield _reject(where, f"cannot read standard input: {exc}")
        return
    if not text.strip():
        yield _reject(where, "standard input is empty")
        return
    if looks_like_html(text):
        if len(text) > MAX_HTML_CHARS:
            yield _reject(where, _size_reason(len(text), "characters", MAX_HTML_CHARS))
            return
        yield RawRecord(input=where, default_id=None, html=text, notes=notes)
    else:
        yield RawRecord(input=where, default_id=None, text=text, notes=notes)


def _open_text_file(path: Path) -> tuple[IO[bytes] | None, str | None]:
    """The file opened for reading UTF-8 (or single-byte) lines, or the reason it cannot be read as a text file of
    records. A UTF-16 or UTF-32 file (with its byte-order mark, as PowerShell writes) is read from a UTF-8 copy."""
    try:
        f = open_regular(path)
    except OSError as exc:
        return None, _os_reason(exc)
    head = f.read(8192)
    f.seek(0)
    reason = _first_bytes_reason(head)
    if reason:
        f.close()
        return None, reason
    wide = wide_encoding(head)
    if wide:
        with f:
            try:
                return utf8_copy(f, wide), None
            except OSError as exc:
                return None, f"cannot read: {exc.strerror or exc}"
    return f, None


def _first_bytes_reason(head: bytes) -> str | None:
    if not head:
        return "file is empty"
    kind = binary_kind(head)
    return f"not a text file: looks like {kind}" if kind else None


def _lines(f: IO[bytes]) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; bytes None for a line longer than MAX_LINE_BYTES (skipped)."""
    lineno = 0
    while True:
        line = f.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        lineno += 1
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while True:  # skip the rest of the oversized line without keeping it
                rest = f.readline(1024 * 1024)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        yield lineno, line


def _type_name(value: object) -> str:
    return {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def record_from_fields(fields: Mapping[str, Any], where: str, default_id: str, notes: list[str]) -> RawRecord:
    """A RawRecord from a JSON object or CSV row with the columns of ``FIELDS``."""
    for name in ("text", "html", "title", "url", "publisher"):
        value = fields.get(name)
        if value is not None and not isinstance(value, str):
            return _reject(where, f"field '{name}' is {_type_name(value)}, not a string")
    text, html = fields.get("text"), fields.get("html")
    if text is None and html is None:
        return _reject(where, "record has neither 'text' nor 'html'")
    if not (text or "").strip() and not (html or "").strip():
        return _reject(where, "empty record: 'text'/'html' has no content")
    raw_id = fields.get("id")
    if isinstance(raw_id, (dict, list)):
        return _reject(where, f"field 'id' is {_type_name(raw_id)}, not a string or number")
    doc_id = None if raw_id is None or isinstance(raw_id, bool) else str(raw_id).strip() or None
    return RawRecord(
        input=where,
        default_id=default_id,
        id=doc_id,
        text=text if (text or "").strip() else None,
        html=html if (html or "").strip() and not (text or "").strip() else None,
        published=fields.get("published"),
        title=fields.get("title"),
        url=fields.get("url"),
        publisher=fields.get("publisher"),
        notes=list(notes),
    )


def read_jsonl(path: Path, where: str, key: str) -> Iterator[RawRecord]:
    """One article per line; each line accounted for (blank lines are not records)."""
    f, reason = _open_text_file(path)
    if f is None:
        yield _reject(where, reason)
        return
    with f:
        count = 0
        for lineno, raw in _lines(f):
            at = f"{where}:{lineno}"
            if raw is None:
                count += 1
                yield _reject(at, f"line {lineno} is longer than {MAX_LINE_BYTES:,} bytes")
                continue
            if not raw.strip():
                continue
            count += 1
            decoded = decode_bytes(raw, check_binary=False)
            text = decoded.text.rstrip("\r\n")
            text = text.lstrip("\ufeff") if lineno == 1 else text
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                yield _reject(at, f"line {lineno}: invalid JSON: {exc.msg} (column {exc.colno})")
                continue
            if not isinstance(obj, dict):
                yield _reject(at, f"line {lineno}: expected a JSON object, got {_type_name(obj)}")
                continue
            notes = [decoded.note] if decoded.note else []
            yield record_from_fields(obj, at, key, notes)
        if count == 0:
            yield _reject(where, "file has no records (only blank lines)")


def read_parquet(path: Path, where: str, key: str) -> Iterator[RawRecord]:
    """One article per row, with the columns of a JSONL record (id, text or html, published, title, url,
    publisher); read a row group at a time."""
    yield from _from_opened(path, where, lambda f: _parquet_rows(f, where, key))


def _from_opened(path: Path, where: str, read: Callable[[IO[bytes]], Iterator[RawRecord]]) -> Iterator[RawRecord]:
    """The records ``read`` finds in the file opened (a regular file only), or the reason it cannot be opened."""
    try:
        f = open_regular(path)
    except OSError as exc:
        yield _reject(where, _os_reason(exc))
        return
    with f:
        yield from read(f)


def _parquet_rows(f: IO[bytes], where: str, key: str) -> Iterator[RawRecord]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(f)
    except Exception as exc:  # pyarrow raises several kinds for a file that is not Parquet
        yield _reject(where, f"not a readable Parquet file ({type(exc).__name__}: {exc})")
        return
    names = set(pf.schema_arrow.names)
    if not names & {"text", "html"}:
        yield _reject(where, f"a Parquet input needs a 'text' or 'html' column; it has {', '.join(sorted(names))}")
        return
    columns = [c for c in FIELDS if c in names]
    row = 0
    for batch in pf.iter_batches(columns=columns, batch_size=256):
        for obj in batch.to_pylist():
            row += 1
            fields = {k: (str(v) if v is not None and k != "text" and k != "html" else v) for k, v in obj.items()}
            yield record_from_fields({k: v for k, v in fields.items() if v is not None}, f"{where}:{row}",
                                     key, [])
    if row == 0:
        yield _reject(where, "file has no records (no rows)")


def _sniff_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


class _LongLine(Exception):
    """A physical line longer than MAX_LINE_BYTES: read to its end and dropped."""

    def __init__(self, lineno: int) -> None:
        super().__init__(lineno)
        self.lineno = lineno


class _CsvLines:
    """The decoded physical lines of a CSV file, numbered, for ``csv.reader``. A line longer than MAX_LINE_BYTES is
    read to its end, dropped and raised as ``_LongLine``: the reader starts afresh on the next line, so the record
    holding it is rejected whole and no part of the line becomes a record of its own."""

    def __init__(self, f: IO[bytes]) -> None:
        self._raw = _lines(f)
        self._pending: list[str] = []
        self.lineno = 0
        self.notes: list[str] = []  # decoding notes of the record being read

    def __iter__(self) -> "_CsvLines":
        return self

    def __next__(self) -> str:
        if self._pending:
            return self._pending.pop()
        lineno, raw = next(self._raw)
        self.lineno = lineno
        if raw is None:
            raise _LongLine(lineno)
        decoded = decode_bytes(raw, check_binary=False)
        if decoded.note:
            self.notes.append(f"line {lineno}: {decoded.note}")
        return decoded.text.lstrip("\ufeff") if lineno == 1 else decoded.text

    def push_back(self, line: str) -> None:
        self._pending.append(line)


def _long_line_reason(lineno: int) -> str:
    return f"line {lineno} is longer than {MAX_LINE_BYTES:,} bytes (read to its end and skipped)"


def read_csv(path: Path, where: str, key: str) -> Iterator[RawRecord]:
    """A header row naming columns (id, text, html, published, title, url, publisher), then one article a row."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_HTML_CHARS + 1))
    f, reason = _open_text_file(path)
    if f is None:
        yield _reject(where, reason)
        return
    with f:
        lines = _CsvLines(f)
        try:
            first = next(lines, "")
            while first and not first.strip():
                first = next(lines, "")
        except _LongLine as exc:
            yield _reject(where, f"cannot read the CSV header: {_long_line_reason(exc.lineno)}")
            return
        if not first.strip():
            yield _reject(where, "file has only whitespace")
            return
        lines.push_back(first)
        reader = csv.reader(lines, delimiter=_sniff_delimiter(first))
        try:
            header = [h.strip().lower() for h in next(reader)]
        except (csv.Error, _LongLine) as exc:
            problem = _long_line_reason(exc.lineno) if isinstance(exc, _LongLine) else f"{exc}"
            yield _reject(where, f"cannot read the CSV header: {problem}")
            return
        if "text" not in header and "html" not in header:
            found = ", ".join(h for h in header if h) or "none"
            yield _reject(where, f"CSV header has no 'text' or 'html' column (columns: {found})")
            return
        columns = {name: i for i, name in reversed(list(enumerate(header))) if name in FIELDS}
        count = 0
        while True:
            start = lines.lineno + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except (csv.Error, _LongLine) as exc:
                count += 1
                problem = _long_line_reason(exc.lineno) if isinstance(exc, _LongLine) else f"CSV error: {exc}"
                yield _reject(f"{where}:{start}", f"row at line {start}: {problem}")
                lines.notes.clear()
                continue
            if not row or (len(row) == 1 and not row[0].strip()):
                lines.notes.clear()  # a blank line, not a record
                continue
            count += 1
            fields = {name: (row[i] if i < len(row) and row[i] != "" else None) for name, i in columns.items()}
            yield record_from_fields(fields, f"{where}:{start}", key, lines.notes)
            lines.notes.clear()
        if count == 0:
            yield _reject(where, "CSV file has a header but no rows")


def read_warc(path: Path, where: str, key: str) -> Iterator[RawRecord]:
    """HTML and text responses of a WARC file (needs warcio); other record types are not articles."""
    try:
        from warcio.archiveiterator import ArchiveIterator  # noqa: F401  (the optional extra)
        from warcio.exceptions import ArchiveLoadFailed  # noqa: F401
    except ImportError:
        yield _reject(where, WARC_NEEDS)
        return
    yield from _from_opened(path, where, lambda f: _warc_records(f, where, key))


def _warc_records(f: IO[bytes], where: str, key: str) -> Iterator[RawRecord]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if os.fstat(f.fileno()).st_size == 0:
        yield _reject(where, "file is empty")
        return
    n = 0
    try:
        for n, record in enumerate(ArchiveIterator(f), 1):
            item = _warc_record(record, f"{where}:{n}", key)
            if item is not None:
                yield item
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as exc:
        place = f"after record {n}" if n else "at the start"
        yield _reject(where, f"cannot read WARC {place}: {exc}")


def _warc_record(record: Any, at: str, default_id: str) -> RawRecord | None:
    if record.rec_type not in ("response", "resource"):
        return None  # requests, warcinfo, metadata, revisits: not articles
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.rec_type == "response":
        if not (url or "").lower().startswith(("http://", "https://")) or record.http_headers is None:
            return None  # dns and other non-HTTP captures
        status = record.http_headers.get_statuscode()
        if status != "200":
            return _reject(at, f"WARC record is an HTTP {status} response, not a page")
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    mime = content_type.split(";")[0].strip().lower()
    if mime not in ("text/html", "application/xhtml+xml", "text/plain", ""):
        return _reject(at, f"WARC record is {mime}, not HTML or text")
    data = record.content_stream().read(4 * MAX_HTML_CHARS + 1)
    if len(data) > 4 * MAX_HTML_CHARS:
        return _reject(at, _size_reason(len(data), "bytes", 4 * MAX_HTML_CHARS))
    declared = content_type.lower().partition("charset=")[2].split(";")[0].strip(" \"'") or None
    kind = binary_kind(data)
    if kind:
        return _reject(at, f"WARC record is not text: looks like {kind}")
    text, notes = None, []
    if declared:
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            text = None  # a wrong or unknown declared charset: decode as for files
    if text is None:
        try:
            decoded = decode_bytes(data, html=mime != "text/plain")
        except NotText as exc:
            return _reject(at, str(exc))
        text = decoded.text
        notes = [decoded.note] if decoded.note else []
    if not text.strip():
        return _reject(at, "empty record")
    is_html = mime != "text/plain" and (mime != "" or looks_like_html(text))
    return RawRecord(
        input=at, default_id=default_id, url=url, notes=notes,
        html=text if is_html else None, text=None if is_html else text,
    )


def _read_text(path: Path, where: str, key: str) -> Iterator[RawRecord]:
    return read_whole_file(path, where, key, "text")


def _read_html(path: Path, where: str, key: str) -> Iterator[RawRecord]:
    return read_whole_file(path, where, key, "html")


# A reader takes (path, where, key): the file, the name its records are reported under, and the id its records
# are given when they have none; it yields RawRecords (a rejected one for a file it cannot read). The format of
# a file comes from its name's ending (SUFFIXES). A new format is a reader here and its endings in SUFFIXES.
Reader = Callable[[Path, str, str], Iterator[RawRecord]]
READERS: dict[str, Reader] = {
    "text": _read_text,
    "html": _read_html,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "warc": read_warc,
    "parquet": read_parquet,
}


def read_file(path: Path, where: str, key: str) -> Iterator[RawRecord]:
    """The records of a file, read by the reader of its name's ending."""
    kind, _ = file_format(path)
    reader = READERS.get(kind) if kind is not None else None
    if reader is None:
        yield _reject(where, unknown_type_reason(path))
        return
    yield from reader(path, where, key)
