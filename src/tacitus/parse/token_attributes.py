"""Coarse tags, morphology and lemmas after parsing, as the model's attribute ruler and rule lemmatizer give them,
read through two caches.

The attribute ruler runs a Matcher of every pattern (179 in the small English model) over every token, and the
rule lemmatizer recomputes base forms the model's own cache misses: together about a quarter of spaCy's time on
news. A one-token pattern can only see a token's own word, tag and dependency label, so what the ruler gives a
token is a function of (word, tag, label) and the lemma a function of (word, coarse tag, morphology). This
component keeps those two functions in bounded dictionaries, evaluates the one-token patterns itself on a miss,
and runs a Matcher of the few patterns that span several tokens ("gon na", "there is"), which win over a one-token
pattern when the model lists them later, as in the ruler. The results are the ruler's and the lemmatizer's, token
for token (tests/test_parse.py compares them on the shared corpus).

``cache_token_attributes(nlp)`` puts the component in place of the two (kept in the pipeline, disabled, so their
tables stay readable) when every pattern is of a form it evaluates; otherwise it leaves the pipeline as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

NAME = "tacitus_token_attributes"
CAPACITY = 50_000  # entries per cache (and in the lemmatizer's own); a full cache starts again
_TOKEN_KEYS = {"LOWER", "ORTH", "TEXT", "TAG", "DEP", "IS_SPACE"}
_SETTABLE = ("TAG", "DEP", "POS", "MORPH", "LEMMA")


def _test(spec: Any):
    """A predicate for one token attribute's value in a pattern, or None for a form not evaluated here."""
    if isinstance(spec, (str, bool)):
        return lambda value: value == spec
    if isinstance(spec, dict) and len(spec) == 1:
        (op, arg), = spec.items()
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(arg)
            return lambda value: value in allowed
        if op == "NOT_IN" and isinstance(arg, list):
            banned = frozenset(arg)
            return lambda value: value not in banned
        if op == "REGEX" and isinstance(arg, str):
            found = re.compile(arg).search
            return lambda value: isinstance(value, str) and found(value) is not None
    return None


def _compile(pattern: dict) -> list | None:
    tests = []
    for key, spec in pattern.items():
        test = _test(spec)
        if key not in _TOKEN_KEYS or test is None:
            return None
        tests.append((key, test))
    return tests


def _anchor(pattern: dict) -> tuple[str, Any]:
    """The tag, else the lowercase word, a one-token pattern requires; ("", None) when it requires neither."""
    for key in ("TAG", "LOWER"):
        if isinstance(pattern.get(key), str):
            return key, pattern[key]
    return "", None


@dataclass(slots=True)
class _Word:
    """One (word, tag, label): the attributes its one-token patterns set (name -> (pattern order, value)), whether
    a pattern of several tokens may start with it, and its lemma once known."""

    ruled: dict[str, tuple[int, Any]]
    starts: bool
    lemma: str | None = None


class TokenAttributes:
    """The attribute ruler and the rule lemmatizer of one pipeline, applied through caches."""

    def __init__(self, ruler, lemmatizer, capacity: int = CAPACITY) -> None:
        self.lemmatizer = lemmatizer
        self.capacity = capacity
        # one-token patterns as (order, token tests, attributes), filed under the tag or the word they require
        self.single: dict[tuple[str, Any], list[tuple[int, list, dict]]] = {}
        self.spans = Matcher(ruler.vocab)
        self.span_rules: dict[int, tuple[int, dict]] = {}  # order -> (index of the token set, attributes)
        span_patterns: list[list[dict]] = []  # the patterns of several tokens
        self.supported = True
        for order, entry in enumerate(ruler.patterns):
            attrs = entry["attrs"]
            if set(attrs) - set(_SETTABLE):
                self.supported = False
            for tokens in entry["patterns"]:
                if len(tokens) == 1:
                    tests = _compile(tokens[0])
                    if tests is None:
                        self.supported = False
                    else:
                        self.single.setdefault(_anchor(tokens[0]), []).append((order, tests, attrs))
                else:
                    self.spans.add(str(order), [tokens])
                    span_patterns.append(tokens)
                    self.span_rules[order] = (entry.get("index", 0), attrs)
        # the first tokens of those patterns, filed like the one-token patterns
        self.span_starts: dict[tuple[str, Any], list[list]] = {}
        for tokens in span_patterns:
            tests = _compile(tokens[0])
            if tests is None:
                self.supported = False
            else:
                self.span_starts.setdefault(_anchor(tokens[0]), []).append(tests)
        self.by_word: dict[tuple[int, int, int], _Word] = {}
        self.lemmas: dict[tuple[int, int, int], str] = {}
        self.shared: dict[tuple, dict[str, tuple[int, Any]]] = {}

    def _entry(self, token) -> _Word:
        """What the one-token patterns give this token's word, tag and label."""
        values = {"LOWER": token.lower_, "ORTH": token.text, "TEXT": token.text, "TAG": token.tag_,
                  "DEP": token.dep_, "IS_SPACE": token.is_space}
        anchors = (("TAG", values["TAG"]), ("LOWER", values["LOWER"]), ("", None))  # what _anchor files under
        ruled: dict[str, tuple[int, Any]] = {}
        candidates = [c for anchor in anchors for c in self.single.get(anchor, ())]
        for order, tests, attrs in sorted(candidates, key=lambda c: c[0]):
            if all(test(values[key]) for key, test in tests):
                for name, value in attrs.items():
                    ruled[name] = (order, value)
        starts = any(all(test(values[key]) for key, test in tests)
                     for anchor in anchors for tests in self.span_starts.get(anchor, ()))
        # words of one tag get the same attributes: one shared mapping for them all keeps the cache small
        ruled = self.shared.setdefault(tuple(ruled.items()), ruled)
        return _Word(ruled, starts)

    def __call__(self, doc: Doc) -> Doc:
        if len(self.by_word) >= self.capacity:
            self.by_word.clear()
        if len(self.lemmas) >= self.capacity:
            self.lemmas.clear()
            getattr(self.lemmatizer, "cache", {}).clear()  # spaCy's own, filled by the misses, goes with it
        words: list[_Word] = []
        for i, key in enumerate(map(tuple, doc.to_array([ORTH, TAG, DEP]).tolist())):
            word = self.by_word.get(key)
            if word is None:
                word = self.by_word[key] = self._entry(doc[i])
            words.append(word)
        changed: dict[int, dict[str, tuple[int, Any]]] = {}  # token -> its attributes after the span patterns
        if any(w.starts for w in words):
            for match_id, start, end in sorted(self.spans(doc, allow_missing=True),
                                               key=lambda m: int(doc.vocab.strings[m[0]])):
                order = int(doc.vocab.strings[match_id])
                index, attrs = self.span_rules[order]
                i = range(start, end)[index]
                merged = changed.setdefault(i, dict(words[i].ruled))
                for name, value in attrs.items():
                    if merged.get(name, (-1, None))[0] <= order:
                        merged[name] = (order, value)
        for i, (token, word) in enumerate(zip(doc, words)):
            ruled = changed.get(i, word.ruled)
            for name, (_, value) in ruled.items():
                _assign(token, name, value)
            if token.lemma != 0:
                continue
            if i not in changed and word.lemma is not None:
                token.lemma_ = word.lemma
                continue
            key = (token.orth, token.pos, token.morph.key)
            lemma = self.lemmas.get(key)
            if lemma is None:
                lemma = self.lemmas[key] = self.lemmatizer.lemmatize(token)[0]
            if i not in changed:
                word.lemma = lemma  # the same word, tag and label always get this lemma
            token.lemma_ = lemma
        return doc


def _assign(token, name: str, value: Any) -> None:
    if name == "TAG":
        token.tag_ = value
    elif name == "DEP":
        token.dep_ = value
    elif name == "POS":
        token.pos_ = value
    elif name == "MORPH":
        token.set_morph(value)
    elif name == "LEMMA":
        token.lemma_ = value


@Language.factory(NAME)
def _make(nlp: Language, name: str) -> TokenAttributes:
    return TokenAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))


def cache_token_attributes(nlp: Language) -> bool:
    """Replace the pipeline's attribute ruler and rule lemmatizer (adjacent, in that order) by the cached
    component; True when it did."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return False
    at = names.index("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer")
    if names[at + 1:at + 2] != ["lemmatizer"] or getattr(lemmatizer, "mode", None) != "rule" \
            or getattr(lemmatizer, "overwrite", True):
        return False
    if not nlp.add_pipe(NAME, after="lemmatizer").supported:
        nlp.remove_pipe(NAME)
        return False
    # the lemmatizer only asks whether a word is in its index of base forms: sets answer that without a scan of
    # lists of up to 57,000 words (the same answers; this pipeline is never saved, which needs the lists)
    index = lemmatizer.lookups.get_table("lemma_index", None)
    for pos in list(index or ()):
        if isinstance(index[pos], list):
            index[pos] = frozenset(index[pos])
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return True
