"""Every page, in both languages and in presentation mode, makes no request outside 127.0.0.1;
a hostile dataset shows its markup as text and runs no script."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from bench.harness import start_server, stop_server
from tests.support.browser import wait_for_app

pytestmark = pytest.mark.browser
PATHS = ["/", "/map", "/themes", "/delegations?delegation=osaka", "/delegations?compare=osaka,torino",
         "/programme?event=c4ir-launch", "/sources"]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_page_stays_on_localhost(page: Page, server, traffic, lang):
    for path in PATHS:
        page.goto(f"{server}{path}{'&' if '?' in path else '?'}lang={lang}")
        wait_for_app(page)
        page.wait_for_timeout(1500)
    page.goto(f"{server}/map?present=1&lang={lang}")
    page.locator("[data-testid='stDeckGlJsonChart'] canvas").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    assert traffic.console_errors == []


def test_hostile_dataset_shows_markup_as_text_and_runs_no_script(page: Page, hostile_copy, traffic):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    process, url = start_server(env={"ATLAS_DATA_DIR": str(hostile_copy)})
    try:
        for path in PATHS:
            page.goto(url + path)
            wait_for_app(page)
            page.wait_for_timeout(1000)
        page.goto(url + "/delegations?delegation=osaka")
        wait_for_app(page)
        expect(page.get_by_text("<script>alert('atlas')</script>").first).to_be_visible()
        assert page.locator("main img[src='x']").count() == 0
    finally:
        stop_server(process)
    assert dialogs == []
