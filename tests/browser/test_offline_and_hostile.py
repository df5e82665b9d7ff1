"""Every page, in both languages and in presentation mode, makes no request outside 127.0.0.1;
a hostile dataset shows its markup as text and runs no script."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from bench.harness import start_server, stop_server
from tests.support.browser import wait_for_app
from tests.support.hostile import HOSTILE_STRINGS, MARKER

pytestmark = pytest.mark.browser
PATHS = ["/", "/map", "/themes", "/delegations?delegation=osaka", "/delegations?compare=osaka,torino",
         "/programme?event=c4ir-launch", "/sources"]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_page_stays_on_localhost(page: Page, server, traffic, lang):
    for path in PATHS:
        page.goto(f"{server}{path}{'&' if '?' in path else '?'}lang={lang}")
        wait_for_app(page)
        page.wait_for_timeout(1500)
    for drawing, drawn in (("webgl", "[data-testid='stDeckGlJsonChart'] canvas"),
                           ("light", "[data-testid='stPlotlyChart'] .geo")):
        page.goto(f"{server}/map?present=1&map={drawing}&lang={lang}")
        page.locator(drawn).first.wait_for(timeout=60_000)
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


#: Every parameter of the URL contract, and one the atlas does not know (its name is hostile too).
PARAMETERS = ("lang", "theme", "match", "country", "kind", "evidence", "q", "delegation", "compare", "color",
              "order", "present", "series", "event_kind", "event", "map", None)
PAGE_PATHS = ("/", "/map", "/themes", "/delegations", "/programme", "/sources", "/edit")
#: Whatever in the page shows the marker as more than plain text: markup a renderer made of it, or
#: a link or picture pointing outside. Text nodes inside Markdown may sit in <p> and <div> only.
FIND_MARKUP = """([marker, external]) => {
    const found = [];
    for (const node of document.querySelectorAll('a[href], img[src], iframe, source, video, audio, link[href]')) {
        // the atlas's own links carry the search in their query; the sources' links go to reports
        const raw = node.getAttribute('href') || node.getAttribute('src') || '';
        let address;
        try { address = new URL(raw, location.href); } catch { if (raw.includes(external)) found.push(raw); continue; }
        if (address.host.includes(external) || address.protocol === 'javascript:'
            || (node.tagName === 'A' && node.textContent.includes(marker))
            || (node.tagName !== 'A' && address.host !== location.host && address.protocol.startsWith('http')))
            found.push(node.outerHTML.slice(0, 120));
    }
    for (const node of document.querySelectorAll('.katex, .stMarkdownColoredText, [data-testid="stMarkdownBadge"]'))
        if (node.textContent.includes(marker)) found.push(node.outerHTML.slice(0, 120));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (/[\u202a-\u202e\u2066-\u2069]/.test(text.data)) found.push('direction control: ' + text.data);
        if (!text.data.includes(marker)) continue;
        for (let up = text.parentElement; up && up !== document.body; up = up.parentElement) {
            if (up.matches('[data-testid="stMarkdownContainer"]')) break;
            if (!['P', 'DIV', 'SPAN', 'LABEL', 'BUTTON', 'TEXTAREA', 'OPTION', 'PRE', 'CODE'].includes(up.tagName)
                || (up.tagName === 'SPAN' && up.closest('[data-testid="stMarkdownContainer"]'))
                || (['PRE', 'CODE'].includes(up.tagName) && up.closest('[data-testid="stMarkdownContainer"]')))
                { found.push(up.tagName + ': ' + text.data.slice(0, 80)); break; }
        }
    }
    return found;
}"""


def _markup_of_marker(page: Page) -> list[str]:
    return page.evaluate(FIND_MARKUP, [MARKER, "evil.example"])


def _hostile_links() -> list[tuple[str, str]]:
    """Page and query string: load ``n`` gives parameter ``j`` string ``n + j``, so over all loads
    every string passes through every parameter, and every page gets a share of each."""
    links = []
    for n in range(len(HOSTILE_STRINGS)):
        pairs = []
        for j, name in enumerate(PARAMETERS):
            value = HOSTILE_STRINGS[(n + j) % len(HOSTILE_STRINGS)]
            pairs.append((name or value, value))
        links.append((PAGE_PATHS[n % len(PAGE_PATHS)], urlencode(pairs)))
    return links


def test_hostile_links_and_searches_show_as_text_on_every_page(page: Page, server, traffic):
    """Every hostile string through every query parameter, and typed into the sidebar search, on
    every page: no link, picture, styled text or direction control is made of it, no script
    runs, and nothing is fetched from outside (``traffic``)."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    made: dict[str, list[str]] = {}
    for path, query in _hostile_links():
        page.goto(f"{server}{path}?{query}")
        wait_for_app(page)
        expect(page.get_by_text(MARKER).first).to_be_visible()  # echoed, as text
        if found := _markup_of_marker(page):
            made[f"{path}?{query}"] = found
    search = page.get_by_role("textbox", name="Search")
    pages = PAGE_PATHS[:-1]  # /edit without a key is the Overview under a "page not found" box
    for number, text in enumerate(HOSTILE_STRINGS):
        if number % 8 == 0:
            page.goto(f"{server}{pages[number // 8 % len(pages)]}?lang=en")
            wait_for_app(page)
        search.fill(re.sub(r"[\x00-\x1f]", " ", text))  # a text box takes no control characters
        search.press("Enter")
        expect(page).to_have_url(re.compile(rf"[?&]q=[^&]*{MARKER}"))  # the search was applied
        wait_for_app(page)
        if found := _markup_of_marker(page):
            made[f"search {text!r}"] = found
    assert made == {}
    assert dialogs == []


def test_tables_offer_no_toolbar_download_of_raw_cells(page: Page, server, traffic):
    """Streamlit's grid would write cells as they are; the atlas's own downloads neutralise them."""
    page.goto(f"{server}/sources?lang=en")
    wait_for_app(page)
    grid = page.locator("[data-testid='stDataFrame']:visible").first  # the open tab's grid, not a hidden tab's
    toolbar = page.get_by_test_id("stElementToolbar").first
    grid.wait_for(timeout=30_000)
    for _ in range(10):  # a grid still drawing (a loaded machine) shows no toolbar on the first hover
        grid.hover()
        if toolbar.is_visible():
            break
        page.mouse.move(0, 0)
        page.wait_for_timeout(500)
    expect(toolbar).to_be_visible()
    assert page.get_by_role("button", name="Download as CSV").count() == 0
