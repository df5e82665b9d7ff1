"""Sources page in AppTest: every table of the dataset, evidence levels explained, links."""

from __future__ import annotations

import json

from tests.support.tables import tables


def test_sources_page_shows_every_table(run_app, data):
    app = run_app("sources")
    assert not app.exception
    assert len(app.tabs) == 8
    drawn = len(app.dataframe) + len(tables(app))
    assert drawn == 8
    sources = app.dataframe[0].value  # more than 30 rows: the grid, to sort and search
    assert len(sources) == len(data.sources)


def test_source_links_are_link_columns(run_app):
    app = run_app("sources")
    config = json.loads(app.dataframe[0].proto.columns)
    assert config["Link"]["type_config"]["type"] == "link"


def test_evidence_levels_are_explained(run_app):
    app = run_app("sources")
    text = " ".join(m.value for m in app.markdown)
    for level in ("A ·", "B ·", "C ·"):
        assert level in text


def test_sources_page_in_vietnamese(run_app):
    app = run_app("sources", lang="vi")
    assert app.title[0].value == "Nguồn & dữ liệu"
    assert "Trưởng đoàn" in app.dataframe[1].value.columns or "Trưởng đoàn" in tables(app)[0].columns
