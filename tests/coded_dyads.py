"""What a team-written sentence is coded as, in the short forms the sentence tests compare: the asserted events'
(PLOVER type, source code, target code or None), or with the CAMEO code after the type, on a fixed publication
day."""

from __future__ import annotations

from tacitus.coding import Coder

PUBLISHED = "2023-03-14"  # a Tuesday


def dyads(coder: Coder, text: str) -> list[tuple]:
    return [(e.plover_type, e.source.code, e.target.code if e.target else None)
            for e in coder.code_text(text, published=PUBLISHED) if e.modality == "asserted"]


CODES_PUBLISHED = "2022-05-10"  # the day the families' sentences are read on


def coded(coder: Coder, text: str, published: str = CODES_PUBLISHED) -> list[tuple]:
    """The asserted events as (PLOVER type, CAMEO code, source code, target code or None)."""
    return [(e.plover_type, e.cameo_code, e.source.code, e.target.code if e.target else None)
            for e in coder.code_text(text, published=published) if e.modality == "asserted"]


def top(coder: Coder, text: str, published: str = "2022-06-01"):
    """The asserted event the coder is surest of (the sentence must give one)."""
    events = [e for e in coder.code_text(text, published=published) if e.modality == "asserted"]
    assert events, text
    return max(events, key=lambda e: e.confidence)
