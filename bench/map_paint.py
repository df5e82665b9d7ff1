"""Map page against its floor, in one run: navigation → map canvas painted, for the atlas map
page and for a bare Streamlit page with one pydeck chart of the same point count; then how long a
filter change takes to reach the map. Prints a table; the target ratio is ≤ 1.3×."""

from __future__ import annotations

import statistics

from playwright.sync_api import sync_playwright

from bench.browser import time_to_change, time_to_paint
from bench.harness import CHROMIUM, CHROMIUM_ARGS, start_server, stop_server
from components.dataset import load_dataset
from components.filters import Filters, apply

RUNS = 5


def measure() -> dict[str, float]:
    points = len(apply(load_dataset(), Filters()).ids)
    atlas, atlas_url = start_server()
    bare, bare_url = start_server("bench/bare_map.py", env={"BENCH_POINTS": str(points)})
    results: dict[str, list[float]] = {"atlas": [], "bare": [], "filter": []}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for url in (atlas_url + "/map", bare_url):  # warm both servers
                time_to_paint(browser.new_page(viewport={"width": 1440, "height": 900}), url)
            for _ in range(RUNS):
                for target, url in (("atlas", atlas_url + "/map"), ("bare", bare_url)):
                    context = browser.new_context(viewport={"width": 1440, "height": 900})
                    results[target].append(time_to_paint(context.new_page(), url))
                    context.close()
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            for theme in ("green", "education", "tourism", "innovation", "trade"):
                time_to_paint(page, f"{atlas_url}/map")
                page.wait_for_timeout(1500)
                field = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first.locator("input")

                def choose(field=field, theme=theme) -> None:
                    field.click()
                    page.keyboard.type(load_dataset().themes.set_index("id").loc[theme, "label_en"][:12])
                    page.keyboard.press("Enter")

                results["filter"].append(time_to_change(page, choose))
            browser.close()
    finally:
        stop_server(atlas)
        stop_server(bare)
    return {"points": points, **{k: statistics.median(v) for k, v in results.items()}}


def main() -> None:
    r = measure()
    print(f"Map page vs a bare pydeck page with {r['points']} points (median of {RUNS} cold loads, Chromium)")
    print(f"{'page':<28}{'navigation → map painted':>28}")
    print(f"{'atlas /map':<28}{r['atlas']:>26.2f} s")
    print(f"{'bare pydeck page':<28}{r['bare']:>26.2f} s")
    print(f"{'ratio (target ≤ 1.30)':<28}{r['atlas'] / r['bare']:>28.2f}")
    print(f"{'filter change → map updated (target ≤ 0.5 s)':<48}{r['filter']:>8.2f} s")


if __name__ == "__main__":
    main()
