"""The app shell in Chromium: pages render, labels are translated on a deep-link first load,
no console errors, nothing leaves localhost."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from bench.harness import start_server, stop_server
from tests.support.browser import screenshot, wait_for_app
from tests.support.data_files import set_cell

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("path", "title"), [("/", "Friendship Atlas"), ("/sources", "Sources & data")])
def test_page_renders_without_console_errors(page: Page, server, traffic, path, title):
    page.goto(server + path)
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text(title)
    page.locator("[data-testid='atlas-table'], [data-testid='stDataFrame'] canvas").first.wait_for(timeout=30_000)
    screenshot(page, f"shell_{path.strip('/') or 'overview'}")
    assert traffic.console_errors == []


def test_deep_link_first_load_shows_translated_page_labels_not_file_names(page: Page, server, traffic):
    page.goto(server + "/sources?lang=vi")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("link", name="Tổng quan")).to_be_visible()
    expect(sidebar.get_by_role("link", name="Nguồn & dữ liệu")).to_be_visible()
    assert page.get_by_test_id("stSidebarNav").count() == 0
    text = sidebar.inner_text()
    assert "overview" not in text and "sources" not in text


def test_language_switch_rewrites_the_url_and_the_page(page: Page, server, traffic):
    page.goto(server + "/")
    wait_for_app(page)
    page.get_by_test_id("stSidebar").get_by_role("radio", name="Tiếng Việt").click()
    expect(page.locator("h1").first).to_have_text("Bản đồ Hữu nghị")
    assert "lang=vi" in page.url


def test_moving_between_pages_keeps_the_language(page: Page, server, traffic):
    page.goto(server + "/?lang=vi")
    wait_for_app(page)
    page.get_by_test_id("stSidebar").get_by_role("link", name="Nguồn & dữ liệu").click()
    expect(page.locator("h1").first).to_have_text("Nguồn & dữ liệu")
    assert "lang=vi" in page.url


def test_bad_parameter_shows_a_notice_and_a_working_page(page: Page, server, traffic):
    page.goto(server + "/?lang=klingon")
    wait_for_app(page)
    expect(page.get_by_text("lang=klingon")).to_be_visible()
    expect(page.get_by_test_id("stMetric").first).to_be_visible()


def test_broken_data_shows_the_report_in_the_browser(page: Page, data_copy, traffic):
    set_cell(data_copy, "programme.csv", 2, "date", "2023-09-24")
    process, url = start_server(env={"ATLAS_DATA_DIR": str(data_copy)})
    try:
        page.goto(url + "/")
        page.get_by_text("could not be loaded").wait_for(timeout=30_000)
        expect(page.get_by_text("programme.csv row 2, column date")).to_be_visible()
        screenshot(page, "shell_broken_data", full=False)
    finally:
        stop_server(process)
