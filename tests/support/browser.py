"""Browser-test helpers: waiting for the app, screenshots, traffic records, the language check."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page

from bench.harness import ROOT
from components.i18n import catalogue

ARTIFACTS = ROOT / "test-artifacts"


LOCAL_PREFIXES = ("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:", "about:")


class Traffic:
    """Requests and console errors seen by a page."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.console_errors: list[str] = []

    def outside(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(LOCAL_PREFIXES)]


def wait_for_app(page: Page) -> None:
    """Wait until the script has run: a title is shown and Streamlit is idle."""
    page.locator("h1").first.wait_for(timeout=30_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)


#: Whether everything the page draws after its script has run is drawn: every chart's SVG (a
#: map's outlines too), every WebGL map's canvas, every picture loaded, no placeholder left.
DRAWN = """() => {
  const all = (selector) => [...document.querySelectorAll(selector)];
  return all('[data-testid="stPlotlyChart"]').every(c => c.querySelector('.main-svg'))
    && all('[data-testid="stPlotlyChart"] .geo').every(g => g.querySelector('.choroplethlayer path'))
    && all('[data-testid="stDeckGlJsonChart"]').every(d => d.querySelector('canvas'))
    && all('img').every(i => i.complete)
    && !document.querySelector('[data-testid="stSkeleton"]');
}"""


def wait_until_drawn(page: Page) -> None:
    """Wait for ``DRAWN``, then for the frames that paint it (a screenshot taken as soon as the
    script ends shows half-drawn charts: the review read those as defects)."""
    page.wait_for_function(DRAWN, timeout=30_000)
    page.wait_for_timeout(800)


def screenshot(page: Page, name: str, full: bool = True) -> Path:
    """Save a screenshot under test-artifacts/ (the whole scrolled page when ``full``), once the
    page is drawn."""
    path = ARTIFACTS / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    wait_until_drawn(page)
    if full:
        height = page.evaluate(
            "() => (document.querySelector('[data-testid=\"stMain\"]') || document.body).scrollHeight")
        page.set_viewport_size({"width": page.viewport_size["width"], "height": max(900, min(height, 6000))})
        wait_until_drawn(page)  # charts below the fold draw once the window reaches them
    page.screenshot(path=path)
    return path


def english_strings() -> list[str]:
    """Interface strings whose English differs from the Vietnamese: whole strings, or the parts
    between placeholders when those are long enough to be telling."""
    pieces = []
    for entry in catalogue().values():
        if entry["en"] != entry["vi"]:
            parts = [p.strip(" .,:;—·") for p in re.split(r"{\w+}", entry["en"])]
            pieces += [p for p in parts if len(p) >= (4 if len(parts) == 1 else 10)]
    return pieces


def interface_text(page: Page) -> str:
    """The page's visible text without the delegation pickers, whose options deliberately show the
    name in both languages so either can be typed."""
    return page.evaluate("""() => {
        const copy = document.body.cloneNode(true);
        copy.querySelectorAll('[data-testid="stSelectbox"], [data-testid="stMultiSelect"] [data-baseweb="tag"]')
            .forEach(node => node.remove());
        return copy.innerText;
    }""")


def english_left(text: str) -> list[str]:
    """English interface strings found in ``text`` as whole words."""
    return [s for s in english_strings() if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]
