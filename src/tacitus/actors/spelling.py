"""Misspelt names: "Ethopia", "Mitterand", "Bouteflicka" are one letter away from a name the knowledge base has.

``Respeller`` indexes the one-word names of the knowledge base (seven letters or more) by their one-letter
deletions, so that a word within one insertion, deletion, substitution or swap of exactly one known name is
respelt; a word near two known names, or a short one, is left alone.
"""

from __future__ import annotations

from collections.abc import Iterable

MIN_LENGTH = 7  # shorter names are too close to each other, to first names and to ordinary words


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


class Respeller:
    def __init__(self, names: Iterable[str]) -> None:
        self._known: set[str] = set()
        self._by_deletion: dict[str, set[str]] = {}
        for name in names:
            if len(name) < MIN_LENGTH or not name.isalpha():
                continue
            self._known.add(name)
            for key in _deletions(name) | {name}:
                self._by_deletion.setdefault(key, set()).add(name)

    def correct(self, word: str) -> str | None:
        """The one known name ``word`` (lower-case) is a slip of, or None."""
        if len(word) < MIN_LENGTH or word in self._known or not word.isalpha():
            return None
        near: set[str] = set()
        for key in _deletions(word) | {word}:
            near |= self._by_deletion.get(key, set())
        near = {n for n in near if _one_edit(word, n)}
        return near.pop() if len(near) == 1 else None
