"""How many: find reported death counts in news text.

Regular expressions built from ``data/fatalities.yaml`` (no parser needed). Each mention carries the count
as stated ("more than 50" -> 50, "a dozen" -> 12, "twenty-three" -> 23, "1,200" -> 1200) and whether the
dead are said to be civilians. Vague amounts ("dozens", "hundreds") give no mention; injured or wounded
counts are never fatalities ("killing two and injuring 15" -> 2); "killed or wounded" counts are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from tacitus.datafiles import read_yaml_mapping

FATALITIES_FILE = Path(__file__).parent / "data" / "fatalities.yaml"
_STOP_MODIFIERS = ("and", "or", "but", "were", "was", "are", "is", "have", "has", "had", "who", "which", "that",
                   "in", "on", "at", "of", "by", "with", "from", "after", "before", "as", "when", "while", "the")
_YEARLIKE = re.compile(r"(?:18|19|20)\d\d")


@dataclass
class FatalityMention:
    """One reported death count; ``start``/``end`` are character offsets of ``text`` in the input."""

    start: int
    end: int
    count: int
    civilians: bool
    text: str


def _alt(words: Any) -> str:
    items = sorted({str(w).lower() for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def _list(raw: dict, name: str) -> list[str]:
    value = raw.get(name)
    if not isinstance(value, list) or not value:
        raise ValueError(f"{FATALITIES_FILE}: '{name}' must be a non-empty list")
    if any(isinstance(x, bool) for x in value):
        raise ValueError(f"{FATALITIES_FILE}: '{name}' holds a YAML boolean (quote words like \"no\", \"on\")")
    return [str(x) for x in value]


def _ints(raw: dict, name: str) -> dict[str, int]:
    value = raw.get(name)
    if not isinstance(value, dict) or not value:
        raise ValueError(f"{FATALITIES_FILE}: '{name}' must be a non-empty mapping of words to numbers")
    try:
        return {str(k).lower(): int(v) for k, v in value.items()}
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{FATALITIES_FILE}: '{name}' has a non-integer value ({exc})") from exc


class FatalityFinder:
    """Compiled patterns over the vocabulary file; use :func:`find_fatalities` for the shared instance."""

    def __init__(self, raw: dict) -> None:
        self.numbers = _ints(raw, "number_words")
        self.multipliers = _ints(raw, "multipliers")
        self.civilian = {re.sub(r"\s+", " ", w.lower()) for w in _list(raw, "civilian_nouns")}
        self.death_words = frozenset(w.lower() for w in _list(raw, "death_nouns") if " " not in w)  # "fatalities"
        victims = _list(raw, "victim_nouns")
        singular = [w for w in victims if not w.lower().endswith("s") and w.lower() not in
                    {"people", "police", "personnel", "staff", "crew", "children", "men", "women", "rohingya"}]
        token = _alt(list(self.numbers) + list(self.multipliers))
        digits = r"\d{1,3}(?:,\d{3})+|\d+"
        words = rf"(?:an?\s+(?=(?:{_alt(self.multipliers)})\b))?(?:{token})\b(?:(?:\s+and\s+|[\s-]+)(?:{token})\b)*"
        num = rf"(?P<num>(?:{digits})(?:\s+(?:{_alt(self.multipliers)})\b)?|{words})"
        not_after = _alt(_list(raw, "not_after_number"))
        num_end = rf"(?![\w-])(?!\s*(?:{not_after})(?![\w]))"
        quant = rf"(?:(?P<q>{_alt(_list(raw, 'quantifiers'))})\s+)?"
        stop = "|".join(_STOP_MODIFIERS)
        mod = rf"(?!(?:{stop})\b)(?:[A-Za-z]|\d+-)[\w'-]*"
        noun = rf"(?P<noun>{_alt(victims)})\b"
        among = rf"(?:\s+of\s+(?:a|an|the|his|her|their|one)\s+(?:{mod}\s+)?(?:{_alt(_list(raw, 'counted_among'))})\b)?"
        noun_phrase = rf"(?:(?:\s+{mod}){{0,3}}\s+{noun}{among})"
        incl = rf"(?P<incl>\s*,\s*(?:{_alt(_list(raw, 'including_words'))})\b[^,.;]{{0,60}},)"
        aux = rf"(?:\s+(?:{_alt(_list(raw, 'auxiliaries'))})\b)*"
        passive = rf"(?P<verb>{_alt(_list(raw, 'passive_words'))})\b"
        self.active_passive = {w.lower() for w in _list(raw, "active_verbs")} & {
            w.lower() for w in _list(raw, "passive_words")}
        # each pattern with where the counts coordinated with its own are ("after" an active verb's count, "before"
        # a passive one's): "killed three soldiers and two civilians", "nine officers and three attackers were killed"
        patterns = [
            # "killing four officers", "killed at least 12 people", "killing two and injuring 15"
            (rf"\b(?:{_alt(_list(raw, 'active_verbs'))})\s+{quant}{num}{num_end}{noun_phrase}?", "after"),
            # "killing 11 of them", "killing two of the soldiers"
            (rf"\b(?:{_alt(_list(raw, 'active_verbs'))})\s+{quant}{num}\s+of\s+(?:them|those|the|their|its)\b",
             None),
            # "killing a soldier"
            (rf"\b(?:{_alt(_list(raw, 'active_verbs'))})\s+(?P<num>an?)\s+(?:{mod}\s+){{0,3}}"
             rf"(?P<noun>{_alt(singular)})\b", "after"),
            # "at least 12 people were killed", "More than 50 people, including civilians, have been killed"
            (rf"(?<![\w-]){quant}{num}{num_end}{noun_phrase}?{incl}?{aux}\s+{passive}", "before"),
            # "a soldier was killed"
            (rf"(?<![\w-])(?P<num>an?)\s+(?:{mod}\s+){{0,3}}(?P<noun>{_alt(singular)})\b{aux}\s+{passive}",
             "before"),
            # "the death toll rose to 30", "a death toll of at least 30"
            (rf"\b(?:{_alt(_list(raw, 'toll_phrases'))})\s+(?:(?:from|in|of)\s+[^.;,\d]{{1,40}}?\s+)?"
             rf"(?:{_alt(_list(raw, 'toll_verbs'))})\s+{quant}{num}{num_end}", None),
            # "the bodies of 5 migrants", "the killing of 12 protesters"
            (rf"\b(?:{_alt(_list(raw, 'of_phrases'))})\s+{quant}{num}{num_end}{noun_phrase}?", None),
            # "30 deaths", "5 bodies"
            (rf"(?<![\w-]){quant}{num}{num_end}(?:\s+{mod}){{0,2}}\s+(?P<dn>{_alt(_list(raw, 'death_nouns'))})\b",
             None),
            # "claimed 40 lives"
            (rf"\b(?:{_alt(_list(raw, 'lives_verbs'))})\s+(?:the\s+)?{quant}{num}{num_end}(?:\s+{mod}){{0,2}}"
             rf"\s+lives\b", None),
            # "leaving 12 dead", "left 12 people dead"
            (rf"\b(?:{_alt(_list(raw, 'leaving_verbs'))})\s+{quant}{num}{num_end}{noun_phrase}?\s+"
             rf"(?:{_alt(_list(raw, 'leaving_words'))})\b", None),
        ]
        self.patterns = [(re.compile(p, re.I), joins) for p, joins in patterns]
        # counts coordinated with a matched one count with it (not "... and two civilians were wounded": another count)
        self.counted_before = re.compile(
            rf"(?<![\w-]){quant}{num}{num_end}{noun_phrase}\s*(?:,\s*(?:and\s+)?|\s+and\s+)$", re.I)
        self.counted_after = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+){quant}{num}{num_end}{noun_phrase}"
                                        rf"(?!{aux}\s+\w+ed\b)(?!\s+(?:were|was|are|is|have|has|had)\b)", re.I)
        self.negated = re.compile(rf"\b(?:{_alt(_list(raw, 'negations'))})\s+$", re.I)
        self.casualty = re.compile(rf"\s*(?:{_alt(_list(raw, 'casualty_markers'))})\b", re.I)
        self.object_after = re.compile(
            rf"\s+(?:{quant.replace('(?P<q>', '(?:')}(?:{digits}|{token}|an?|the|his|her|their|its|our|several|many|"
            rf"dozens|hundreds|scores|{_alt(victims)})\b)", re.I)
        self.including_after = re.compile(
            rf"\s*[,(]?\s*(?:{_alt(_list(raw, 'including_words'))})\b[^.;]{{0,80}}", re.I)

    def number(self, text: str) -> int | None:
        """The value of a number written in digits and/or words; None if it is no exact number."""
        t = re.sub(r"\s+", " ", text.lower().replace(",", "")).strip()
        if t in ("a", "an"):
            return 1
        total = current = 0
        seen = False
        for tok in re.split(r"[\s-]+", t):
            if tok in ("and", "a", "an"):
                continue
            if tok.isdigit():
                current += int(tok)
            elif tok in self.numbers:
                current += self.numbers[tok]
            elif tok in self.multipliers:
                m = self.multipliers[tok]
                if m >= 1000:
                    total += max(current, 1) * m
                    current = 0
                else:
                    current = max(current, 1) * m
            else:
                return None
            seen = True
        return total + current if seen else None

    def _civilians(self, m: re.Match, text: str) -> bool:
        groups = m.groupdict()
        noun = groups.get("noun")
        if noun and re.sub(r"\s+", " ", noun.lower()) in self.civilian:
            return True
        notes = [groups.get("incl") or ""]
        after = self.including_after.match(text, m.end())
        if after:
            notes.append(after.group(0))
        return any(re.search(rf"\b{re.escape(w)}\b", n, re.I) for n in notes for w in self.civilian)

    def find(self, text: str) -> list[FatalityMention]:
        found: list[tuple[int, int, int, bool]] = []
        for rx, joins in self.patterns:
            for m in rx.finditer(text):
                groups = m.groupdict()
                count = self.number(m["num"])
                if not count:
                    continue
                if _YEARLIKE.fullmatch(m["num"]) and not (groups.get("noun") or groups.get("dn")):
                    continue  # "in 2015 killed": a year, not a count
                if self.negated.search(text, max(0, m.start() - 12), m.start()):
                    continue  # "no one was killed"
                if self.casualty.match(text, m.end()):
                    continue  # "12 killed or wounded": casualties, not deaths
                verb = (groups.get("verb") or "").lower()
                if verb in self.active_passive and not re.search(r"\b(?:were|was|been|being|are|is|got)\b",
                                                                 m.group(0), re.I) \
                        and self.object_after.match(text, m.end()):
                    continue  # "12 gunmen killed 3 soldiers": the number before is the killers
                start, end, civilians = m.start(), m.end(), self._civilians(m, text)
                while joins == "before" and (before := self.counted_before.search(text[:start])) is not None \
                        and (more := self.number(before["num"])):
                    start, count, civilians = before.start(), count + more, civilians or self._civilians(before, text)
                while joins == "after" and (after := self.counted_after.match(text, end)) is not None \
                        and (more := self.number(after["num"])):
                    end, count, civilians = after.end(), count + more, civilians or self._civilians(after, text)
                found.append((start, end, count, civilians))
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        taken: list[tuple[int, int, int, bool]] = []
        for f in found:
            if all(f[1] <= t[0] or f[0] >= t[1] for t in taken):
                taken.append(f)
        return [FatalityMention(s, e, c, civ, text[s:e]) for s, e, c, civ in sorted(taken)]


@lru_cache(maxsize=1)
def _finder() -> FatalityFinder:
    raw = read_yaml_mapping(FATALITIES_FILE)
    return FatalityFinder(raw)


def find_fatalities(text: str) -> list[FatalityMention]:
    """Every reported death count in ``text``, in order of appearance."""
    if not isinstance(text, str):
        raise TypeError(f"text={text!r}: expected a string, got {type(text).__name__}")
    return _finder().find(text)


BARE_TOLL_SLACK = 3  # letters a sentence may hold beside its toll and still be only a toll


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def death_words() -> frozenset[str]:
    """The one-word nouns of the dead ("deaths", "fatalities"): a sentence holding one may be a toll told alone."""
    return _finder().death_words


def bare_toll(text: str) -> FatalityMention | None:
    """The toll a sentence that holds nothing else tells ("3 fatalities.", "Twelve deaths."), or None."""
    tolls = find_fatalities(text)
    if len(tolls) != 1 or len(_letters(text)) > len(_letters(tolls[0].text)) + BARE_TOLL_SLACK:
        return None
    return tolls[0]
