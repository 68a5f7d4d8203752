"""Hostile inputs of issue 13, written by the team: each helper writes one into a folder and returns its path.

Shared by the test of each failure (tests/test_input_attacks.py, tests/test_isolation.py) and by the folder of every
hostile input (tests/test_hostile.py)."""

from __future__ import annotations

import os
from pathlib import Path

# A pronoun whose antecedent chain loops: "her" in "from her house" points back at Maria Wanjiru, whose owner is
# the house. Coding it recursed until RecursionError.
LOOP_PRONOUN = ("Police in Nairobi said protesters attacked a police station on Monday.\n\n"
                "Maria Wanjiru is under arrest. She was taken to hospital after police beat her, "
                "said Maria Wanjiru from her house.\n")

KENYA = "Kenyan police arrested dozens of protesters in Nairobi on Tuesday."
EGYPT = "Egyptian police arrested dozens of protesters in Cairo on Tuesday."
UGANDA = "The Kenyan president met the Ugandan president in Nairobi on Monday."


def loop_pronoun(folder: Path) -> Path:
    path = folder / "loop-pronoun.txt"
    path.write_text(LOOP_PRONOUN, encoding="utf-8")
    return path


def three_articles(folder: Path) -> Path:
    """A folder of three good articles (coded in one batch of documents)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("kenya", KENYA), ("egypt", EGYPT), ("uganda", UGANDA)):
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    return folder
