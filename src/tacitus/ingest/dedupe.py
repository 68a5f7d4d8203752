"""Find paragraphs that repeat an earlier one verbatim or nearly so.

Two paragraphs are the same when their normalised words are equal, or when the Jaccard similarity of
their word shingles reaches a threshold. Candidate pairs come from an inverted index over a prefix of
each paragraph's shingles (prefix filtering), so long documents do not cost a comparison of every pair.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import defaultdict

_WORD = re.compile(r"\w+")


def normalised_words(text: str) -> list[str]:
    """Lower-cased word tokens, punctuation and quotes ignored."""
    return _WORD.findall(text.casefold())


def paragraph_key(text: str) -> str:
    """A comparison key: the paragraph's words, case and punctuation ignored."""
    return " ".join(normalised_words(text))


def shingles(words: list[str], size: int) -> set[tuple[str, ...]]:
    """Word n-grams of ``size`` words; a shorter paragraph is one shingle of all its words."""
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set, b: set) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _order(shingle: tuple[str, ...]) -> int:
    """A stable global order of shingles for the prefix filter."""
    return zlib.crc32(" ".join(shingle).encode("utf-8"))


def find_repeats(paragraphs: list[str], threshold: float = 0.9, shingle_words: int = 3) -> dict[int, int]:
    """Map the index of each repeated paragraph to the index of the earlier paragraph it repeats.

    The first occurrence is never in the result, so dropping the mapped indices keeps first occurrences.
    """
    repeats: dict[int, int] = {}
    by_key: dict[str, int] = {}
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    sets: dict[int, set[tuple[str, ...]]] = {}
    for i, para in enumerate(paragraphs):
        words = normalised_words(para)
        key = " ".join(words)
        if key in by_key:
            repeats[i] = by_key[key]
            continue
        sh = shingles(words, shingle_words)
        if not sh:
            by_key[key] = i
            continue
        ordered = sorted(sh, key=_order)
        prefix_len = len(ordered) - math.ceil(threshold * len(ordered)) + 1
        prefix = ordered[:prefix_len]
        match = None
        seen: set[int] = set()
        for token in prefix:
            for j in index.get(token, ()):
                if j in seen:
                    continue
                seen.add(j)
                other = sets[j]
                small, large = sorted((len(sh), len(other)))
                if small < threshold * large:
                    continue
                if jaccard(sh, other) >= threshold and (match is None or j < match):
                    match = j
        if match is not None:
            repeats[i] = match
            continue
        by_key[key] = i
        sets[i] = sh
        for token in prefix:
            index[token].append(i)
    return repeats
