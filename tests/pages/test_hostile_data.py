"""A dataset full of HTML, script, Markdown and very long strings renders as plain text on every
page and in the exported files."""

from __future__ import annotations

import pytest

from components import charts, export
from components.dataset import load_dataset
from components.filters import Filters, apply
from components.markdown import escape_md
from tests.support.data_files import HOSTILE_TEXT
from tests.support.hostile import HOSTILE_STRINGS

PAGES = ("overview", "map", "themes", "delegations", "programme", "sources")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_hostile_text_without_error(run_app, hostile_copy, monkeypatch, page):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(hostile_copy))
    app = run_app(page, delegation="osaka", event="turin-meeting")
    assert not app.exception
    for element in (*app.markdown, *app.caption, *app.subheader):
        assert "<script>" not in element.value or escape_md("<script>") in element.value


def test_profile_shows_the_markup_escaped(run_app, hostile_copy, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(hostile_copy))
    app = run_app("delegations", delegation="osaka")
    shown = " ".join(m.value for m in app.markdown)
    assert escape_md(HOSTILE_TEXT) in shown
    # written out, so the test does not lean on the function it checks
    assert r"\<script\>alert('atlas')\</script\> \*\*bold\*\* \[link\](javascript\:alert(1)) \:red\[red\]" in shown
    assert "**bold**" not in shown and ":red[red]" not in shown


@pytest.mark.skipif(not export.available(), reason="needs Chromium")
def test_exported_svg_carries_the_markup_as_text(hostile_copy):
    data = load_dataset(hostile_copy)
    svg = export.vector(charts.theme_counts(data, apply(data, Filters()), "en").figure, "svg").decode()
    assert "<script>" not in svg
    assert "&#60;script&#62;" in svg or "&lt;script&gt;" in svg  # shown as text


@pytest.mark.parametrize("text", HOSTILE_STRINGS[:5])  # the issue's own: link, image, colour, bold, maths
def test_a_search_from_a_link_shows_literally_in_the_empty_state(run_app, text):
    app = run_app("themes", q=text)
    message = app.info[0].value
    assert escape_md(text) in message  # every character of it escaped: shown as typed, on one line
    assert "](http" not in message.replace("\\](http", "")
