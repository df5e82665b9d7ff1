"""Every page, and presentation mode, in both languages at the three screens the atlas is shown on
(a 1366 × 768 laptop, a 1600 × 1000 monitor, a 1920 × 1080 projector or TV): no text cut off, no
sideways scrolling, the map at least the size its view was planned for (so every name placed
inside the plan is inside the map) with one key entry per shown delegation, and in presentation
mode the card on screen. A screenshot of each lands in test-artifacts/screens/ as
page-size-lang.png (and -full.png, the whole page) for review."""

from __future__ import annotations

import csv
import re

import pytest
from playwright.sync_api import Page, expect

from components import maps
from components.dataset import DATA_DIR
from tests.support.browser import screenshot, wait_for_app

pytestmark = pytest.mark.browser

SIZES = [(1366, 768), (1600, 1000), (1920, 1080)]
PAGES = {  # name: address (a profile and an event open, as an official would show them)
    "overview": "/", "map": "/map", "map-card": "/map?delegation=chungcheongbuk", "themes": "/themes",
    "delegations": "/delegations?delegation=torino", "programme": "/programme?event=fd-opening-mayors-conference",
    "sources": "/sources",
}
MAP = "[data-testid='stDeckGlJsonChart']"
MAPS = {"light": "[data-testid='stPlotlyChart']", "webgl": MAP}

#: Text whose box is narrower than its text: cut off (ellipsis or hidden overflow). Canvases, SVG
#: (charts), iframes and the data grid draw their own text and are left out.
TRUNCATED = """() => {
  const out = [];
  const skip = 'canvas, svg, iframe, [data-testid="stDataFrame"], [data-testid="stDeckGlJsonChart"]';
  for (const el of document.querySelectorAll('[data-testid="stAppViewContainer"] *')) {
    if (el.closest(skip)) continue;
    const style = getComputedStyle(el);
    if (style.display === 'inline' || style.visibility === 'hidden') continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 2 || box.height <= 2 || el.clientWidth === 0) continue;  // 1-px screen-reader-only text
    const ownText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    // text wider than its own box, or a box that clips (ellipsis, hidden overflow) text wider than itself
    const clips = ['hidden', 'clip'].includes(style.overflowX) && el.textContent.trim();
    if ((ownText || clips) && el.scrollWidth > el.clientWidth + 1) {
      out.push(el.tagName + ': ' + el.textContent.trim().slice(0, 70));
    }
  }
  return out;
}"""
#: Headings with a word drawn over two lines ("Chungcheongb / uk"): broken mid-word.
BROKEN_WORDS = """() => {
  const out = [];
  for (const heading of document.querySelectorAll('[data-testid="stAppViewContainer"] :is(h1, h2, h3, h4)')) {
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[^\\s\u2013\u2014-]+/g;
      for (let m = re.exec(node.textContent); m; m = re.exec(node.textContent)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
  }
  return out;
}"""
#: Names in the map's key and on a delegation's card drawn over two lines at a hyphen or a spaced
#: dash ("Kim Young- / hwan", "Nhật / – Việt"): each run of text between ordinary spaces (a no-break
#: space joins) that holds a hyphen or a no-break space must stand on one line (an unspaced en dash,
#: "public–private", may end a line).
SPLIT_NAMES = """() => {
  const out = [];
  for (const box of document.querySelectorAll('[data-testid="atlas-map-key"], [class*="st-key-card_"]')) {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[^ \\t\\n]+/g;
      let before = null;  // the line box of the run before, in this text
      for (let m = re.exec(node.textContent); m; m = re.exec(node.textContent)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        // a glyph from a fallback font sits a pixel or two off: a new line starts half a line lower
        const rects = [...range.getClientRects()].filter(r => r.width > 0).sort((a, b) => a.top - b.top);
        const split = rects.some((r, i) => i && r.top > rects[i - 1].top + rects[i - 1].height / 2);
        // a hyphen or words joined on purpose split, or a line starting with a separator ("– Việt")
        const opensLine = before && rects.length && rects[0].top > before.top + before.height / 2;
        if ((split && /[-\\u2011\\u00a0]/.test(m[0])) || (opensLine && /^[\\u2013\\u2014\\u00b7]/.test(m[0]))) {
          out.push(m[0]);
        }
        before = rects.length ? rects[rects.length - 1] : before;
      }
    }
  }
  return out;
}"""
SIDEWAYS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const page = document.documentElement.scrollWidth > window.innerWidth + 1;
  return page || (main && main.scrollWidth > main.clientWidth + 1);
}"""


def shown_delegations() -> int:
    """Delegations the default filter shows, counted from the CSV (evidence A, B and L)."""
    with (DATA_DIR / "localities.csv").open(encoding="utf-8") as handle:
        return sum(1 for row in csv.DictReader(handle) if row["evidence"] in ("A", "B", "L"))


def open_page(page: Page, url: str, size: tuple[int, int], titled: bool = True) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(url)
    if titled:
        wait_for_app(page)
    else:
        page.get_by_test_id("stMain").wait_for(timeout=30_000)
        page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    if page.locator(MAP).count():
        page.locator(f"{MAP} canvas").first.wait_for(timeout=30_000)
    if page.locator(MAPS["light"]).count():  # the first chart drawn, not its placeholder (screenshots)
        page.locator(f"{MAPS['light']} .main-svg").first.wait_for(timeout=30_000)
    if page.locator(f"{MAPS['light']} .geo").count():  # the light map, once its outlines are drawn
        page.locator(f"{MAPS['light']} .geo .choroplethlayer path").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)  # charts and the map draw on the next frames


def check_fits(page: Page) -> None:
    assert page.evaluate(TRUNCATED) == []
    assert page.evaluate(BROKEN_WORDS) == []
    assert page.evaluate(SPLIT_NAMES) == []
    assert not page.evaluate(SIDEWAYS), "the page scrolls sideways"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("name", list(PAGES))
def test_nothing_is_cut_off(page: Page, server, traffic, name, lang, size):
    address = PAGES[name]
    open_page(page, f"{server}{address}{'&' if '?' in address else '?'}lang={lang}", size)
    check_fits(page)
    if name.startswith("map"):
        planned = maps.MAP_SIZES["beside_card" if name == "map-card" else "wide"]
        box = page.locator(f"{MAP}, {MAPS['light']}").first.bounding_box()  # whichever map was chosen
        assert box["width"] >= planned[0] - 1 and abs(box["height"] - planned[1]) <= 1, (box, planned)
        expect(page.get_by_test_id("atlas-map-key").locator("li")).to_have_count(shown_delegations())
        if name == "map" and size == (1600, 1000):  # the legend is on screen without scrolling
            legend = page.get_by_test_id("atlas-legend").first.bounding_box()
            assert legend["y"] + legend["height"] <= size[1]
    screenshot(page, f"screens/{name}-{size[0]}x{size[1]}-{lang}", full=False)  # what the screen shows
    screenshot(page, f"screens/{name}-{size[0]}x{size[1]}-{lang}-full")


#: Vertical overflow of the document and of Streamlit's scrolling main area, in pixels.
SCROLLS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  return {page: document.documentElement.scrollHeight - window.innerHeight,
          main: main ? main.scrollHeight - main.clientHeight : 0};
}"""
#: The computed font size of the presentation title and of the card's text.
TYPE = """() => {
  const size = (el) => el ? parseFloat(getComputedStyle(el).fontSize) : 0;
  return {title: size(document.querySelector('.st-key-tour_title h3')),
          card: size(document.querySelector("[class*='st-key-card_'] [data-testid='stMarkdownContainer'] p"))};
}"""
#: The smallest type of the legend and of the numbered key under the presentation map, in pixels.
KEY_TYPE = """() => {
  const smallest = (selector) => Math.min(...[...document.querySelectorAll(selector)]
    .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
    .map(el => parseFloat(getComputedStyle(el).fontSize)));
  return {legend: smallest('.st-key-tour_map_column [data-testid="atlas-legend"] *'),
          key: smallest('.st-key-tour_map_column [data-testid="atlas-map-key"] li *')};
}"""
#: How far the card's subtitle (country · kind) starts below its title's last line; negative: they overlap.
TITLE_CLEARANCE = """() => {
  const card = document.querySelector("[class*='st-key-card_']");
  return card.querySelector('[data-testid="stCaptionContainer"]').getBoundingClientRect().top
    - card.querySelector('h3').getBoundingClientRect().bottom;
}"""


@pytest.mark.parametrize(("kind", "whole_tour"), [("light", True), ("webgl", False)], ids=["light", "webgl"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_presentation_mode_fits_one_screen_through_the_whole_tour(page: Page, server, traffic, lang, size, kind,
                                                                 whole_tour):
    """Every delegation's card, the map, legend and key on one screen: neither the page nor
    Streamlit's main area scrolls, nothing is cut, the map is whole, type scales with the screen.
    The whole tour on the light map (what this machine's software WebGL gets); the WebGL map,
    slow to redraw here, on its first card (both are sized by the same plan)."""
    open_page(page, f"{server}/map?present=1&lang={lang}&map={kind}", size, titled=False)
    # generous waits: this machine draws WebGL in software, where a redraw holds the page for seconds
    page.locator(MAPS[kind]).first.wait_for(timeout=60_000)
    page.get_by_role("button", name="Pause tour" if lang == "en" else "Tạm dừng", exact=True).click(timeout=90_000)
    page.wait_for_timeout(1500)
    total = shown_delegations()
    position = page.get_by_text(re.compile(rf"^\d+ (of|/) {total}$"))
    seen = set()
    for step in range(total if whole_tour else 1):
        expect(position).to_be_visible(timeout=60_000)
        page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
        page.wait_for_timeout(300)
        seen.add(position.inner_text())
        scrolls = page.evaluate(SCROLLS)
        assert scrolls["page"] <= 1 and scrolls["main"] <= 1, (step + 1, scrolls)
        check_fits(page)
        for box in (page.locator(MAPS[kind]).first.bounding_box(),
                    page.locator("[class*='st-key-card_']").first.bounding_box()):
            assert box["y"] >= 0 and box["y"] + box["height"] <= size[1] + 1, (step + 1, box)
            assert box["x"] >= 0 and box["x"] + box["width"] <= size[0] + 1, (step + 1, box)
        expect(page.get_by_test_id("atlas-map-key").locator("li")).to_have_count(total)
        assert page.evaluate(TITLE_CLEARANCE) >= 0, (step + 1, "the card's title runs into its subtitle")
        if step == 0:
            screenshot(page, f"screens/presentation{'' if kind == 'light' else '-webgl'}-{size[0]}x{size[1]}-{lang}",
                       full=False)
            if size == (1920, 1080):  # read from the back of the room
                sizes = page.evaluate(TYPE)
                assert sizes["title"] >= 44 and sizes["card"] >= 24, sizes
            key_type = page.evaluate(KEY_TYPE)  # legend and key readable in the room, larger on a larger screen
            assert min(key_type.values()) >= {1366: 16, 1600: 18, 1920: 21}[size[0]], key_type
        before = position.inner_text()
        page.get_by_role("button", name="Next" if lang == "en" else "Tiếp", exact=True).click(timeout=90_000)
        expect(position).not_to_have_text(before, timeout=60_000)
    assert len(seen) == (total if whole_tour else 1)  # every delegation's card was shown
