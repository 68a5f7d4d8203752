"""Near-duplicate articles: a 64-bit SimHash of a text's word shingles, and how close two of them are.

Syndicated copies of a wire story differ by a headline, a byline or a trailing sentence; their SimHashes differ
in few bits, while unrelated articles differ in about half of the 64. The store looks up stored documents whose
SimHash is within ``NEAR_BITS`` of a new one, confirms a candidate by the share of word shingles the two texts
have in common, and marks the new document as a copy, so that it does not count as another article.
"""

from __future__ import annotations

import hashlib
import re

NEAR_BITS = 12  # candidates: at most this many differing bits of 64 ...
SAME_STORY = 0.7  # ... confirmed when this share of their word shingles is shared (Jaccard)
SHINGLE = 3  # words per shingle
MIN_WORDS = 30  # shorter texts share too few shingles for their hashes to mean anything
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def same_story(a: str, b: str) -> bool:
    """Two texts that share at least SAME_STORY of their shingles tell the same story."""
    sa, sb = shingles(a), shingles(b)
    return bool(sa and sb) and len(sa & sb) / len(sa | sb) >= SAME_STORY


def simhash(text: str) -> int | None:
    """The SimHash of ``text`` as a signed 64-bit integer (as DuckDB's BIGINT stores it); None for a text of
    fewer than MIN_WORDS words."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = [" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    weights = [0] * 64
    for s in shingles:
        h = int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if h >> bit & 1 else -1
    value = sum(1 << bit for bit in range(64) if weights[bit] > 0)
    return value - (1 << 64) if value >= 1 << 63 else value


def distance(a: int, b: int) -> int:
    """How many of the 64 bits differ."""
    return bin((a ^ b) & 0xFFFFFFFFFFFFFFFF).count("1")
