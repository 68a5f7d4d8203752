"""The clauses of one sentence: which clause head owns a word (a date, a place, a toll, a background cue) and
which clauses an act inherits its anchors from (``ClauseTree``). The anchoring stage (``events/anchoring.py``)
reads dates, places and tolls through it."""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.events.arguments import Syntax
from tacitus.events.job import Draft, SentenceJob

# How far up the tree a date, place or toll looks for the clause it belongs to.
MAX_OWNER_HOPS = 12


class ClauseTree:
    """Who owns what in one sentence: the clause head above a token, and the clauses an act inherits from."""

    def __init__(self, job: SentenceJob, syntax: Syntax, consequence_verbs: frozenset[str],
                 speech_verbs: frozenset[str], circumstance_words: frozenset[str] = frozenset(),
                 simultaneous_marks: frozenset[str] = frozenset(),
                 own_time_marks: frozenset[str] = frozenset(), other_act_words: frozenset[str] = frozenset()) -> None:
        self.g, self.syntax = syntax.g, syntax
        drafted = {d.pred.token.i for d in job.drafts}
        # the acts of the sentence, drafted as events or not; a toll's "killing" belongs to the act it counts
        preds = [p for p in job.predicates or [d.pred for d in job.drafts]
                 if p.token.i in drafted or p.token.lemma_.lower() not in consequence_verbs]
        self.light_of = {p.light.i: p.token.i for p in preds if p.light is not None}
        self.predicates = {p.token.i for p in preds} | set(self.light_of)
        self.kinds = {p.token.i: p.sense.plover_type for p in preds}  # each act's PLOVER type
        self.drafted = drafted | {p.light.i for p in (d.pred for d in job.drafts) if p.light is not None}
        self.consequence, self.speech, self.simultaneous = consequence_verbs, speech_verbs, simultaneous_marks
        self.own_time, self.other_act = own_time_marks, other_act_words
        self.own_time_at: dict[int, int] = {}  # draft id -> how many of its chain's heads give its time
        self.place_only: dict[int, set[int]] = {}  # draft id -> heads of its chain that give a place, not a time
        self.doc = job.sent.doc
        labels = self.g.labels
        # clauses of circumstance ("... were killed when a rocket slammed into Sinai"), wherever the parser hung
        # them, acts of their own or not: they tell where and when the sentence's main act happened
        self.circumstances = [t.i for t in job.tokens if self.is_head(t)
                              and t.dep_ in (*labels.adverbial_clause, *labels.relative_clause)
                              and any(c.lower_ in circumstance_words for c in t.children if c.i < t.i)]

    def is_head(self, tok: Token) -> bool:
        """A clause head: a predicate, or a verb that is no predicate (but not a toll's "killing" or an auxiliary)."""
        if tok.i in self.predicates:
            return True
        return (tok.pos_ in self.g.tags.verbal and tok.dep_ not in self.g.labels.auxiliary
                and tok.lemma_.lower() not in self.consequence)

    def owner(self, tok: Token) -> int | None:
        """Index of the clause head at or above ``tok`` (a predicate's own token for its light verb), or None."""
        for _ in range(MAX_OWNER_HOPS):
            if self.is_head(tok):
                return self.light_of.get(tok.i, tok.i)
            if tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    def path(self, tok: Token) -> list[Token]:
        """The tokens from ``tok`` up to its owner (inclusive)."""
        out = [tok]
        for _ in range(MAX_OWNER_HOPS):
            if self.is_head(tok) or tok.head.i == tok.i:
                break
            tok = tok.head
            out.append(tok)
        return out

    def chain(self, draft: Draft, material: bool = False) -> list[tuple[int, bool]]:
        """The clause heads whose anchors the act inherits, its own first: (index, may its places be taken).
        Climbs through verbs that are no acts and into the act a conjunct shares its clause with; stops at
        another act and on leaving a relative or noun clause. A verb of saying passes its date on, not its place
        (unless the act is the saying itself: its source is the speaker). A material act is where the act a noun
        names as its source, object or setting is ("an attack near Sousse killed 38", "lifted the blockade of
        Gaza", "killed four in an attack in Basra"), and where the act of its kind it is done for is (a place, not a
        date: "airstrikes to fight militants in northern Iraq"); an act of saying is not ("condemned the attack in
        Mali")."""
        start = draft.pred.head
        out, labels = [(draft.pred.token.i, True)], self.g.labels
        # "shot and killed three and wounded five ... on Monday": coordinated acts of one subject share adverbials;
        # "were killed when a rocket slammed into Sinai": a clause of "when" or "where" tells the same act
        out += [(c.i, True) for c in (*start.children, *start.conjuncts) if self.is_head(c) and (
            (c.dep_ in labels.conjunct and c.i > start.i and not self.syntax.children(c, labels.nominal_subject))
            or (c.dep_ in labels.adverbial_clause and any(
                g.lower_ in self.g.words.relative_adverbs for g in c.children if g.i < c.i)))]
        told = draft.pred.token
        if told.dep_ in labels.subject and told.head.i not in self.drafted and self.is_head(told.head) \
                and told.head.i != told.i and told.pos_ in self.g.tags.noun:
            out.append((told.head.i, True))  # "Israeli strikes killed 16 in Idlib on Monday": the strikes' clause
        src = draft.source_tok
        if src is not None and src.i in self.predicates and src.i != draft.pred.token.i:
            out.append((src.i, True))  # "an attack near Sousse killed 38": the killing is that attack
        if material:  # the act's object and what its prepositions name, its own and its object's
            # ... and where the force it is used for is ("stepped up airstrikes to fight militants in northern Iraq"),
            # not when (its date is the purpose's: "shelled the airport to attack the capital next month")
            purpose = [c.i for c in start.children if c.i in self.predicates and self.g.to_infinitive(c)
                       and (c.dep_ in labels.adverbial_clause or c.dep_ in labels.open_complement)
                       and self.kinds.get(c.i) == draft.pred.sense.plover_type]
            self.place_only.setdefault(id(draft), set()).update(purpose)
            out += [(i, True) for i in purpose]
            heads = {draft.pred.token, start}
            # "six were killed and nine wounded in an attack in Kabul": a toll told on is of the same act
            heads |= {c for c in start.conjuncts if c.i > start.i and self._tolls(start, c)}
            heads |= {c for h in list(heads) for c in h.children if c.dep_ in labels.object}
            for tok in heads:
                for c in tok.children:
                    named = [c] if c.dep_ in labels.object else [g for g in c.children if c.dep_ in labels.preposition
                                                                and g.dep_ in labels.prep_object]
                    # ("were wounded in clashes ... in Kisumu": in the act of its kind it names, drafted or not)
                    out += [(n.i, True) for n in named if n.i in self.predicates and (
                        n.i not in self.drafted or self.kinds.get(n.i) == draft.pred.sense.plover_type)]
        places_ok = True
        where = False  # the climb left a "where" clause: what it tells happened within the act above
        prev = start
        for _ in range(MAX_OWNER_HOPS):
            cur = prev.head
            if cur.i == prev.i:
                break
            if prev.dep_ in labels.conjunct and id(draft) not in self.own_time_at and any(
                    c.dep_ in labels.adverb and c.lower_ in self.own_time for c in prev.children):
                # "backed one party in 2013 but now backs the other": a time of its own (the clauses above still
                # give its place: "entered Syria in 2019 and now occupy a strip there")
                self.own_time_at[id(draft)] = len(out)
            if prev.dep_ in labels.relative_clause or prev.dep_ in labels.noun_clause:
                if cur.i in self.predicates:  # "the 1979 bombing that killed 18": the killing is the bombing
                    out.append((self.light_of.get(cur.i, cur.i), places_ok))
                    break
                if not any(c.lower_ in self.g.words.relative_adverbs for c in prev.children):
                    break  # "Tunis, where 22 were killed" is told of Tunis: it takes what Tunis's clause says
                where = True
            if self.is_head(cur):
                own = self.light_of.get(cur.i, cur.i)
                if cur.i in self.predicates and prev.dep_ not in labels.conjunct:
                    if self.g.to_infinitive(prev) and (prev.dep_ in labels.open_complement
                                                       or prev.dep_ in labels.adverbial_clause):
                        # an act in the infinitive of another ("spoke at a rally in February to urge", "refused
                        # last week to meet"): that act's date, not its place
                        out.append((own, False))
                    elif where and self.kinds.get(own) == draft.pred.sense.plover_type:
                        # "bombings in 2019, among them one at the central market, where nine died": an act of
                        # the same kind told of a place of the act above was part of it, then and there
                        out.append((own, places_ok))
                    elif prev.dep_ in labels.adverbial_clause \
                            and not any(c.dep_ in labels.subject for c in prev.children) and (
                                any(c.lower_ in self.simultaneous for c in prev.children if c.i < prev.i)
                                or (prev.tag_ in self.g.tags.gerund
                                    and self.kinds.get(own) == draft.pred.sense.plover_type)):
                        # a clause of no subject of its own told with the act above it, then and there: "was
                        # hurt on Friday while marching in a protest", "a strike hit
                        # the district in Gaza City, targeting a home" (not "struck Gaza, while Hezbollah fired
                        # at Israeli troops": another's act, elsewhere)
                        out.append((own, places_ok))
                    break  # another act: its anchors are its own
                saying = cur.i not in self.predicates and cur.lemma_.lower() in self.speech
                speaker = draft.source_tok is not None and draft.source_tok.head.i == cur.i \
                    and draft.source_tok.dep_ in labels.subject
                if saying and not speaker:
                    places_ok = False  # unless the speaker is the act's source: the saying is the act
                out.append((own, places_ok))
            prev = cur
        if prev.head.i == prev.i:  # the act's clause is the sentence's own: its "when" clauses tell of it
            out += [(i, True) for i in self.circumstances if i not in {k for k, _ in out}]
        return out

    def _tolls(self, first: Token, then: Token) -> bool:
        """Two clauses joined that both count the harmed of one act ("were killed and nine wounded"), the second
        with no word of another act ("in a separate attack") nor a time of its own beside the first's ("killed on
        Monday and two wounded on Wednesday")."""
        time = self.g.entities.time
        first_time = any(t.ent_type_ in time for c in first.children if c.i != then.i for t in c.subtree)
        return first.lemma_.lower() in self.consequence and then.lemma_.lower() in self.consequence and not any(
            (first_time and t.ent_type_ in time) or t.lower_ in self.other_act for t in then.subtree)

    def above(self, draft: Draft) -> set[int]:
        """Every clause head above the act up to another act, into the clause a relative clause hangs in: what
        is told as background there ("the violence at partition, in which a million were killed") is background
        for the act too."""
        out: set[int] = set()
        prev = draft.pred.head
        for _ in range(MAX_OWNER_HOPS):
            cur = prev.head
            if cur.i == prev.i or (cur.i in self.drafted and prev.dep_ not in self.g.labels.conjunct):
                break
            if self.is_head(cur):
                out.add(self.light_of.get(cur.i, cur.i))
            prev = cur
        return out

    def framing_act(self, owner: int | None) -> int | None:
        """The drafted act whose content holds a clause head: "agreed to put off the rally in Tirana" ->
        "agreed" for "rally"; None when no act is above it."""
        if owner is None:
            return None
        tok = self.doc[owner]
        for _ in range(MAX_OWNER_HOPS):
            if tok.head.i == tok.i or tok.dep_ in self.g.labels.relative_clause:
                return None
            tok = tok.head
            if tok.i in self.drafted:
                return self.light_of.get(tok.i, tok.i)
        return None
