"""The de-duplicated event a mention belongs to, with one page of its mentions.

A syndicated story can give one event thousands of mentions; they are read a page at a time, in two queries
whatever their number (the event's row, then the page's mentions), each mention as its evidence: where it was
said, by whom of whom, and in which article.
"""

from __future__ import annotations

from typing import Any

import duckdb

from tacitus.records import Actor

_ACTOR_FIELDS = ("text", "name", "country", "sector", "kb_id")
_EVIDENCE_COLUMNS = ("m.event_id", "m.doc_id", "m.sentence", "m.evidence_start", "m.evidence_end",
                     *(f"m.{role}_{f}" for role in ("source", "target") for f in _ACTOR_FIELDS),
                     "d.published", "d.publisher", "d.url")

_GROUP_SQL = ("SELECT * EXCLUDE (added_at, mention_ids), len(mention_ids) AS mentions_total, "
              "list_slice(mention_ids, ?, ?) AS page FROM events WHERE list_contains(mention_ids, ?) LIMIT 1")
_PAGE_SQL = (f"SELECT {', '.join(_EVIDENCE_COLUMNS)} FROM (SELECT unnest(CAST(? AS VARCHAR[])) AS event_id) page "
             "JOIN mentions m ON m.event_id = page.event_id JOIN documents d ON d.doc_id = m.doc_id "
             "ORDER BY m.event_id")


def _evidence(row: tuple) -> dict[str, Any]:
    """A mention's evidence in the event record's field names and shapes."""
    values = dict(zip((c.split(".", 1)[1] for c in _EVIDENCE_COLUMNS), row))
    actors = {role: Actor(**{f: values[f"{role}_{f}"] for f in _ACTOR_FIELDS}).to_dict()
              if values[f"{role}_text"] is not None else None for role in ("source", "target")}
    return {"event_id": values["event_id"], "doc_id": values["doc_id"], "sentence": values["sentence"],
            "evidence": {"start": values["evidence_start"], "end": values["evidence_end"]}, **actors,
            "published": values["published"], "publisher": values["publisher"], "url": values["url"]}


def event_group(conn: duckdb.DuckDBPyConnection, event_id: str, *, limit: int = 50,
                offset: int = 0) -> dict[str, Any] | None:
    """The events-view row that counts mention ``event_id``, with ``mentions_total`` (all its mentions) and
    ``mentions``: the evidence of at most ``limit`` of them from ``offset`` on, in event-id order.

    None when no counted mention has that id (a negated or hypothetical mention belongs to no event).
    """
    if int(limit) < 0 or int(offset) < 0:
        raise ValueError(f"limit={limit} and offset={offset} must not be negative")
    cur = conn.execute(_GROUP_SQL, [int(offset) + 1, int(offset) + int(limit), event_id])
    names = [d[0] for d in cur.description]
    rows = cur.fetchall()
    if not rows:
        return None
    group = dict(zip(names, rows[0]))
    page = group.pop("page") or []
    group["mentions"] = [_evidence(r) for r in conn.execute(_PAGE_SQL, [page]).fetchall()] if page else []
    return group
