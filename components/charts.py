"""plotly figure builders. Each returns a ``Chart``: the figure, the data behind it (for the
CSV/XLSX downloads) and a file name. Every figure carries a title, the active filter in words and
a 'Source: … · data as of …' line, and takes its colours from themes.csv. No Streamlit."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from components import match as match_rule
from components.dataset import Dataset
from components.filters import View, describe
from components.i18n import field, t
from components.labels import labels_of
from components.sourcing import source_line
from components.style import FONT_FAMILY, GRID, INK, MUTED, PAPER, PRIMARY, theme_colors

#: Paper (px) kept between the figure's edge and any text: the title, the longest row label.
PAD = 16

#: Rows drawn in the who-said-what matrix and bars in the match chart; the data has them all.
MATRIX_ROWS = 40
MATCH_BARS = 25


@dataclass(frozen=True)
class Chart:
    name: str  # file-name stem for downloads, e.g. "theme-counts"
    figure: go.Figure
    data: pd.DataFrame
    shown: int | None = None  # when the figure draws only the first rows: how many
    total: int | None = None


def chart_height(rows: int, per_row: int, chrome: int) -> int:
    """A chart's height in pixels: ``chrome`` for title, axes and source line, and ``per_row``
    for each bar or row, counting at least three so a one-bar chart does not look broken."""
    return chrome + per_row * max(rows, 3)


def frame(fig: go.Figure, data: Dataset, lang: str, title: str, subtitle: str, height: int) -> go.Figure:
    """Title, subtitle (the filter in words), source line, fonts and margins: the one figure style."""
    subtitle = html.escape(subtitle)
    fig.update_layout(
        template="plotly_white", height=height, font={"family": FONT_FAMILY, "size": 15, "color": INK},
        title={"text": f"{title}<br><sup>{subtitle}</sup>", "x": 0, "xanchor": "left", "font": {"size": 21},
               "pad": {"l": PAD}},
        margin={"l": 30, "r": 30, "t": 90, "b": 100}, paper_bgcolor=PAPER, plot_bgcolor=PAPER,
        hoverlabel={"font": {"family": FONT_FAMILY, "size": 14}}, showlegend=False,
    )
    # the source line ends at the plot's right edge: started at its left, it ran off the figure
    # whenever long row labels pushed the plot right
    fig.add_annotation(text=html.escape(source_line(data, lang)), xref="paper", yref="paper", x=1, y=0, yshift=-72,
                       xanchor="right", yanchor="top", showarrow=False, font={"size": 12, "color": MUTED})
    return fig


def bar_labels_room(fig: go.Figure, largest: float) -> None:
    """Room right of the longest bar for its label ('12', '4 of 8'), which plotly would clip at the plot's
    edge; labels drawn over the edge rather than cut when the room is not enough."""
    fig.update_traces(cliponaxis=False, selector={"type": "bar"})
    fig.update_xaxes(range=[0, max(largest, 1) * 1.15 + 0.4])


def _escaped(mapping: dict[str, str]) -> dict[str, str]:
    """Data text for figures: plotly reads a little HTML, so escape it (tables keep the raw text)."""
    return {k: html.escape(v) for k, v in mapping.items()}


def theme_counts(data: Dataset, view: View, lang: str) -> Chart:
    """How many of the shown delegations stated each theme: sorted horizontal bars."""
    raw = labels_of(data, lang).theme
    labels = _escaped(raw)
    colours = theme_colors(data)
    counts = (view.priorities.drop_duplicates(["locality_id", "theme_id"]).groupby("theme_id").size()
              .sort_values(ascending=True))
    table = pd.DataFrame({"theme_id": counts.index, t("col.theme", lang): [raw[x] for x in counts.index],
                          t("charts.delegations", lang): counts.to_numpy()})
    # the filtered themes' bars are marked (outlined, their label bold); the others stay as drawn
    chosen = set(view.filters.themes)
    fig = go.Figure(go.Bar(
        x=counts.to_numpy(), y=[f"<b>▶ {labels[x]}</b>" if x in chosen else labels[x] for x in counts.index],
        orientation="h", customdata=list(counts.index),
        marker={"color": [colours[x] for x in counts.index],
                "line": {"color": [INK if x in chosen else PAPER for x in counts.index],
                         "width": [3 if x in chosen else 0 for x in counts.index]}},
        text=counts.to_numpy(), textposition="outside", hovertemplate="%{y}: %{x}<extra></extra>",
    ))
    fig.update_xaxes(title=t("charts.delegations", lang), dtick=1, rangemode="tozero")
    fig.update_yaxes(automargin=True)
    bar_labels_room(fig, counts.max() if len(counts) else 1)
    height = chart_height(len(counts), 38, 140)
    title = t("charts.theme_counts.title", lang)
    return Chart("theme-counts", frame(fig, data, lang, title, describe(data, view.filters, lang), height),
                 table.drop(columns="theme_id"))


def theme_matrix(data: Dataset, view: View, lang: str, order: str = "country") -> Chart:
    """A dot for every theme a delegation stated; hover shows the statements. ``order``: 'country'
    (grouped by country), 'themes' (most themes first) or 'match' (host match). At most
    ``MATRIX_ROWS`` delegations are drawn; the data behind the chart has every pair."""
    raw_labels = labels_of(data, lang).theme
    raw_names = labels_of(data, lang).delegation
    labels, names = _escaped(raw_labels), _escaped(raw_names)
    countries = labels_of(data, lang).country
    colours = theme_colors(data)
    places = view.localities.assign(country_name=view.localities["country"].map(countries))
    if order == "themes":
        n_themes = view.priorities.groupby("locality_id")["theme_id"].nunique()
        places = places.assign(n=places["id"].map(n_themes).fillna(0)).sort_values(["n", "id"], ascending=[False, True])
    elif order == "match":
        ranked = [m.locality_id for m in match_rule.ranking(data, view)]
        places = places.set_index("id").loc[ranked].reset_index()
    else:
        places = places.sort_values(["country_name", field(lang, "name")])
    drawn = places.head(MATRIX_ROWS)
    rows = [f"{names[i]} · {c}" for i, c in zip(drawn["id"], drawn["country_name"], strict=True)]
    row_of = dict(zip(drawn["id"], rows, strict=True))
    mine = view.priorities[view.priorities["locality_id"].isin(row_of)]
    said: dict[tuple[str, str], list[str]] = {}
    for place, theme, text in zip(mine["locality_id"], mine["theme_id"], mine[field(lang, "statement")], strict=True):
        said.setdefault((place, theme), []).append(_wrap(html.escape(text)))
    stated = set(view.priorities["theme_id"])
    theme_order = [x for x in data.themes["id"] if x in stated]
    position = {x: i for i, x in enumerate(theme_order)}
    pairs = sorted(said, key=lambda pair: (rows.index(row_of[pair[0]]), position[pair[1]]))
    # theme names stand upright over their columns, one line each: slanted they overlap, and two
    # upright lines run into the next column
    columns = {x: labels[x] for x in theme_order}
    fig = go.Figure(go.Scatter(
        x=[columns[th] for _, th in pairs], y=[row_of[p] for p, _ in pairs], mode="markers",
        marker={"size": 17, "color": [colours[th] for _, th in pairs], "line": {"color": PAPER, "width": 1}},
        hovertext=[f"<b>{names[p]}</b> · {labels[th]}<br>{'<br>'.join(said[(p, th)])}"
                   for p, th in pairs], hoverinfo="text"))
    fig.update_xaxes(categoryorder="array", categoryarray=[columns[x] for x in theme_order], side="top",
                     tickangle=-90, showgrid=True, gridcolor=GRID, tickfont={"size": 13})
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(rows)), showgrid=True, gridcolor=GRID,
                     automargin=True)
    height = chart_height(len(rows), 34, 260)
    longest = max((len(line) for x in theme_order for line in html.unescape(columns[x]).split("<br>")), default=10)
    total = height + 8 * longest - 100
    chart = frame(fig, data, lang, t("charts.matrix.title", lang), describe(data, view.filters, lang), total)
    chart.update_layout(margin={"t": 100 + round(7.5 * longest)}, title={"y": 1 - 45 / total, "yanchor": "top"})
    pairs_all = view.priorities.drop_duplicates(["locality_id", "theme_id"])
    table = pd.DataFrame({t("col.delegation", lang): pairs_all["locality_id"].map(raw_names).to_numpy(),
                          t("col.theme", lang): pairs_all["theme_id"].map(raw_labels).to_numpy()})
    return Chart("theme-matrix", chart, table, shown=len(drawn), total=len(places))


def match_chart(data: Dataset, view: View, lang: str) -> Chart:
    """Priorities shared with the city: for each delegation sharing any, how many of the city's
    priority themes it also stated ('3 of 8'), the shared themes on hover."""
    labels = labels_of(data, lang).theme
    names = labels_of(data, lang).delegation
    shown_labels, shown_names = _escaped(labels), _escaped(names)
    total = len(match_rule.host_weights(data))
    sharing = [m for m in match_rule.ranking(data, view) if m.count]
    table = pd.DataFrame({
        t("col.delegation", lang): [names[m.locality_id] for m in sharing],
        t("charts.match.count", lang): [m.count for m in sharing],
        t("charts.match.of", lang): [total for _ in sharing],
        t("charts.match.shared", lang): [", ".join(labels[x] for x in m.shared) for m in sharing],
    })
    drawn = sharing[:MATCH_BARS]
    shared = [", ".join(shown_labels[x] for x in m.shared) for m in drawn]
    fig = go.Figure(go.Bar(
        x=[m.count for m in reversed(drawn)], y=[shown_names[m.locality_id] for m in reversed(drawn)],
        orientation="h",
        marker={"color": PRIMARY}, text=[t("charts.match.n_of", lang, n=m.count, total=total) for m in reversed(drawn)],
        textposition="outside", customdata=list(reversed(shared)),
        hovertemplate="%{y}: %{text}<br>%{customdata}<extra></extra>",
    ))
    fig.update_xaxes(title=t("charts.match.axis", lang, total=total), rangemode="tozero", dtick=1)
    fig.update_yaxes(automargin=True)
    bar_labels_room(fig, max((m.count for m in drawn), default=1))
    height = chart_height(len(drawn), 38, 140)
    title = t("charts.match.title", lang)
    return Chart("host-match", frame(fig, data, lang, title, describe(data, view.filters, lang), height), table,
                 shown=len(drawn), total=len(sharing))


def countries_chart(data: Dataset, view: View, lang: str) -> Chart:
    """Per country: how many of its delegations stated each theme (stacked bars). A bar adds up
    theme mentions, not delegations (Japan: 3 delegations, 11 mentions), so the axis says so and
    the end of each bar gives both counts. A country that lacks a theme draws a zero there: a missing value would make
    plotly drop that trace's segment and misplace the ones stacked after it."""
    labels = labels_of(data, lang).theme
    shown_labels = _escaped(labels)
    countries = labels_of(data, lang).country
    colours = theme_colors(data)
    links = view.priorities.drop_duplicates(["locality_id", "theme_id"]).merge(
        view.localities[["id", "country"]], left_on="locality_id", right_on="id")
    counts = links.groupby(["country", "theme_id"]).size().rename("n").reset_index()
    present = set(counts["theme_id"])
    themes = [x for x in data.themes["id"] if x in present]
    grid = (counts.pivot(index="country", columns="theme_id", values="n")
            .reindex(index=view.localities["country"].unique(), columns=themes).fillna(0).astype(int))
    totals = grid.sum(axis=1)
    order = list(totals.sort_values(kind="stable").index)  # largest bar on top
    y = [countries[c] for c in order]
    fig = go.Figure()
    for theme in themes:
        fig.add_trace(go.Bar(x=grid.loc[order, theme].to_numpy(), y=y, orientation="h",
                             name=shown_labels[theme], marker={"color": colours[theme]},
                             hovertemplate=f"%{{y}} · {shown_labels[theme]}: %{{x}}<extra></extra>"))
    delegations = links.groupby("country")["locality_id"].nunique().reindex(order).fillna(0).astype(int)
    ends = [t("charts.countries.total", lang, mentions=int(totals[c]), n=int(delegations[c])) if totals[c]
            else t("charts.countries.none", lang) for c in order]
    fig.add_trace(go.Scatter(x=totals[order].to_numpy(), y=y, mode="text", text=ends,
                             textposition="middle right", showlegend=False, hoverinfo="skip",
                             textfont={"size": 15, "color": INK}, name="total", cliponaxis=False))
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title=t("charts.countries.axis_mentions", lang).replace(" (", "<br>(", 1), rangemode="tozero",
                     range=[0, max(int(totals.max()) if len(totals) else 1, 1) * 1.75])
    fig.update_yaxes(automargin=True)
    height = max(chart_height(len(order), 40, 200), 200 + 24 * len(themes))  # the legend's rows too
    chart = frame(fig, data, lang, t("charts.countries.title", lang), describe(data, view.filters, lang), height)
    # The legend stands right of the bars, clear of the source line under the axis.
    chart.update_layout(showlegend=True, legend={"orientation": "v", "x": 1.01, "y": 1, "yanchor": "top",
                                                 "traceorder": "normal"})
    table = pd.DataFrame({
        t("col.country", lang): [countries[c] for c in counts["country"]],
        t("col.theme", lang): [labels[x] for x in counts["theme_id"]],
        t("charts.delegations", lang): counts["n"],
    })
    return Chart("countries", chart, table)


def _wrap(text: str, width: int = 70) -> str:
    """Break a statement into lines for hover boxes."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])
