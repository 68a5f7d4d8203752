"""The Ray engine on a local Ray started in the test gives the same events as the local engine."""

from __future__ import annotations

import pytest

ray = pytest.importorskip("ray", reason="the 'ray' extra is not installed")

from tacitus.demo import corpus_dir  # noqa: E402
from tacitus.pipeline import run  # noqa: E402
from tacitus.settings import Settings  # noqa: E402


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def coded(settings: Settings) -> tuple[list, list]:
    statuses, events = [], []
    for status, _doc, evs in run([str(corpus_dir())], settings):
        statuses.append((status.input, status.status, status.events))
        events.extend(e.to_dict() for e in evs)
    return statuses, events


def test_ray_engine_matches_the_local_engine(local_ray, tmp_path):
    local = coded(Settings(learned=False))
    on_ray = coded(Settings(learned=False, engine="ray", workers=2))
    assert on_ray[0] == local[0]  # every input, in the same order, with the same status and event count
    assert on_ray[1] == local[1] and len(local[1]) > 10  # the same events, in the same order


def test_ray_engine_reads_parquet(local_ray, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "docs.parquet"
    pq.write_table(pa.table({"id": ["a", "b"], "published": ["2024-05-08", "2024-05-08"],
                             "text": ["Egyptian police arrested dozens of protesters in Cairo on Tuesday.",
                                      "The Kenyan president met the Ugandan president in Nairobi."]}), path)
    statuses, events = [], []
    for status, _doc, evs in run([str(path)], Settings(learned=False, engine="ray", workers=2)):
        statuses.append(status.status)
        events.extend(evs)
    assert statuses == ["coded", "coded"]
    assert {(e.plover_type, e.source.country) for e in events} >= {("COERCE", "EGY"), ("CONSULT", "KEN")}


def test_unknown_engine_is_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kenyan police arrested two opposition leaders in Nairobi on Monday.", encoding="utf-8")
    with pytest.raises(ValueError, match="engine 'spark': choose one of local, ray"):
        next(run([str(path)], Settings(learned=False, engine="spark")))
