"""What a run remembers of the documents it has let through: the first document with each content, and the input
each document id came from.

A run keeps one entry per document for as long as it reads (a repeated article is skipped as a duplicate of the
first, a repeated id is refused naming the input that used it first). As two dicts of strings that took about
300 bytes a document: 60 MB for 200,000 records, most of what a long run's coding process grew by (issue 13).
Here it takes about 100: the keys are 16-byte digests (of the content hash, and of the id) kept sorted in NumPy
arrays, with the newest in a small dict that is merged in when it fills; the ids and inputs are UTF-8 bytes
appended to one bytearray, found by their ends in an array of integers.

Keys are digests, so two different ids could share one only with a chance of about 2^-128 per pair: as good as
exact. The answers are the texts given to ``add``, unchanged.
"""

from __future__ import annotations

import hashlib
from array import array

import numpy as np

KEY = np.dtype("S16")
NUL = b"\x00"


class _KeyIndex:
    """16-byte keys -> the number of the document first added under them."""

    def __init__(self, merge_at: int = 4096) -> None:
        self.keys = np.empty(0, dtype=KEY)  # sorted
        self.numbers = np.empty(0, dtype=np.uint32)
        self.recent: dict[bytes, int] = {}
        self.merge_at = merge_at

    def get(self, key: bytes) -> int | None:
        number = self.recent.get(key)
        if number is None and len(self.keys):
            i = int(self.keys.searchsorted(key))
            # an S16 element reads back without its trailing NUL bytes; every key is 16 bytes long, so the
            # stripped forms are equal exactly when the keys are
            if i < len(self.keys) and self.keys[i] == key.rstrip(NUL):
                number = int(self.numbers[i])
        return number

    def add(self, key: bytes, number: int) -> None:
        """Remember ``key`` (not already held) for document ``number``."""
        self.recent[key] = number
        if len(self.recent) >= max(self.merge_at, len(self.keys) // 32):
            self._merge()

    def _merge(self) -> None:
        new = np.array(list(self.recent), dtype=KEY)
        numbers = np.fromiter(self.recent.values(), dtype=np.uint32, count=len(self.recent))
        order = new.argsort(kind="stable")
        new, numbers = new[order], numbers[order]
        at = self.keys.searchsorted(new)
        self.keys = np.insert(self.keys, at, new)
        self.numbers = np.insert(self.numbers, at, numbers)
        self.recent = {}

    def __len__(self) -> int:
        return len(self.keys) + len(self.recent)


def _id_key(doc_id: str) -> bytes:
    return hashlib.blake2b(doc_id.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class SeenDocuments:
    """The documents a run has let through: ``first_with_content`` and ``input_of`` answer from what ``add`` was
    given, in a few dozen bytes a document."""

    def __init__(self, merge_at: int = 4096) -> None:
        self._contents = _KeyIndex(merge_at)
        self._ids = _KeyIndex(merge_at)
        self._texts = bytearray()
        self._ends = array("Q", [0])  # document n: its id ends at _ends[2n + 1], its input at _ends[2n + 2]

    def _text(self, i: int) -> str:
        return self._texts[self._ends[i]:self._ends[i + 1]].decode("utf-8", "surrogatepass")

    def first_with_content(self, content_hash: str) -> str | None:
        """The id of the first document added with this content hash (hex), or None."""
        number = self._contents.get(bytes.fromhex(content_hash[:32]))
        return None if number is None else self._text(2 * number)

    def input_of(self, doc_id: str) -> str | None:
        """The input the document with this id came from, or None when no document had it."""
        number = self._ids.get(_id_key(doc_id))
        return None if number is None else self._text(2 * number + 1)

    def add(self, content_hash: str, doc_id: str, input_name: str) -> None:
        """A document let through; its id must be new (``input_of`` gave None). Its content counts as first only
        when no document before had it."""
        number = len(self._ends) // 2
        for text in (doc_id, input_name):
            self._texts += text.encode("utf-8", "surrogatepass")
            self._ends.append(len(self._texts))
        content = bytes.fromhex(content_hash[:32])
        if self._contents.get(content) is None:
            self._contents.add(content, number)
        self._ids.add(_id_key(doc_id), number)

    def __len__(self) -> int:
        return len(self._ends) // 2
