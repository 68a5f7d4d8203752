"""Which sentences can hold an event, decided before parsing: a sentence is parsed only when one of its words is
a form of a predicate the patterns know (a verb or event noun of verbs.yaml / nouns.yaml) or a modal of
obligation ("X said Y must ..."). Everything else cannot give a pattern event, so skipping its parse loses none;
`tacitus eval` and `bench/throughput.py` measure what it costs and saves.

Word forms come from the lemmas by English inflection rules plus the irregular forms of the spaCy pipeline's own
lemmatizer tables ("met" -> meet, "fled" -> flee).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

_WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")
_INTRODUCES = re.compile(r"[A-Za-z][\"'”’)]?\s*:-?\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def inflections(lemma: str) -> set[str]:
    """Regular forms of a verb or noun lemma: -s/-es/-ies, -ed/-d/-ied, -ing (with e dropped or the consonant
    doubled)."""
    w = lemma.lower()
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("e"):
        out |= {w[:-1] + "ing", w[:-1] + "ed"}
    if w.endswith("y") and len(w) > 2:
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou":
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return out


class SentenceFilter:
    def __init__(self, lemmas: Iterable[str], irregular: dict[str, Iterable[str]] | None = None,
                 always: Iterable[str] = ()) -> None:
        """``lemmas``: predicate lemmas; ``irregular``: form -> its lemmas (the lemmatizer's exceptions);
        ``always``: words that make any sentence a candidate."""
        wanted = {lemma.lower() for lemma in lemmas}
        self.forms: set[str] = {w.lower() for w in always}
        for lemma in wanted:
            self.forms |= inflections(lemma)
        for form, lemmas_of in (irregular or {}).items():
            if any(lemma.lower() in wanted for lemma in lemmas_of):
                self.forms.add(form.lower())

    @classmethod
    def for_coder(cls, patterns, words, nlp) -> "SentenceFilter":
        """The filter for a pattern book, its modality words and the spaCy pipeline that will parse."""
        irregular: dict[str, list[str]] = {}
        try:
            table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
            for pos in ("verb", "noun"):
                for form, lemmas in dict(table[pos]).items():
                    irregular.setdefault(form, []).extend(lemmas)
        except (KeyError, ValueError, AttributeError):
            pass  # a pipeline without a rule lemmatizer: regular forms only
        # demands ("Y must act") and judgements ("X's decision was illegal") need no predicate word of their own
        return cls([*patterns.verbs, *patterns.nouns], irregular,
                   always=words.obligation_aux | words.praise_words | words.blame_words)

    def keeps(self, sentence: str) -> bool:
        """True when the sentence has a word that may be a known predicate, or introduces what follows ("the
        minister said:"): "I" and "we" in the quotation after it are its speaker."""
        if _INTRODUCES.search(sentence):
            return True
        for word in _WORD.findall(sentence.lower()):
            if word in self.forms or (word.startswith("re-") and word[3:] in self.forms):
                return True
            if "-" in word and (word.replace("-", "") in self.forms
                                or any(part in self.forms for part in word.split("-"))):
                return True
        return False


@lru_cache(maxsize=1)
def _abbreviations() -> re.Pattern:
    from tacitus.datafiles import read_yaml_mapping

    data = read_yaml_mapping(Path(__file__).with_name("abbreviations.yaml"), strings=True)
    words, not_names = data["abbreviations"], data["not_first_names"]
    # ... nor after a middle initial, one capital after a capitalised name ("Robert M. Gates"), but after "World
    # War I." and "Vitamin D."
    return re.compile(r"(?:^|[\s(\"'])(?:" + "|".join(re.escape(str(w)) for w in words) + r")\.$"
                      r"|(?:^|\s)(?!(?:" + "|".join(re.escape(str(w)) for w in not_names) + r")\s)[A-Z][a-z]+\s"
                      r"(?![IVX]\.)[A-Z]\.$")


def split_sentences(paragraph: str) -> list[str]:
    """A cheap split at sentence-final punctuation followed by a capital or a digit, but not after an
    abbreviation ("on Aug. 7, 2015", "Gov. Greitens"; ``abbreviations.yaml``) or a middle initial ("Robert M.
    Gates"). The parser decides the real boundaries of the sentences that are kept."""
    pieces = [s for s in _SENTENCE_END.split(paragraph.strip()) if s.strip()]
    out: list[str] = []
    for piece in pieces:
        if out and _abbreviations().search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out
