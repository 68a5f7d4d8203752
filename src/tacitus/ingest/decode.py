"""Turn bytes into text: UTF-8 first, then a declared or fallback charset; recognise binary files."""

from __future__ import annotations

import codecs
import re
import tempfile
from dataclasses import dataclass
from typing import IO

from tacitus.errors import TacitusError

# Signatures of common binary formats people drop into news folders by mistake.
_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP/Office",
    b"\x1f\x8b": "gzip",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"\xd0\xcf\x11\xe0": "MS Office",
    b"7z\xbc\xaf": "7-Zip",
    b"BZh": "bzip2",
    b"\x7fELF": "executable",
    b"SQLite format 3": "SQLite",
    b"PAR1": "Parquet",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_TEXT_CONTROLS = set(b"\t\n\r\x0c\x0b\x08\x1b")
FALLBACKS = ("cp1252", "latin-1")


class NotText(TacitusError, ValueError):
    """The bytes are not text (a binary file)."""


@dataclass
class Decoded:
    text: str
    encoding: str
    note: str | None = None  # set when the bytes were not valid UTF-8


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def wide_encoding(head: bytes) -> str | None:
    """"utf-16" or "utf-32" when ``head`` starts with that byte-order mark, else None."""
    bom = _bom_encoding(head)
    return bom if bom in ("utf-16", "utf-32") else None


def utf8_copy(f: IO[bytes], encoding: str, chunk: int = 1 << 20) -> IO[bytes]:
    """A temporary UTF-8 copy (deleted when closed) of a UTF-16 or UTF-32 file that starts with its byte-order
    mark, decoded a chunk at a time, so that line readers can split it on newline bytes. Bytes that are not valid
    in that encoding become U+FFFD."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    copy = tempfile.TemporaryFile()
    try:
        while True:
            data = f.read(chunk)
            copy.write(decoder.decode(data, final=not data).encode("utf-8"))
            if not data:
                break
        copy.seek(0)
    except BaseException:
        copy.close()
        raise
    return copy


def binary_kind(data: bytes) -> str | None:
    """Name what kind of binary data this looks like, or None for text."""
    head = data[:8192]
    if _bom_encoding(head):
        return None
    for magic, name in _MAGIC.items():
        if head.startswith(magic):
            return f"{name} data"
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if head:
        controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
        if controls / len(head) > 0.1:
            return "binary data (control bytes)"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag, if Python knows it."""
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(data: bytes, *, html: bool = False, check_binary: bool = True) -> Decoded:
    """Decode ``data`` as UTF-8 (with or without BOM), else as a declared charset or cp1252/latin-1.

    Raises ``NotText`` for binary data. A fallback decode sets ``note``; latin-1 maps every byte to a
    character, so no input is ever lost.
    """
    if check_binary:
        kind = binary_kind(data)
        if kind:
            raise NotText(f"not a text file: looks like {kind}")
    bom = _bom_encoding(data)
    if bom:
        try:
            return Decoded(data.decode(bom), bom)
        except UnicodeDecodeError as exc:
            raise NotText(f"starts with a {bom} byte-order mark but does not decode: {exc.reason}") from exc
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        where = f"invalid UTF-8 at byte {exc.start}"
    candidates = list(FALLBACKS)
    if html:
        declared = declared_charset(data)
        if declared and declared != "utf-8":
            candidates.insert(0, declared)
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        return Decoded(text, enc, f"{where}; decoded as {enc} instead (no bytes lost)")
    raise NotText(f"{where} and no fallback charset fits")  # unreachable: latin-1 decodes any bytes
