"""The editor in Chromium: no URL writes anything without the key; with it, an organisers' list
of 23 is uploaded, previewed and applied, and the Overview and map show 36 of 36. Screenshots
of the editor in both languages at three meeting-room sizes go to test-artifacts/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from bench.harness import start_server, stop_server
from components.dataset import DATA_DIR, load_dataset
from tests.support.browser import screenshot, wait_for_app
from tests.support.data_files import tree
from tests.support.organisers_list import filled_template

pytestmark = pytest.mark.browser
KEY = "meeting-room-key"
SIZES = [(1366, 768), (1600, 1000), (1920, 1080)]
WORDS = {
    "en": {"key": "Editor key", "open": "Open the editor",
           "tabs": ("Import a spreadsheet", "Correct in place", "History")},
    "vi": {"key": "Khóa biên tập", "open": "Mở trang biên tập",
           "tabs": ("Nhập từ bảng tính", "Sửa trực tiếp", "Lịch sử")},
}




@pytest.fixture
def editor_server(data_copy) -> Iterator[tuple[str, Path]]:
    process, url = start_server(env={"ATLAS_EDITOR_KEY": KEY, "ATLAS_DATA_DIR": str(data_copy)})
    yield url, data_copy
    stop_server(process)


def unlock(page: Page, url: str, lang: str) -> None:
    words = WORDS[lang]
    page.goto(f"{url}/edit?lang={lang}")
    page.get_by_label(words["key"]).fill(KEY)
    page.get_by_role("button", name=words["open"]).click()
    page.get_by_role("tab", name=words["tabs"][0]).wait_for(timeout=30_000)


WITHOUT_KEY = ["/edit", "/edit?lang=vi", "/edit?key=x", "/?edit=1&apply=1", "/sources?restore=1",
               "/edit/../sources"]


def test_without_the_key_no_address_shows_or_writes_anything(page: Page, server, traffic):
    before = tree(DATA_DIR)
    for path in WITHOUT_KEY:
        page.goto(server + path)
        wait_for_app(page)
        page.wait_for_timeout(800)
        assert page.locator("input[type=file]").count() == 0, path
        assert page.get_by_label("Editor key").count() == 0, path
        assert page.get_by_role("link", name="Editor").count() == 0, path
    assert tree(DATA_DIR) == before


def test_with_a_key_the_door_shows_nothing_else_until_it_is_given(page: Page, editor_server, traffic):
    url, folder = editor_server
    before = tree(folder)
    page.goto(f"{url}/edit")
    page.get_by_label("Editor key").fill("not the key")
    page.get_by_role("button", name="Open the editor").click()
    expect(page.get_by_text("That key is not right.")).to_be_visible(timeout=15_000)
    assert page.locator("input[type=file]").count() == 0
    assert page.get_by_role("tab").count() == 0
    assert page.get_by_role("link", name="Editor").count() == 0
    assert tree(folder) == before


def test_an_organisers_list_of_23_is_applied_and_every_page_shows_36(page: Page, editor_server, traffic, tmp_path):
    url, folder = editor_server
    upload = tmp_path / "organisers-list.xlsx"
    upload.write_bytes(filled_template(load_dataset(folder)))
    page.set_viewport_size({"width": 1600, "height": 1000})
    unlock(page, url, "en")
    page.locator("input[type=file]").set_input_files(upload)
    expect(page.get_by_text("Delegations (localities): 23 added, 0 changed, 0 removed")).to_be_visible(timeout=30_000)
    screenshot(page, "editor-preview-en-1600")
    page.get_by_label("Reason for this change").fill("Organisers' list of 20 Sept")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("Applied: 47 rows.")).to_be_visible(timeout=30_000)
    page.get_by_role("link", name="Overview").click()
    wait_for_app(page)
    expect(page.get_by_text("36 of 36").first).to_be_visible()
    expect(page.get_by_text("23 more are on the organisers' list")).to_be_visible()
    screenshot(page, "editor-after-overview-en-1600")
    page.goto(f"{url}/map")
    wait_for_app(page)
    expect(page.get_by_text("36 of 36 delegations identified · 36 shown")).to_be_visible(timeout=30_000)
    assert len(load_dataset(folder).localities) == len(load_dataset(DATA_DIR).localities) + 23


def test_a_file_over_the_limit_is_refused_in_the_browser(page: Page, editor_server, traffic, tmp_path):
    url, folder = editor_server
    before = tree(folder)
    big = tmp_path / "big.xlsx"
    big.write_bytes(b"PK\x03\x04" + b"\0" * (50 * 1024 * 1024))
    unlock(page, url, "en")
    page.locator("input[type=file]").set_input_files(big)
    expect(page.get_by_text("File must be 5.0MB or smaller.")).to_be_visible(timeout=15_000)
    page.wait_for_timeout(1000)
    assert page.get_by_role("button", name="Apply").count() == 0
    assert tree(folder) == before


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_editor_screenshots_in_both_languages_at_three_sizes(page: Page, editor_server, traffic, lang):
    url, _ = editor_server
    words = WORDS[lang]
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        unlock(page, url, lang)
        page.wait_for_timeout(1000)
        screenshot(page, f"editor-import-{lang}-{width}", full=False)
        page.get_by_role("tab", name=words["tabs"][1]).click()
        page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=30_000)
        page.wait_for_timeout(1000)
        screenshot(page, f"editor-grid-{lang}-{width}", full=False)
        grid = page.locator("[data-testid='stDataFrame']").first.bounding_box()
        assert grid is not None and grid["x"] + grid["width"] <= width  # the grid fits the screen
        page.get_by_role("tab", name=words["tabs"][2]).click()
        page.wait_for_timeout(500)
        screenshot(page, f"editor-history-{lang}-{width}", full=False)
