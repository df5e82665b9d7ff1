"""What every chart draws equals what the data holds. Expected numbers are counted straight from
the CSV files with the csv module (not through Dataset, filters or pandas), so a slip anywhere in
the loading, filtering or drawing shows; drawn numbers are read back from the figure's own traces.
Run on the shipped data and on a sparse synthetic set in which most countries lack most themes
(the case that once made the stacked country bars drop segments)."""

from __future__ import annotations

import csv
import html
import io
from collections import Counter, defaultdict
from pathlib import Path

import openpyxl
import pytest

from bench.synthetic import generate
from components import charts, export, programme
from components.dataset import DATA_DIR, load_dataset
from components.filters import Filters, apply


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class Truth:
    """Counts from the CSVs for the default filter (evidence A, B and L), in English."""

    def __init__(self, folder: Path) -> None:
        places = [r for r in _rows(folder, "localities.csv") if r["evidence"] in ("A", "B", "L")]
        self.country_of = {r["id"]: r["country"] for r in places}
        self.name_of = {r["id"]: r["name_en"] for r in places}
        self.country_name = {r["code"]: r["name_en"] for r in _rows(folder, "countries.csv")}
        self.theme_label = {r["id"]: r["label_en"] for r in _rows(folder, "themes.csv")}
        self.pairs = {(r["locality_id"], r["theme_id"]) for r in _rows(folder, "priorities.csv")
                      if r["locality_id"] in self.country_of}
        weights: dict[str, int] = {}
        for r in _rows(folder, "host.csv"):
            weights[r["theme_id"]] = max(weights.get(r["theme_id"], 0), int(r["weight"]))
        self.weights = weights
        self.events = len(_rows(folder, "programme.csv"))

    def by_theme(self) -> Counter:
        return Counter(theme for _, theme in self.pairs)

    def by_country_theme(self) -> Counter:
        return Counter((self.country_of[place], theme) for place, theme in self.pairs)

    def scores(self) -> dict[str, int]:
        """How many of the city's priority themes each delegation shares (those sharing any)."""
        score: dict[str, int] = defaultdict(int)
        for place, theme in self.pairs:
            score[place] += theme in self.weights
        return {place: s for place, s in score.items() if s > 0}


@pytest.fixture(scope="module", params=["shipped", "sparse"])
def case(request, tmp_path_factory):
    if request.param == "shipped":
        folder = DATA_DIR
    else:  # 30 delegations over 16 countries, two statements each: most country × theme cells empty
        folder = generate(tmp_path_factory.mktemp("sparse"), localities=30, statements_each=2, events=25)
    data = load_dataset(folder)
    return data, apply(data, Filters()), Truth(folder)


def test_theme_counts_draw_the_number_of_delegations_per_theme(case):
    data, view, truth = case
    bar = charts.theme_counts(data, view, "en").figure.data[0]
    assert dict(zip(bar.customdata, (int(x) for x in bar.x), strict=True)) == dict(truth.by_theme())


def _stacked(figure) -> dict[tuple[str, str], int]:
    """(country, theme) → the segment plotly draws; a missing value draws nothing."""
    drawn: dict[tuple[str, str], int] = {}
    for trace in figure.data:
        if trace.type != "bar":
            continue
        for x, y in zip(trace.x, trace.y, strict=True):
            assert x == x, f"{y} · {trace.name}: a missing value drops this and the later segments"
            if x:
                drawn[(html.unescape(y), html.unescape(trace.name))] = int(x)
    return drawn


def test_countries_chart_draws_every_segment_and_the_right_totals(case):
    data, view, truth = case
    figure = charts.countries_chart(data, view, "en").figure
    expected = {(truth.country_name[c], truth.theme_label[th]): n for (c, th), n in truth.by_country_theme().items()}
    assert _stacked(figure) == expected
    totals = next(trace for trace in figure.data if trace.type == "scatter")
    per_country = Counter()
    for (country, _), n in expected.items():
        per_country[country] += n
    shown = {html.unescape(y): int(x) for x, y in zip(totals.x, totals.y, strict=True) if x}
    assert shown == dict(per_country)
    # each bar ends in its length ('11 by 3 delegations'); a country with no theme says so
    assert [int(v.split()[0]) for v in totals.text if v[0].isdigit()] == [int(v) for v in totals.x if v]


def test_countries_chart_japan_italy_china_on_the_shipped_data(data):
    """The totals a reader checks against the who-said-what matrix: (delegation, theme) pairs, Japan
    1 + 4 + 3, Italy 7 (Turin), China 5 (Chongqing), after the issue-20 review of priorities."""
    figure = charts.countries_chart(data, apply(data, Filters()), "en").figure
    totals = next(trace for trace in figure.data if trace.type == "scatter")
    shown = dict(zip(totals.y, (int(x) for x in totals.x), strict=True))
    assert (shown["Japan"], shown["Italy"], shown["China"]) == (8, 7, 5)


def test_matrix_draws_one_dot_per_delegation_and_theme(case):
    data, view, truth = case
    scatter = charts.theme_matrix(data, view, "en").figure.data[0]
    drawn = {(html.unescape(y).split(" · ")[0], html.unescape(x).replace("<br>", " "))  # names wrap over two lines
             for x, y in zip(scatter.x, scatter.y, strict=True)}
    assert len(drawn) == len(scatter.x)
    assert drawn == {(truth.name_of[p], truth.theme_label[th]) for p, th in truth.pairs}


def test_match_chart_draws_each_count_of_shared_priorities(case):
    data, view, truth = case
    bar = charts.match_chart(data, view, "en").figure.data[0]
    drawn = {html.unescape(y): int(x) for x, y in zip(bar.x, bar.y, strict=True)}
    expected = {truth.name_of[p]: s for p, s in truth.scores().items()}
    assert len(expected) <= charts.MATCH_BARS
    assert drawn == expected


def test_timeline_draws_every_event_once(case):
    data, _, truth = case
    figure = programme.timeline(data, "en").figure
    drawn = [event for trace in figure.data for event in trace.customdata]
    assert len(drawn) == len(set(drawn)) == truth.events


def _csv_table(chart) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(export.csv_bytes(chart.data).decode("utf-8-sig"))))


def _xlsx_table(chart) -> list[dict[str, object]]:
    book = openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(chart.data, {"about": "x"}, "en")))
    sheet = book.worksheets[0]
    header, *body = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=True)) for row in body]


@pytest.mark.parametrize("read", [_csv_table, _xlsx_table], ids=["csv", "xlsx"])
def test_downloaded_tables_hold_the_same_counts(case, read):
    data, view, truth = case
    themes = {r["Theme"]: int(r["Delegations"]) for r in read(charts.theme_counts(data, view, "en"))}
    assert themes == {truth.theme_label[k]: n for k, n in truth.by_theme().items()}
    rows = read(charts.countries_chart(data, view, "en"))
    countries = {(r["Country"], r["Theme"]): int(r["Delegations"]) for r in rows}
    assert countries == {(truth.country_name[c], truth.theme_label[th]): n
                         for (c, th), n in truth.by_country_theme().items()}
    pairs = {(r["Delegation"], r["Theme"]) for r in read(charts.theme_matrix(data, view, "en"))}
    assert pairs == {(truth.name_of[p], truth.theme_label[th]) for p, th in truth.pairs}
    scores = {r["Delegation"]: int(r["City priorities shared"]) for r in read(charts.match_chart(data, view, "en"))}
    assert scores == {truth.name_of[p]: s for p, s in truth.scores().items()}
