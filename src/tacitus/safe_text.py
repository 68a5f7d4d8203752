"""Text made safe to hash, store and print: names, ids and file contents that are not valid Unicode, and names that
would act on a terminal.

Two sources of invalid text reach tacitus. A file name with bytes that are not UTF-8 arrives (as Python decodes
file names) with each such byte as a lone surrogate U+DC80-U+DCFF; a JSON string may hold any lone surrogate
(``"x\\udfff"``). No UTF-8 text can hold a lone surrogate, so hashing, storing or writing one fails. The rules:

- names and ids (``valid_unicode``): a file-name byte that is not UTF-8 is written ``\\xNN`` (``bad\\xff.txt``),
  any other lone surrogate ``\\uDNNN`` (``x\\udfff``), so distinct names stay distinct;
- article text and other fields (``valid_unicode(..., replace=True)``): a lone surrogate becomes U+FFFD, the
  replacement character, as a decoder writes for bytes it cannot read;
- anything printed to a terminal (``printable``): also control characters (escape sequences, newlines, carriage
  returns), format characters such as bidirectional overrides, and line separators are written as escapes
  (``\\x1b``, ``\\n``, ``\\u202e``), so a file name cannot forge or hide a line.
"""

from __future__ import annotations

import re

_SURROGATES = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def valid_unicode(text: str, *, replace: bool = False) -> str:
    """``text`` without lone surrogates: written as escapes (names and ids), or as U+FFFD with ``replace``."""
    if _SURROGATES.search(text) is None:
        return text
    if replace:
        return _SURROGATES.sub("\ufffd", text)
    return _SURROGATES.sub(lambda m: _escape(m.group()), text)


def printable(text: str) -> str:
    """``text`` with every character that is not printable (see ``str.isprintable``; the space is) as an escape."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escape(c) for c in text)
