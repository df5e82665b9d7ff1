"""Chart builders: what each figure counts, its title, filter subtitle, source line and colours."""

from __future__ import annotations

import html

import pytest

from components import charts
from components.filters import Filters, apply


def test_theme_counts_count_delegations_not_statements(data):
    view = apply(data, Filters())
    chart = charts.theme_counts(data, view, "en")
    counts = dict(zip(chart.figure.data[0].customdata, chart.figure.data[0].x, strict=True))
    expected = view.priorities.drop_duplicates(["locality_id", "theme_id"]).groupby("theme_id").size()
    assert counts == expected.to_dict()
    assert list(chart.figure.data[0].x) == sorted(chart.figure.data[0].x)  # sorted bars


@pytest.mark.parametrize("build", [charts.theme_counts, charts.theme_matrix, charts.match_chart,
                                   charts.countries_chart])
def test_every_chart_has_title_filter_subtitle_and_dated_source_line(data, build):
    view = apply(data, Filters(themes=("green",)))
    chart = build(data, view, "vi")
    title = html.unescape(chart.figure.layout.title.text)  # plotly shows the entities as characters
    assert "Lĩnh vực hợp tác: Chuyển đổi xanh & khí hậu" in title  # the filter in words
    notes = " ".join(a.text for a in chart.figure.layout.annotations)
    assert "Nguồn:" in notes and "dữ liệu tính đến 23/11/2026" in notes
    assert not chart.data.empty


def test_bar_colours_come_from_the_theme_palette(data):
    chart = charts.theme_counts(data, apply(data, Filters()), "en")
    palette = dict(zip(data.themes["id"], data.themes["color"], strict=True))
    assert list(chart.figure.data[0].marker.color) == [palette[x] for x in chart.figure.data[0].customdata]


def test_matrix_hover_shows_the_sourced_statement_escaped(data):
    chart = charts.theme_matrix(data, apply(data, Filters(countries=("JP",))), "en")
    hover = " ".join(chart.figure.data[0].hovertext)
    assert "Invited HCMC to take part in Expo 2025 Osaka." in hover
    assert "Shared Japan&#x27;s experience" in hover and "Japan's" not in hover


def test_the_three_matrix_orders_differ_and_each_sorts_as_it_says(data):
    view = apply(data, Filters())
    rows = {o: list(charts.theme_matrix(data, view, "en", o).figure.layout.yaxis.categoryarray)
            for o in ("country", "themes", "match")}
    assert all(sorted(r) == sorted(rows["country"]) and len(r) == len(view.ids) for r in rows.values())
    assert len({tuple(r) for r in rows.values()}) == 3  # three different orders
    counts = data.priorities.groupby("locality_id")["theme_id"].nunique()
    country_names = dict(zip(data.countries["code"], data.countries["name_en"], strict=True))
    by_label = {f"{n} · {country_names[c]}": counts.get(i, 0) for i, n, c in
                zip(data.localities["id"], data.localities["name_en"], data.localities["country"], strict=True)}
    drawn = [by_label[label] for label in rows["themes"]]
    assert drawn == sorted(drawn) or drawn == sorted(drawn, reverse=True)  # by number of themes
    countries = [label.rsplit(" · ", 1)[1] for label in rows["country"]]
    assert all(countries.index(c) == i or countries[i - 1] == c for i, c in enumerate(countries))  # grouped


def test_countries_chart_says_a_bar_adds_up_theme_mentions_and_gives_the_delegations(data):
    view = apply(data, Filters())
    chart = charts.countries_chart(data, view, "en")
    assert "one per delegation and theme" in chart.figure.layout.xaxis.title.text
    ends = dict(zip(chart.figure.data[-1].y, chart.figure.data[-1].text, strict=True))
    japan = view.localities[view.localities["country"] == "JP"]["id"]
    stated = view.priorities[view.priorities["locality_id"].isin(japan)].drop_duplicates(["locality_id", "theme_id"])
    assert ends["Japan"] == f"{len(stated)} by {stated['locality_id'].nunique()} delegations"


def test_the_filtered_themes_bar_is_marked(data):
    chart = charts.theme_counts(data, apply(data, Filters(themes=("automotive",))), "en")
    bars = chart.figure.data[0]
    marked = [label for label, width in zip(bars.y, bars.marker.line.width, strict=True) if width]
    assert marked == ["<b>▶ Automotive &amp; aerospace</b>"] or marked[0].startswith("<b>▶ Automotive")


@pytest.mark.parametrize("build", [charts.theme_counts, charts.match_chart])
def test_bar_labels_have_room_beyond_the_longest_bar(data, build):
    figure = build(data, apply(data, Filters()), "en").figure
    assert figure.data[0].cliponaxis is False
    assert figure.layout.xaxis.range[1] >= 1.1 * max(figure.data[0].x)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_matrix_theme_names_are_one_line_each(data, lang):
    figure = charts.theme_matrix(data, apply(data, Filters()), lang).figure
    assert not any("<br>" in name for name in figure.layout.xaxis.categoryarray)
