"""Warm script time of every page (AppTest, no browser), on the shipped data or another folder:
``python -m bench.pages [FOLDER]``. Scale target: ≤ 1 s warm per page on the synthetic dataset."""

from __future__ import annotations

import os
import pickle
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest, app_test

from bench import replay
from bench.harness import ROOT
from components.dataset import DATA_DIR_ENV, load_dataset

PAGES = {"overview": {}, "map": {}, "themes": {}, "delegations": {"delegation": "__first__"},
         "programme": {}, "sources": {}}


def run_bare(page: str, recording: Path) -> float:
    """Warm time of the page's bare counterpart: its recording replayed (bench/bare_page.py)."""
    os.environ["BENCH_RECORDING"], os.environ["BENCH_PAGE"] = str(recording), page
    app = AppTest.from_file(str(ROOT / "bench" / "bare_page.py"), default_timeout=300)
    app.run()
    start = time.perf_counter()
    app.run()
    elapsed = time.perf_counter() - start
    if app.exception:
        raise RuntimeError(f"bare {page}: {app.exception[0].message}")
    return elapsed


def _as_on_a_running_server() -> None:
    """Time what a running server does, for the atlas and the bare pages alike. AppTest compiles
    every script again on every run (a new script cache per run; a server keeps one), and it
    restores Streamlit's legacy pages/ routing before every run, so each atlas run would first
    start the page alone and re-route it through app.py, which a server does only for its first
    request ever (components/ui.py)."""
    shared = ScriptCache()
    app_test.ScriptCache = lambda: shared  # type: ignore[attr-defined]
    original = PagesManager.__init__

    def init(self: PagesManager, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init  # type: ignore[method-assign]


def open_page(page: str, params: dict[str, str]) -> AppTest:
    """The page opened directly (as a pasted link), then run again: a warm rerun, timed."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    for key, value in params.items():
        app.query_params[key] = value
    app.switch_page(f"pages/{page}.py").run()
    return app


def run(app: AppTest) -> float:
    start = time.perf_counter()
    app.run()
    elapsed = time.perf_counter() - start
    if app.exception:
        raise RuntimeError(app.exception[0].message)
    return elapsed


def record_pages(path: Path) -> Path:
    """Record every atlas page (shipped data) for its bare counterpart; returns ``path``."""
    first_id = str(load_dataset().localities["id"].iloc[0])
    pages = {page: replay.record(open_page(page, params_for(params, first_id))) for page, params in PAGES.items()}
    path.write_bytes(pickle.dumps(pages))
    return path


def _kinds(node: replay.Node) -> Counter[str]:
    counted = Counter([node.kind])
    for child in node.children:
        counted += _kinds(child)
    return counted


def check_floor(recording: Path) -> None:
    """The floor is honest: each bare page draws the same elements as the atlas page it stands for,
    so a ratio against it measures the atlas's own work. Checked on every bench run (not in the test
    suite: the replay uses Streamlit's internal messages, and a Streamlit upgrade that changes them
    must break the bench, not the tests)."""
    recorded = pickle.loads(recording.read_bytes())
    for page, atlas in recorded.items():
        if not (_kinds(atlas["sidebar"])["multiselect"] == 4 and sum(_kinds(atlas["main"]).values()) > 5):
            raise RuntimeError(f"the recording of {page} is incomplete")
        os.environ["BENCH_RECORDING"], os.environ["BENCH_PAGE"] = str(recording), page
        bare = AppTest.from_file(str(ROOT / "bench" / "bare_page.py"), default_timeout=60).run()
        if bare.exception:
            raise RuntimeError(f"bare {page}: {bare.exception[0].message}")
        replayed = replay.record(bare)
        for area in ("main", "sidebar"):
            if _kinds(replayed[area]) != _kinds(atlas[area]):
                raise RuntimeError(f"bare {page} ({area}) does not draw what the atlas page draws")


def params_for(params: dict[str, str], first_id: str) -> dict[str, str]:
    return {k: first_id if v == "__first__" else v for k, v in params.items()}


def measure(folder: Path | None = None, repeats: int = 9) -> dict[str, tuple[float, float]]:
    """Per page: (first run in this process, median warm run) in seconds."""
    before = os.environ.get(DATA_DIR_ENV)
    if folder is not None:
        os.environ[DATA_DIR_ENV] = str(folder)
    try:
        first_id = str(load_dataset(folder).localities["id"].iloc[0])
        results = {}
        for page, params in PAGES.items():
            start = time.perf_counter()
            app = open_page(page, params_for(params, first_id))
            first = time.perf_counter() - start
            results[page] = (first, statistics.median(run(app) for _ in range(repeats)))
        return results
    finally:
        if before is None:
            os.environ.pop(DATA_DIR_ENV, None)
        else:
            os.environ[DATA_DIR_ENV] = before


def main(argv: list[str]) -> None:
    _as_on_a_running_server()
    folder = Path(argv[0]) if argv else None
    results = measure(folder)
    bare = {}
    if folder is None:
        with tempfile.TemporaryDirectory() as tmp:
            recording = record_pages(Path(tmp) / "pages.pickle")
            check_floor(recording)
            bare = {page: statistics.median(run_bare(page, recording) for _ in range(9)) for page in PAGES}
    print(f"Page script times ({folder or 'shipped data'}), AppTest, seconds")
    print(f"{'page':<14}{'first':>8}{'warm':>8}" + (f"{'bare':>8}{'ratio':>8}" if bare else ""))
    for page, (first, warm) in results.items():
        extra = f"{bare[page]:>8.3f}{warm / bare[page]:>8.2f}" if bare else ""
        print(f"{page:<14}{first:>8.2f}{warm:>8.3f}{extra}")
    if bare:
        print("bare = the same page recorded and replayed with the same Streamlit calls (bench/replay.py); "
              "target ratio ≤ 1.5")


if __name__ == "__main__":
    main(sys.argv[1:])
