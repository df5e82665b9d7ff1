"""The bench's floor is honest: each bare page draws the same elements as the atlas page it stands
for, so a ratio against it measures the atlas's own work and nothing else."""

from __future__ import annotations

import pickle
from collections import Counter

from streamlit.testing.v1 import AppTest

from bench import pages, replay
from bench.harness import ROOT


def kinds(node: replay.Node) -> Counter[str]:
    counted = Counter([node.kind])
    for child in node.children:
        counted += kinds(child)
    return counted


def test_every_bare_page_replays_the_elements_of_its_atlas_page(tmp_path, monkeypatch):
    recorded = pickle.loads(pages.record_pages(tmp_path / "pages.pickle").read_bytes())
    monkeypatch.setenv("BENCH_RECORDING", str(tmp_path / "pages.pickle"))
    for page, atlas in recorded.items():
        assert kinds(atlas["sidebar"])["multiselect"] == 4 and sum(kinds(atlas["main"]).values()) > 5, page
        monkeypatch.setenv("BENCH_PAGE", page)
        bare = AppTest.from_file(str(ROOT / "bench" / "bare_page.py"), default_timeout=60).run()
        assert not bare.exception, page
        replayed = replay.record(bare)
        for area in ("main", "sidebar"):
            assert kinds(replayed[area]) == kinds(atlas[area]), (page, area)
