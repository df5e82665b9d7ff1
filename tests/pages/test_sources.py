"""Sources page in AppTest: every table of the dataset, evidence levels explained, links."""

from __future__ import annotations

import json


def test_sources_page_shows_every_table(run_app, data):
    app = run_app("sources")
    assert not app.exception
    assert len(app.tabs) == 8
    assert len(app.dataframe) == 8
    sources = app.dataframe[0].value
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
    assert "Trưởng đoàn" in app.dataframe[1].value.columns
