"""Overview in AppTest: headline figures from the data, both languages, notices, broken data."""

from __future__ import annotations

from components import summary
from tests.support.data_files import row_of, set_cell


def metrics(app) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def test_overview_shows_delegations_identified_of_36(run_app, data):
    app = run_app()
    assert not app.exception
    figures = summary.headline(data)
    assert metrics(app)["Delegations identified"] == f"{figures.identified} of 36"
    assert metrics(app)["Countries represented"] == f"{figures.countries_identified} of 16"


def test_overview_in_vietnamese(run_app, data):
    app = run_app(lang="vi")
    assert app.title[0].value == "Bản đồ Hữu nghị"
    assert metrics(app)["Số đoàn đã xác định"] == f"{summary.headline(data).identified} / 36"
    assert any(c.value.startswith("Nguồn:") for c in app.main.caption)


def test_unknown_language_is_dropped_with_a_notice_and_the_page_still_works(run_app):
    app = run_app(lang="xx")
    assert not app.exception
    assert any("lang=xx" in w.value for w in app.warning)
    assert app.title[0].value == "Friendship Atlas"
    assert "lang" not in app.query_params


def test_unknown_parameter_is_dropped_with_a_notice(run_app):
    app = run_app(utm_source="mail")
    assert any("utm\\_source=mail" in w.value for w in app.warning)  # Markdown-escaped, displays utm_source


def test_broken_data_shows_the_validation_report_instead_of_a_traceback(run_app, data_copy, monkeypatch):
    set_cell(data_copy, "localities.csv", 5, "lat", "123")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(data_copy))
    app = run_app()
    assert not app.exception
    assert "could not be loaded" in app.error[0].value
    assert "localities.csv row 5, column lat: 123 is out of range" in app.code[0].value
    assert not app.metric


def test_the_sidebar_links_every_page_with_the_language(run_app):
    app = run_app(lang="vi", theme="green")
    links = app.sidebar.get("page_link")
    assert [link.proto.label for link in links] == [
        "Tổng quan", "Bản đồ thế giới", "Lĩnh vực hợp tác", "Các đoàn", "Chương trình", "Nguồn & dữ liệu"]
    assert all("lang=vi" in link.proto.query_string and "theme=green" in link.proto.query_string
               for link in links)  # the language and the filter go with every link


def test_an_edited_csv_is_picked_up_on_the_next_page_load(run_app, data_copy, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(data_copy))
    app = run_app("themes")
    themes = app.multiselect(key="atlas_widget_theme")
    assert "Green transition, reworded" not in themes.options
    set_cell(data_copy, "themes.csv", row_of(data_copy, "themes.csv", "id", "green"), "label_en",
             "Green transition, reworded")
    app.run()
    assert "Green transition, reworded" in app.multiselect(key="atlas_widget_theme").options
    assert not app.exception


def test_organisers_list_level_is_not_offered_while_no_delegation_has_it(run_app, data):
    assert not (data.localities["evidence"] == "L").any()
    chips = run_app().multiselect(key="atlas_widget_evidence")
    assert chips.value == ["A", "B"] and len(chips.options) == 3 and not any(o.startswith("L") for o in chips.options)


def test_the_theme_count_agrees_with_the_theme_charts(run_app, data):
    """The Overview said '14' while the theme charts drew 12: it now says how many were stated."""
    from components import charts
    from components.filters import Filters, apply

    drawn = len(charts.theme_counts(data, apply(data, Filters()), "en").figure.data[0].x)
    assert metrics(run_app())["Cooperation themes stated"] == f"{drawn} of {len(data.themes)}"
    assert metrics(run_app(lang="vi"))["Lĩnh vực hợp tác được nêu"] == f"{drawn} / {len(data.themes)}"
