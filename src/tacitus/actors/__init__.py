"""Actors: resolve a noun-phrase mention to ``tacitus.records.Actor`` (name, country, sector, kb_id).

    resolver = ActorResolver()                    # built-in knowledge (build once)
    ctx = resolver.new_context("2020-02-05")       # one per document (publication date)
    actor = resolver.resolve_span(span, ctx)       # spaCy span of the argument noun phrase
    actor = resolver.resolve_text("Turkish President Recep Tayyip Erdogan", ctx)

Countries are ISO-3166 alpha-3 codes, PLOVER non-state codes (IGO, UNO, EUR, NGO, ISM, IMG, MNC)
or CAMEO group codes (KUR); sectors are PLOVER/CAMEO codes (GOV, MIL, COP, JUD, LEG, PTY, OPP, REB,
PRM, SPY, UAF, CVL, BUS, JRN, EDU, MED, NGO, REL, LAB, AGR, REF, CRM, ELI, SOC, PRE).
Built-in knowledge lives in ``data/``: countries.csv, sectors.yaml, organizations.yaml, leaders.csv,
lexicon.yaml.

User dictionaries (``ActorResolver(extra_files=[...])``) are merged over the built-in knowledge:
for a name both know, the user entry wins (where it gives a country but no sector, a built-in entry
with the same country supplies the sector). Formats:

* Table, as CSV/TSV (header row) or YAML (a list of mappings, or a mapping with an ``actors`` list).
  Fields: ``name`` (required), ``aliases`` ('|'-separated or a YAML list), ``country``, ``sector``,
  ``start``, ``end`` (ISO dates, both inclusive), ``role`` (office title, e.g. "president"),
  ``kb_id`` (rows sharing it are one actor with several roles; default: from the name), ``kind``
  (person, org, country, people, seat, named; default named). A row with a start or end date is a
  dated role; a row without dates gives the actor's own codes. YAML items may also carry ``roles:``,
  a list of ``{country, sector, start, end, role}``. Aliases in capitals ("UN") match only capitals.

      name,aliases,country,sector,role,start,end
      Jane Doe,Doe|J. Doe,GBR,GOV,foreign minister,2030-01-01,

* CAMEO/PETRARCH actor dictionaries (``.txt``/``.actors``; e.g. Phoenix.Countries.actors.txt).
  A line starting in column 1 names an actor (words joined by ``_``; a trailing ``_`` is ignored);
  ``+`` lines add synonyms; codes in brackets follow on the same or indented lines; ``#`` starts a
  comment. A code is a country followed by role codes (``TURGOV``, ``IGOUNOREFHCR``, ``USAELI``)
  and an optional date restriction: ``[TURGOV 021118-030314]`` (from-to), ``[TURGOV >030314]``
  (from), ``[XXXGOV <061231]`` (until); dates are YYMMDD (years below 30 are 20xx) or YYYYMMDD.
  An undated code is the default outside the dated ones; ``[---]`` marks a name with no actor code.
  Role codes map to PLOVER sectors (CAMEO MED = media -> JRN, HLH -> MED; see lexicon.yaml);
  ``IGOUNO...`` becomes country UNO and ``IGOEUR...`` EUR. Example::

      RECEP_TAYYIP_ERDOGAN_
      +ERDOGAN_
          [TURGOV 030314-140828]
          [TURGOV >140828]
"""

from tacitus.actors.context import DocContext
from tacitus.actors.resolver import ActorResolver

__all__ = ["ActorResolver", "DocContext"]
