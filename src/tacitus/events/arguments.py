"""Finding a predicate's arguments in a dependency parse: who acts (source) and who is acted on (target).

Works on spaCy tokens of an English parse (ClearNLP-style labels: nsubj, nsubjpass, dobj, dative, agent,
prep/pobj, poss, amod, compound, xcomp, ccomp, relcl, acl, conj).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
PERSONAL_PRONOUNS = {"he", "she", "they", "it", "we", "him", "her", "them", "us"}
# dependents kept inside an actor phrase
_PHRASE_DEPS = {"det", "amod", "compound", "poss", "nummod", "nmod", "flat", "appos", "case", "quantmod",
                "npadvmod", "predet"}
_SUBJECT_DEPS = {"nsubj", "csubj"}
# Noun-phrase subjects, active or passive ("the army shelled", "the town was shelled").
NOMINAL_SUBJECTS = ("nsubj", "nsubjpass")
NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
# Entity types that name an actor other than a place: a person, an organisation, a demonym ("Syrian").
PEOPLE_ENTITIES = ("PERSON", "ORG", "NORP")
# ... and with a place standing for its state or people ("Ankara said").
ACTOR_ENTITIES = PEOPLE_ENTITIES + ("GPE",)


def _document_nouns() -> frozenset[str]:
    from tacitus.events.modality import ModalityWords

    return ModalityWords.default().document_nouns


def phrase_span(head: Token) -> Span:
    """The noun phrase headed by ``head`` without relative clauses, participles, coordination and most
    prepositional phrases ("the Turkish soldiers in Idlib" -> "the Turkish soldiers"). An "of" phrase
    naming something is kept ("Government of National Accord", "the army of Syria")."""
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            keep_child = child.dep_ in _PHRASE_DEPS
            if child.dep_ == "prep" and child.lower_ == "of":
                keep_child = any(g.pos_ == "PROPN" or g.ent_type_ for g in child.children)
            if child.dep_ == "pobj" and tok.dep_ == "prep" and tok.i in keep:
                keep_child = True
            if keep_child:
                keep.add(child.i)
                stack.append(child)
    doc = head.doc
    # the contiguous run around the head (punctuation may sit between its parts): a misparsed apposition
    # far to the right ("Serbia eased ..., the scene of ...") must not pull the verb into the phrase
    start = end = head.i
    while start - 1 >= 0 and (start - 1 in keep or (doc[start - 1].is_punct and start - 2 in keep)):
        start -= 1
    while end + 1 < len(doc) and (end + 1 in keep or (doc[end + 1].is_punct and end + 2 in keep)):
        end += 1
    end += 1
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return doc[start:end]


def with_conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the heads coordinated with it ("Turkey and Russia, along with Iran")."""
    out = [tok, *tok.conjuncts]
    for t in list(out):  # "X, along with Y"
        for prep in t.children:
            if prep.dep_ == "prep" and prep.lower_ == "along":
                out.extend(g for w in prep.children if w.lower_ == "with" for g in w.children if g.dep_ == "pobj")
    seen, result = set(), []
    for t in out:
        if t.i not in seen:
            seen.add(t.i)
            result.append(t)
    return sorted(result, key=lambda t: t.i)


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok: Token, path: str) -> list[Token]:
    """Objects of the (possibly multi-word) preposition ``path`` under ``tok``: "to", "in support of"."""
    words = path.split()
    frontier = [tok]
    for n, word in enumerate(words):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ in ("prep", "agent", "dative") and c.lower_ == word:
                    nxt.append(c)
                elif n > 0 and c.dep_ == "pobj" and c.lower_ == word:  # "in support of": support is pobj of in
                    nxt.append(c)
        frontier = nxt
        if not frontier:
            return []
    objs: list[Token] = []
    for p in frontier:
        objs.extend(_children(p, "pobj"))
    return objs


def is_pronoun(tok: Token) -> bool:
    """A personal pronoun ("he", "they"), not a homograph such as "US"."""
    return tok.pos_ == "PRON" and tok.lower_ in PERSONAL_PRONOUNS and not tok.text.isupper()  # "US" is a country


# Participles that state an attitude of their subject, not something done to it: "Vietnam is committed to
# opening", "Israel is opposed to French mediation", "Iraq is prepared to impose martial law"
STATIVE_PARTICIPLES = frozenset({"commit", "determine", "prepare", "oppose", "resolve", "dedicate", "bind"})


def is_passive(verb: Token) -> bool:
    if verb.lemma_.lower() in STATIVE_PARTICIPLES and not any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def verb_subjects(verb: Token) -> list[Token]:
    """Heads of the acting argument of a verb, following control, coordination and relative clauses."""
    if is_passive(verb):
        agents = prep_objects(verb, "by")
        return agents
    subs = _children(verb, *_SUBJECT_DEPS) or _children(verb, "nsubjpass")  # (a stative "is committed to")
    if not subs:  # the parser sometimes hangs the subject on the auxiliary ("X however have opposed")
        subs = [s for aux in _children(verb, "aux") for s in _children(aux, *_SUBJECT_DEPS)]
    if subs:
        sub = subs[0]
        if sub.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return [verb.head]
        return [sub]
    dep, head = verb.dep_, verb.head
    if head is verb:
        return []
    if dep == "relcl":
        # "the forces that attacked": the noun acts; "Syria, where Turkey set up talks": the place does not
        if any(c.lower_ in ("where", "when", "whereby") for c in verb.children if c.dep_ in ("advmod", "mark")):
            return []
        return [head]
    if dep == "xcomp":  # "urged Iran to halt": object control; "decided to withdraw": subject control
        objs = _children(head, "dobj")
        if objs:
            return objs
        if head.pos_ in ("VERB", "AUX"):
            return verb_subjects(head)
        if head.pos_ == "ADJ" and head.dep_ == "acomp":  # "Australia is willing to withdraw"
            return verb_subjects(head.head)
        return []
    if dep == "conj" and (head.pos_ in ("VERB", "AUX") or _children(head, *_SUBJECT_DEPS)):
        return verb_subjects(head)  # "rejects and condemns" even when the tagger took "rejects" for a noun
    if dep in ("advcl", "pcomp") and head.pos_ in ("VERB", "AUX"):
        return verb_subjects(head)
    if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return verb_subjects(head.head)
    if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "ADJ" and head.head.dep_ == "acomp":
        return verb_subjects(head.head.head)  # "the army was guilty of violating the ceasefire"
    if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
        if head.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in _document_nouns():
            return verb_subjects(head.head)  # "X issued a statement calling on Y": X calls
        return [head]
    return []


def verb_passive_targets(verb: Token) -> list[Token]:
    """The patient of a passive verb ("soldiers were attacked"; "a move that was criticised")."""
    subs = _children(verb, "nsubjpass")
    if not subs:
        return [verb.head] if verb.dep_ == "acl" and is_passive_participle(verb) else []
    sub = subs[0]
    if sub.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return [verb.head]
    return [sub]


def is_passive_participle(verb: Token) -> bool:
    return verb.tag_ == "VBN"


def noun_sources(noun: Token, *, place_modifiers: bool = False) -> list[Token]:
    """Who carries out a nominal event: possessor, country adjective, name compound, "by" agent, or the agent of
    a participle ("the attack carried out by X"). The subject of a light verb is the coder's business."""
    out: list[Token] = []
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her"):
            out.append(c)
        elif c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in PEOPLE_ENTITIES:
            out.append(c)
        elif c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ == "GPE" and place_modifiers:
            out.append(c)  # "a US strike" acts; "the Libya agreement" is about Libya
    out.extend(prep_objects(noun, "by"))
    for c in noun.children:
        if c.dep_ == "acl":
            out.extend(prep_objects(c, "by"))
    if not out:  # "their attack" when nothing more explicit is there (the coder may prefer a light verb)
        out.extend(c for c in noun.children if c.dep_ == "poss")
    return [t for t in out if t.ent_type_ not in NOT_ACTORS]  # "an ultimatum ... by 5 a.m." names a time


def antecedent(pronoun: Token) -> Token | None:
    """A pronoun's antecedent inside its sentence. A subject pronoun takes the subject of a clause above it
    ("Iran said it would attack" -> Iran); an object pronoun cannot be its own clause's subject, so it takes the
    nearest earlier named entity that is not ("Putin spoke to Erdogan and invited him" -> Erdogan)."""
    if pronoun.dep_ in NOMINAL_SUBJECTS:
        return governing_subject(pronoun)
    subjects: set[int] = set()
    if pronoun.head.pos_ == "VERB":
        subjects = {t.i for s in verb_subjects(pronoun.head) for t in with_conjuncts(s)}
    for ent in reversed([e for e in pronoun.sent.ents if e.end <= pronoun.i]):
        if ent.label_ in ACTOR_ENTITIES and ent.root.i not in subjects:
            return ent.root
    return None


def owners(tok: Token) -> list[Token]:
    """Who a thing or a group belongs to or comes from, nearest first."""
    out = [c for c in tok.children if c.dep_ == "poss"]
    # "the JIA demand": a named organisation or person compounded onto the thing
    out.extend(c for c in tok.children if c.dep_ == "compound" and c.ent_type_ in PEOPLE_ENTITIES)
    for prep in ("of", "from", "by"):
        out.extend(prep_objects(tok, prep))
    for c in tok.children:
        if c.dep_ == "acl":
            out.extend(prep_objects(c, "by"))
    return [t for t in out if t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT")]


GRIEVANCE_PREPS = ("against", "over", "at")  # "rallies against the leader", "a strike over the bill"
PURPOSE_LEMMAS = frozenset({"demand", "protest", "press", "call", "urge", "seek", "denounce", "oppose", "show",
                            "express", "voice"})  # "to show their disapproval of X's policies"


def grievance_targets(*heads: Token | None) -> list[Token]:
    """Whom a protest is against: "against X", "over X's bill", "in protest of X's refusal", or what its
    purpose clause demands ("staged demonstrations to demand reforms by Suharto's government")."""
    out: list[Token] = []
    for head in heads:
        if head is None:
            continue
        for p in GRIEVANCE_PREPS:
            out.extend(prep_objects(head, p))
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "in":  # "in protest of/against/at"
                for g in c.children:
                    if g.dep_ == "pobj" and g.lemma_.lower() == "protest":
                        for p in ("of", "against", "at", "over"):
                            out.extend(prep_objects(g, p))
            elif c.dep_ in ("advcl", "xcomp", "acl") and c.lemma_.lower() in PURPOSE_LEMMAS:
                for d in c.children:
                    if d.dep_ == "dobj":  # "disapproval for/of X", "demands from X", or the demand itself
                        out.extend(g for p in ("for", "of", "from", "against", "over", "at", "with", "towards", "toward")
                                   for g in prep_objects(d, p))
                        out.append(d)
                for p in ("for", "on", "against", "from"):
                    out.extend(prep_objects(c, p))
    return out


def named(tok: Token) -> bool:
    """A proper name the parser tags as an organisation, a group or a person ("Hezb-e-Islami", "Hamas")."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in PEOPLE_ENTITIES


def governing_subject(pronoun: Token) -> Token | None:
    """The subject of a clause governing a pronoun, as antecedent: "Iran said it would attack" -> Iran."""
    tok = pronoun.head
    for _ in range(6):
        for c in tok.children:
            if c.dep_ in NOMINAL_SUBJECTS and c.i < pronoun.i and not is_pronoun(c) and c.pos_ != "PRON":
                return c
        if tok.head is tok:
            return None
        tok = tok.head
    return None
