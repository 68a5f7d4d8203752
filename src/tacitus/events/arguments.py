"""Finding a predicate's arguments in a dependency parse: who acts (source) and who is acted on (target).

:class:`Syntax` answers questions about a parse ("who is the subject of this verb, following control and relative
clauses?", "what noun phrase does this head make?") with the labels and function words of a
:class:`~tacitus.events.grammar.Grammar`; it holds no label of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from tacitus.events.grammar import Grammar
from tacitus.events.misreadings import split_perfect
from tacitus.events.passives import PassiveForms

# How far a pronoun looks up the tree for the subject of a clause that governs it.
MAX_ANTECEDENT_HOPS = 6


class Syntax(PassiveForms):
    def __init__(self, grammar: Grammar, document_nouns: frozenset[str],
                 person_nouns: frozenset[str] = frozenset(), group_nouns: frozenset[str] = frozenset(),
                 stance_prefixes: frozenset[str] = frozenset()) -> None:
        """``document_nouns``: what somebody issues ("a statement calling on Y": the issuer calls);
        ``person_nouns``: offices and roles one person holds ("governor", "spokesman"); ``group_nouns``:
        institutions ("leadership", "police", "army"); ``stance_prefixes``: "pro", "anti" before a country word.
        """
        self.person_nouns, self.group_nouns, self.stance_prefixes = person_nouns, group_nouns, stance_prefixes
        self.g = grammar
        self.labels, self.ents, self.tags, self.fn = grammar.labels, grammar.entities, grammar.tags, grammar.words
        self.document_nouns = document_nouns

    # ---- phrases ----------------------------------------------------------------------------------------------
    def phrase_span(self, head: Token) -> Span:
        """The noun phrase headed by ``head`` without relative clauses, participles, coordination and most
        prepositional phrases ("the Turkish soldiers in Idlib" -> "the Turkish soldiers"). An "of" phrase
        naming something is kept ("Government of National Accord", "the army of Syria")."""
        labels = self.labels
        keep = {head.i}
        stack = [head]
        while stack:
            tok = stack.pop()
            for child in tok.children:
                keep_child = child.dep_ in labels.phrase
                if child.dep_ in labels.preposition and child.lower_ in self.fn.of:
                    # ... and the body a member belongs to ("leaders of all parties"), unless it names a place, which
                    # stays the act's ("the head of the council of Kherson")
                    keep_child = any(g.pos_ in self.tags.proper_noun or g.ent_type_ for g in child.children) or (
                        tok is head and head.lemma_.lower() in self.fn.member_heads and not self._names_place(child))
                if child.dep_ in labels.prep_object and tok.dep_ in labels.preposition and tok.i in keep:
                    keep_child = True
                if (child.dep_ in labels.conjunct or child.dep_ in labels.coordinator) and tok.i < child.i < head.i \
                        and tok.dep_ in labels.modifier:
                    keep_child = True  # "Canadian and Dutch warplanes": a coordination inside the modifier
                if tok is head and child.tag_ in self.tags.possessive_ending:
                    keep_child = False  # an owner named alone: "Khan's decision" -> "Khan"
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

    @staticmethod
    def entity(tok: Token) -> Span | None:
        """The named-entity span ``tok`` is part of, or None."""
        if not tok.ent_type_:
            return None
        return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)

    def first_conjunct(self, tok: Token) -> Token:
        """The first of the coordinated phrases ``tok`` belongs to ("Ethiopia and Eritrea": Ethiopia)."""
        while tok.dep_ in self.labels.conjunct and tok.head.i != tok.i:
            tok = tok.head
        return tok

    def told_before(self, noun: Token) -> bool:
        """Whether a noun is named with a determiner of something told before ("the attack", "this blast")."""
        return any(c.dep_ in self.labels.determiner and c.lower_ in self.fn.anaphoric_determiners
                   for c in noun.children)

    def told_in(self, verb: Token) -> list[Token]:
        """The nouns an act is suffered "in" or "during" ("killed in the attack", "wounded during the operation")."""
        return [g for c in verb.children if c.dep_ in self.labels.preposition and c.lower_ in self.fn.toll_preps
                for g in c.children if g.dep_ in self.labels.prep_object]

    def with_conjuncts(self, tok: Token) -> list[Token]:
        """``tok`` and the heads coordinated with it ("Turkey and Russia, along with Iran")."""
        out = [tok, *tok.conjuncts]
        for t in list(out):  # "X, along with Y"
            for prep in t.children:
                if prep.dep_ in self.labels.preposition and prep.lower_ in self.fn.along:
                    out.extend(g for w in prep.children if w.lower_ in self.fn.along_with
                               for g in w.children if g.dep_ in self.labels.prep_object)
        seen, result = set(), []
        for t in out:
            if t.i not in seen:
                seen.add(t.i)
                result.append(t)
        return sorted(result, key=lambda t: t.i)

    @staticmethod
    def children(tok: Token, deps) -> list[Token]:
        return [c for c in tok.children if c.dep_ in deps]

    def prep_objects(self, tok: Token, path: str) -> list[Token]:
        """Objects of the (possibly multi-word) preposition ``path`` under ``tok``: "to", "in support of"."""
        labels = self.labels
        words = path.split()
        frontier = [tok]
        for n, word in enumerate(words):
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.dep_ in labels.preposition_like and c.lower_ == word:
                        nxt.append(c)
                    elif n > 0 and c.dep_ in labels.prep_object and c.lower_ == word:
                        nxt.append(c)  # "in support of": support is the object of in
            frontier = nxt
            if not frontier:
                return []
        objs: list[Token] = []
        for p in frontier:
            objs.extend(self.children(p, labels.prep_object))
            if not objs and not self.absolute_phrase(p):  # "fired at thousands of demonstrators rallying outside": the
                # parser made the people the subject of a clause the preposition takes
                objs.extend(g for c in self.children(p, labels.prep_clause) if c.tag_ in self.tags.gerund
                            for g in self.children(c, labels.nominal_subject))
        return objs

    def held(self, noun: Token) -> list[Token]:
        """Who is in the state an event noun names: "the girl is in custody", "two journalists remain under
        arrest" (the subject of the copula the noun's preposition hangs on); [] for any other noun."""
        prep = noun.head
        if noun.dep_ not in self.labels.prep_object or prep.dep_ not in self.labels.preposition \
                or prep.lower_ not in self.fn.held_preps or prep.head.lemma_.lower() not in self.fn.copulas:
            return []
        return [c for c in prep.head.children if c.dep_ in self.labels.subject]

    def direct_object(self, verb: Token) -> Token | None:
        """The direct object; the small English model often reads "called Lavrov" as an object predicate, which
        counts when there is no other object. A relative clause's object may be the noun it hangs on
        (:meth:`object_gap`)."""
        labels, fn = self.labels, self.fn
        objs = self.children(verb, labels.object)
        if self.object_gap(verb, objs):
            return verb.head  # "the students (whom) they had arrested": the noun the clause is about
        if objs:
            return objs[0]
        # "kidnapped up to 16 advisers": the parser reads "up" as a particle and "to" as a preposition
        for prt in (c for c in verb.children if c.dep_ in labels.particle and c.lower_ in fn.up):
            for to in (c for c in list(prt.children) + list(verb.children)
                       if c.dep_ in labels.preposition and c.lower_ in fn.to):
                for pobj in (g for g in to.children if g.dep_ in labels.prep_object
                             and any(n.dep_ in labels.number for n in g.children)):
                    return pobj
        if verb.lemma_.lower() in fn.bare_object_verbs:  # "helped Syrian troops retake Aleppo": the troops
            bare = [s for c in verb.children if c.dep_ in labels.clausal_complement and c.tag_ in self.tags.bare_forms
                    and c.i > verb.i for s in c.children if s.dep_ in labels.noun_subject and s.i < c.i]
            if bare:
                return bare[0]
        predicate = next((c for c in verb.children if c.dep_ in labels.object_predicate), None)
        if predicate is not None or verb.lemma_.lower() not in fn.shared_object_verbs \
                or any(c.i > verb.i and c.dep_ not in fn.shared_object_links for c in verb.children):
            return predicate
        # "shot and killed two students": nothing after the verb but the verb joined to it, which has no subject
        # or auxiliary of its own: its object is the first's too
        for conj in (c for c in verb.children if c.dep_ in labels.conjunct and c.pos_ in self.tags.verb
                     and not any(g.dep_ in labels.subject or g.dep_ in labels.auxiliary for g in c.children)):
            objs = self.children(conj, labels.object)
            if objs:
                return objs[0]
        return None

    def object_gap(self, verb: Token, objs: list[Token]) -> bool:
        """Whether a relative clause's verb has its object in the noun it hangs on: its own subject is no relative
        pronoun and its object is one or missing ("the men whom police detained", "the men they freed"; not "the men
        who attacked", "the town where troops fought", "the hill from which they fired", nor a noun of time, reason
        or manner the clause is an adjunct of: "the day they met", "the reason the crowd attacked", grammar
        ``adjunct_heads``)."""
        labels, fn, head = self.labels, self.fn, verb.head
        if verb.dep_ not in labels.relative_clause or head.pos_ not in self.tags.noun or self.is_passive(verb) \
                or head.ent_type_ in self.ents.time or head.lemma_.lower() in fn.adjunct_heads:
            return False
        subs = self.children(verb, labels.subject)
        return bool(subs) and subs[0].lower_ not in fn.relative_pronouns \
            and all(o.lower_ in fn.relative_pronouns for o in objs) \
            and not any(c.lower_ in fn.relative_adverbs or (c.dep_ in labels.preposition and any(
                g.lower_ in fn.relative_pronouns for g in c.children)) for c in verb.children)

    def aimed(self, verb: Token) -> bool:
        """Whether an act names where it is aimed, whatever the parse made of it: a preposition of aim on the verb,
        its object, the object's conjuncts ("fired 40 missiles and 30 drones at Ukraine") or a participle on it
        ("fired munitions releasing a gas at the infantry")."""
        obj, aim, labels = self.direct_object(verb), self.fn.aim_preps, self.labels
        heads = [(verb, aim)] + ([(h, aim) for h in [obj, *obj.conjuncts]] + [
            (p, self.fn.harm_preps) for p in self.children(obj, labels.noun_clause)] if obj is not None else [])
        return any(c.dep_ in labels.preposition and c.lower_ in preps  # (a participle's "into orbit" is no aim)
                   and not any(g.ent_type_ in self.ents.time for g in c.children)  # not "on Sunday"
                   for h, preps in heads for c in h.children)

    def _names_place(self, of: Token) -> bool:
        """Whether an "of" phrase names a place through its own words or a further "of" ("of the council of
        Kherson"; not "of all parties in Kenya", whose "in" phrase the actor's words leave out)."""
        labels = self.labels
        for obj in (c for c in of.children if c.dep_ in labels.prep_object):
            if obj.ent_type_ in self.ents.place or any(
                    t.ent_type_ in self.ents.place for c in obj.children if c.dep_ in labels.phrase for t in c.subtree):
                return True
            if any(self._names_place(c) for c in obj.children
                   if c.dep_ in labels.preposition and c.lower_ in self.fn.of):
                return True
        return False

    def headed_by(self, tok: Token, words: Iterable[str]) -> bool:
        """Whether a noun's head is one of ``words`` and no word compounded onto it makes it another thing
        ("artillery", "coalition airstrikes", "army helicopters"; not "a think tank": grammar other_thing_compounds;
        "tank crews" and "the air force" are headed by other words), nor, for a vehicle, a force's or a weapon ("a
        police car", "a truck packed with explosives": grammar armed_vehicle_marks). A passive subject never is: it is
        what is acted on ("a van was driven at the crowd")."""
        lemma, fn = tok.lemma_.lower(), self.fn
        return lemma in set(words) and tok.dep_ not in self.labels.passive_subject and not any(
            c.dep_ in self.labels.compound and c.lemma_.lower() in fn.other_thing_compounds for c in tok.children) \
            and not (lemma in fn.vehicle_heads and any(t.lemma_.lower() in fn.armed_vehicle_marks for t in tok.subtree))

    def object_lemmas(self, dobj: Token) -> set[str]:
        """Lemmas naming a direct object: its head, compounds and an "of" complement ("right of self-defense")."""
        labels = self.labels
        out = {dobj.lemma_.lower()}
        if dobj.pos_ in self.tags.proper_noun and dobj.tag_ in self.tags.plural:
            out.update(self.g.lemma_guesses(dobj.lower_))  # a name's plural word as written ("Military Forces of X")
        for c in dobj.children:
            if c.dep_ in labels.adjective_or_compound:
                out.add(c.lemma_.lower())
            elif c.dep_ in labels.preposition and c.lower_ in self.fn.of:
                for g in c.children:
                    if g.dep_ in labels.prep_object:
                        out.add(g.lemma_.lower())
                        out.update(x.lemma_.lower() for x in g.children if x.dep_ in labels.compound)
        return out

    def verb_lemma(self, tok: Token, known) -> str:
        """The verb's lemma, or the base form its inflection points to when the tagger's lemma is unknown to
        ``known`` and that base form is known (the small model lemmatises "staged" as "stag")."""
        lemma = tok.lemma_.lower()
        if lemma in known:
            return lemma
        for prefix in self.g.inflection.prefixes:
            if lemma.startswith(prefix) and lemma[len(prefix):] in known:
                return lemma[len(prefix):]  # "re-open the border" opens it again
        return next((g for g in self.g.lemma_guesses(tok.lower_) if g and g in known), lemma)

    # ---- kinds of words ---------------------------------------------------------------------------------------
    def is_pronoun(self, tok: Token) -> bool:
        """A personal pronoun ("he", "they"), not a homograph such as "US"."""
        return (tok.pos_ in self.tags.pronoun and tok.lower_ in self.fn.personal_pronouns
                and not tok.text.isupper())  # "US" is a country

    def stands_for_group(self, tok: Token) -> bool:
        """A number or a word of quantity standing alone, as the subject of a passive, for a group told of before
        ("Both were later released", "All three have been freed"), with no noun or phrase of its own."""
        counted = (tok.pos_ in self.tags.numeral and tok.ent_type_ not in self.ents.time) \
            or tok.lower_ in self.fn.group_quantifiers
        return counted and tok.dep_ in self.labels.passive_subject \
            and all(c.dep_ in self.labels.quantifier_links for c in tok.children)

    def cleft_focus(self, pronoun: Token) -> Token | None:
        """The phrase a cleft puts first: "it was India that boycotted the summit" says India boycotted it. The
        parser hangs such a clause on the copula or higher up, with "that" or "which" as its subject."""
        before = [t for t in pronoun.doc[pronoun.sent.start:pronoun.i] if not t.is_punct]
        if not before:
            return None
        for t in pronoun.sent:
            if t.dep_ in self.labels.cleft_focus and t.head.lemma_.lower() in self.fn.copulas \
                    and t.right_edge.i == before[-1].i \
                    and any(c.dep_ in self.labels.subject and c.lower_ in self.fn.expletives for c in t.head.children):
                return t
        return None

    def is_person(self, tok: Token) -> bool:
        """A person, not a body: a person's name, "he"/"she", or a singular noun that is an office or a role
        ("the former governor", "a spokesman")."""
        if tok.ent_type_ in self.ents.person or tok.lower_ in self.fn.person_pronouns:
            return True
        return tok.tag_ not in self.tags.plural and tok.lemma_.lower() in self.person_nouns

    def may_be_person(self, tok: Token) -> bool:
        """Whether "he" or "she" can stand for a word: not a plural, a place, an organisation, a people or an
        institution ("China's top leadership refused to meet Cameron after he met X": he is not the leadership)."""
        if self.is_person(tok):
            return True
        return not (tok.tag_ in self.tags.plural or tok.ent_type_ in self.ents.actor
                    or tok.lower_ in self.group_nouns or tok.lemma_.lower() in self.group_nouns)

    def named(self, tok: Token) -> bool:
        """A proper name the parser tags as an organisation, a group or a person ("Hezb-e-Islami", "Hamas")."""
        return tok.pos_ in self.tags.proper_noun and tok.ent_type_ in self.ents.people

    def untagged_name(self, tok: Token) -> bool:
        """A capitalised name the tagger left untagged as the subject of a clause ("Wekesa accused the police"):
        somebody named, when what the clause tells is a statement (a disease or a storm also "kills")."""
        return (tok.pos_ in self.tags.proper_noun and not tok.ent_type_ and tok.is_title
                and tok.dep_ in self.labels.noun_subject)

    # ---- who acts, who is acted on ---------------------------------------------------------------------------
    def verb_subjects(self, verb: Token) -> list[Token]:
        """Heads of the acting argument of a verb, following control, coordination and relative clauses."""
        labels, tags = self.labels, self.tags
        if self.is_passive(verb):
            return self.prep_objects(verb, self.fn.by[0])
        subs = self.children(verb, labels.subject) or self.children(verb, labels.passive_subject)
        if not subs:  # the parser sometimes hangs the subject on the auxiliary ("X however have opposed"), or reads
            # the auxiliary as the verb and the participle as its object's adjective ("police have registered cases")
            have = split_perfect(verb, self.g)
            subs = [s for aux in self.children(verb, labels.plain_auxiliary) for s in self.children(
                aux, labels.subject)] or (self.children(have, labels.subject) if have is not None else [])
        if not subs and verb.dep_ not in labels.open_complement and verb.dep_ not in labels.noun_clause:
            # ... or reads a name opening the sentence as an adverb ("Martelly disparaged Manigat's credentials")
            subs = [c for c in self.children(verb, labels.adverb) if c.pos_ in tags.proper_noun
                    and c.i < verb.i and c.i == verb.sent.start and not list(c.children)]
        if subs:
            sub = subs[0]
            if sub.lower_ in self.fn.relative_pronouns and verb.dep_ in labels.relative_clause:
                return [verb.head]
            if sub.lower_ in self.fn.relative_pronouns and (focus := self.cleft_focus(sub)) is not None:
                return [focus]
            return [sub]
        dep, head = verb.dep_, verb.head
        if head.i == verb.i:
            # "Leaders met on Monday, condemned the raids": the parser hangs the first verb on the second as its
            # clause; the second has none of its own and shares the first's
            told = [c for c in verb.children if c.dep_ in labels.clausal_complement and c.i < verb.i
                    and c.pos_ in tags.verbal and self.children(c, labels.subject)]
            return self.verb_subjects(told[0]) if told and verb.nbor(-1).is_punct else []
        if dep in labels.loose_clause and head.pos_ in tags.verbal and head.i < verb.i and verb.nbor(-1).is_punct:
            return self.verb_subjects(head)  # ... or leaves it unlabelled
        if dep in labels.relative_clause:
            # "the forces that attacked": the noun acts; "Syria, where Turkey set up talks": the place does not
            if any(c.lower_ in self.fn.relative_adverbs for c in verb.children
                   if c.dep_ in labels.adverb or c.dep_ in labels.condition_mark):
                return []
            return [head]
        if dep in labels.open_complement:  # "urged Iran to halt": object control; "decided to withdraw": subject
            objs = self.children(head, labels.object) if head.lemma_.lower() not in self.fn.means_object_verbs else []
            if objs:
                return objs
            if head.pos_ in tags.verbal and self.is_passive(head) and not self.prep_objects(head, self.fn.by[0]):
                # "the minister is set to visit", "X was forced to resign", "Y was asked to leave": the one the
                # passive is about does the infinitive
                return self.children(head, labels.passive_subject)
            if head.pos_ in tags.verbal:
                return self.verb_subjects(head)
            if head.pos_ in tags.adjective and head.dep_ in labels.adjective_complement:
                return self.verb_subjects(head.head)  # "Australia is willing to withdraw"
            return []
        if dep in labels.conjunct and (head.pos_ in tags.verbal or self.children(head, labels.subject)):
            return self.verb_subjects(head)  # "rejects and condemns" even when the tagger took "rejects" for a noun
        if (dep in labels.adverbial_clause or dep in labels.prep_clause) and head.pos_ in tags.verbal:
            return self.verb_subjects(head)
        if dep in labels.prep_clause and head.dep_ in labels.preposition and head.head.pos_ in tags.verbal:
            governor = head.head
            if head.lower_ in self.fn.object_control_preps:
                # "accused Cuba of carrying out attacks", "thanked Japan for sending aid": the one accused or
                # thanked does it; "Cuba was accused of ...": the passive's subject
                done_to = (([governor.head] if self.reduced_passive(governor)
                            else self.children(governor, labels.passive_subject)) if self.is_passive(governor)
                           else self.children(governor, labels.object))
                if done_to:
                    return done_to
            return self.verb_subjects(governor)
        if dep in labels.prep_clause and head.dep_ in labels.preposition and head.head.pos_ in tags.adjective \
                and head.head.dep_ in labels.adjective_complement:
            return self.verb_subjects(head.head.head)  # "the army was guilty of violating the ceasefire"
        if dep in labels.prep_clause and head.dep_ in labels.preposition and head.head.pos_ in tags.noun \
                and head.head.lemma_.lower() in self.fn.deed_owner_nouns \
                and (owners := [o for o in self.children(head.head, labels.possessor)
                                if o.lower_ not in self.fn.possessive_determiners and o.pos_ in tags.nominal]):
            return owners  # "the police's act of detaining the advocate", "Russia's policy of arming the rebels"
        if dep in labels.noun_clause and head.pos_ in tags.nominal:
            if (head.dep_ in labels.object or head.dep_ in labels.passive_subject) \
                    and head.lemma_.lower() in self.document_nouns \
                    and head.head.lemma_.lower() in self.fn.issuing_verbs:
                return self.verb_subjects(head.head)  # "X issued a statement calling on Y": X calls (not "vetoed")
            return [head]
        return []

    def harmed(self, clause: Token) -> list[Token]:
        """Whom the act a clause tells is done to: what an "against" or "at" phrase names ("would retaliate against
        Israel", "would fire rockets at Tel Aviv", "would use force against protesters"), else its direct object
        ("would strike Israel")."""
        heads = [clause, *self.children(clause, self.labels.object)]
        aimed = self.timeless([g for h in heads for p in self.fn.harm_preps for g in self.prep_objects(h, p)])
        obj = self.direct_object(clause)
        return aimed or ([obj] if obj is not None else [])

    def timeless(self, toks: list[Token]) -> list[Token]:
        """The words that are no time ("on Tuesday evening" names no target, aim or victim)."""
        return [t for t in toks if t.ent_type_ not in self.g.entities.time]

    def noun_sources(self, noun: Token, *, place_modifiers: bool = False) -> list[Token]:
        """Who carries out a nominal event: possessor, country adjective, name compound, "by" agent, or the agent
        of a participle ("the attack carried out by X"). The subject of a light verb is the coder's business."""
        labels, ents = self.labels, self.ents
        by = self.fn.by[0]
        out: list[Token] = []
        for c in noun.children:
            if c.dep_ in labels.possessor and c.lower_ not in self.fn.possessive_determiners:
                out.append(c)
            elif c.dep_ in labels.modifier and c.ent_type_ in ents.people and not self.stance(c):
                out.append(c)
            elif c.dep_ in labels.modifier and c.ent_type_ in ents.state and place_modifiers:
                out.append(c)  # "a US strike" acts; "the Libya agreement" is about Libya
        out.extend(self.prep_objects(noun, by))
        for c in noun.children:
            if c.dep_ in labels.noun_clause:
                out.extend(self.prep_objects(c, by))
        if not out:  # "their attack" when nothing more explicit is there (the coder may prefer a light verb)
            out.extend(c for c in noun.children if c.dep_ in labels.possessor)
        return [t for t in out if t.ent_type_ not in ents.not_actor]  # "an ultimatum ... by 5 a.m." names a time

    def titles(self, name: Token, speech_verbs: frozenset[str]) -> list[Token]:
        """What a name is called beside it: its apposition ("Musa Garbuwa, the state police spokesperson"), or the
        title the parser made the subject of a verb of saying hung on the name ("Musa Adamu, the state police
        spokesman said"), which is the same person."""
        labels = self.labels
        said = [c for c in name.children if c.dep_ in labels.relative_clause
                and not any(w.lower_ in self.fn.relative_pronouns for w in c.children)]
        if name.dep_ in labels.noun_subject:  # (or both the name and the title the subjects of "said")
            said.append(name.head)
        return [c for c in name.children if c.dep_ in labels.apposition] + [
            s for c in said if c.lemma_.lower() in speech_verbs
            for s in c.children if s.dep_ in labels.noun_subject and s.i > name.i and s.pos_ in self.tags.noun]

    def own_clause_subjects(self, pronoun: Token) -> list[Token]:
        """The subjects of the clause a pronoun is acted on in ("they urged them", "she spoke to her"), which a
        plain pronoun cannot stand for (only a reflexive one can)."""
        verb = pronoun.head
        if pronoun.dep_ in self.labels.prep_object and verb.dep_ in self.labels.preposition:
            verb = verb.head
        if verb.pos_ not in self.tags.verbal:
            return []
        return [t for s in self.verb_subjects(verb) for t in self.with_conjuncts(s) if t.i != pronoun.i]

    def stance(self, tok: Token) -> bool:
        """Whether a country word is a stance ("a pro-Kurdish rally", "anti-American protests"): it names
        whom the act is for or against, not who acts."""
        ent = self.entity(tok)
        start = ent.start if ent is not None else tok.i
        return any(t.lower_ in self.stance_prefixes for t in tok.doc[max(start - 2, 0):tok.i + 1])

    def antecedent(self, pronoun: Token) -> Token | None:
        """A pronoun's antecedent inside its sentence. A subject pronoun takes the subject of a clause above it
        ("Iran said it would attack" -> Iran); an object pronoun cannot be its own clause's subject, so it takes
        the nearest earlier named entity that is not ("Putin spoke to Erdogan and invited him" -> Erdogan).
        "He", "him", "she" and "her" stand only for what may be a person, else for the nearest earlier person
        named in the sentence, else for nobody here."""
        person = pronoun.lower_ in self.fn.person_pronouns
        subjects: set[int] = set()
        if pronoun.dep_ in self.labels.nominal_subject:
            found = self.governing_subject(pronoun)
            if found is None or not person or self.may_be_person(found):
                return found
        elif pronoun.head.pos_ in self.tags.verb:
            subjects = {t.i for s in self.verb_subjects(pronoun.head) for t in self.with_conjuncts(s)}
        if pronoun.lower_ in self.fn.plural_object_pronouns and (plural := self._plural_before(pronoun, subjects)):
            return plural  # ("arrested 40 protesters in Nairobi and released them": not Nairobi)
        wanted = self.ents.person if person else self.ents.actor
        for ent in reversed([e for e in pronoun.sent.ents if e.end <= pronoun.i]):
            if ent.label_ in wanted and ent.root.i not in subjects:
                return ent.root
        return None

    def _plural_before(self, pronoun: Token, subjects: set[int]) -> Token | None:
        """The nearest plural acted on before a plural object pronoun in its sentence (an object of a verb, or of
        a verb's preposition), when no actor the tagger names stands nearer, other than a place an act is set in
        ("in Nairobi"); not one of the pronoun's own clause's subjects."""
        labels = self.labels

        def acted_on(t: Token) -> bool:
            return t.tag_ in self.tags.plural and t.i not in subjects and not self.is_pronoun(t) and (
                t.dep_ in labels.object or (t.dep_ in labels.prep_object and t.head.head.pos_ in self.tags.verbal))
        for t in reversed(pronoun.sent[:pronoun.i - pronoun.sent.start]):
            if acted_on(t):
                return t
            if t.ent_type_ in self.ents.actor and not (t.ent_type_ in self.ents.place and (
                    (t.dep_ in labels.prep_object and t.head.lower_ in self.fn.locative_preps)
                    or any(acted_on(a) for a in t.ancestors))):
                return None  # ("urged Israel and Hamas to ... and asked them": the named ones; not "in Nairobi",
                #              nor "residents of southern Lebanon", whose place belongs to the plural named)
        return None

    def accusation_denied(self, verb: Token) -> Token | None:
        """The verb of accusing that a verb of denying answers in a relative clause hung on the accusation or
        on what it alleges ("accused Cuba of the attacks, which it denied"), or None. A clause joined by "and"
        or "while" is another statement ("accused Russia of the strike, and it rejected the offer")."""
        if verb.lemma_.lower() not in self.fn.denying_verbs or verb.dep_ not in self.labels.relative_clause \
                or not any(c.lower_ in self.fn.relative_pronouns for c in verb.children):
            return None
        tok = verb
        for _ in range(MAX_ANTECEDENT_HOPS):
            if tok.head.i == tok.i or tok.dep_ in self.labels.conjunct:
                return None
            tok = tok.head
            if tok.lemma_.lower() in self.fn.accusing_verbs and tok.pos_ in self.tags.verb:
                return tok
        return None

    def governing_subject(self, pronoun: Token) -> Token | None:
        """The subject of a clause governing a pronoun, as antecedent: "Iran said it would attack" -> Iran. The
        one who denies an accusation is the one accused: "accused Cuba of the attacks, which it denied" -> Cuba."""
        accusing = self.accusation_denied(pronoun.head)
        if accusing is not None and accusing.i < pronoun.i:
            accused = self.direct_object(accusing)
            if accused is not None and not self.is_pronoun(accused):
                return accused
        tok = pronoun.head
        for _ in range(MAX_ANTECEDENT_HOPS):
            for c in tok.children:
                if c.dep_ in self.labels.nominal_subject and c.i < pronoun.i and not self.is_pronoun(c) \
                        and c.pos_ not in self.tags.pronoun:
                    return c
            if tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    def owners(self, tok: Token) -> list[Token]:
        """Who a thing or a group belongs to or comes from, nearest first."""
        labels = self.labels
        out = [c for c in tok.children if c.dep_ in labels.possessor]
        # "the JIA demand": a named organisation or person compounded onto the thing
        # (not the name of a site: "the Trans-Sahara highway" is nobody's)
        if tok.lemma_.lower() not in self.fn.site_nouns:
            out.extend(c for c in tok.children if c.dep_ in labels.compound and c.ent_type_ in self.ents.people)
        for prep in self.fn.owner_preps:
            out.extend(self.prep_objects(tok, prep))
        # "the resolution proposed by the Security Council": the agent of what was done to a thing; a named person
        # something was done to ("Mohamed Salem, arrested by police") is not the agent's
        if tok.ent_type_ not in self.ents.person:
            for c in tok.children:
                if c.dep_ in labels.noun_clause:
                    out.extend(self.prep_objects(c, self.fn.by[0]))
        return [t for t in out if t.ent_type_ not in self.ents.not_owner]

    def grievance_targets(self, *heads: Token | None) -> list[Token]:
        """Whom a protest is against: "against X", "over X's bill", "in protest of X's refusal", or what its
        purpose clause demands ("staged demonstrations to demand reforms by Suharto's government")."""
        labels, fn = self.labels, self.fn
        out: list[Token] = []
        for head in heads:
            if head is None:
                continue
            for p in fn.grievance_preps:
                out.extend(self.prep_objects(head, p))
            for c in head.children:
                if c.dep_ in labels.preposition and c.lower_ in fn.in_protest:  # "in protest of/against/at"
                    for g in c.children:
                        if g.dep_ in labels.prep_object and g.lemma_.lower() in fn.protest_nouns:
                            for p in fn.protest_preps:
                                out.extend(self.prep_objects(g, p))
                elif (c.dep_ in labels.adverbial_clause or c.dep_ in labels.open_complement
                      or c.dep_ in labels.noun_clause) and c.lemma_.lower() in fn.purpose_lemmas:
                    for d in c.children:
                        if d.dep_ in labels.object and d.lemma_.lower() in fn.support_purposes:
                            # support voiced is for its own, not against them; support demanded is from whom it asks
                            out.extend(g for p in fn.giver_preps for g in self.prep_objects(d, p))
                        elif d.dep_ in labels.object:  # "disapproval for/of X", "demands from X", or the demand
                            out.extend(g for p in fn.purpose_objects for g in self.prep_objects(d, p))
                            out.append(d)
                    for p in fn.purpose_preps:
                        out.extend(self.prep_objects(c, p))
        return out

    def purpose_objects(self, *heads: Token | None, verbs: frozenset[str] = frozenset()) -> list[Token]:
        """Whom force is used on, told by its purpose: the object of "to crush", "to disperse" hanging on the act
        or the verb carrying it (the purpose is no second act: predicates.py); people or a body ("the rebels",
        "PKK militants", "Hamas"), not a thing ("to stake a claim")."""
        labels, tags, ents = self.labels, self.tags, self.ents
        return [obj for head in heads if head is not None for clause in head.children
                if (clause.dep_ in labels.adverbial_clause or clause.dep_ in labels.noun_clause
                    or clause.dep_ in labels.open_complement) and self.g.to_infinitive(clause)
                and clause.lemma_.lower() in verbs  # "to crush", "to disperse": not "to protect civilians"
                for obj in [self.direct_object(clause)] if obj is not None
                and (obj.tag_ in tags.plural or obj.pos_ in tags.proper_noun or obj.ent_type_ in ents.actor)]
