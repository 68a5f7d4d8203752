"""tacitus: turn raw news into political event data (who did what to whom, where and when)."""

__version__ = "0.2.0"

from tacitus.records import Actor, Document, Event, InputStatus, Location  # noqa: E402

__all__ = ["Actor", "Document", "Event", "InputStatus", "Location", "__version__"]
