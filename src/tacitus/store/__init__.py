"""The embedded event store (DuckDB): documents, event mentions, coding runs, read-only SQL and exports."""

from tacitus.store.document_writer import Outcome
from tacitus.store.errors import (
    DocumentConflictError, NotAStoreError, QueryRefusedError, ReadOnlyStoreError, SchemaVersionError, StoreError,
    plain_cause,
)
from tacitus.store.event_store import EventStore
from tacitus.store.export import EXPORT_FORMATS, MENTION_FORMATS
from tacitus.store.schema import SCHEMA_VERSION

__all__ = [
    "DocumentConflictError", "EXPORT_FORMATS", "EventStore", "MENTION_FORMATS", "NotAStoreError", "Outcome",
    "QueryRefusedError", "ReadOnlyStoreError", "SCHEMA_VERSION", "SchemaVersionError", "StoreError", "plain_cause",
]
