"""What a team-written sentence is coded as, in the short form the sentence tests compare: the asserted events'
(PLOVER type, source code, target code or None), on a fixed publication day."""

from __future__ import annotations

from tacitus.coding import Coder

PUBLISHED = "2023-03-14"  # a Tuesday


def dyads(coder: Coder, text: str) -> list[tuple]:
    return [(e.plover_type, e.source.code, e.target.code if e.target else None)
            for e in coder.code_text(text, published=PUBLISHED) if e.modality == "asserted"]
