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
# one article per hostile input, so that none is a copy of another when they share a folder
SUDAN = "Sudanese troops attacked rebel fighters in Darfur on Sunday."
ETHIOPIA = "Ethiopian troops clashed with Eritrean soldiers near the border on Wednesday."
SOMALIA = "The Somali president met the Kenyan foreign minister in Mogadishu on Thursday."
NIGERIA = "Nigerian soldiers attacked militants in Borno state on Saturday."
GHANA = "Ghana's president condemned the attack on protesters in Accra."


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


def bad_byte_name(folder: Path) -> Path:
    """A file whose name holds a byte that is not UTF-8 (0xff)."""
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), b"bad\xffname.txt")))
    path.write_text(KENYA + "\n", encoding="utf-8")
    return path


def surrogate_id(folder: Path) -> Path:
    """A JSONL record whose id is a lone surrogate escape, then a good record."""
    path = folder / "surrogate-id.jsonl"
    path.write_text('{"id": "x\\udfff", "text": "' + EGYPT + '"}\n'
                    '{"id": "fine", "text": "' + SUDAN + '"}\n', encoding="ascii")
    return path


def utf16_jsonl(folder: Path) -> Path:
    """JSONL as PowerShell writes it by default: UTF-16 little-endian with a byte-order mark, CRLF lines."""
    path = folder / "powershell.jsonl"
    lines = ['{"id": "ps1", "text": "Ugandan police arrested opposition supporters in Kampala on Monday."}',
             '{"id": "ps2", "text": "Tanzanian police detained two journalists in Dar es Salaam on Friday."}']
    path.write_bytes("\r\n".join(lines + [""]).encode("utf-16"))
    return path


def utf16_csv(folder: Path) -> Path:
    path = folder / "powershell.csv"
    path.write_bytes('"id","text"\r\n"pc1","Rwandan troops shelled rebel positions near Goma."\r\n'.encode("utf-16"))
    return path


def fifo(folder: Path, name: str = "pipe.txt") -> Path:
    """A named pipe with a reader's name: opening it waits for a writer that never comes."""
    path = folder / name
    os.mkfifo(path)
    return path


LONG_LINE_BYTES = 64 * 1024 * 1024  # the readers' limit on one physical line


def long_csv_line(folder: Path) -> Path:
    """A CSV whose second row is one physical line over 64 MB: its tail, past the 64 MB a reader takes at once,
    is a row of its own with an id the row's author chose."""
    path = folder / "long-line.csv"
    with path.open("wb") as fh:
        fh.write(b"id,text\r\nc1," + ETHIOPIA.encode() + b"\r\n")
        head, end = b'c2,"filler', b'",'
        fh.write(head + b"x" * (LONG_LINE_BYTES - len(head) - len(end)) + end)  # exactly 64 MB
        fh.write(b"chosen-id,Leaked text: Egyptian police arrested dozens of protesters in Cairo.\r\n")
        fh.write(b"c3," + SOMALIA.encode() + b"\r\n")
    return path


def deep_html(folder: Path) -> tuple[Path, Path]:
    """Two pages past lxml's 256 levels: unclosed wrappers above 400 paragraphs, and a page nested to its end."""
    paragraphs = "".join(f"<p>Report {i}: residents of district {i} in Nairobi waited for news.</p>"
                         for i in range(399)) + f"<p>{NIGERIA}</p>"
    unclosed = folder / "deep-unclosed.html"
    unclosed.write_text("<html><head><title>Deep</title></head><body>" + "<div><span>" * 150 + paragraphs,
                        encoding="utf-8")
    nested = folder / "deep-nested.html"
    nested.write_text("<html><body>" + "<div>" * 400 + f"<p>{GHANA}</p>" + "</div>" * 400 + "</body></html>",
                      encoding="utf-8")
    return unclosed, nested


FORGED = "forged\x1b[1A\r\ntacitus: 9 inputs, 9 coded, 0 skipped, 0 rejected.txt"


def forged_name(folder: Path) -> Path:
    """An empty file (so it is rejected and its name printed) whose name holds a terminal escape, a carriage
    return and a newline followed by a fake summary line."""
    path = folder / FORGED
    path.write_bytes(b"")
    return path
