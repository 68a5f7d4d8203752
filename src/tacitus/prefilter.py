"""Which sentences can hold an event, decided before parsing: a sentence is parsed only when one of its words is
a form of a predicate the patterns know (a verb or event noun of verbs.yaml / nouns.yaml) or a modal of
obligation ("X said Y must ..."), and, for a predicate every sense of which needs a subject word ("shells landed":
a weapon), only beside one of those words. Everything else cannot give a pattern event, so skipping its parse loses
no event (the document's context reads only what is parsed); `tacitus eval` and `bench/throughput.py` measure what
it costs and saves.

Word forms come from the lemmas by English inflection rules plus the irregular forms of the spaCy pipeline's own
lemmatizer tables ("met" -> meet, "fled" -> flee).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from tacitus.events.fatalities import death_words

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


def cue_words(senses) -> set[str] | None:
    """The words one of which a sentence must hold for any of a predicate's senses to apply: the subject words
    every sense of it needs ("shells landed": a weapon), or None when a sense needs none."""
    cues: set[str] = set()
    for s in senses:
        words = {w for entry in s.subject for w in str(entry).lower().split() if w}
        if not words:
            return None
        cues |= words
    return cues


class SentenceFilter:
    def __init__(self, lemmas: Iterable[str], irregular: dict[str, Iterable[str]] | None = None,
                 always: Iterable[str] = (), cues: dict[str, set[str] | None] | None = None) -> None:
        """``lemmas``: predicate lemmas; ``irregular``: form -> its lemmas (the lemmatizer's exceptions);
        ``always``: words that make any sentence a candidate; ``cues``: lemma -> the words one of which the
        sentence must also hold for the lemma to be a predicate there (:func:`cue_words`; none: any sentence)."""
        wanted = {lemma.lower() for lemma in lemmas}
        self.forms: set[str] = {w.lower() for w in always}
        forms_of: dict[str, set[str]] = {}
        for lemma in wanted:
            forms_of[lemma] = inflections(lemma)
        for form, lemmas_of in (irregular or {}).items():
            for lemma in lemmas_of:
                if lemma.lower() in forms_of:
                    forms_of[lemma.lower()].add(form.lower())
        # a form of a lemma whose every sense needs another word ("shells landed": a weapon) is a candidate only
        # beside one of those words, in any of its forms
        self.cued: dict[str, set[str]] = {}
        open_forms: set[str] = set(self.forms)
        for lemma, forms in forms_of.items():
            needed = (cues or {}).get(lemma)
            if needed is None:
                open_forms |= forms
                continue
            cue_forms = {f for w in needed for f in forms_of.get(w, inflections(w))}
            for form in forms:
                self.cued.setdefault(form, set()).update(cue_forms)
        for form in open_forms:
            self.cued.pop(form, None)  # (a form some other lemma takes with no condition)
        self.forms = open_forms | set(self.cued)

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
        lemmas = {*patterns.verbs, *patterns.nouns}
        cues = {}
        for lemma in lemmas:
            senses = (*patterns.verbs.get(lemma, ()), *patterns.noun_senses(lemma))
            cues[lemma] = cue_words(senses)
        # demands ("Y must act") and judgements ("X's decision was illegal") need no predicate word of their own;
        # a toll told as a sentence of its own ("3 fatalities.") is the toll of the act before it (coder.py)
        always = words.obligation_aux | words.praise_words | words.blame_words | death_words()
        return cls(lemmas, irregular, always=always, cues=cues)

    def keeps(self, sentence: str) -> bool:
        """True when the sentence has a word that may be a known predicate, or introduces what follows ("the
        minister said:"): "I" and "we" in the quotation after it are its speaker."""
        if _INTRODUCES.search(sentence):
            return True
        words = _WORD.findall(sentence.lower())
        said = set(words) | {part for word in words if "-" in word for part in word.split("-")}
        for word in words:
            for form in (word, word[3:] if word.startswith("re-") else "", word.replace("-", ""),
                         *(word.split("-") if "-" in word else ())):
                if form in self.forms and (form not in self.cued or self.cued[form] & said):
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
