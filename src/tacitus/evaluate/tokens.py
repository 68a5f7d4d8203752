"""Rebuilding a sentence from the tokens of a BIO file, keeping each token's character offsets.

Tokens are joined by one space, except before closing punctuation and clitics ("," "." ")" "'s" "’"), after
opening brackets and currency signs, around a hyphen, and between an apostrophe and the "s"/"t" it splits off
("Baghdad ’ s" -> "Baghdad’s").
"""

from __future__ import annotations

from dataclasses import dataclass

NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "’s", "'", "’", "n't", "-",
                             "”"})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "€", "£", "“", "-"})
APOSTROPHES = frozenset({"'", "’", "ʼ"})


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # character offsets in the rebuilt sentence
    end: int
    tag: str  # BIO tag as in the file: O, B-S, I-S, B-T, I-T, B-R, I-R

    @property
    def role(self) -> str | None:
        """S, T or R for a token inside an actor span, None for O."""
        return self.tag[2:] if self.tag != "O" else None


def _glued(prev: str, cur: str) -> bool:
    if cur in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER:
        return True
    return prev in APOSTROPHES and cur.lower() in {"s", "t", "ll", "re", "ve", "d", "m"}


def rebuild(pairs: list[tuple[str, str]]) -> tuple[str, tuple[Token, ...]]:
    """The sentence text and its tokens (with offsets) from (token, tag) pairs."""
    parts: list[str] = []
    tokens: list[Token] = []
    pos = 0
    for i, (text, tag) in enumerate(pairs):
        if i and not _glued(pairs[i - 1][0], text):
            parts.append(" ")
            pos += 1
        tokens.append(Token(text, pos, pos + len(text), tag))
        parts.append(text)
        pos += len(text)
    return "".join(parts), tuple(tokens)


def tokens_in(tokens: tuple[Token, ...], start: int, end: int) -> set[int]:
    """Indices of the tokens that overlap the character range [start, end)."""
    return {i for i, t in enumerate(tokens) if t.start < end and start < t.end}


def locate(sentence: str, phrase: str, near: int = 0) -> tuple[int, int] | None:
    """The character range of ``phrase`` in ``sentence`` (exact case first, then any case), choosing the
    occurrence closest to offset ``near``; None when it does not occur."""
    if not phrase.strip():
        return None
    for hay, needle in ((sentence, phrase), (sentence.casefold(), phrase.casefold())):
        if len(hay) != len(sentence):  # case folding changed lengths: offsets would not line up
            continue
        starts, at = [], hay.find(needle)
        while at != -1:
            starts.append(at)
            at = hay.find(needle, at + 1)
        if starts:
            best = min(starts, key=lambda s: abs(s - near))
            return best, best + len(needle)
    return None
