"""Clean scraped article text: drop page furniture, captions, repeated headlines and paragraphs.

The vocabulary of boilerplate (exact lines and regexes) lives in ``boilerplate.yaml`` beside this file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from tacitus.datafiles import SAFE_LOADER
from tacitus.ingest.dedupe import find_repeats, paragraph_key

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_EXACT_STRIP = " \t-–—:|•·»›>«‹<*_=~#()[]{}"
_SENTENCE_END = tuple(".!?;:,…")
_CLOSERS = "\"'”’)]»"


@dataclass
class CleanResult:
    """Cleaned text (paragraphs joined by one blank line), what was removed, and the headline."""

    text: str
    removed: list[str] = field(default_factory=list)
    title: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n\n") if self.text else []


@dataclass(frozen=True)
class _Rules:
    exact: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    captions: tuple[re.Pattern[str], ...]
    prefixes: tuple[re.Pattern[str], ...]
    settings: dict[str, Any]

    def is_boilerplate(self, line: str) -> bool:
        if len(line) > self.settings["max_line_chars"]:
            return False
        if _exact_key(line) in self.exact:
            return True
        return any(p.fullmatch(line) for p in self.patterns)

    def caption_credit(self, paragraph: str) -> re.Match[str] | None:
        for pattern in self.captions:
            m = pattern.search(paragraph)
            if m:
                return m
        return None


def _exact_key(line: str) -> str:
    return " ".join(line.casefold().replace("’", "'").strip(_EXACT_STRIP).split())


@lru_cache(maxsize=1)
def load_rules() -> _Rules:
    """Read and compile ``boilerplate.yaml`` once."""
    raw = yaml.load(resources.files("tacitus.ingest").joinpath("boilerplate.yaml").read_text("utf-8"),
                    Loader=SAFE_LOADER)
    flags = re.IGNORECASE | re.DOTALL
    patterns = [re.compile(p, flags) for p in raw.get("line_patterns", [])]
    patterns += [re.compile(p, re.DOTALL) for p in raw.get("line_patterns_case_sensitive", [])]
    return _Rules(
        exact=frozenset(_exact_key(x) for x in raw.get("exact_lines", [])),
        patterns=tuple(patterns),
        captions=tuple(re.compile(p, flags) for p in raw.get("caption_credits", [])),
        prefixes=tuple(re.compile(p) for p in raw.get("paragraph_prefixes", [])),
        settings=dict(raw["settings"]),
    )


def normalise(text: str) -> str:
    """NFC, one kind of line ending, plain spaces, no invisible or control characters, stripped lines."""
    if _SURROGATE.search(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2029", "\n\n").replace("\u2028", "\n").replace("\x0c", "\n").replace("\x0b", "\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def normalise_title(title: str | None) -> str | None:
    if title is None:
        return None
    flat = " ".join(normalise(title).split())
    return flat or None


def _ends_like_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS).endswith(_SENTENCE_END)


def _is_menu_item(line: str, settings: dict[str, Any]) -> bool:
    return (
        len(line) <= settings["menu_max_chars"]
        and len(line.split()) <= settings["menu_max_words"]
        and not _ends_like_sentence(line)
        and not any(ch in line for ch in ".!?;,")
    )


def _is_title_like(line: str, settings: dict[str, Any]) -> bool:
    return (
        len(line) <= settings["title_max_chars"]
        and len(line.split()) <= settings["title_max_words"]
        and any(ch.isalpha() for ch in line)
        and not _ends_like_sentence(line)
    )


def _cut_prefixes(line: str, rules: _Rules, removed: list[str]) -> str:
    for prefix in rules.prefixes:
        m = prefix.match(line)
        if m and m.end() < len(line):
            removed.append(m.group(0).strip())
            line = line[m.end() :]
    return line


def _drop_lines(lines: list[str], rules: _Rules, removed: list[str]) -> list[str]:
    """Cut junk prefixes, blank out boilerplate lines and menus (runs of short unpunctuated lines)."""
    lines = [_cut_prefixes(line, rules, removed) for line in lines]
    out = [("" if line and rules.is_boilerplate(line) else line) for line in lines]
    settings = rules.settings
    run: list[int] = []

    def flush() -> None:
        if len(run) >= settings["menu_min_run"]:
            for k in run:
                out[k] = ""
        run.clear()

    for i, line in enumerate(out):
        if not line:
            continue
        if _is_menu_item(line, settings):
            run.append(i)
        else:
            flush()
    flush()
    removed.extend(line for line, kept in zip(lines, out) if line and not kept)
    return out


def _split_paragraphs(lines: list[str], has_blank_lines: bool) -> list[str]:
    if not has_blank_lines:
        return [line for line in lines if line]
    paragraphs, block = [], []
    for line in lines + [""]:
        if line:
            block.append(line)
        elif block:
            paragraphs.append(" ".join(block))
            block = []
    return paragraphs


def _drop_captions(paragraphs: list[str], rules: _Rules, removed: list[str]) -> list[str]:
    out = []
    limit = rules.settings["caption_max_chars"]
    for para in paragraphs:
        if rules.is_boilerplate(para):
            removed.append(para)
            continue
        credit = rules.caption_credit(para)
        if credit is None:
            out.append(para)
        elif len(para) <= limit:
            removed.append(para)
        else:
            removed.append(credit.group(0).strip())
            out.append(para[: credit.start()].rstrip())
    return out


def clean_text(text: str, title: str | None = None) -> CleanResult:
    """Clean one article's text.

    Paragraphs are separated by blank lines (or by single newlines when the text has no blank line);
    boilerplate lines, menus, captions, the headline repeated in the body and repeated paragraphs are
    dropped and listed in ``removed``. When ``title`` is not given, a short first line without final
    punctuation is taken as the headline and returned as ``title``.
    """
    rules = load_rules()
    settings = rules.settings
    removed: list[str] = []
    body = normalise(text)
    has_blank_lines = bool(_BLANK_LINE.search(body.strip("\n")))
    lines = _drop_lines(body.split("\n"), rules, removed)
    paragraphs = _drop_captions(_split_paragraphs(lines, has_blank_lines), rules, removed)

    title = normalise_title(title)
    if title is None and len(paragraphs) > 1 and _is_title_like(paragraphs[0], settings):
        title = paragraphs[0]
    if title is not None:
        key = paragraph_key(title)
        kept = []
        for para in paragraphs:
            if key and paragraph_key(para) == key:
                removed.append(para)
            else:
                kept.append(para)
        paragraphs = kept

    repeats = find_repeats(paragraphs, settings["near_duplicate_jaccard"], settings["shingle_words"])
    final = []
    for i, para in enumerate(paragraphs):
        if i in repeats:
            removed.append(para)
        else:
            final.append(para)
    return CleanResult(text="\n\n".join(final), removed=removed, title=title)
