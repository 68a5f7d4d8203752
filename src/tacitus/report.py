"""The run report: every input with its status and reason, and totals, written as the run goes.

``RunReport`` writes each input's line to the report file when its status is final and keeps only counters, so
memory stays the same for ten inputs or ten million. The file is one JSON object: the version and settings
first, then ``inputs`` (one object a line), then ``totals`` and ``finished_at`` (and ``error`` when the run
could not complete). The store keeps the totals and the first ``STORED_REJECTS`` rejected inputs of each run.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

from tacitus import __version__
from tacitus.records import InputStatus

STORED_REJECTS = 1000  # rejected inputs a run's record in the store lists


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class RunReport:
    """Counts statuses and streams them to ``path`` (when given)."""

    def __init__(self, path: Path | None, settings) -> None:
        self.settings = settings.to_dict()
        self.counts: Counter[str] = Counter()
        self.events = 0
        self.unresolved_actors = 0
        self.without_published = 0  # coded inputs that carried no publication date ...
        self.their_events = 0  # ... their events, and how many of those are undated
        self.their_undated = 0
        self.undated_events = 0  # ... and the events of any input left with no date
        self.rejects: list[dict] = []
        self.rejects_omitted = 0
        self._fh: IO[str] | None = None
        self._first = True
        if path is not None:
            self._fh = open(path, "w", encoding="utf-8")
            head = {"tacitus_version": __version__, "settings": self.settings}
            self._fh.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "inputs": [')

    def add(self, status: InputStatus) -> None:
        self.counts[status.status] += 1
        self.events += status.events
        self.unresolved_actors += status.unresolved_actors
        self.undated_events += status.undated_events
        if status.status == "coded" and status.published is False:
            self.without_published += 1
            self.their_events += status.events
            self.their_undated += status.undated_events
        record = status.to_dict()
        if status.status == "rejected":
            if len(self.rejects) < STORED_REJECTS:
                self.rejects.append(record)
            else:
                self.rejects_omitted += 1
        if self._fh is not None:
            self._fh.write(("\n    " if self._first else ",\n    ") + json.dumps(record, ensure_ascii=False))
            self._first = False

    @property
    def totals(self) -> dict:
        return {
            "inputs": sum(self.counts.values()),
            "coded": self.counts.get("coded", 0),
            "skipped": self.counts.get("skipped", 0),
            "rejected": self.counts.get("rejected", 0),
            "events": self.events,
            "unresolved_actors": self.unresolved_actors,
            "without_publication_date": self.without_published,
            "undated_events": self.undated_events,
        }

    @property
    def warnings(self) -> list[str]:
        """A warning when coded inputs carried no publication date: their undated acts could not take one, and
        relative dates ("on Tuesday") could not be read unless a dateline or a title timestamp gave the date."""
        if not self.without_published:
            return []
        return [f"{self.without_published} of {self.counts.get('coded', 0)} coded inputs carry no publication "
                f"date; {self.their_undated} of their {self.their_events} events are left undated "
                "(give --published, or a published field in JSONL/CSV inputs)"]

    def summary(self) -> dict:
        """Version, settings and totals, without the inputs."""
        return {"tacitus_version": __version__, "finished_at": _now(), "settings": self.settings,
                "totals": self.totals, "warnings": self.warnings}

    def stored_summary(self) -> dict:
        """What the store keeps of the run: the summary and the first rejected inputs."""
        return self.summary() | {"rejected_inputs": self.rejects, "rejected_inputs_omitted": self.rejects_omitted}

    def close(self, error: str | None = None) -> None:
        """Finish the file with the totals (and ``error``, the reason a run could not complete)."""
        if self._fh is None:
            return
        tail = {"totals": self.totals, "warnings": self.warnings, "finished_at": _now()}
        if error is not None:
            tail["error"] = error
        body = json.dumps(tail, ensure_ascii=False, indent=2)[1:]  # the members after "inputs", closing brace
        self._fh.write(("\n  ]," if not self._first else "],") + body.replace("\n", "\n", 1) + "\n")
        self._fh.close()
        self._fh = None


def run_report(statuses: list[InputStatus], settings) -> dict:
    """The whole report of a list of statuses as one dict (for short runs in Python: the demo, tests)."""
    report = RunReport(None, settings)
    for status in statuses:
        report.add(status)
    return report.summary() | {"inputs": [s.to_dict() for s in statuses]}
