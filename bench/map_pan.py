"""Does the map still pan smoothly at scale? The atlas /map page on the shipped data and on the
synthetic dataset (10,000 delegations), in Chromium: the map is dragged across the screen for
about three seconds and every animation frame is timed. ``python -m bench.map_pan``."""

from __future__ import annotations

import itertools
import statistics
import tempfile
from pathlib import Path

from PIL import ImageChops
from playwright.sync_api import Page, sync_playwright

from bench import synthetic
from bench.browser import CANVAS, canvas_image, time_to_paint
from bench.harness import CHROMIUM, CHROMIUM_ARGS, start_server, stop_server
from components.dataset import DATA_DIR_ENV

_COUNT_FRAMES = """() => { window.__frames = []; const tick = (t) => { window.__frames.push(t);
  if (window.__frames.length < 100000) requestAnimationFrame(tick); }; requestAnimationFrame(tick); }"""


def pan(page: Page, seconds: float = 3.0, steps: int = 60) -> dict[str, float]:
    """Drag the map; frames per second, median and longest frame while dragging."""
    box = page.locator(CANVAS).first.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.evaluate(_COUNT_FRAMES)
    before = canvas_image(page)
    for i in range(1, steps + 1):  # a steady drag, 480 px to the left and 90 px up
        page.mouse.move(x - 480 * i / steps, y - 90 * i / steps)
        page.wait_for_timeout(seconds * 1000 / steps)
    frames = page.evaluate("() => window.__frames")
    moved = ImageChops.difference(before, canvas_image(page)).getbbox() is not None  # type: ignore[arg-type]
    page.mouse.up()
    if not moved:
        raise RuntimeError("the map did not move: the drag did not reach deck.gl")
    gaps = [b - a for a, b in itertools.pairwise(frames)]
    duration = (frames[-1] - frames[0]) / 1000 if len(frames) > 1 else float("inf")
    return {"fps": (len(frames) - 1) / duration, "median_ms": statistics.median(gaps),
            "worst_ms": max(gaps), "frames": len(frames)}


def measure(folder: Path | None) -> dict[str, float]:
    process, url = start_server(env={DATA_DIR_ENV: str(folder)} if folder else None)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            paint = time_to_paint(page, f"{url}/map", timeout=180)
            page.wait_for_timeout(2000)
            result = {"paint_s": paint, **pan(page)}
            browser.close()
            return result
    finally:
        stop_server(process)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        rows = {"shipped data": measure(None),
                "10,000 delegations": measure(synthetic.generate(Path(tmp) / "data"))}
    print("Panning the world map in Chromium (3 s drag, every animation frame timed)")
    print(f"{'data':<22}{'painted':>10}{'frames/s':>10}{'median':>10}{'worst':>10}")
    for name, r in rows.items():
        print(f"{name:<22}{r['paint_s']:>9.1f}s{r['fps']:>10.1f}{r['median_ms']:>8.0f}ms{r['worst_ms']:>8.0f}ms")


if __name__ == "__main__":
    main()
