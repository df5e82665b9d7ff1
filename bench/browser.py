"""Timing helpers in Chromium: when did a deck.gl canvas first show something, when did it change.

Pixels are read with the DevTools protocol's own screenshot, clipped to the canvas: Playwright's
screenshot first waits for web fonts, which would time the fonts rather than the map. Polled every
20 ms once the canvas exists, so both pages under comparison are measured the same way."""

from __future__ import annotations

import base64
import io
import time
from collections.abc import Callable

from PIL import Image, ImageChops
from playwright.sync_api import Page

CANVAS = "[data-testid='stDeckGlJsonChart'] canvas"


def canvas_image(page: Page) -> Image.Image | None:
    canvas = page.locator(CANVAS).first
    if canvas.count() == 0:
        return None
    box = canvas.bounding_box()
    if not box or box["width"] < 10 or box["height"] < 10:
        return None
    if not hasattr(page, "_bench_cdp"):
        page._bench_cdp = page.context.new_cdp_session(page)  # type: ignore[attr-defined]
    shot = page._bench_cdp.send("Page.captureScreenshot", {  # type: ignore[attr-defined]
        "format": "png", "clip": {**box, "scale": 1}, "captureBeyondViewport": False})
    return Image.open(io.BytesIO(base64.b64decode(shot["data"]))).convert("RGB")


def painted(image: Image.Image | None, min_pixels: int = 200) -> bool:
    """True once the canvas shows its first frame: some pixels differ from plain white."""
    if image is None:
        return False
    white = Image.new("RGB", image.size, (255, 255, 255))
    mask = ImageChops.difference(image, white).convert("L").point(lambda v: 255 if v > 16 else 0)
    return mask.histogram()[255] > min_pixels


def time_to_paint(page: Page, url: str, timeout: float = 60) -> float:
    """Seconds from navigation to a painted map canvas."""
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    while time.perf_counter() - start < timeout:
        if painted(canvas_image(page)):
            return time.perf_counter() - start
        page.wait_for_timeout(20)
    raise TimeoutError(f"{url}: no map painted within {timeout} s")


def time_to_change(page: Page, act: Callable[[], None], timeout: float = 30) -> float:
    """Seconds from the end of ``act()`` (the user's last keystroke) to a changed map canvas."""
    before = canvas_image(page)
    act()
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        now = canvas_image(page)
        if now is not None and before is not None and now.size == before.size and ImageChops.difference(
                now, before).getbbox() is not None:
            return time.perf_counter() - start
        page.wait_for_timeout(10)
    raise TimeoutError("the map did not change")


_RENDERED = """([plots, frames, decks]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning' || !document.querySelector('h1')) {
    return false;
  }
  const shown = (selector) => [...document.querySelectorAll(selector)].filter((e) => e.offsetParent !== null);
  const drawn = (selector, inner, n) => {
    const found = shown(selector);
    return found.length >= n && found.every((e) => e.querySelector(inner));
  };
  return drawn('[data-testid="stPlotlyChart"]', '.main-svg', plots)
    && drawn('[data-testid="stDataFrame"]', 'canvas', frames)
    && drawn('[data-testid="stDeckGlJsonChart"]', 'canvas', decks);
}"""


def time_to_ready(page: Page, url: str, shown: dict[str, int], timeout: float = 90) -> float:
    """Seconds from navigation to a finished page: the script has run, and every chart, table and
    map the page shows on load (``shown``, from bench/replay.py) is drawn — a map once its canvas
    has painted."""
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    counts = [shown["plotly_chart"], shown["dataframe"], shown["deck_gl_json_chart"]]
    while time.perf_counter() - start < timeout:
        if page.evaluate(_RENDERED, counts):
            if not counts[2]:
                return time.perf_counter() - start
            page.locator(CANVAS).first.scroll_into_view_if_needed()  # a screenshot sees the viewport only
            if painted(canvas_image(page)):
                return time.perf_counter() - start
        page.wait_for_timeout(20)
    raise TimeoutError(f"{url}: not ready within {timeout} s")
