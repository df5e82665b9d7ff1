"""Map page against its floor, in one run: navigation → map painted, for the atlas map page drawn
with WebGL (?map=webgl), the same page as the light SVG map (?map=light, what a browser drawing
WebGL in software gets) and a bare Streamlit page with one pydeck chart of the same point count;
then how long a filter change takes to reach each map. Prints a table; targets: WebGL ≤ 1.3×
the bare page, the light map ≤ 1.5× it and a filter change reaching the light map ≤ 0.5 s."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from PIL import ImageChops
from playwright.sync_api import Page, sync_playwright

from bench.browser import canvas_image, time_to_paint
from bench.harness import CHROMIUM, CHROMIUM_ARGS, start_server, stop_server
from components.dataset import load_dataset
from components.filters import Filters, apply

RUNS = 5
VIEWPORT = {"width": 1440, "height": 900}
#: The light map is painted once plotly has drawn the country outlines (fetched from the app)
#: and the markers; its signature is where its markers are, which a filter change moves.
_LIGHT = "[data-testid='stPlotlyChart'] .geo"
_LIGHT_PAINTED = f"""() => {{
  const geo = document.querySelector("{_LIGHT}");
  if (!geo) return false;
  const land = geo.querySelector('.layer.countries path, .choroplethlayer path');
  return !!land && (land.getAttribute('d') || '').length > 100 && geo.querySelectorAll('.point').length > 0;
}}"""
_LIGHT_SIGNATURE = f"""() => [...document.querySelectorAll("{_LIGHT} .point")]
  .map((p) => p.getAttribute('transform')).join(';')"""


def light_paint(page: Page, url: str, timeout: float = 60) -> float:
    """Seconds from navigation to a painted light map."""
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    while time.perf_counter() - start < timeout:
        if page.evaluate(_LIGHT_PAINTED):
            return time.perf_counter() - start
        page.wait_for_timeout(20)
    raise TimeoutError(f"{url}: no light map painted within {timeout} s")


def light_change(page: Page, act: Callable[[], None], timeout: float = 30) -> float:
    """Seconds from the end of ``act()`` to the light map's markers moving."""
    before = page.evaluate(_LIGHT_SIGNATURE)
    act()
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if page.evaluate(_LIGHT_SIGNATURE) not in (before, ""):
            return time.perf_counter() - start
        page.wait_for_timeout(10)
    raise TimeoutError("the light map did not change")


def webgl_change(page: Page, act: Callable[[], None], timeout: float = 30) -> float:
    """Seconds from the end of ``act()`` to a changed WebGL map: other pixels, or another size (the
    map is drawn no wider than the world at its zoom, which a filter change re-fits)."""
    before = canvas_image(page)
    act()
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        now = canvas_image(page)
        if now is not None and before is not None and (
                now.size != before.size or ImageChops.difference(now, before).getbbox() is not None):
            return time.perf_counter() - start
        page.wait_for_timeout(10)
    raise TimeoutError("the map did not change")


def _filter_changes(page: Page, url: str, paint: Callable[[Page, str], float],
                    change: Callable[[Page, Callable[[], None]], float]) -> list[float]:
    """A theme chosen in the sidebar, five times, each from a fresh load: seconds until the map changed."""
    labels = load_dataset().themes.set_index("id")["label_en"]
    times = []
    for theme in ("green", "education", "tourism", "innovation", "trade"):
        paint(page, url)
        page.wait_for_timeout(1500)
        field = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first.locator("input")

        def choose(field=field, theme=theme) -> None:
            field.click()
            page.keyboard.type(labels.loc[theme][:12])
            page.keyboard.press("Enter")

        times.append(change(page, choose))
    return times


def measure() -> dict[str, float]:
    points = len(apply(load_dataset(), Filters()).ids)
    atlas, atlas_url = start_server()
    bare, bare_url = start_server("bench/bare_map.py", env={"BENCH_POINTS": str(points)})
    webgl, light = atlas_url + "/map?map=webgl", atlas_url + "/map?map=light"
    pages: dict[str, tuple[str, Callable[[Page, str], float]]] = {
        "webgl": (webgl, time_to_paint), "light": (light, light_paint), "bare": (bare_url, time_to_paint)}
    results: dict[str, list[float]] = {name: [] for name in pages}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for url, paint in pages.values():  # warm the servers
                paint(browser.new_page(viewport=VIEWPORT), url)
            for _ in range(RUNS):
                for name, (url, paint) in pages.items():
                    context = browser.new_context(viewport=VIEWPORT)
                    results[name].append(paint(context.new_page(), url))
                    context.close()
            page = browser.new_page(viewport=VIEWPORT)
            results["webgl_filter"] = _filter_changes(page, webgl, time_to_paint, webgl_change)
            results["light_filter"] = _filter_changes(page, light, light_paint, light_change)
            browser.close()
    finally:
        stop_server(atlas)
        stop_server(bare)
    return {"points": points, **{k: statistics.median(v) for k, v in results.items()}}


def main() -> None:
    r = measure()
    print(f"Map page vs a bare pydeck page with {r['points']} points (median of {RUNS} cold loads, Chromium)")
    print(f"{'page':<34}{'navigation → map painted':>26}{'vs bare':>10}")
    rows = (("webgl", "atlas /map?map=webgl", "≤ 1.30"), ("light", "atlas /map?map=light", "≤ 1.50"),
            ("bare", "bare pydeck page", ""))
    for name, label, target in rows:
        ratio = f"{r[name] / r['bare']:.2f}" if name != "bare" else ""
        print(f"{label:<34}{r[name]:>24.2f} s{ratio:>10}  {target}")
    print(f"{'filter change → WebGL map updated':<50}{r['webgl_filter']:>8.2f} s")
    print(f"{'filter change → light map updated (target ≤ 0.5 s)':<50}{r['light_filter']:>8.2f} s")


if __name__ == "__main__":
    main()
