"""The editor page in AppTest: closed without a key, a key prompt and nothing else before the
key, every bad upload named and nothing written, an organisers' list of 23 making 36 on every
page, apply kept in the history and restored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from components import data_store, editor_ui, summary
from components.dataset import load_dataset
from tests.support.bad_uploads import BAD_WORKBOOKS
from tests.support.data_files import set_cell, tree
from tests.support.organisers_list import filled_template

KEY = "correct horse battery staple"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"




@pytest.fixture
def editable(data_copy, monkeypatch) -> Path:
    monkeypatch.setenv("ATLAS_DATA_DIR", str(data_copy))
    monkeypatch.setenv(editor_ui.KEY_ENV, KEY)
    return data_copy


def knock(app, key: str):
    """Type a key at the door and press its button."""
    app.main.text_input[0].input(key)
    next(b for b in app.main.button if b.label in ("Open the editor", "Mở trang biên tập")).click()
    return app.run()


def opened(run_app, lang: str = "en"):
    return knock(run_app("edit", lang=lang), KEY)


def labels(app) -> list[str]:
    return [link.label for link in app.sidebar.get("page_link")]


def test_without_a_key_the_editor_does_not_exist(run_app, data_copy, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(data_copy))
    monkeypatch.delenv(editor_ui.KEY_ENV, raising=False)
    before = tree(data_copy)
    app = run_app("edit")
    assert "Editor" not in labels(app)
    assert not app.get("file_uploader") and not [w for w in app.text_input if w.label == "Editor key"]
    assert app.title[0].value == "Friendship Atlas"  # the address falls back to the Overview
    assert tree(data_copy) == before


def test_with_a_key_the_page_shows_only_the_prompt_and_no_link(run_app, editable):
    app = run_app("edit")
    assert [w.label for w in app.main.text_input] == ["Editor key"]
    assert not app.get("file_uploader") and not app.tabs
    assert "Editor" not in labels(app)
    knock(app, "wrong key")
    assert [e.value for e in app.error] == ["That key is not right."]
    assert not app.get("file_uploader")


def test_the_right_key_opens_the_editor_and_its_link(run_app, editable):
    app = opened(run_app)
    assert [tab.label for tab in app.tabs] == ["Import a spreadsheet", "Correct in place", "History"]
    assert len(app.get("file_uploader")) == 1
    assert "Editor" in labels(app)


def test_the_editor_speaks_vietnamese(run_app, editable):
    app = opened(run_app, "vi")
    assert app.title[0].value == "Biên tập: nhập và sửa dữ liệu"
    assert [tab.label for tab in app.tabs] == ["Nhập từ bảng tính", "Sửa trực tiếp", "Lịch sử"]


def _upload(app, name: str, content: bytes, mime: str = XLSX):
    app.get("file_uploader")[0].set_value((name, content, mime))
    return app.run()


@pytest.mark.parametrize(("name", "content_of", "expected"), [
    ("list.xlsx", lambda d: filled_template(d, localities={"country": "Korea"}),
     "list.xlsx › localities row 3, column country: 'Korea' is not in countries.csv; closest: KR"),
    ("list.xlsx", lambda d: filled_template(d, sources={"published": "2024-02-30"}),
     "list.xlsx › sources row 3, column published: '2024-02-30' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("list.xlsx", lambda d: filled_template(d, priorities={"source_id": ""}),
     "list.xlsx › priorities row 3, column source_id: is empty but required"),
    ("list.xlsx", lambda d: filled_template(d, localities={"id": "osaka", "evidence": "L"}),
     None),  # replacing a shipped row is allowed, but its priorities then point at a missing id
    ("list.xlsx", lambda d: filled_template(d, localities={"id": "test-city-02"}),
     "list.xlsx › localities row 4, column id: 'test-city-02' is a duplicate of row 3"),
    ("list.xlsx", lambda d: filled_template(d, localities={"summary_en": '=HYPERLINK("http://evil.example","x")'}),
     "list.xlsx › localities row 3, column summary_en: '=HYPERLINK(\"http://evil.example\",\"x\")' looks like a "
     "spreadsheet formula; type the text without the leading character"),
    ("list.xlsx", lambda d: filled_template(d, localities={"name_en": "<b onclick=alert(1)>City</b>"}),
     "list.xlsx › localities row 3, column name_en: '<b onclick=alert(1)>City</b>' contains HTML; the atlas takes "
     "plain text only"),
    ("big.xlsx", lambda d: b"PK\x03\x04" + b"\0" * (50 * 1024 * 1024),
     "big.xlsx: the file is 50.0 MB; the limit is 5.0 MB"),
    ("list.xlsx", lambda d: b"%PDF-1.4 a PDF renamed .xlsx",
     "list.xlsx: is named .xlsx but is not an Excel workbook"),
    *(("list.xlsx", lambda d, damage=damage: damage(filled_template(d)),
       "list.xlsx: is named .xlsx but is not an Excel workbook") for damage in BAD_WORKBOOKS.values()),
])
def test_a_bad_upload_names_each_problem_and_writes_nothing(run_app, editable, name, content_of, expected):
    before = tree(editable)
    app = _upload(opened(run_app), name, content_of(load_dataset(editable)))
    assert app.error[0].value.startswith("Nothing was written:")
    report = app.main.code[0].value.splitlines()
    if expected is not None:
        assert expected in report
    assert not [b for b in app.button if b.label == "Apply"]  # nothing to apply while a problem remains
    assert tree(editable) == before


def _apply(app, reason: str = "Organisers' list of 20 Sept"):
    field = next(w for w in app.main.text_input if w.label.startswith("Reason"))
    field.input(reason)
    next(b for b in app.button if b.label == "Apply").click()
    return app.run()


def test_23_delegations_uploaded_make_36_on_every_page(run_app, editable):
    app = _upload(opened(run_app), "list.xlsx", filled_template(load_dataset(editable)))
    preview = [m.value for m in app.main.markdown]
    assert "**Delegations (localities)**: 23 added, 0 changed, 0 removed" in preview
    assert "**Stated priorities (priorities)**: 23 added, 0 changed, 0 removed" in preview
    assert "**Sources (sources)**: 1 added, 0 changed, 0 removed" in preview
    app = _apply(app)
    assert app.success[0].value.startswith("Applied: 47 rows.")
    now = load_dataset(editable)
    figures = summary.headline(now)
    assert (figures.identified, figures.on_list) == (36, 23)
    assert now.data_as_of == date.today()  # the date under every chart follows the change

    overview = run_app()
    assert {m.label: m.value for m in overview.metric}["Delegations identified"] == "36 of 36"
    assert "23 more are on the organisers' list: 36 of 36 in all" in overview.info[0].value
    delegations = run_app("delegations")
    assert "36 delegations shown" in [c.value for c in delegations.sidebar.caption]
    map_page = run_app("map")
    assert any(c.value.startswith("36 of 36 delegations identified · 36 shown") for c in map_page.caption)
    assert len(data_store.versions(editable)) == 1


def test_the_second_of_two_editors_must_preview_again(run_app, editable):
    first = _upload(opened(run_app), "list.xlsx", filled_template(load_dataset(editable), count=2))
    second = _upload(opened(run_app), "list.xlsx", filled_template(load_dataset(editable), count=3))
    _apply(first)
    after_first = tree(editable)
    second = _apply(second)
    assert second.error[0].value.startswith("The data changed after this preview")
    assert tree(editable) == after_first


def test_history_restores_the_version_before_the_import(run_app, editable):
    original = {n: (editable / n).read_bytes() for n in data_store.TABLE_FILES}
    _apply(_upload(opened(run_app), "list.xlsx", filled_template(load_dataset(editable), count=2)))
    app = opened(run_app)
    restore = next(b for b in app.button if b.label == "Restore")
    restore.click()
    app = app.run()
    assert app.success[0].value.startswith("Restored the version saved at")
    assert {n: (editable / n).read_bytes() for n in data_store.TABLE_FILES} == original


def test_broken_data_can_be_undone_from_the_editors_history(run_app, editable):
    original = {n: (editable / n).read_bytes() for n in data_store.TABLE_FILES}
    _apply(_upload(opened(run_app), "list.xlsx", filled_template(load_dataset(editable), count=2)))
    before = data_store.versions(editable)[0]
    (editable / "themes.csv").write_text("id\n", encoding="utf-8")  # a hand edit gone wrong
    app = opened(run_app)
    assert "could not be loaded" in app.error[0].value  # the report, then only the history
    assert not app.get("file_uploader") and not app.tabs
    restore = next(b for b in app.button if b.label == "Restore")
    restore.click()
    app = app.run()
    assert app.success[0].value.startswith("Restored the version saved at")
    assert {n: (editable / n).read_bytes() for n in data_store.TABLE_FILES} == original  # the newest kept one
    assert data_store.versions(editable)[1] == before  # and the broken state was kept too
    assert load_dataset(editable).fact("delegations_reported") == 36


@pytest.mark.parametrize(("damage", "reported"), [
    ({"summary_en": "Line one\nLine two"}, "localities.csv row 3, column summary_en: holds a line break"),
    ({"summary_en": "Line one\u2028Line two"}, "localities.csv row 3, column summary_en: holds the invisible "
                                                "character U+2028"),
    ({"name_en": "=HYPERLINK(\"http://evil.example\")"}, "localities.csv row 3, column name_en: '=HYPERLINK"),
])
def test_data_the_check_refuses_opens_the_editor_on_its_report_not_a_traceback(run_app, editable, damage, reported):
    (column, value), = damage.items()
    set_cell(editable, "localities.csv", 3, column, value)
    app = opened(run_app)
    assert not app.exception
    assert reported in app.code[0].value
    assert [tab.label for tab in app.tabs] == [] and app.get("file_uploader") == []
    assert "No earlier version yet" in " ".join(i.value for i in app.info)  # the history is offered
