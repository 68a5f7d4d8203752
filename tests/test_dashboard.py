"""The dashboard as a person uses it: a real server, headless Chromium (Debian's, driven by Playwright), a filter
applied, and the map, timeline and list checked before and after. The screenshot is saved as a test artifact
(tests/artifacts/dashboard.png) and is the one README shows."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api", reason="the 'browser' test extra is not installed")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from tacitus.api import create_app
    from tacitus.demo import run_demo

    db = tmp_path_factory.mktemp("dash") / "demo.duckdb"
    run_demo(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


def counts(page) -> tuple[int, int, int]:
    return (page.locator("#dots circle").count(), page.locator("#timeline rect").count(),
            page.locator("#events tr").count())


def test_filter_by_country_narrows_map_timeline_and_list(server):
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(server + "/")
        page.wait_for_function("document.querySelectorAll('#events tr').length > 0")
        page.wait_for_function("document.querySelectorAll('#land path').length > 100")  # the bundled outlines
        dots, bars, rows = counts(page)
        assert dots > 1 and bars >= 1 and rows > 1
        assert page.locator("#events mark.pred").count() == rows  # every evidence shows its predicate
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
        # a filter by country redraws every view
        page.fill('input[name="country"]', "UKR")
        page.click('button[type="submit"]')
        page.wait_for_function(f"document.querySelectorAll('#events tr').length < {rows}")
        dots2, bars2, rows2 = counts(page)
        assert 0 < rows2 < rows and 0 < dots2 < dots and 0 < bars2 <= bars
        assert "UKR" in page.inner_text("#events")
        page.screenshot(path=str(ARTIFACTS / "dashboard-ukr.png"), full_page=True)
        browser.close()
