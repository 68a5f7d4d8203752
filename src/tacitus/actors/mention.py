"""A noun-phrase mention reduced to what the resolver reads: the head, its left modifiers,
appositions and "of/for/from" objects, built from a spaCy span or from plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

# dependents that are not part of the mention's own description
_SKIP_DEPS = {"conj", "cc", "relcl", "acl", "advcl", "parataxis", "punct", "mark", "prep", "appos",
              "dep", "preconj", "meta", "agent", "ccomp", "xcomp"}
_POSSESSIVE_PRONOUNS = {"his", "her", "its", "their", "our", "my", "your"}


@dataclass
class Tok:
    """The token attributes the resolver uses."""

    i: int
    text: str
    pos: str  # coarse part of speech (PROPN, NOUN, ADJ, DET, PRON ...)
    ent: str = ""  # entity type (PERSON, ORG, GPE, NORP ...) or ""
    poss: bool = False  # inside a possessive modifier ("Turkey's")


@dataclass
class Group:
    """A run of tokens describing one thing, with its head token index."""

    toks: list[Tok]
    head: int


@dataclass
class Mention:
    text: str
    core: Group  # the head and its left modifiers
    appos: list[Group] = field(default_factory=list)  # "his counterpart, Vladimir Putin"
    owners: list[Group] = field(default_factory=list)  # "the army of Syria"
    plural: bool = False
    definite: bool = False  # "the president", "his counterpart"
    full: list[Tok] = field(default_factory=list)  # every token, for names with prepositions

    @property
    def head(self) -> Tok:
        return next(t for t in self.core.toks if t.i == self.core.head)


# -- from spaCy ----------------------------------------------------------------------------------

def _collect(token: "Token", inside: range, out: list["Token"]) -> None:
    out.append(token)
    for child in token.children:
        if child.i in inside and child.dep_ not in _SKIP_DEPS:
            _collect(child, inside, out)


def _glue(token: "Token", inside: range, toks: list["Token"]) -> None:
    """Add tokens written together with the head ("Lashkar-e-Taiba" parsed as three heads)."""
    doc, have = token.doc, {t.i for t in toks}
    j = token.i
    while j + 1 in inside and doc[j].whitespace_ == "" and doc[j + 1].text not in ",.;:)(\"'":
        j += 1
        if j not in have:
            toks.append(doc[j])
    j = token.i
    while j - 1 in inside and doc[j - 1].whitespace_ == "" and doc[j - 1].text not in ",.;:)(\"'":
        j -= 1
        if j not in have:
            toks.append(doc[j])


def _group(token: "Token", inside: range) -> Group:
    toks: list["Token"] = []
    _collect(token, inside, toks)
    _glue(token, inside, toks)
    toks.sort(key=lambda t: t.i)
    poss_ids = {d.i for t in toks if t.dep_ == "poss" for d in t.subtree}
    return Group([Tok(t.i, t.text, t.pos_, t.ent_type_, t.i in poss_ids) for t in toks], token.i)


def mention_from_span(span: "Span", owner_preps: set[str]) -> Mention:
    """Read a spaCy span: its syntactic root is the head."""
    root = span.root
    inside = range(span.start, span.end)
    mention = Mention(span.text, _group(root, inside))
    mention.full = [Tok(t.i, t.text, t.pos_, t.ent_type_) for t in span]
    for child in root.children:
        if child.i not in inside:
            continue
        if child.dep_ == "appos":
            mention.appos.append(_group(child, inside))
        elif child.dep_ == "prep" and child.lower_ in owner_preps:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in inside:
                    mention.owners.append(_group(obj, inside))
    mention.plural = root.tag_ in ("NNS", "NNPS")
    mention.definite = any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
        or c.dep_ == "poss"
        for c in root.children
    )
    return mention


# -- from plain text -------------------------------------------------------------------------------

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}(?:-\w+)?|\w+(?:[-'’]\w+)*|['’]s\b|[^\w\s]")
_BREAK_WORDS = {"in", "at", "on", "near", "with", "by", "who", "which", "that", "after", "before",
                "during", "over", "into", "against", "to", "and", "or", "as", "while", "when"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "some", "many", "several"}


def _plain_toks(words: list[str], start: int, first_in_text: bool) -> list[Tok]:
    out = []
    poss_until = -1
    for k, w in enumerate(words):
        if w.lower() in ("'s", "’s"):
            poss_until = len(out)
            continue
        if w.lower() in _DETERMINERS:
            pos = "DET"
        elif w.lower() in _POSSESSIVE_PRONOUNS:
            pos = "PRON"
        elif w[:1].isupper() and not (k == 0 and first_in_text and w.lower() in _DETERMINERS):
            pos = "PROPN"
        elif w[:1].isalpha():
            pos = "NOUN"
        else:
            pos = "PUNCT"
        out.append(Tok(start + k, w, pos))
    for t in out[:max(poss_until, 0)]:
        t.poss = True
    return out


def mention_from_text(text: str, owner_preps: set[str]) -> Mention | None:
    """Read plain text as a noun phrase: the last word before a preposition is the head."""
    words = _TOKEN.findall(text)
    if not words:
        return None
    cut = len(words)
    owner: list[str] = []
    for k, w in enumerate(words):
        lw = w.lower()
        if k and (lw in owner_preps or lw in _BREAK_WORDS or w in (",", "(", ";", ":")):
            cut = k
            if lw in owner_preps:
                rest = words[k + 1:]
                stop = next((j for j, x in enumerate(rest) if x.lower() in _BREAK_WORDS | owner_preps
                             or x in (",", "(", ";")), len(rest))
                owner = rest[:stop]
            break
    core_words = [w for w in words[:cut] if w not in ("(", ")", '"')]
    toks = [t for t in _plain_toks(core_words, 0, True) if t.pos != "PUNCT" or t.text == "-"]
    content = [t for t in toks if t.pos not in ("DET", "PUNCT", "PRON")]
    if not content:
        return None
    head = content[-1]
    mention = Mention(text, Group(toks, head.i))
    mention.full = [t for t in _plain_toks([w for w in words if w not in ("(", ")", '"')], 0, True)
                    if t.pos != "PUNCT"]
    if owner:
        otoks = [t for t in _plain_toks(owner, 1000, False) if t.pos != "PUNCT"]
        ocontent = [t for t in otoks if t.pos not in ("DET", "PRON")]
        if ocontent:
            mention.owners.append(Group(otoks, ocontent[-1].i))
    hw = head.text.lower()
    mention.plural = hw.endswith("s") and not hw.endswith(("ss", "us", "is")) or hw in ("people", "police")
    mention.definite = bool(toks) and toks[0].text.lower() in {"the", "this", "that"} | _POSSESSIVE_PRONOUNS
    return mention
