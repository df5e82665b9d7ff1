"""Warm script time of every page (AppTest, no browser), on the shipped data or another folder:
``python -m bench.pages [FOLDER]``. Scale target: ≤ 1 s warm per page on the synthetic dataset."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from bench.harness import ROOT
from components.dataset import DATA_DIR_ENV

PAGES = {"overview": {}, "map": {}, "themes": {}, "delegations": {"delegation": "__first__"},
         "programme": {}, "sources": {}}


def run_bare(page: str) -> float:
    """Warm time of the bare counterpart of a page (bench/bare_page.py)."""
    os.environ["BENCH_PAGE"] = page
    app = AppTest.from_file(str(ROOT / "bench" / "bare_page.py"), default_timeout=300)
    app.run()
    start = time.perf_counter()
    app.run()
    return time.perf_counter() - start


def run(page: str, params: dict[str, str]) -> float:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    start = time.perf_counter()
    app.switch_page(f"pages/{page}.py").run()
    elapsed = time.perf_counter() - start
    if app.exception:
        raise RuntimeError(f"{page}: {app.exception[0].message}")
    return elapsed


def measure(folder: Path | None = None, repeats: int = 3) -> dict[str, tuple[float, float]]:
    """Per page: (first run in this process, median warm run) in seconds."""
    from components.dataset import load_dataset

    before = os.environ.get(DATA_DIR_ENV)
    if folder is not None:
        os.environ[DATA_DIR_ENV] = str(folder)
    try:
        first_id = str(load_dataset(folder).localities["id"].iloc[0])
        results = {}
        for page, params in PAGES.items():
            params = {k: first_id if v == "__first__" else v for k, v in params.items()}
            first = run(page, params)
            results[page] = (first, statistics.median(run(page, params) for _ in range(repeats)))
        return results
    finally:
        if before is None:
            os.environ.pop(DATA_DIR_ENV, None)
        else:
            os.environ[DATA_DIR_ENV] = before


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv else None
    results = measure(folder)
    bare = {page: statistics.median(run_bare(page) for _ in range(3)) for page in PAGES} if folder is None else {}
    print(f"Page script times ({folder or 'shipped data'}), AppTest, seconds")
    print(f"{'page':<14}{'first':>8}{'warm':>8}" + (f"{'bare':>8}{'ratio':>8}" if bare else ""))
    for page, (first, warm) in results.items():
        extra = f"{bare[page]:>8.2f}{warm / bare[page]:>8.2f}" if bare else ""
        print(f"{page:<14}{first:>8.2f}{warm:>8.2f}{extra}")


if __name__ == "__main__":
    main(sys.argv[1:])
