"""ActorResolver: a noun-phrase mention -> ``Actor`` (name, country, sector, kb_id).

Reading a mention:
1. The phrase is cut to the head, its left modifiers, appositions and "of/for/from" objects.
2. Each part is matched, longest phrase first, against the names index (people, organisations,
   countries, demonyms, capitals, seats of power) and the agent vocabulary (sector nouns).
3. The head decides: a known name at the head is the actor (dated roles give its sector on the
   document's date); an agent noun at the head gives the sector and modifiers give the country;
   a bare country or capital is that country's government.
4. ``DocContext`` supplies earlier names, titles and institutions of the same document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import pycountry

from tacitus.actors.context import DocContext
from tacitus.actors.entries import COUNTRY, NAMED, PEOPLE, PERSON, Entry, State
from tacitus.actors.knowledge import Agent, KnowledgeBase, Vocabulary
from tacitus.actors.home_names import HomeNames
from tacitus.actors.mention import Group, Mention, Tok, mention_from_span, mention_from_text
from tacitus.actors.text import parse_date, split_raw, words
from tacitus.records import Actor

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span

MIDDLE_INITIAL = re.compile(r"[A-Z]\.?")  # "M." in "Robert M. Gates"


@dataclass
class Match:
    kind: str  # "name", "agent", "honorific", "former", "sponsor", "stance", "people" (a stance word that makes a
    #            people of a state's name: "ethnic")
    toks: tuple[int, ...]
    entry: Entry | None = None
    state: State | None = None
    agent: Agent | None = None


@dataclass
class Reading:
    """The matches of one group (core, apposition or owner)."""

    group: Group
    matches: list[Match]

    def at(self, i: int) -> Match | None:
        return next((m for m in self.matches if i in m.toks), None)

    def names(self) -> list[Match]:
        return [m for m in self.matches if m.kind == "name" and m.entry is not None and not m.entry.blocked]


def _plain_name(actor: Actor) -> str:
    """A known actor's name without case or a leading "the" ("The United Nations" is "United Nations")."""
    name = (actor.name or "").lower()
    return name[4:] if name.startswith("the ") else name


class ActorResolver(HomeNames):
    """Resolves noun-phrase mentions to actors. Build once per process (the coder's is in its Knowledge)."""

    def __init__(self, extra_files: Sequence[str | Path] = ()) -> None:
        self.vocabulary = Vocabulary()
        self.kb = KnowledgeBase(self.vocabulary)
        self.kb.load_builtin()
        for path in extra_files:
            self.kb.load_file(path)
        self._states = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}

    def name_keys(self, key: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The keys a person's name (lower-case words) is found by later in the document: the whole name and the
        surname alone, the last word or, for a family name written first ("Kim Jong Un"), the first."""
        if not key:
            return []
        keys = [key, key[-1:]]
        if len(key) > 1 and key[0] in self.vocabulary.family_first:
            keys.append(key[:1])
        return keys

    def person_nouns(self) -> frozenset[str]:
        """One-word offices and roles that one person holds ("governor", "spokesman"), singular."""
        return frozenset(key[0] for key, agent in self.vocabulary.agents.items()
                         if len(key) == 1 and not agent.plural and agent.kind in ("titles", "roles"))

    def group_nouns(self) -> frozenset[str]:
        """One-word institutions ("government", "leadership", "police", "army"), as written."""
        return frozenset(key[0] for key, agent in self.vocabulary.agents.items()
                         if len(key) == 1 and agent.kind == "bodies")

    def stance_prefixes(self) -> frozenset[str]:
        """Words that make a country word a stance, not an origin: "pro-Russian", "anti-American"."""
        return frozenset(self.vocabulary.stance_prefixes)

    def new_context(self, when: str | None) -> DocContext:
        """A fresh per-document context; `when` is the ISO publication date (None: today)."""
        day = parse_date(when, "publication date") if when else None
        return DocContext(day or date.today(), when, self._states)

    # -- entry points ----------------------------------------------------------------------------
    def resolve_span(self, span: "Span", ctx: DocContext) -> Actor | None:
        """Resolve an argument noun phrase as the coder found it (e.g. a head token's subtree)."""
        if len(span) == 0:
            return None
        actor = self._resolve(mention_from_span(span, self.vocabulary.owner_prepositions), ctx)
        actor = self._named_congress(actor, span.text, ctx)
        return self._home_state(self._home_congress(actor, span.text, ctx), span.text, ctx)

    def resolve_text(self, text: str, ctx: DocContext | None = None) -> Actor | None:
        """Resolve a plain-text noun phrase (no parser: the last word before a preposition is the head)."""
        mention = mention_from_text(text.strip(), self.vocabulary.owner_prepositions)
        if mention is None:
            return None
        ctx = ctx if ctx is not None else self.new_context(None)
        actor = self._named_congress(self._resolve(mention, ctx), text, ctx)
        return self._home_state(self._home_congress(actor, text, ctx), text, ctx)

    # -- matching --------------------------------------------------------------------------------
    def _read(self, group: Group, day: date, story: Counter[str] | None = None) -> Reading:
        vocab = self.vocabulary
        seq = [(raw.lower(), raw, t.i) for t in group.toks for raw in split_raw(t.text)]
        matches: list[Match] = []
        n, k = len(seq), 0
        while k < n:
            found, used = self._match_at(seq, k, day, story)
            if found is not None and used > 1 and seq[k][0] in vocab.definite and k + 1 < n:
                # "the UN Special Rapporteur": a name that begins with "the" ("The UN") gives way to a longer one
                # that begins after it
                after, after_used = self._match_at(seq, k + 1, day, story)
                if after is not None and after.kind == "name" and 1 + after_used > used:
                    found, used = None, 1
            if found is None and k + 1 < len(seq) and (seq[k][0], seq[k + 1][0]) in vocab.former_pairs \
                    and seq[k + 1][2] - seq[k][2] in (0, 2):  # "one-time", one token or three with the hyphen
                found, used = Match("former", tuple(sorted({seq[k][2], seq[k + 1][2]}))), 2
            if found is None:
                word, _, i = seq[k]
                kind = ("former" if word in vocab.former else "sponsor" if word in vocab.sponsor_words
                        else ("people" if word in vocab.residence_words else "stance") if word in vocab.stance_prefixes
                        else "topic" if word in vocab.topic_words
                        else "")
                if kind:
                    found = Match(kind, (i,))
                k += 1
            else:
                k += used
            if found:
                matches.append(found)
        self._drop_sponsors(matches, max(t.i for t in group.toks))
        self._drop_topics(matches, max(group.toks, key=lambda t: t.i))
        return Reading(group, matches)

    def _match_at(self, seq: list[tuple[str, str, int]], k: int, day: date,
                  story: Counter[str] | None) -> tuple[Match | None, int]:
        """The longest honorific, known name or agent word starting at word ``k`` of ``seq``, and its length."""
        vocab, kb = self.vocabulary, self.kb
        longest = max(kb.max_len, vocab.agent_max, 2)
        n = len(seq)
        for size in range(min(longest, n - k), 0, -1):
            key = tuple(w for w, _, _ in seq[k:k + size])
            toks = tuple(sorted({i for _, _, i in seq[k:k + size]}))
            if key in vocab.honorifics:
                return Match("honorific", toks), size
            cands = kb.candidates(key, tuple(r for _, r, _ in seq[k:k + size]))
            if not cands and size > 2:  # a middle initial the knowledge does not hold ("Robert M. Gates")
                bare = [w for j, w in enumerate(seq[k:k + size])
                        if not (0 < j < size - 1 and MIDDLE_INITIAL.fullmatch(w[1]))]
                if len(bare) < size:
                    cands = kb.candidates(tuple(w for w, _, _ in bare), tuple(r for _, r, _ in bare))
            if cands:
                chosen = kb.choose(cands, day, story)
                if chosen:
                    return Match("name", toks, chosen[0], chosen[1]), size
            agent = vocab.agents.get(key)
            if agent:
                return Match("agent", toks, agent=agent), size
        return None, 1

    def _drop_topics(self, matches: list[Match], head: Tok) -> None:
        """"Vietnam draft resisters", "Iraq war veterans": a country's name before a word of what happened there
        (lexicon ``topic_words``), in front of the head, says where that was, not whose the actor is; the people
        it struck or drove out are its own ("Afghanistan war refugees", lexicon ``topic_people``)."""
        word = head.text.lower()
        if word in self.vocabulary.topic_people or word.rstrip("s") in self.vocabulary.topic_people:
            return
        head_i = head.i
        drop = [j for j, m in enumerate(matches[:-1]) if m.kind == "name" and m.entry is not None
                and m.entry.kind == COUNTRY and matches[j + 1].kind == "topic"
                and matches[j + 1].toks[0] == m.toks[-1] + 1 and matches[j + 1].toks[-1] < head_i]
        for j in reversed(drop):
            matches.pop(j)

    @staticmethod
    def _drop_sponsors(matches: list[Match], head: int) -> None:
        """"Iranian-backed militias", "pro-Russian separatists", "ethnic Albanian rebels": the country is not the
        actor's (a people at the head after a residence word, "ethnic Albanians", stays: see _resolve)."""
        drop = set()
        for j, m in enumerate(matches):
            if m.kind != "name":
                continue
            if j + 1 < len(matches) and matches[j + 1].kind == "sponsor" and matches[j + 1].toks[0] <= m.toks[-1] + 2:
                drop.add(j)
            if j and matches[j - 1].kind in ("stance", "people") and m.toks[0] - matches[j - 1].toks[-1] <= 2 \
                    and not (matches[j - 1].kind == "people" and m.toks[-1] == head):
                drop.add(j)
        for j in sorted(drop, reverse=True):
            matches.pop(j)

    # -- composing -------------------------------------------------------------------------------
    def _name_chain(self, reading: Reading) -> list[Tok]:
        """Proper-noun tokens ending at the head that no agent/honorific/non-person name explains."""
        head = reading.group.head
        toks = {t.i: t for t in reading.group.toks}
        chain: list[Tok] = []
        i = head
        while i in toks and toks[i].pos == "PROPN" and not toks[i].poss:
            m = reading.at(i)
            # a word of another name inside a person's name is the person's ("William French Smith")
            inside_person = toks[i].ent == "PERSON" and i != head and m is not None and m.kind == "name"
            if m is not None and not inside_person and (
                    m.kind in ("agent", "honorific") or (m.kind == "name" and m.entry
                                                         and m.entry.kind not in (PERSON, NAMED))):
                if i == head and m.kind == "name":
                    return []
                break
            chain.insert(0, toks[i])
            i -= 1
            while i in toks and toks[i].pos == "PUNCT":
                i -= 1
        return chain

    def _identity(self, reading: Reading) -> tuple[Match | None, list[Tok]]:
        """The name match that is the head itself, and the unexplained proper-name chain."""
        head_match = reading.at(reading.group.head)
        chain = self._name_chain(reading)
        if head_match is None or head_match.kind != "name" or head_match.entry is None:
            return None, chain
        if head_match.entry.blocked:
            return head_match, []
        if head_match.entry.kind in (PERSON, NAMED) and any(t.i not in head_match.toks for t in chain):
            return None, chain  # "Emine Erdogan" is not "Erdogan" the president
        head = next((t for t in reading.group.toks if t.i == reading.group.head), None)
        if head_match.entry.kind in (COUNTRY, PEOPLE) and head is not None and head.ent == "PERSON":
            # "Glenn English", "Jordan Peterson": a person's name that spells a country is the person
            name = [t for t in reading.group.toks if t.ent == "PERSON" and t.pos == "PROPN"]
            if any(t.i not in head_match.toks for t in name):
                return None, name
        return head_match, []

    def _resolve(self, mention: Mention, ctx: DocContext) -> Actor | None:
        vocab = self.vocabulary
        head = mention.head
        if head.text.lower() in vocab.pronouns and not head.text.isupper() and len(mention.core.toks) == 1:
            return None
        content = [t for t in mention.full if t.pos not in ("DET", "PUNCT")]
        whole = self._whole_name(mention, content, ctx) or self._surname(mention, content, ctx)
        if whole is not None:
            return whole
        core = self._read(mention.core, ctx.day, ctx.story_countries)
        appos = [self._read(g, ctx.day, ctx.story_countries) for g in mention.appos]
        owners = [self._read(g, ctx.day, ctx.story_countries) for g in mention.owners]
        identity, chain = self._identity(core)
        if identity is not None and identity.entry is not None and identity.entry.blocked:
            return None
        former = any(m.kind == "former" for r in [core, *appos] for m in r.matches)

        # evidence from modifiers: (country, sector) pairs, nearest to the head last
        chain_ids = {t.i for t in chain}
        mods = [m for m in core.matches if m.kind == "name" and m is not identity and m.entry is not None
                and not m.entry.blocked and not chain_ids.intersection(m.toks)]
        titles: list[Agent] = [m.agent for r in [core, *appos] for m in r.matches
                               if m.kind == "agent" and m.agent is not None and m.agent.kind in ("titles", "roles")
                               and (r is not core or head.i not in m.toks)]
        agents_left = [m for m in core.matches if m.kind == "agent" and head.i not in m.toks]
        head_agent_m = next((m for m in core.matches if m.kind == "agent" and head.i in m.toks), None)
        head_agent = head_agent_m.agent if head_agent_m else None

        # identity through an apposition: "his Russian counterpart Vladimir Putin"
        appos_known: tuple[Actor, list] | None = None
        if identity is None and not (chain and head.pos == "PROPN"):
            for r in appos:
                m, ach = self._identity(r)
                if m is not None and m.entry and m.entry.kind in (PERSON, NAMED, "org", "seat"):
                    identity = m
                    mods.extend(x for x in r.matches if x.kind == "name" and x is not m)
                    break
                if m is None and ach and r.at(r.group.head) is None:
                    known = ctx.by_name(self._key(ach, vocab))
                    if known:
                        appos_known = (known, ach)
                        break
        if identity is None and appos_known is None and head_agent is not None \
                and head_agent.kind in ("titles", "roles") and head.text[:1].isupper():
            for r in owners:  # "Secretary of State Hillary R. Clinton": the title's "of" phrase ends in its holder
                m = r.at(r.group.head)  # (after the rest of the title: "a spokesman of Vladimir Putin" is not him)
                if m is not None and m.kind == "name" and m.entry is not None and m.entry.kind == PERSON \
                        and not m.entry.blocked and any(t.i < min(m.toks) for t in r.group.toks):
                    identity = m
                    break
        owner_names = [m for r in owners for m in r.names() if r.group.head in m.toks]
        owner_agents = [m for r in owners for m in r.matches if m.kind == "agent"]

        country = self._country(mods, owner_names, head_agent.sector if head_agent is not None else None)
        mod_sector = self._modifier_sector(agents_left + owner_agents, mods + owner_names)
        if appos_known is not None:  # a name seen before; this mention's title and country complete it
            known, ach = appos_known
            sector = known.sector or (head_agent.sector if head_agent is not None else None) or mod_sector
            return self._finish(Actor(mention.text, known.name, known.country or country, sector, known.kb_id),
                                ctx, person=True, names=[ach])

        # 1. a known name at the head (or in apposition)
        if identity is not None and identity.entry is not None:
            entry, state = identity.entry, identity.state
            if entry.kind in (COUNTRY, PEOPLE) and not country and head.text[:1].isupper() and any(
                    t.text.lower() in vocab.residence_words for t in mention.core.toks if t.i < head.i):
                # "local Serbs" in Kosovo, "local Albanians": a people living where the story is, not its state
                return self._finish(Actor(mention.text, None, None, "CVL", None), ctx)
            is_person = entry.names_person(head.ent == "PERSON")
            sector = state.sector
            title_sector = next((a.sector for a in titles if a and a.sector and a.kind == "titles"), None)
            if is_person and state.status in ("former", "before") and title_sector and not former:
                sector = title_sector
            if former and is_person:
                sector = "ELI"
            home = state.country or country
            if ((entry.kind == PEOPLE or (entry.kind == COUNTRY and getattr(entry, "group", False)))
                    and country and country != state.country and country not in self.kb.group_codes):
                # "Iraqi Kurds", "Bosnian Serbs": a people named with the state it lives in belongs to that state
                home, sector = country, None
            elif (is_person and title_sector and country and state.country and country != state.country
                  and not former and country not in self.kb.group_codes):
                # "Italian Foreign Minister Federica Mogherini": the post the sentence gives her, not the one the
                # knowledge holds for her at another time (EU foreign policy chief)
                home, sector = country, title_sector
            actor = Actor(mention.text, entry.name, home, sector, entry.kb_id)
            ttl = {a.phrase for a in titles if a.kind == "titles" or a.generic}
            if state.title:
                ttl.add(state.title)
            return self._finish(actor, ctx, person=is_person, titles=ttl,
                                names=[chain or [t for t in mention.core.toks if t.i in identity.toks]],
                                full=entry.name if is_person else None)

        # 2. an unknown proper name at the head: earlier in the document, a slip of a known name, or new
        if chain and head.pos == "PROPN" and head_agent is None:
            known = ctx.by_name(self._key(chain, vocab))
            if not known and len(chain) == 1 and mention.definite and chain[0].text.lower() in vocab.compass_names \
                    and (state := ctx.state_named_with(chain[0].text.lower())) is not None:
                return self._finish(Actor(mention.text, state.name, state.country, state.sector, state.kb_id), ctx)
            if not known and (respelt := self._respelt(mention, ctx)) is not None:
                return respelt
            sector = self._group_sector(country, "ELI" if former else mod_sector)
            if known:
                # what this mention says (a title, a country) completes what was known of the name
                return self._finish(Actor(mention.text, known.name, known.country or country,
                                          known.sector or sector, known.kb_id), ctx,
                                    person=not ctx.names_body(self._key(chain, vocab)), names=[chain])
            name = " ".join(t.text for t in chain)
            is_person = head.ent == "PERSON" or bool(titles) or any(m.kind == "honorific" for m in core.matches)
            return self._finish(Actor(mention.text, name, country, sector, None), ctx, person=is_person,
                                titles={a.phrase for a in titles if a.kind == "titles"}, names=[chain])

        # 3. an agent noun at the head
        if head_agent is not None:
            return self._agent_actor(mention, head_agent, country, mod_sector, former, chain, ctx,
                                     frozenset(a.phrase for a in titles if a.kind == "titles"))

        # 4. no actor word at the head: modifiers may still say whose it is ("Turkish airstrikes")
        if country or mod_sector:
            return Actor(mention.text, None, country, self._group_sector(country, mod_sector), None)
        return None

    def _agent_actor(self, mention: Mention, agent: Agent, country: str | None, mod_sector: str | None,
                     former: bool, chain: list[Tok], ctx: DocContext, held: frozenset[str] = frozenset()) -> Actor | None:
        """An actor known by an agent noun at its head; ``held``: the titles the mention gives ("Tibetan spiritual
        leader the Dalai Lama": spiritual leader, lama), by which a later "the spiritual leader" is that person."""
        sector = agent.sector
        # "president of the Bar Association": an officer of a body of another sector, not the state's
        shared = (mod_sector is not None and mod_sector != sector
                  and mod_sector not in self.vocabulary.shared_titles_kept_by  # "the civilian president"
                  and " ".join(words(agent.phrase)) in self.vocabulary.shared_titles)
        if (agent.kind == "roles" or shared) and mod_sector:
            sector = mod_sector
        elif sector == "MIL" and mod_sector in self.vocabulary.armed_modifiers:
            sector = self.vocabulary.armed_modifiers[mod_sector]
        singular_person = agent.kind in ("titles",) or agent.generic
        if not mention.plural and mention.definite and singular_person and not chain and not shared:
            known = ctx.person_with_title(agent.phrase, country, agent.generic)
            if known is None and country:  # a generic title ("counterpart") is no office: the lookup answers None
                known = self.kb.office_holder(country, agent.phrase, ctx.day)
            if known is not None:
                return self._finish(Actor(mention.text, known.name, known.country, known.sector, known.kb_id),
                                    ctx, person=True, titles={agent.phrase})
        if agent.kind == "bodies" and country is None and mention.definite and not mention.plural:
            known = ctx.body_like(agent.phrase)
            if known is not None:
                return self._finish(Actor(mention.text, known.name, known.country, known.sector, known.kb_id),
                                    ctx, body=agent.phrase)
        if country is None and not mention.plural and mention.definite and not chain \
                and " ".join(words(agent.phrase)) in self.vocabulary.body_head_titles \
                and self._bare_title(mention, agent) and (body := ctx.last_international_body()) is not None:
            # "the UN said ... the Secretary-General welcomed": the body's head, as "the UN Secretary-General" is,
            # when the office-holders' table has that body's office (the IMF has no director-general)
            head = self._body_head(body, agent.phrase, ctx)
            if head is not None:
                return replace(head, text=mention.text)
        if country is None and sector and mention.plural and self._of_several_states(mention, agent):
            # "Western diplomats", "African leaders": of several states, or none the words name; not the story's
            return self._finish(Actor(mention.text, None, None, sector, None, country_basis="several"), ctx)
        basis = None
        if country is None and agent.kind in ("bodies", "titles") and not mention.plural and not shared:
            country = ctx.dominant_country()  # "the ministry", "parliament": the story's own
            basis = "setting" if country else None
        if former and agent.kind in ("titles", "roles", "members"):
            sector = "ELI"
        sector = self._group_sector(country, sector)
        if sector is None and country is None:
            return None
        name = " ".join(t.text for t in chain) if chain else None
        return self._finish(Actor(mention.text, name, country, sector, None, country_basis=basis), ctx,
                            person=singular_person and not mention.plural and bool(name or held - {agent.phrase}),
                            titles={agent.phrase} | held if singular_person else None,
                            body=agent.phrase if agent.kind == "bodies" else None,
                            names=[chain] if chain else None)

    # -- helpers ---------------------------------------------------------------------------------
    def _body_head(self, body: Actor, title: str, ctx: DocContext) -> Actor | None:
        """The head of an international body by a title its office has in the office-holders' table ("IAEA
        director-general", offices.yaml ``titles``), read as "<body> <title>" would be."""
        said = " ".join(words(title))
        named = self.resolve_text(re.sub(r"^(?i:the)\s+", "", body.text)) if body.text else None
        ids = {body.kb_id, named.kb_id if named is not None else None}  # ("The UN" is also read as "UN")
        for office in self.vocabulary.titles:
            owner, _, held = office.rpartition(" ")
            if not owner or " ".join(words(held)) != said:
                continue
            known = self.resolve_text(owner)
            if known is not None and (known.kb_id in ids or _plain_name(known) == _plain_name(body)):
                head = self.resolve_text(office, ctx)
                return head if head is not None and head.country == body.country else None
        return None

    def _bare_title(self, mention: Mention, agent: Agent) -> bool:
        """Whether the mention is its title alone ("the Secretary-General"): no owner ("the ministry's", "of the
        police"), apposition or other word ("the police director-general")."""
        title, bodies = set(words(agent.phrase)), self.vocabulary.body_nouns
        # (not "the health ministry's director-general", "of Sudan's police"; "the agency's" is the body's own)
        return not mention.appos and all(
            t.pos == "DET" or t.text in ("-", "'s", "’s") or t.text.lower() in title
            or t.text.lower().removesuffix("'s").removesuffix("’s") in bodies
            for t in (mention.full or mention.core.toks))

    def _of_several_states(self, mention: Mention, agent: Agent) -> bool:
        """Whether a word before the agent noun makes the actor of several states ("Western diplomats"), not a
        word of the agent itself ("World Bank officials" is a name, "international relations minister" a title)."""
        several = self.vocabulary.several_states_words
        agent_words = set(words(agent.phrase))
        toks = mention.core.toks
        for j, t in enumerate(toks):
            if t.i >= mention.head.i or t.text.lower() in agent_words or t.text not in several:
                continue  # (a lower-case word counts only in lower case: "the International Crisis Group")
            before = toks[j - 1] if j else None
            after = toks[j + 1] if j + 1 < len(toks) else None
            if (before is not None and (before.text == "-" or t.i - before.i > 1)) \
                    or (after is not None and (after.text == "-" or after.i - t.i > 1)):
                continue  # (a word of a compound, its hyphen left out of the mention: "pro-Western protesters",
                #            "Western-backed forces", "Afro-Caribbean residents")
            if after is None or after.pos != "PROPN":  # (not a word of a name: "the Western Cape government")
                return True
        return False

    def _respelt(self, mention: Mention, ctx: DocContext) -> Actor | None:
        """"President Francois Mitterand", "Ethopia": the mention with its misspelt names corrected, when
        that resolves to a known country or sector."""
        respeller = self.kb.respeller()
        words, changed = [], False
        for t in mention.full or mention.core.toks:
            fixed = respeller.correct(t.text.lower()) if t.pos == "PROPN" and t.text[:1].isupper() else None
            words.append(fixed.capitalize() if fixed else t.text)
            changed = changed or fixed is not None
        if not changed:
            return None
        actor = self.resolve_text(" ".join(words), ctx)
        if actor is None or not (actor.country or actor.sector):
            return None
        return replace(actor, text=mention.text)

    def _surname(self, mention: Mention, content: list[Tok], ctx: DocContext) -> Actor | None:
        """A bare name (``content``: the mention's words, a proper noun or a capitalised word the parser reads as a
        common noun) that is the last name of a person the document named before is that person, even when it is
        also a country or a nationality ("Rep. Glenn English ... said English", "Chad Wolf ... Wolf")."""
        # (the small parser tags a surname it does not know as a common noun: "Ugbede called on residents")
        if len(content) != 1 or mention.plural or not (
                content[0].pos == "PROPN" or (content[0].pos == "NOUN" and content[0].text[:1].isupper())):
            return None
        known = ctx.by_name((content[0].text.lower(),))
        if known is None:
            return None
        return self._finish(Actor(mention.text, known.name, known.country, known.sector, known.kb_id), ctx,
                            person=True, names=[content])

    def _whole_name(self, mention: Mention, content: list[Tok], ctx: DocContext) -> Actor | None:
        """A name the parse splits ("Syrian Observatory for Human Rights", "Doctors Without Borders");
        ``content``: the mention's words."""
        core_ids = {t.i for t in mention.core.toks}
        if len(content) < 2 or all(t.i in core_ids for t in content):
            return None
        reading = self._read(Group(content, content[-1].i), ctx.day)
        if len(reading.matches) != 1 or reading.matches[0].kind != "name":
            return None
        m = reading.matches[0]
        if m.entry is None or m.state is None or m.entry.blocked or len(m.toks) != len(content):
            return None
        return self._finish(Actor(mention.text, m.entry.name, m.state.country, m.state.sector, m.entry.kb_id),
                            ctx, person=m.entry.kind == PERSON, full=m.entry.name)

    def _country(self, mods: list[Match], owner_names: list[Match], head_sector: str | None = None) -> str | None:
        # a country or its adjective says whose more surely than an organisation's name does: "Serbian Labour
        # Minister" is Serbia's, not the British Labour party's
        for kinds in ((COUNTRY, PEOPLE), None):
            for j in range(len(mods) - 1, -1, -1):
                m = mods[j]
                if m.state and m.state.country and (kinds is None or (m.entry and m.entry.kind in kinds)):
                    before = mods[j - 1] if j else None
                    if kinds and m.entry.kind == PEOPLE and before is not None and before.entry is not None \
                            and head_sector not in self.vocabulary.kin_state_sectors \
                            and before.entry.kind == COUNTRY and before.state and before.toks[-1] + 1 == m.toks[0] \
                            and before.state.country not in (m.state.country, *self.kb.group_codes) \
                            and m.state.country not in self.kb.group_codes:
                        # "Kosovo Albanian rebels", "Kosovo Serb police": a people of the land named before it (not
                        # "Lebanon Syrian refugees" or "India Pakistani prisoners": lexicon kin_state_sectors)
                        return before.state.country
                    return m.state.country
        for m in owner_names:
            if m.state and m.state.country:
                return m.state.country
        return None

    @staticmethod
    def _modifier_sector(agents: list[Match], names: list[Match]) -> str | None:
        """The sector a modifier carries, nearest to the head first: agent words, then named
        organisations ("Hamas official") and persons ("Putin aide"); bare countries carry none. A generic title
        gives way to the group word before it ("union leader Ravi Kumar Singh" leads a union)."""
        placed = [m for m in sorted(agents, key=lambda m: m.toks[-1], reverse=True) if m.agent and m.agent.sector]
        if placed:
            return placed[1 if len(placed) > 1 and placed[0].agent.generic else 0].agent.sector
        for m in sorted(names, key=lambda m: m.toks[-1], reverse=True):
            if m.entry and m.entry.kind not in (COUNTRY, PEOPLE) and m.state and m.state.sector:
                return m.state.sector
        return None

    def _group_sector(self, country: str | None, sector: str | None) -> str | None:
        """Armed or governing bodies of a group code (KUR) take the group's own sector (REB)."""
        if country in self.kb.group_codes and sector in ("MIL", "GOV"):
            entry = self.kb.entries.get(country)
            return entry.sector if entry and entry.sector else sector
        return sector

    @staticmethod
    def _key(toks: list[Tok], vocab: Vocabulary) -> tuple[str, ...]:
        words = tuple(w.lower() for t in toks for w in split_raw(t.text))
        while words and (words[:1] in vocab.honorifics):
            words = words[1:]
        return words

    def _finish(self, actor: Actor, ctx: DocContext, person: bool = False, titles: set[str] | None = None,
                body: str | None = None, names: list[list[Tok]] | None = None, full: str | None = None) -> Actor:
        keys: list[tuple[str, ...]] = []
        if person:
            for toks in names or []:
                keys.extend(self.name_keys(self._key(toks, self.vocabulary)))
            for text in (full, actor.name):
                if text:
                    keys.extend(self.name_keys(tuple(w.lower() for w in split_raw(text))))
        ctx.remember(actor, person=person, titles=titles, body=body, name_keys=keys)
        return actor
