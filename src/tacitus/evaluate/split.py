"""The held-aside split: a deterministic train/dev assignment from a sentence's normalised text.

Anything that learns from the gold files (the learned layer's trainer) must use :func:`split_of` so that the
dev rows measured by ``tacitus eval`` are never trained on. The same sentence gets the same split in every file,
whatever its tokenisation or apostrophes ("government's", "government 's", "governmentʼs").
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

SPLITS = ("dev", "train", "all")
DEV_MODULUS = 5  # one text in five (~20 %) is held aside

T = TypeVar("T")


KEPT_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lo", "Nd", "Nl", "No"})  # letters and digits, not modifier letters


def normalise_text(text: str) -> str:
    """The text reduced to its letters and digits, case-folded, accents and modifier letters (ʼ) dropped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if unicodedata.category(ch) in KEPT_CATEGORIES)


def split_of(text: str) -> str:
    """``"dev"`` for about one text in five, else ``"train"``; depends only on the normalised text."""
    digest = hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()
    return "dev" if int(digest[:8], 16) % DEV_MODULUS == 0 else "train"


def check_split(split: str) -> str:
    """``split`` itself when it is one of dev/train/all; a ValueError naming it otherwise."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: expected one of {', '.join(SPLITS)}")
    return split


def select_split(items: Iterable[T], split: str, text_of: Callable[[T], str]) -> list[T]:
    """The items whose text falls in ``split`` (all of them for ``"all"``)."""
    check_split(split)
    if split == "all":
        return list(items)
    return [item for item in items if split_of(text_of(item)) == split]
