"""Errors raised by the event store."""

from __future__ import annotations


class StoreError(RuntimeError):
    """Base class for event store failures."""


class NotAStoreError(StoreError):
    """The file exists but is not a tacitus store (or not a DuckDB database at all)."""


class SchemaVersionError(StoreError):
    """The store was written by a newer tacitus whose schema this code does not know."""


class ReadOnlyStoreError(StoreError, PermissionError):
    """A write was attempted on a store opened with ``read_only=True``."""


class QueryRefusedError(ValueError):
    """A SQL text given to :meth:`EventStore.query` is not a plain read."""


class DocumentConflictError(StoreError, ValueError):
    """A document arrived under an id the store holds with other content (and replacing was not asked for)."""
