"""The HTTP side of tacitus: a read-only REST API and a small events page over an event store."""

from tacitus.api.app import create_app

__all__ = ["create_app"]
