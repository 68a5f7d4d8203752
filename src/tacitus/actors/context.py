"""Per-document memory for coreference: names, titles and institutions seen so far."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from tacitus.records import Actor

SETTLED_WEIGHT = 2  # mentions of its country that set a story there firmly
DOMESTIC_SHARE = 2 / 3  # share of the story's mentions of countries that makes it one of its country's own affairs
PAIR_RATIO = 4  # how many times the most-named state may outweigh the second for the two to be a story's two sides
PAIR_REACH = 2  # how many sentences on "the two leaders" still means the two states last told acting on each other


@dataclass
class _Seen:
    actor: Actor
    person: bool
    titles: frozenset[str]  # office words of a person: "president", "foreign minister"
    body: str | None  # institution phrase: "defence ministry"


class DocContext:
    """What one document has said so far: for "Mr Erdogan", "the Turkish leader", "the ministry".

    ``home_country`` may be set by the caller (e.g. from the dateline); otherwise a country that
    clearly dominates the document's state actors is used for bare institutions ("parliament").
    """

    def __init__(self, day: date, when: str | None, state_codes: frozenset[str]) -> None:
        self.day = day
        self.when = when
        self.home_country: str | None = None
        # how many mentions back home_country: a caller who sets it (from a dateline) means it; the coder sets the
        # count its setting reader found, and a country named once is too weak to give bare institutions
        self.home_weight = float("inf")
        # the home country's share of all the story's mentions of countries (set by the coder; a caller who sets
        # home_country means a story of its own affairs)
        self.home_share = 1.0
        # the whole document's mentions of countries, places and nationality words included (the setting reader's)
        self.story_countries: Counter[str] = Counter()
        # pairs of states the document has told acting on each other, both named by their own words (set by the
        # event coder): a story of two sides is one where they have met
        self.met: set[frozenset[str]] = set()
        # the two states the story last told acting on each other, or named as the parties of one act (the doer's
        # side first), by their governments, forces or names, with the sentence that told them and whether they
        # acted together (met, agreed): whom "both sides" and "the two leaders" of the next sentences are (set by
        # the event coder)
        self.last_pair: tuple[tuple[str, str], int, bool] | None = None
        # who last made each kind of statement the story told as done (an offer, a demand, an accusation), by PLOVER
        # type: whom "the offer" or "the demand" named later stands for (set by the event coder)
        self.told: dict[str, Actor] = {}
        # who last used force or another material act of conflict on each state, by the state's code: whom that
        # state's answer ("Israel responded with artillery fire") is aimed at (set by the event coder)
        self.hit_by: dict[str, Actor] = {}
        # who took whom (arrests, abductions), each named by the taker's own words: who frees them when the story
        # names nobody (set by the event coder)
        self.taken: list[tuple[Actor, Actor]] = []
        self._state_codes = state_codes
        self._seen: list[_Seen] = []
        self._names: dict[tuple[str, ...], Actor] = {}
        self._bodies: set[tuple[str, ...]] = set()  # names of bodies, not people ("MAC" for "the Mainland ...")
        self._countries: Counter[str] = Counter()
        # who speaks in a quotation that opens the next sentence: the speaker of a sentence that ends on
        # 'said:' or attributes a quote ('"We will fight," he said. "We will win."'); set by the event coder
        self.quote_speaker: Actor | None = None
        # the subjects of the last sentence's main clause and of what it reports, in that order, and their direct
        # objects, each with its kind (person, plural or single): what a pronoun in the next sentence most likely
        # stands for (a subject for an active subject, an object for a passive one or an object); set by the coder
        self.subjects: list[tuple[Actor, str]] = []
        self.objects: list[tuple[Actor, str]] = []
        self.roles_sentence: int | None = None  # the sentence they are of

    # -- queries ---------------------------------------------------------------------------------
    def last_actor(self, country: str | None = None, person: bool | None = None) -> Actor | None:
        """The most recent resolved actor (optionally of a country, or only persons/only groups).

        For pronouns ("he", "his") the coder decides when to use it; the resolver never does.
        """
        for seen in reversed(self._seen):
            if country is not None and seen.actor.country != country:
                continue
            if person is not None and seen.person != person:
                continue
            return seen.actor
        return None

    def last_sentence_actor(self, kinds: tuple[str, ...], acted_on: bool, sentence: int, skip=None,
                            fallback: bool = True) -> Actor | None:
        """For a pronoun in ``sentence``: the first subject (``acted_on``: the first object) of the sentence just
        before it, else its first object (subject), of one of ``kinds`` that a pronoun can stand for ("person" or
        "someone" for "he", "single" or "someone" for "it"); any but a person must be placed in a country or a
        sector, and none that ``skip(actor)`` rules out. "Police arrested two men. They were charged": the men; "...
        They also searched the house": the police. Without ``fallback``, only the first kind is looked at. None when
        the sentence before was not coded (it held no predicate)."""
        if self.roles_sentence is None or sentence - self.roles_sentence != 1:
            return None
        first, then = (self.objects, self.subjects) if acted_on else (self.subjects, self.objects)
        for actor, kind in first + (then if fallback else []):
            if kind in kinds and (kind == "person" or actor.country or actor.sector) and not (skip and skip(actor)):
                return actor
        return None

    def settled_home(self) -> str | None:
        """``home_country`` when the story is set there firmly: named at least :data:`SETTLED_WEIGHT` times, by a
        dateline, or by the caller; a country named once may be only the other party's."""
        return self.home_country if self.home_country and self.home_weight >= SETTLED_WEIGHT else None

    def domestic_home(self) -> str | None:
        """:meth:`settled_home` when its share of the story's mentions of countries (``home_share``, read over the
        whole document by the setting reader) is at least :data:`DOMESTIC_SHARE`: a story of one country's own
        affairs, not of its dealings with others."""
        home = self.settled_home()
        return home if home and self.home_share >= DOMESTIC_SHARE else None

    def state_named_with(self, word: str) -> Actor | None:
        """The last state named so far whose name begins with ``word`` ("the North" after "North Korea")."""
        for seen in reversed(self._seen):
            name = (seen.actor.name or "").lower().split()
            if len(name) > 1 and name[0] == word and seen.actor.country in self._state_codes \
                    and seen.actor.kb_id == seen.actor.country:
                return seen.actor
        return None

    def by_name(self, key: tuple[str, ...]) -> Actor | None:
        return self._names.get(key)

    def names_body(self, key: tuple[str, ...]) -> bool:
        """Whether a name remembered is a body's (an acronym given in brackets), not a person's."""
        return key in self._bodies

    def person_with_title(self, title: str, country: str | None, generic: bool) -> Actor | None:
        """The last person holding `title` ("president"; for a person the story named, "minister" matches "foreign
        minister"); or the last one the story named by that very title alone ("Pakistan's ambassador").

        A generic title ("leader", "counterpart") matches any government person; with a country,
        only that country's.
        """
        last_word = title.split()[-1]
        for seen in reversed(self._seen):
            # a titled one the story named by the title alone holds it too ("Pakistan's ambassador ... the
            # ambassador"), by that very title: its titles are only ever a single holder's
            if not (seen.person or (seen.titles and not generic)) or (country and seen.actor.country != country):
                continue
            if generic:
                if seen.actor.sector in ("GOV", None) and seen.actor.country:
                    return seen.actor
                continue
            if title in seen.titles or (seen.person and any(t.split()[-1] == last_word and " " not in title
                                                            for t in seen.titles)):
                return seen.actor
        return None

    def last_international_body(self) -> Actor | None:
        """The international body the document named last (a known organisation of no state: the UN, NATO)."""
        for seen in reversed(self._seen):
            actor = seen.actor
            if not seen.person and actor.kb_id and actor.name and actor.country \
                    and actor.country not in self._state_codes and actor.kb_id != actor.country:
                return actor
        return None

    def body_like(self, phrase: str) -> Actor | None:
        """The last institution called `phrase` ("the ministry" matches "defence ministry")."""
        last_word = phrase.split()[-1]
        for seen in reversed(self._seen):
            if seen.body and (seen.body == phrase or seen.body.split()[-1] == last_word) and seen.actor.country:
                return seen.actor
        return None

    def dominant_country(self) -> str | None:
        """:meth:`settled_home` if any, else a state with >= 2 mentions and >= 2/3 of all state mentions."""
        if home := self.settled_home():
            return home
        total = sum(self._countries.values())
        if not total:
            return None
        code, n = self._countries.most_common(1)[0]
        return code if n >= 2 and 3 * n >= 2 * total else None

    def story_places(self) -> list[str]:
        """The countries to look for a place name in first: the home country, then those of the three countries
        the document names most that are states (up to four in all)."""
        out = [self.home_country] if self.home_country else []
        out += [c for c, _ in self.story_countries.most_common(3) if c not in out and c in self._state_codes]
        return out

    def leading_pair(self, besides: set[str]) -> tuple[str, str] | None:
        """The two states the document names most (:attr:`story_countries`), other than ``besides``: the parties
        "both sides" means. None when no two stand out: either is named less than twice, one outweighs the other
        :data:`PAIR_RATIO` times or more (a story of one country's affairs), or a third is named at least half as
        often as the second."""
        ranked = [(c, n) for c, n in self.story_countries.most_common()
                  if c not in besides and c in self._state_codes]
        if len(ranked) < 2 or ranked[1][1] < 2 or ranked[0][1] >= PAIR_RATIO * ranked[1][1] \
                or (len(ranked) > 2 and 2 * ranked[2][1] >= ranked[1][1]):
            return None
        return ranked[0][0], ranked[1][0]

    def sides(self) -> tuple[str, str] | None:
        """:meth:`leading_pair` when the story is no story of one country's own affairs (:meth:`domestic_home`) and
        it has told the two acting on each other (:attr:`met`): the two sides of a story of a conflict or a
        dealing between two states."""
        if self.domestic_home() is not None or (pair := self.leading_pair(set())) is None:
            return None
        return pair if frozenset(pair) in self.met else None

    def recent_pair(self, index: int, together: bool = False) -> tuple[str, str] | None:
        """The two states :attr:`last_pair` holds when told at most :data:`PAIR_REACH` sentences before sentence
        ``index`` (with ``together``, only when told acting together: "the two leaders" after a meeting, not after
        a clash)."""
        if self.last_pair is None or not 0 <= index - self.last_pair[1] <= PAIR_REACH \
                or (together and not self.last_pair[2]):
            return None
        return self.last_pair[0]

    def pair_told(self, pair: tuple[str, str], index: int, together: bool) -> None:
        """Remember a pair of states told in sentence ``index``: the first the sentence tells (its news comes first:
        not "with Turkey acting as host" after "Russia and Ukraine met")."""
        if self.last_pair is None or self.last_pair[1] != index:
            self.last_pair = pair, index, together

    def keep_pair(self, index: int) -> None:
        """The pair :meth:`recent_pair` gave is told again in sentence ``index`` ("the two leaders" signed): it
        stays in mind from there."""
        if self.last_pair is not None:
            self.last_pair = self.last_pair[0], index, self.last_pair[2]

    def forget_pair(self, index: int) -> None:
        """Forget the pair told before sentence ``index``, which names others acting side by side."""
        if self.last_pair is not None and self.last_pair[1] < index:
            self.last_pair = None

    # -- updates ---------------------------------------------------------------------------------
    def remember(self, actor: Actor, person: bool = False, titles: set[str] | None = None,
                 body: str | None = None, name_keys: list[tuple[str, ...]] | None = None) -> None:
        """Record a resolved actor (the resolver calls this for every mention it codes)."""
        stored = replace(actor)
        self._seen.append(_Seen(stored, person, frozenset(titles or ()), body))
        if actor.country in self._state_codes:
            self._countries[actor.country] += 1
        for key in name_keys or ():
            if key:
                self._names[key] = stored
                if person:
                    self._bodies.discard(key)
                else:
                    self._bodies.add(key)
