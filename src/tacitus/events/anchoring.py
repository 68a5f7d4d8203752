"""The anchoring stage: the date, place, toll and history of each act, tied to the clause the act is told in.

A date, place, toll or background cue belongs to the nearest *clause head* above it in the dependency tree: a
predicate (drafted as an event or not) or a verb that is no predicate ("announced", "began", "said"). An act takes
what its own clause says, then what the clauses that govern it say, climbing through verbs that are no acts
and stopping at another act or on leaving a relative clause:

* "Erdogan on Tuesday spoke to Putin, a day after a Syrian attack on Turkish soldiers in Idlib": "on Tuesday"
  is the call's, "in Idlib" the attack's, and "a day after" dates the attack from the call.
* "the 2019 massacre over land that has been disputed since 1952": 1952 is the dispute's, not the massacre's.
* "X announced in Cairo that Israel withdrew from Lebanon": a place told with a verb of saying is where the
  saying happened, not the withdrawal (a date is shared: what is said on Tuesday happened by then).
* "condemned a tweet about the 1979 bombing that killed 18": the year and the dead are the bombing's.

A place is, in order: a place phrase of the act's clause (or one its clause inherits, "here" for the dateline,
"there" for the place named last); the venue of a speech, meeting or visit the sentence names (verbal acts); the
dateline (acts whose actors are at home there); a place of the sentence no clause holds.
A topic ("discussed the situation in Syria", "talks on Lebanon") is never a place. The document's focus comes
last, in ``focus.with_document_focus``. A toll goes only to an act of force. An act is *historical* when its date
ends more than ``history_window_days`` before the article's date, when a background cue ("years ago", "during
the war") stands in its clause. An undated act takes the date its paragraph's narrative has set a few sentences
before (and its history mark). Once dates are read, ``schedule`` (``Recode.scheduled``) recodes acts told in the
present for a later day. Reads ``job.drafts``, writes ``job.anchors``; updates ``job.where_when`` (the place named
last, the history).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.tokens import Span, Token

from tacitus.events.anchor_words import AnchorWords
from tacitus.events.arguments import Syntax
from tacitus.events.clauses import ClauseTree
from tacitus.events.fatalities import find_fatalities
from tacitus.events.job import Anchors, Draft, SentenceJob
from tacitus.events.places import PlaceMention, PlaceReader, context_countries
from tacitus.events.scenes import struck_scene
from tacitus.records import NON_STATE_CODES, Location, is_counted
from tacitus.time.periods import DAYS_PER_MONTH, better_date, next_year, period_end, shift_date

# A year written in a date expression ("June 28, 2000"): the date is full, not read in a year known otherwise
YEAR_IN = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
# How many characters before a date a background cue still marks it ("since the revolution on January 1, 1959")
BACKGROUND_REACH = 40


class Anchoring:
    def __init__(self, syntax: Syntax, places: PlaceReader, words: AnchorWords, consequence_verbs: frozenset[str],
                 speech_verbs: frozenset[str], future_aux: frozenset[str] = frozenset(), schedule=None) -> None:
        self.syntax, self.places, self.words, self.schedule = syntax, places, words, schedule
        self.future_aux = future_aux  # auxiliaries of the future ("will"): a bare weekday is the one to come
        self.consequence, self.speech, self.g = consequence_verbs, speech_verbs, syntax.g

    def __call__(self, job: SentenceJob) -> None:
        if job.drafts:
            job.anchors = self.anchors(job)
        elif any(t.pos_ in self.g.tags.proper_noun or t.ent_type_ in self.g.entities.place
                 or t.lower_ in self.words.here_words or t.lemma_.lower() in self.words.capital_words
                 for t in job.tokens):  # (a sentence naming no place, "here" or a capital leaves the last place)
            self.remember_places(job, self.places.mentions(job, ClauseTree(job, self.syntax, self.consequence,
                                                                            self.speech), self.words))

    def anchors(self, job: SentenceJob) -> Anchors:
        tree = ClauseTree(job, self.syntax, self.consequence, self.speech, self.words.circumstance_words,
                          self.words.simultaneous_marks, self.words.own_time_marks, self.words.other_act_words)
        onto = self.places.onto
        chains = {id(d): tree.chain(d, material=not onto.quad_is(d.code, "verbal")) for d in job.drafts}
        dates, unreadable, flashback, told_after = self.dates(job, tree)
        cues = {tree.owner(span.root) for span in self.background_cues(job.sent)}
        out = Anchors()
        dated_apart: set[int] = set()  # acts with a day of their own the text gives no year for
        for d in job.drafts:
            key, chain = d.pred.token.i, chains[id(d)]
            own_time = tree.own_time_at.get(id(d))
            purpose = tree.place_only.get(id(d), ())
            timed = [(k, ok) for k, ok in (chain[:own_time] if own_time is not None else chain)
                     if k not in purpose and (k == key or k not in told_after)]  # ("arrested him a year after the
            #                                                                         attack": the attack's date)
            date = next((dates[k] for k, _ in timed if k in dates), dates.get(None) if own_time is None else None)
            if date is None and job.reference:  # "struck Rafah to destroy tunnels on Monday": the parse's slip,
                # not "shelled the airport to attack the capital next month"; "rallied to show support for them on
                # Sunday": what a protest is for is no act of its own, and its day is the protest's
                aims = list(purpose)
                if onto.is_a(d.plover, "protest"):  # its purpose clauses, the verb and the nouns it carries
                    aims += [t.i for c in d.pred.token.children if self.g.to_infinitive(c) and c.i not in tree.drafted
                             for t in (c, *c.children) if t.i not in tree.drafted]
                date = next((dates[k] for k in aims if k in dates
                             and dates[k][0] <= job.reference[:len(dates[k][0])]), None)
            if date is not None:
                out.dates[key] = date
            elif any(k in unreadable for k, _ in timed) or (own_time is None and None in unreadable):
                dated_apart.add(key)
            above = tree.above(d) if own_time is None else set()
            out.historical[key] = (bool(cues & ({k for k, _ in timed} | above)) or (None in cues and own_time is None)
                                   or (date is not None and self.before_the_news(date, job.reference)))
        for d in job.drafts:  # an act told inside a historical one is history too ("killed in earlier clashes")
            if any(out.historical.get(a.i) for a in d.pred.token.ancestors) and d.pred.token.i not in out.dates:
                out.historical[d.pred.token.i] = True
        if self.schedule is not None and self.schedule(job, out.dates):  # announced, not done: read as such
            chains = {id(d): tree.chain(d, material=not onto.quad_is(d.code, "verbal")) for d in job.drafts}
        self.tolls(job, tree, chains, out)
        self.carry_narrative(job, out, dated_apart, flashback, told_after)
        self.story_date(job, out)
        mentions = self.places.mentions(job, tree, self.words)
        self.place(job, chains, mentions, out)
        self.content_places(job, tree, chains, mentions, out)
        self.remember_places(job, mentions)
        return out

    # ---- dates ------------------------------------------------------------------------------------------
    def dates(self, job: SentenceJob, tree: ClauseTree) -> tuple[dict[int | None, tuple[str, str]], set[int | None],
                                                               bool, set[int]]:
        """Dates by the clause head that owns them ("a day after X" dates X from its governing clause's date), the
        clause heads that own a day the text gives no year for ("on July 3" in an undated article), and whether
        the sentence steps back from the story's day ("a day earlier": _narrative_shifts), and the acts dated from
        the clause they are told before or after (theirs alone, not inherited). A full date in an
        undated article gives the year its later days without one are read in (_read_dates)."""
        sent, labels = job.sent, self.g.labels
        dates: dict[int | None, tuple[str, str]] = {}
        unreadable: set[int | None] = set()
        relative: list[tuple[Token, int, int | None]] = []
        found: list[tuple[Span, tuple[str, str]]] = []
        ww = job.where_when
        for m in self._read_dates(job):
            span = char_span(sent, m.start, m.end)
            if span is None:
                continue
            root = span.root
            if m.text.isdigit() and root.dep_ in (*labels.modifier, *labels.number) \
                    and root.head.i not in tree.predicates:
                continue  # "the 1994 massacre": a year before a noun dates that noun's act, and nothing else
            if m.date is None and m.offset_days is not None:
                hinge = next((t for t in span if t.lower_ in self.g.words.hinges), None)
                if hinge is not None:
                    relative.append((hinge, m.offset_days, tree.owner(root)))
                continue
            if m.date is None and m.precision == "unknown":
                unreadable.add(tree.owner(root))  # a day of its own, but of which year the text does not say
                continue
            if m.date is not None:
                date = m.date
                if m.weekday_before and self._tells_future(sent.doc, tree.owner(root)):
                    date = (dt.date.fromisoformat(date) + dt.timedelta(days=7)).isoformat()  # "will meet on Friday"
                elif m.year_guessed and job.reference and date < job.reference[:len(date)] \
                        and self._soon_after(next_year(date), job.reference) \
                        and self._tells_future(sent.doc, tree.owner(root)):
                    date = next_year(date)  # "will step down on Jan. 20", told in December: the January to come
                found.append((span, (date, m.precision)))
        # "X clashed on Saturday, a day after militants attacked": "after" marks the attack's clause, which the
        # parser often also gives the date before it; that date is X's, and the attack is a day before it
        later: dict[int, tuple[int, int]] = {}  # clause marked by a hinge -> (governing clause, offset)
        doc = sent.doc
        for hinge, offset, own in relative:
            governing = tree.owner(doc[own].head) if own is not None and doc[own].head.i != own else None
            if hinge.dep_ in labels.condition_mark and governing is not None:
                later[own] = (governing, offset)
        for span, date in found:
            at = span.root.head  # "the third such raid in the county since March": a count's start, no act's day
            if at.lower_ in self.g.words.span_starts and at.head.pos_ in self.g.tags.noun and at.head.i not in \
                    tree.predicates and not any(t.lower_ in self.g.words.relative_adverbs for t in at.head.subtree):
                continue
            own = self._date_owner(tree, span.root)
            if own in later and any(span.end <= h.i for h, _, o in relative if o == own):
                own = later[own][0]
            dates[own] = better_date(dates.get(own), date)
        day = self._narrative_day(job)
        told_after: set[int] = set()  # acts dated from the clause they are told before or after, theirs alone
        for hinge, offset, own in relative:
            governing = later[own][0] if own in later else own
            # an undated clause of the news is at the narrative's day ("The vote came three days after the visit"),
            # and months or years from the day the story is told are a month or a year wherever the story is
            # ("still live in Toronto, 18 years after the pardon": 1977); neither for a clause of the future
            told_now = (job.reference[:10], "day") if job.reference and abs(offset) >= DAYS_PER_MONTH else None
            future = self._tells_future(doc, governing, reported=True)
            if own in later:  # (a clause told after: "came three days after the minister visited")
                base = dates.get(later[own][0]) or (None if future else day or told_now)
                if base is not None and own not in dates:
                    self._shifted(job, dates, own, base, offset)
                    told_after.add(own)
                continue
            # (an act named after it, "arrested him two days after the attack", is dated from the clause's own day,
            # not from a narrative day the clause may not be at)
            base = dates.get(own) or dates.get(None) or (None if future else told_now)
            if base is None:
                continue
            for i in tree.predicates & subtree_indices(hinge):
                own_i = tree.light_of.get(i, i)
                if own_i not in dates:
                    self._shifted(job, dates, own_i, base, offset)
                    told_after.add(own_i)
        flashback = self._narrative_shifts(job, tree, dates)
        return dates, unreadable, flashback, told_after

    def _speaker_place(self, d: Draft, chain: list[tuple[int, bool]], mentions: list[PlaceMention]):
        """The place in the phrase of who tells an act done by "they" or "we" ("police in Kano said they had
        arrested 12 men"): the speakers' own act, where they are, for local speakers (anchors.yaml
        local_speaker_sectors). Only the first saying above the act is read, and only the words of its subject (not
        "said in Abuja", where the saying was)."""
        src = d.source_tok
        if src is None or not self.syntax.is_pronoun(src) or d.source.sector not in self.words.local_speakers:
            return None
        saying = next((k for k, ok in chain if not ok and k is not None), None)
        if saying is None:
            return None
        labels = self.g.labels
        words = {t.i for c in src.doc[saying].children if c.dep_ in labels.nominal_subject
                 and not self.syntax.is_pronoun(c) for p in c.children if p.dep_ in labels.preposition
                 for o in p.children if o.dep_ in labels.prep_object for t in o.subtree}
        # (a place in a phrase of the subject's own head, "police in Kano"; never the subject itself: "Chad
        # says it will take no more refugees" is the state speaking, not a place; nor a place abroad: "opposition
        # leaders in Vilnius said they would strike" at home)
        return next((m for m in mentions if m.placed and m.at in words
                     and (not d.source.country or m.location.country == d.source.country)), None)

    def _soon_after(self, date: str, reference: str) -> bool:
        """Whether a date (a day or a month) begins after the article's date and at most the future-year reach
        (anchors.yaml future_year_reach_days) after it."""
        try:
            start = dt.date.fromisoformat((date + "-01")[:10])
            told = dt.date.fromisoformat(reference[:10])
        except ValueError:
            return False
        return told < start + dt.timedelta(days=1) and (start - told).days <= self.words.future_year_reach_days

    def _date_owner(self, tree: ClauseTree, tok: Token) -> int | None:
        """The clause a date belongs to: its own, unless that is a clause of the object of an act telling no act of
        its own, which the parser often gives the date of the act ("approved Finland's bid to join the alliance on
        Monday"): then the act's (not "arrested a man wanted for a robbery committed on Friday")."""
        own, doc, labels = tree.owner(tok), tok.doc, self.g.labels
        if own is None or own in tree.predicates or doc[own].dep_ not in labels.noun_clause:
            return own
        noun = doc[own].head
        above = tree.owner(noun.head) if noun.dep_ in labels.object and noun.head.i != noun.i else None
        if doc[own].lemma_.lower() in self.g.words.dating_participles:
            # "in a letter (to the union) dated May 2, the ministry rejected": the date of what the letter does (not
            # "under a warrant dated May 2", "despite a truce dated ...": grammar dated_documents, dated_in)
            while noun.lemma_.lower() not in self.g.words.dated_documents and noun.dep_ in labels.prep_object \
                    and noun.head.dep_ in labels.preposition and noun.head.head.pos_ in self.g.tags.noun:
                noun = noun.head.head
            if noun.lemma_.lower() in self.g.words.dated_documents and noun.dep_ in labels.prep_object \
                    and noun.head.lower_ in self.g.words.dated_in:
                above = tree.owner(noun.head.head)
        return above if above is not None and above in tree.predicates else own

    def _narrative_here(self, job: SentenceJob) -> tuple | None:
        """The narrative (DocumentAnchors.narrative) a sentence goes on with: set in the same paragraph (or one the
        sentence opens by going on with it), at most narrative_reach sentences before; none for a title."""
        told = job.where_when.narrative
        if told is None or job.from_title or job.index - told[4] > self.words.narrative_reach:
            return None
        same = told[0] == id(job.sent.doc) or (job.sent.start == 0 and self.words.continuation.match(job.sent.text))
        return told if same else None

    def _narrative_day(self, job: SentenceJob) -> tuple[str, str] | None:
        """The date the story's narrative is at, for a sentence that goes on with it (_narrative_here; a day moves
        by days, a year or a month by years or months: "In 2015 ... a year after rebels attacked": 2014)."""
        told = self._narrative_here(job)
        return (told[1], told[2]) if told is not None else None

    def _shifted(self, job: SentenceJob, dates: dict, own, base: tuple[str, str], offset: int) -> None:
        """``own`` dated ``offset`` days from ``base``, unless that falls after the day the story is told."""
        date = shift_date(base[0], base[1], offset)
        if not (job.reference and date[0] > job.reference[:len(date[0])]):
            dates[own] = date

    def _narrative_shifts(self, job: SentenceJob, tree: ClauseTree, dates: dict) -> bool:
        """A clause dated from the day the story's narrative is at ("Kazakhstan's minister met his Uzbek
        counterpart on Thursday. A day later, he held talks in Dushanbe": Friday), when it has no date of its own;
        not "the day before the vote", which dates the vote (anchors.yaml hinged_shifts). Whether a clause was
        dated back from it (a flashback: "a day earlier", after which the story goes on at its day)."""
        day, text, back = self._narrative_day(job), job.sent.text, False
        if day is None:
            return False
        for m in self.words.narrative_shift.finditer(text):
            phrase = " ".join(m.group(1).lower().split())
            if phrase in self.words.hinged_shifts and re.match(r"\s*\w", text[m.end():]):
                continue
            span = char_span(job.sent, m.start(), m.end())
            own = tree.owner(span.root) if span is not None else None
            if span is not None and own not in dates:
                self._shifted(job, dates, own, day, self.words.narrative_shifts[phrase])
                back = back or self.words.narrative_shifts[phrase] < 0
        return back

    def _read_dates(self, job: SentenceJob) -> list:
        """The sentence's date expressions. In an undated article a full date of the news ("on June 28, 2000",
        "in June 2000"; not background: "since January 1, 1959") gives the year its days without one are read in,
        from there on ("on July 3" -> 2000-07-03); a day read so that falls before that date is of no year the
        text says (unknown), not an earlier day of the same year."""
        from tacitus.time import find_dates

        ww, text = job.where_when, job.sent.text
        found = find_dates(text, job.reference, ww.year, same_weekday=ww.wire_date)
        if job.reference is not None:
            return found
        told = [c.span() for rx in (self.words.background, self.words.ongoing) for c in rx.finditer(text)]
        full = [m for m in found if m.date and m.precision in ("day", "month") and YEAR_IN.search(m.text)
                and not any(s <= m.end and m.start - BACKGROUND_REACH <= e for s, e in told)]
        if full and int(full[-1].date[:4]) != ww.year:
            ww.year, ww.year_from = int(full[-1].date[:4]), full[-1].date
            found = find_dates(text, None, ww.year, same_weekday=ww.wire_date)
        if ww.year_from is None:
            return found
        return [m if not (m.date and not YEAR_IN.search(m.text) and m.date[:len(ww.year_from)] < ww.year_from)
                else replace(m, date=None, precision="unknown") for m in found]

    def background_cues(self, sent: Span) -> list[Span]:
        """Words that introduce background ("years ago", "during the war", "an 18th-century seizure")."""
        spans = (char_span(sent, m.start(), m.end()) for m in self.words.background.finditer(sent.text))
        return [s for s in spans if s is not None]

    def before_the_news(self, date: tuple[str, str], reference: str | None) -> bool:
        """Whether a date ends more than the history window before the article's date."""
        if not reference:
            return False
        end = period_end(*date)
        try:
            ref = dt.date.fromisoformat(reference[:10])
        except ValueError:
            return False
        return end is not None and (ref - end).days > self.words.history_window_days

    def carry_narrative(self, job: SentenceJob, out: Anchors, dated_apart: set[int] = frozenset(),
                        flashback: bool = False, told_after: set[int] = frozenset()) -> None:
        """An undated act told after a dated sentence of the same paragraph, or in a paragraph that goes on with
        it ("In addition, ...", "That year, ..."), at most anchors.yaml narrative_reach sentences after it, happened
        when the narrative says: it takes that date, and is
        history when that date is ("Tunisia suffered attacks in 2015 ... In addition, an attack near Sousse
        killed 38 people"). A state that lasts until now ("since 2015") sets no time for what follows, nor does a
        step back from the narrative's day ("a day earlier, ...")."""
        if job.from_title or flashback:
            return
        ww, para = job.where_when, id(job.sent.doc)
        keys = [d.pred.token.i for d in job.drafts]
        # (an act dated only from the one it is told after, "a year after rebels attacked", dates no narrative)
        if any(k in out.dates and k not in told_after for k in keys):
            root = job.sent.root.i  # the main clause's date, else the first told ("held talks on Tuesday, a day
            main = [d.pred.token.i for d in job.drafts  # after the minister visited": Tuesday)
                    if root in (d.pred.token.i, d.pred.head.i) and d.pred.token.i in out.dates]
            first = main[0] if main else next(k for k in keys if k in out.dates and k not in told_after)
            lasting = self.words.ongoing.search(job.sent.text) is not None
            ww.narrative = None if lasting else (para, *out.dates[first], bool(out.historical.get(first)), job.index)
            return
        told = self._narrative_here(job)
        if told is None:
            return  # (a story told in one block goes on at its day, not at the last date it named long before)
        for k in keys:
            if k in dated_apart or k in out.dates:
                continue  # "on July 3": a day of its own, not the narrative's, even when its year is unknown
            out.dates[k] = (told[1], told[2])
            out.historical[k] = out.historical.get(k) or told[3]
        ww.narrative = (para, *told[1:])

    def _tells_future(self, doc, owner: int | None, reported: bool = False) -> bool:
        """Whether the clause whose head is token ``owner`` tells of the future ("will meet", "shall vote"); with
        ``reported``, also the future of what was said ("said it would withdraw"; not for a weekday, which "said on
        Tuesday it would not attend" gives the saying)."""
        if owner is None:
            return False
        head, labels = doc[owner], self.g.labels
        said = reported and head.dep_ in labels.clausal_complement and head.head.lemma_.lower() in self.speech
        return any(c.dep_ in labels.auxiliary and (c.lower_ in self.future_aux
                                                   or (said and c.lower_ in self.g.words.past_future_aux))
                   for c in head.children)

    def story_date(self, job: SentenceJob, out: Anchors) -> None:
        """The day of the act the story leads with (its title or its first sentences), when the text gives it and
        it is news (not history, not after the article's date): an act the article tells later with no date of its
        own, and no dated narrative, happened then as far as the text says (Assembly gives it precision "story";
        without one it takes the publication date)."""
        ww = job.where_when
        if ww.story_told or not (job.from_title or job.index < self.words.lead_sentences):
            return
        for d in job.drafts:
            key = d.pred.token.i
            if key in out.dates and not out.historical.get(key):
                date, precision = out.dates[key]
                ww.story_told = True
                # only against the article's date can the lead's act be told from history, and from a day still
                # to come ("will meet on Friday")
                if precision == "day" and job.reference and date <= job.reference[:10]:
                    ww.story_date = date
                return

    # ---- tolls ------------------------------------------------------------------------------------------
    def tolls(self, job: SentenceJob, tree: ClauseTree, chains: dict[int, list], out: Anchors) -> None:
        """A death toll goes to the act of force (material conflict: an attack, a raid, a riot) whose clause holds
        it, or that inherits it alone from a clause that is no other act; never to a statement about it, and a
        running count ("since then 1,400 people have been killed") to no act."""
        onto = self.places.onto
        deaths, civilians = {}, {}  # owner -> toll, owner -> whether civilians
        lasting = {tree.owner(span.root) for m in self.words.ongoing.finditer(job.sent.text)
                   if (span := char_span(job.sent, m.start(), m.end())) is not None}
        for f in find_fatalities(job.sent.text):
            span = char_span(job.sent, f.start, f.end)
            own = tree.owner(span.root) if span is not None else None
            if own in lasting:
                continue  # "since then 1,400 people have been killed": a running count, no act's toll
            deaths[own] = max(deaths.get(own, 0), f.count)
            civilians[own] = civilians.get(own, False) or f.civilians
        if not deaths:
            return
        violent = {d.pred.token.i: d for d in job.drafts if onto.quad_is(d.code, "material_conflict")}
        heirs: dict[int | None, set[int]] = {None: set(violent)}  # the violent acts below each clause head
        for key, d in violent.items():
            for k, _ in chains[id(d)][1:]:
                heirs.setdefault(k, set()).add(key)
        for key, d in violent.items():
            held = [key] + [k for k, _ in chains[id(d)][1:]] + [None]
            source = next((k for k in held if k in deaths
                           and (k == key or (k not in tree.drafted and heirs.get(k) == {key}))), -1)
            if source != -1:
                out.deaths[key], out.civilians[key] = deaths[source], civilians.get(source, False)

    # ---- places -----------------------------------------------------------------------------------------
    def place(self, job: SentenceJob, chains: dict[int, list], mentions: list[PlaceMention], out: Anchors) -> None:
        by_owner: dict[int | None, PlaceMention] = {}
        out.countries = {m.location.country for m in mentions if m.location.country}
        for m in mentions:
            if m.placed and (m.owner not in by_owner or m.rank > by_owner[m.owner].rank):
                by_owner[m.owner] = m  # "near Tunisia's parliament in Tunis": Tunis
        origins = {m.owner: m.location for m in mentions if m.origin}
        venue = next((m for m in mentions if m.venue and m.placed), None)
        onto, ww = self.places.onto, job.where_when
        countries = context_countries(job.drafts)
        unplaced = not any(e.label_ in self.g.entities.place for e in job.sent.ents)
        unplaced_force: set[int] = set()
        for d in job.drafts:
            key = d.pred.token.i
            verbal = onto.quad_is(d.code, "verbal")
            force = onto.is_a(d.plover, "force")
            found = next((by_owner[k] for k, ok in chains[id(d)] if ok and k in by_owner), None)
            if found is None or found.owner != key:
                found = self.places.visit(d, countries, job.context) or found  # each visit is where it goes
            found = found or self._speaker_place(d, chains[id(d)], mentions)
            if found is None and force:
                found = struck_scene(d, mentions, self.g, self.words)
            basis = "clause"
            if found is None and venue is not None and verbal:
                found, basis = venue, "venue"
            loc = text = None
            at_dateline = ww.dateline is not None and not out.historical.get(key) and self.at_dateline(d, job, verbal)
            if found is not None and not (at_dateline and found.location.precision == "country"
                                          and found.location.country == ww.dateline.country):
                loc, text = found.location, found.text
            elif at_dateline and not verbal and ww.bureau and (story := self._story_place(ww)) is not None:
                # "LAGOS, May 28 (Xinhua) -- ... gunmen killed six in Riyom ... police deployed more personnel":
                # a wire bureau's city is where the story is filed, the place the story told last where it acts
                loc, text, basis = story, None, "document"
            elif force and unplaced and not out.historical.get(key) and (
                    (story := self._crowd_place(job, d)) is not None or (story := self._act_place(job, d)) is not None):
                # "Israeli commandos raided a site in northern Gaza. Four soldiers were wounded": force used in a
                # sentence that names no place goes on where the story's last use of force was, not at the dateline
                loc, text, basis = story, None, "document"
            elif at_dateline:  # (a country the dateline's town lies in is that town, for acts at home there)
                loc, text, basis = ww.dateline, ww.dateline.text, "dateline"
                if ww.seat:  # said at an institution's seat (the UN): where it was said, not whom it is to
                    out.venues.add(key)
            elif None in by_owner:
                loc, text, basis = by_owner[None].location, by_owner[None].text, "sentence"
            origin = next((origins[k] for k, ok in chains[id(d)] if ok and k in origins), None)
            if loc is None and origin is not None and origin.country != d.source.country:
                out.content_places[key] = origin  # "a complaint about US comments": whose, when nothing says where
            told_force = force and is_counted(d.modality) and not out.historical.get(key)
            ww.force_told = ww.force_told or told_force
            if loc is None and force:
                unplaced_force.add(key)
            if loc is not None:
                out.places[key] = Location(**{**loc.to_dict(), "basis": basis, "text": text})
                if told_force and basis == "clause":
                    ww.act_place = (job.index, loc)  # a place carried on is not carried further
                if onto.is_a(d.plover, "protest") and is_counted(d.modality) and basis == "clause" \
                        and not out.historical.get(key):
                    ww.protest_place = (job.index, loc)
                out.place_text[key] = found.name if found is not None else loc.name
                if found is not None and found.at >= 0:
                    place = job.sent.doc[found.at]
                    if self._venue(place, d):
                        out.venues.add(key)
                    if self._partner(place):
                        out.partners.add(key)
                    if onto.is_a(d.plover, "mobilization") and place.head.lower_ in self.g.words.host_preps \
                            and d.pred.token.lemma_.lower() not in self.g.words.massing_verbs:
                        out.hosts.add(key)  # ("deployed missiles in South Korea"; not "drills around Taiwan")
        for key in unplaced_force if ww.seat else ():  # force told as a report at an institution's seat ("UNITED
            if key in out.places and out.places[key].basis == "dateline":  # NATIONS -- forces shelled X, the UN
                del out.places[key]  # said") did not happen at the seat

    def _venue(self, place: Token, d: Draft) -> bool:
        """The place is a phrase of the predicate word itself ("pleaded guilty in New York"), not of what it acts
        on ("lifted a curfew in Montenegro")."""
        up = place.head
        if up.dep_ in self.g.labels.preposition:
            up = up.head
        return up.i in (d.pred.token.i, d.pred.head.i)

    def _partner(self, place: Token) -> bool:
        """The place is not set off by a preposition of setting ("in", "at", "near"): "talks with Syria",
        "mediate between Eritrea and Djibouti", "Israel-Syria talks" name a state that takes part in the act,
        unlike a place the act is held in."""
        return not self.words.in_setting_phrase(place, self.g.labels)

    def content_places(self, job: SentenceJob, tree: ClauseTree, chains: dict[int, list],
                       mentions: list[PlaceMention], out: Anchors) -> None:
        """The place of what an act asks, promises, refuses or threatens ("agreed to put off the rally in
        Tirana", "threatened to bar voting in the disputed district"): not where the act happened, but whom it concerns
        when it names nobody (a topic never does)."""
        for d in job.drafts:
            key = d.pred.token.i
            own = {k for k, _ in chains[id(d)]}
            inside = [m for m in mentions if not m.topic and m.owner not in own and tree.framing_act(m.owner) == key]
            if inside:
                out.content_places[key] = max(inside, key=lambda m: m.rank).location

    def _act_place(self, job: SentenceJob, d: Draft) -> Location | None:
        """Where the story last used force with a place of its own clause, when it told of it at most
        ``act_place_reach`` sentences before, or at any distance when the act is suffered in or during an act told
        before ("15 fighters were killed during the operation")."""
        told = job.where_when.act_place
        if told is None or job.from_title or not 0 < job.index - told[0]:
            return None
        if job.index - told[0] <= self.words.act_place_reach \
                or any(self.syntax.told_before(g) for g in self.syntax.told_in(d.pred.token)):
            return told[1]
        return None

    def _crowd_place(self, job: SentenceJob, d: Draft) -> Location | None:
        """Where the story told a protest at most ``act_place_reach`` sentences before, for force the forces that
        break up protests (ontology ``crowd_forces``) of that place's state, or of none named in a story set there,
        use on nobody named or on people (ontology ``crowd_sectors``) of that state ("police fired tear gas to break
        up the gathering")."""
        told, onto, force = job.where_when.protest_place, self.places.onto, job.where_when.act_place
        if told is None or job.from_title or not 0 < job.index - told[0] <= self.words.act_place_reach \
                or (force is not None and force[0] > told[0]):  # (force told after the protest sets the scene)
            return None
        home, target = told[1].country, d.target
        # (police of no state named are the story's own only where the protest was in the story's country; the
        # crowd is people, not "suspected gunmen")
        ok = d.source.sector in onto.crowd_forces and d.source.country in (None, home) and (
            d.source.country or job.context.home_country == home) and (target is None or (
                target.country in (None, home) and target.sector in onto.crowd_sectors))
        return told[1] if ok else None

    @staticmethod
    def _story_place(ww) -> Location | None:
        """The place the story named last, when it is a town or region of the dateline's country other than the
        dateline's own town."""
        last, line = ww.last_place, ww.dateline
        if last is None or line is None or last.country != line.country or last.precision == "country" \
                or (last.name, last.admin1) == (line.name, line.admin1):
            return None
        return last

    def at_dateline(self, d: Draft, job: SentenceJob, verbal: bool) -> bool:
        """Whether an act with no place of its own happened at the dateline: a verbal act whose source is at
        home there (or any verbal act at an institution's seat such as the UN's), a meeting face to face or an act
        done together with a state at home there (a visitor meets the host) when no other occasion is told, a material
        act between parties at home there."""
        ww = job.where_when
        if ww.seat:
            return verbal
        home = ww.dateline.country

        def at_home(country: str | None) -> bool:
            return country is None or country == home or country in NON_STATE_CODES

        target = d.target.country if d.target is not None else None
        together = d.target_tok is not None and d.source_tok is not None and (
            d.target_tok.i == d.source_tok.i or d.target_tok in d.source_tok.conjuncts)  # "Seoul and Hanoi signed"
        if verbal and target == home and d.mode not in self.words.remote_modes and (
                together or self.places.onto.is_a(d.plover, "meeting")) and not self._elsewhere(d, job):
            return True
        return at_home(d.source.country) and (verbal or target is None or target == home)

    def _elsewhere(self, d: Draft, job: SentenceJob) -> bool:
        """Whether the sentence holds a gathering the act may have happened at, other than its own word ("met on the
        sidelines of the G20 summit"; not "during the visit", which is the visit to the host): a summit word governed
        by a preposition."""
        return any(t.i != d.pred.token.i and t.lemma_.lower() in self.words.summit_words
                   and t.dep_ in self.g.labels.prep_object for t in job.tokens)

    def remember_places(self, job: SentenceJob, mentions: list[PlaceMention]) -> None:
        named = [m.location for m in mentions if m.placed and m.text not in self.words.there_words]
        job.where_when.last_place = named[-1] if named else job.where_when.last_place


def char_span(sent: Span, start: int, end: int) -> Span | None:
    """Tokens covering sentence-relative character offsets [start, end)."""
    return sent.char_span(start, end, alignment_mode="expand")


def subtree_indices(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}
