"""Per-document isolation (issue 13): an exception while reading, coding or storing one document rejects that
document with a one-line reason, and the rest of its batch and of the run is coded, on every engine. The
traceback goes to the log (--debug, --log FILE), never to the output otherwise.

Tests that need an exception inject one into a single document with monkeypatch: the exceptions of issue 13 that
real inputs raised are fixed (the loop pronoun below, the attacks in test_input_attacks.py)."""

from __future__ import annotations

import json

import duckdb
import pytest
from typer.testing import CliRunner

from hostile_inputs import LOOP_PRONOUN, three_articles
from tacitus.cli import app
from tacitus.events.coder import EventCoder
from tacitus.pipeline import Coder, run
from tacitus.settings import Settings

CODE = ["code", "--published", "2024-05-08", "--no-model"]


@pytest.fixture(scope="module")
def coder():
    return Coder(Settings(learned=False))


def test_a_pronoun_whose_antecedent_chain_loops_is_coded(coder):
    events = coder.code_text(LOOP_PRONOUN, published="2024-05-08")  # was RecursionError
    sentences = {e.sentence.split()[0] for e in events if e.plover_type == "ASSAULT"}
    assert sentences == {"Police", "She"}, [e.to_dict() for e in events]  # both attacks, the loop's included


def _crash_on(monkeypatch, word: str, error: type[Exception] = RecursionError) -> None:
    """Make the coder raise ``error`` on the one document whose text holds ``word``."""
    original = EventCoder.code_document

    def code_document(self, document, parsed, **kwargs):
        if word in document.text:
            raise error("injected")
        return original(self, document, parsed, **kwargs)

    monkeypatch.setattr(EventCoder, "code_document", code_document)


def _outcomes(folder, settings):
    return {s.input.rsplit("/", 1)[-1]: (s.status, s.reason, len(evs)) for s, _d, evs in run([str(folder)], settings)}


@pytest.mark.parametrize("workers", [1, 2], ids=["one process", "worker pool"])
def test_a_document_that_raises_while_coding_is_rejected_and_its_batch_coded(tmp_path, monkeypatch, workers):
    _crash_on(monkeypatch, "Cairo")
    got = _outcomes(three_articles(tmp_path / "in"), Settings(learned=False, workers=workers, docs_per_task=16))
    assert got["egypt.txt"] == ("rejected", "internal error: RecursionError in coding (coding)", 0)
    assert got["kenya.txt"][0] == got["uganda.txt"][0] == "coded"  # the same batch of documents
    assert got["kenya.txt"][2] >= 1 and got["uganda.txt"][2] >= 1


def test_a_batch_whose_parse_raises_is_parsed_again_one_document_at_a_time(tmp_path, monkeypatch):
    original = Coder._parse_units

    def parse_units(self, document):
        if "Cairo" in document.text:
            raise MemoryError("injected")
        return original(self, document)

    monkeypatch.setattr(Coder, "_parse_units", parse_units)
    got = _outcomes(three_articles(tmp_path / "in"), Settings(learned=False, docs_per_task=16))
    assert got["egypt.txt"][:2] == ("rejected", "internal error: MemoryError in coding (coding)")
    assert got["kenya.txt"][0] == got["uganda.txt"][0] == "coded" and got["kenya.txt"][2] >= 1


def test_the_ray_coder_returns_a_failure_for_one_document_and_events_for_the_others(monkeypatch):
    from tacitus.records import Document
    from tacitus.ray_engine import _RayCoder, decode

    _crash_on(monkeypatch, "Cairo", KeyError)
    settings = {**Settings(learned=False).to_dict()}
    docs = [Document(doc_id=n, text=t, published="2024-05-08") for n, t in
            (("k", "Kenyan police arrested dozens of protesters in Nairobi."),
             ("e", "Egyptian police arrested dozens of protesters in Cairo."))]
    from dataclasses import asdict

    row = _RayCoder(settings)({"task": [0], "docs": [json.dumps([asdict(d) for d in docs])]})
    kenya, egypt = (decode(item) for item in json.loads(row["events"][0]))
    assert [e.doc_id for e in kenya] == ["k"] and kenya[0].source.country == "KEN"
    assert egypt.reason == "internal error: KeyError in coding (coding)" and "injected" in egypt.traceback


def test_a_record_that_raises_while_read_is_rejected_and_the_file_goes_on(tmp_path, monkeypatch):
    import tacitus.ingest.batch as batch

    original = batch.clean_text

    def clean_text(text, title=None):
        if "Cairo" in text:
            raise UnicodeError("injected")
        return original(text, title)

    monkeypatch.setattr(batch, "clean_text", clean_text)
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": n, "text": t}) + "\n" for n, t in
                            (("k", "Kenyan police arrested dozens of protesters in Nairobi."),
                             ("e", "Egyptian police arrested dozens of protesters in Cairo."),
                             ("u", "The Kenyan president met the Ugandan president in Nairobi."))), encoding="utf-8")
    got = [(s.input.rsplit("/", 1)[-1], s.status, s.reason) for s, _d, _e in run([str(feed)], Settings(learned=False))]
    assert got == [("feed.jsonl:1", "coded", None),
                   ("feed.jsonl:2", "rejected", "internal error: UnicodeError in reading (ingest.batch)"),
                   ("feed.jsonl:3", "coded", None)]


def test_a_reader_that_raises_rejects_the_rest_of_its_file_and_the_run_goes_on(tmp_path, monkeypatch):
    import tacitus.ingest.readers as readers

    def record_from_fields(fields, where, default_id, notes):
        if "Cairo" in fields.get("text", ""):
            raise TypeError("injected")
        return original(fields, where, default_id, notes)

    original = readers.record_from_fields
    monkeypatch.setattr(readers, "record_from_fields", record_from_fields)
    folder = three_articles(tmp_path / "in")
    (folder / "feed.jsonl").write_text(json.dumps({"id": "k2", "text": "Kenyan troops attacked Somali fighters."})
                                       + "\n" + json.dumps({"id": "e2", "text": "Cairo police raided a newspaper."})
                                       + "\n", encoding="utf-8")
    got = _outcomes(folder, Settings(learned=False))
    assert got["feed.jsonl:1"][0] == "coded"
    assert got["feed.jsonl"][:2] == ("rejected", "internal error: TypeError in reading (ingest.readers); "
                                                 "reading stopped after 1 record(s)")
    assert [got[n][0] for n in ("kenya.txt", "egypt.txt", "uganda.txt")] == ["coded"] * 3


def _code(args):
    return CliRunner().invoke(app, CODE + [str(a) for a in args])


def test_the_traceback_is_logged_with_debug_or_log_and_never_printed_otherwise(tmp_path, monkeypatch):
    _crash_on(monkeypatch, "Cairo", ZeroDivisionError)
    folder = three_articles(tmp_path / "in")
    plain = _code([folder, "-o", tmp_path / "a.jsonl"])
    assert plain.exit_code == 0, plain.output
    assert "Traceback" not in plain.output and "injected" not in plain.output
    line = "internal error: ZeroDivisionError in coding (coding)"
    assert f"tacitus: rejected {folder}/egypt.txt: {line}" in plain.output.splitlines()
    assert "3 inputs, 2 coded, 0 skipped, 1 rejected" in plain.output

    debug = _code([folder, "-o", tmp_path / "b.jsonl", "--debug"])
    assert debug.exit_code == 0 and "tacitus: debug: Traceback (most recent call last):" in debug.stderr
    assert "tacitus: debug: ZeroDivisionError: injected" in debug.stderr

    log = tmp_path / "failures.log"
    logged = _code([folder, "-o", tmp_path / "c.jsonl", "--log", log])
    assert logged.exit_code == 0 and "Traceback" not in logged.output
    text = log.read_text(encoding="utf-8")
    assert f"egypt.txt: {line}" in text and "ZeroDivisionError: injected" in text
    refused = _code([folder, "--log", tmp_path / "no-such-folder" / "x.log"])
    assert refused.exit_code == 2 and "--log" in refused.output and "cannot write" in refused.output


def test_a_document_the_store_cannot_insert_is_rejected_and_the_others_stored(tmp_path, monkeypatch):
    from tacitus.store import EventStore

    from tacitus.store.document_writer import DocumentWriter

    original = DocumentWriter.write

    def write(self, pairs, **kwargs):  # the batch holding the Cairo story fails, and then that story alone
        if any("Cairo" in doc.text for doc, _ in pairs):
            raise duckdb.ConversionException("injected")
        return original(self, pairs, **kwargs)

    monkeypatch.setattr(DocumentWriter, "write", write)
    monkeypatch.setattr("tacitus.store.remote.StoreProcess", EventStore)  # the store here, where the fault is
    db, report = tmp_path / "s.duckdb", tmp_path / "report.json"
    result = _code([three_articles(tmp_path / "in"), "--db", db, "--report", report, "-o", tmp_path / "out.jsonl"])
    assert result.exit_code == 0, result.output
    statuses = {i["input"].rsplit("/", 1)[-1]: i for i in json.loads(report.read_text())["inputs"]}
    assert statuses["egypt.txt"]["status"] == "rejected"
    assert statuses["egypt.txt"]["reason"] == ("internal error: ConversionException in storing (store.event_store); "
                                               "not stored; its events were written to the output")
    with EventStore(db, read_only=True) as store:
        assert store.document_ids() == {statuses["kenya.txt"]["doc_id"], statuses["uganda.txt"]["doc_id"]}


def test_a_store_wide_error_stops_the_run(tmp_path, monkeypatch):
    from tacitus.store import EventStore

    def add_documents(self, pairs, run_id=None, **kwargs):
        raise duckdb.IOException("injected: no space left on device")

    monkeypatch.setattr(EventStore, "add_documents", add_documents)
    monkeypatch.setattr("tacitus.store.remote.StoreProcess", EventStore)  # the store here, where the fault is
    result = _code([three_articles(tmp_path / "in"), "--db", tmp_path / "s.duckdb"])
    assert result.exit_code == 1  # could not complete (resumable), not three rejected documents
