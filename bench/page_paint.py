"""Every page in Chromium against its bare counterpart (the same page recorded and replayed,
bench/replay.py): navigation → page ready (script done, every chart, table and map shown on load
drawn). Median of cold loads, each in a fresh browser context. ``python -m bench.page_paint``."""

from __future__ import annotations

import pickle
import statistics
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from playwright.sync_api import sync_playwright

from bench import pages, replay
from bench.browser import time_to_ready
from bench.harness import CHROMIUM, CHROMIUM_ARGS, start_server, stop_server
from components.dataset import load_dataset
from components.ui import PAGES as SPECS

RUNS = 3
VIEWPORT = {"width": 1440, "height": 900}


def measure() -> dict[str, tuple[float, float]]:
    """Per page: (atlas, bare) seconds."""
    first_id = str(load_dataset().localities["id"].iloc[0])
    paths = {spec.key: spec.url_path for spec in SPECS}
    with tempfile.TemporaryDirectory() as tmp:
        recording = pages.record_pages(Path(tmp) / "pages.pickle")
        recorded = pickle.loads(recording.read_bytes())
        atlas, atlas_url = start_server()
        bare, bare_url = start_server("bench/bare_page.py", env={"BENCH_RECORDING": str(recording)})
        times: dict[str, tuple[list[float], list[float]]] = {page: ([], []) for page in pages.PAGES}
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for run in range(RUNS + 1):  # the first round warms both servers and is not counted
                    for page, params in pages.PAGES.items():
                        shown = replay.shown(recorded[page]["main"])
                        query = urlencode(pages.params_for(params, first_id))
                        urls = (f"{atlas_url}/{paths[page]}?{query}", f"{bare_url}/?page={page}")
                        for url, into in zip(urls, times[page], strict=True):
                            context = browser.new_context(viewport=VIEWPORT)
                            elapsed = time_to_ready(context.new_page(), url, shown)
                            context.close()
                            if run:
                                into.append(elapsed)
                browser.close()
        finally:
            stop_server(atlas)
            stop_server(bare)
    return {page: (statistics.median(a), statistics.median(b)) for page, (a, b) in times.items()}


def main() -> None:
    results = measure()
    print(f"Navigation → page ready in Chromium, median of {RUNS} cold loads, seconds")
    print(f"{'page':<14}{'atlas':>8}{'bare':>8}{'ratio':>8}")
    for page, (atlas, bare) in results.items():
        print(f"{page:<14}{atlas:>8.2f}{bare:>8.2f}{atlas / bare:>8.2f}")
    print("bare = the same page recorded and replayed with the same Streamlit calls (bench/replay.py)")


if __name__ == "__main__":
    main()
