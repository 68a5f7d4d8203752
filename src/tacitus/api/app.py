"""The REST API over an event store, opened read-only for each request."""

from __future__ import annotations

import datetime as _dt
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Literal

from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

import tacitus
from tacitus.store import EventStore, StoreError

_NOT_FOUND = {404: {"description": "Not found"}}


class EventPage(BaseModel):
    """One page of events: the number matching the filters, and the events of this page."""

    total: int
    items: list[dict[str, Any]]


class Health(BaseModel):
    status: str
    version: str
    schema_version: int
    counts: dict[str, int]


def _index_html() -> str:
    return resources.files("tacitus.api").joinpath("index.html").read_text(encoding="utf-8")


def create_app(db_path: str | Path) -> FastAPI:
    """A FastAPI app serving the store at ``db_path``; FileNotFoundError when it does not exist."""
    path = Path(db_path)
    if not path.is_file():
        raise FileNotFoundError(f"event store {path} does not exist (code some documents into it first)")
    with EventStore(path, read_only=True):  # fail now, naming the file, if it is not a usable store
        pass
    page = _index_html()

    app = FastAPI(
        title="tacitus",
        version=tacitus.__version__,
        description="Political events coded in PLOVER and CAMEO from news text, read from a tacitus event store.",
    )
    app.state.db_path = path

    def store() -> Iterator[EventStore]:
        try:
            opened = EventStore(path, read_only=True)
        except (StoreError, FileNotFoundError) as exc:
            raise HTTPException(status_code=503, detail=f"event store unavailable: {exc}") from exc
        try:
            yield opened
        finally:
            opened.close()

    @app.get("/health", response_model=Health, summary="Service and store status")
    def health(st: EventStore = Depends(store)) -> dict:
        return {"status": "ok", "version": tacitus.__version__, "schema_version": st.schema_version,
                "counts": st.counts()}

    @app.get("/api/events", response_model=EventPage, summary="Events matching filters, newest first")
    def list_events(
        country: str | None = Query(None, max_length=16, description="source or target country code (ISO alpha-3 or PLOVER code)"),
        type: str | None = Query(None, max_length=40, description="PLOVER event type, e.g. ACCUSE"),
        actor: str | None = Query(None, max_length=200, description="substring of the source or target name or text"),
        start: _dt.date | None = Query(None, description="first day (ISO date), inclusive"),
        end: _dt.date | None = Query(None, description="last day (ISO date), inclusive"),
        modality: Literal["asserted", "negated", "future", "hypothetical", "all"] = Query(
            "asserted", description="modality to show, or all"),
        limit: int = Query(50, ge=1, le=500),
        offset: int = Query(0, ge=0),
        st: EventStore = Depends(store),
    ) -> dict:
        if start and end and start > end:
            raise HTTPException(status_code=422, detail=f"start {start} is after end {end}")
        filters = dict(country=country, plover_type=type, actor=actor, start=start, end=end,
                       modality=None if modality == "all" else modality)
        try:
            total = st.count_events(**filters)
            items = st.events(**filters, limit=limit, offset=offset)
        except ValueError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from exc
        return {"total": total, "items": items}

    @app.get("/api/events/{event_id}", responses=_NOT_FOUND, summary="One event")
    def get_event(event_id: str, st: EventStore = Depends(store)) -> dict:
        found = st.event(event_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
        return found

    @app.get("/api/documents/{doc_id}", responses=_NOT_FOUND, summary="One document with its event ids")
    def get_document(doc_id: str, st: EventStore = Depends(store)) -> dict:
        found = st.document(doc_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no document {doc_id!r}")
        return found

    @app.get("/api/runs", summary="Coding runs, newest first, with settings and reports")
    def list_runs(st: EventStore = Depends(store)) -> list[dict]:
        return st.runs()

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> str:
        return page

    return app
