"""Failure 14 of issue 13: memory grew with the number of inputs, because the run report was built at the end
from every status and `code --format parquet` buffered every row. The report is now written as the run goes and
Parquet in row groups. (bench/store_scale.py measures the peak memory of 200,000 records.)"""

from __future__ import annotations

import json
import tracemalloc

import pyarrow.parquet as pq
from typer.testing import CliRunner

from tacitus import output
from tacitus.cli import app
from tacitus.records import InputStatus
from tacitus.report import STORED_REJECTS, RunReport
from tacitus.settings import Settings
from tacitus.store.schema import FLAT_COLUMNS


def test_the_report_keeps_counters_not_statuses(tmp_path):
    path = tmp_path / "report.json"
    report = RunReport(path, Settings())
    tracemalloc.start()
    try:
        for i in range(40_000):
            status = "rejected" if i % 4 == 0 else "coded"
            report.add(InputStatus(input=f"feed.jsonl:{i + 1}", status=status, doc_id=f"feed.jsonl#{i:012x}",
                                   reason="line is not JSON" if status == "rejected" else None, events=2))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    report.close()
    # 40,000 statuses kept as dicts take over 15 MB; counters and the first rejects under 2 MB
    assert peak < 2_000_000, peak
    written = json.loads(path.read_text(encoding="utf-8"))
    assert len(written["inputs"]) == 40_000 and written["inputs"][-1]["input"] == "feed.jsonl:40000"
    assert written["totals"] == {"inputs": 40_000, "coded": 30_000, "skipped": 0, "rejected": 10_000,
                                 "events": 80_000, "unresolved_actors": 0, "without_publication_date": 0,
                                 "undated_events": 0}
    stored = report.stored_summary()
    assert len(stored["rejected_inputs"]) == STORED_REJECTS and stored["rejected_inputs_omitted"] == 9_000


def test_parquet_is_written_in_row_groups(tmp_path, monkeypatch):
    monkeypatch.setattr(output, "PARQUET_ROW_GROUP", 4)
    feed = tmp_path / "feed.jsonl"
    pairs = [("Turkish", "Syrian"), ("Russian", "Ukrainian"), ("Indian", "Pakistani"), ("Saudi", "Yemeni")]
    with open(feed, "w", encoding="utf-8") as fh:
        for i in range(12):
            a, b = pairs[i % 4]
            fh.write(json.dumps({"id": f"r{i}", "text": f"{a} troops attacked {b} soldiers near the border on "
                                 f"Monday in report {i}, officials said."}) + "\n")
    runner = CliRunner()
    assert runner.invoke(app, ["code", str(feed), "--no-model", "--format", "parquet", "-o",
                               str(tmp_path / "out.parquet")]).exit_code == 0
    assert runner.invoke(app, ["code", str(feed), "--no-model", "-o", str(tmp_path / "out.jsonl")]).exit_code == 0
    events = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    parquet = pq.ParquetFile(tmp_path / "out.parquet")
    assert parquet.metadata.num_rows == len(events) >= 12
    assert parquet.metadata.num_row_groups >= 3 and parquet.schema_arrow.names == list(FLAT_COLUMNS)
    assert sorted(parquet.read().column("event_id").to_pylist()) == sorted(json.loads(e)["event_id"] for e in events)
