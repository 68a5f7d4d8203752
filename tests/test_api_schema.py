"""schemathesis against the API's own OpenAPI document: no endpoint answers with a server error, whatever the
parameters (a store made from the demo corpus)."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="the test extra's schemathesis is not installed")
from hypothesis import HealthCheck, given, settings  # noqa: E402  (hypothesis comes with schemathesis)

from tacitus.api import create_app  # noqa: E402
from tacitus.demo import run_demo  # noqa: E402


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    db = tmp_path_factory.mktemp("schema") / "demo.duckdb"
    run_demo(db)
    # schemathesis's ASGI client sends "Host: testserver", a name the server must be told to answer
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(db, allowed_host=["testserver"]))


def test_no_endpoint_answers_with_a_server_error(schema):
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8  # events, event, documents, runs, series, dyads, actors, health
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def check(case):
            response = case.call()
            assert response.status_code < 500, (f"{case.method} {case.formatted_path} {case.query}: "
                                                f"{response.status_code} {response.text[:300]}")
        check()
