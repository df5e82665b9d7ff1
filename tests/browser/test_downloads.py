"""Every download button in Chromium gives a file: a chart's row, the briefing pack, the dataset."""

from __future__ import annotations

import zipfile

import pytest
from playwright.sync_api import Page

from tests.support.browser import wait_for_app

pytestmark = pytest.mark.browser

CHART_FILES = [
    ("PNG for slides (1920×1080)", "friendship-atlas-theme-counts-en.png"),
    ("PNG for print (3×)", "friendship-atlas-theme-counts-en-print.png"),
    ("SVG (editable)", "friendship-atlas-theme-counts-en.svg"),
    ("PDF", "friendship-atlas-theme-counts-en.pdf"),
    ("Data as CSV", "friendship-atlas-theme-counts-en.csv"),
    ("Data as Excel (XLSX)", "friendship-atlas-theme-counts-en.xlsx"),
]


def download(page: Page, name: str, scope=None, timeout: int = 60_000):
    with page.expect_download(timeout=timeout) as caught:
        (scope or page).get_by_role("button", name=name, exact=True).click()
    return caught.value


def test_every_button_of_a_chart_download_row_gives_its_file(page: Page, server, traffic, tmp_path):
    page.goto(server + "/themes")
    wait_for_app(page)
    for label, file_name in CHART_FILES:
        page.locator(".st-key-theme_counts_downloads").get_by_role("button").first.click()
        popover = page.get_by_test_id("stPopoverBody")
        got = download(page, label, popover)
        assert got.suggested_filename == file_name
        path = tmp_path / file_name
        got.save_as(path)
        assert path.stat().st_size > 200
        page.keyboard.press("Escape")


def test_briefing_pack_and_dataset_download(page: Page, server, traffic, tmp_path):
    page.goto(server + "/sources?country=JP")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    got = download(page, "Who's who (PDF, A4)", sidebar, timeout=60_000)
    assert got.suggested_filename == "friendship-atlas-whos-who-en-country-jp.pdf"
    sidebar.get_by_role("button", name="Prepare the briefing pack").click()
    for label, suffix in (("Briefing deck (PowerPoint)", ".pptx"), ("Briefing deck (PDF)", ".pdf")):
        got = download(page, label, sidebar, timeout=90_000)
        assert got.suggested_filename == f"friendship-atlas-briefing-en-country-jp{suffix}"
        got.save_as(tmp_path / got.suggested_filename)
        assert (tmp_path / got.suggested_filename).stat().st_size > 10_000
    got = download(page, "Whole dataset (ZIP of the CSV files and their README)")
    got.save_as(tmp_path / "data.zip")
    assert "friendship-atlas-data/localities.csv" in zipfile.ZipFile(tmp_path / "data.zip").namelist()
