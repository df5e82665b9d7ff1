"""The programme of the Dialogue week: the days it covers, event placement on the timeline, the day agenda, the
venue locator and the event card. An event is drawn only as precisely as it was reported: a clock
time as a point, a reported part of the day as that whole part, otherwise as an all-day bar. Pure; no Streamlit."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pandas as pd
import plotly.graph_objects as go

from components.charts import Chart, chart_height, frame
from components.dataset import Dataset
from components.i18n import field, format_date, format_day_short, format_span, t
from components.labels import labels_of
from components.schema import SERIES
from components.style import FOCUS_RING, GRID, MUTED, PAPER, RULE, SERIES_COLORS

#: The hours a reported part of the day covers on the timeline (the whole part, not a guess).
PARTS = {"morning": (time(6), time(12)), "afternoon": (time(12), time(18)), "evening": (time(18), time(23, 59))}
PART_END_MINUTE = {part: end.hour * 60 + end.minute for part, (_, end) in PARTS.items()}
#: Colour-blind-safe colours for the programme series (Okabe–Ito, darkened for 3:1 on white).


@dataclass(frozen=True)
class Placement:
    precision: str  # "exact" (a clock time), "part" (morning/afternoon/evening) or "day"
    start: datetime
    end: datetime | None  # None for an exact start with no reported end


def placement(row: Mapping) -> Placement:
    """Where an event goes on the timeline, no more precise than its source."""
    day = row["date"]
    start, end, part = row["start"], row["end"], row["part_of_day"]
    if isinstance(start, time):  # pandas keeps a missing time as NaN, so test the type
        return Placement("exact", datetime.combine(day, start),
                         datetime.combine(day, end) if isinstance(end, time) else None)
    if isinstance(part, str):
        begin, finish = PARTS[part]
        return Placement("part", datetime.combine(day, begin), datetime.combine(day, finish))
    return Placement("day", datetime.combine(day, time(0)), datetime.combine(day, time(23, 59)))


def recorded_days(data: Dataset, lang: str) -> str:
    """The days the programme's events are recorded on, from the first to the last ('23–26
    September 2024'): what a title may promise. The announced days (meta.csv) when none is."""
    days = sorted(data.programme["date"]) or list(data.programme_days)
    return format_span(days[0], days[-1], lang)


def intro(data: Dataset, lang: str) -> str:
    """The Programme page's introduction; where the announced days run past the recorded ones (the
    timeline shows every announced day), it says so."""
    announced = format_span(data.programme_days[0], data.programme_days[-1], lang)
    recorded = recorded_days(data, lang)
    note = "" if announced == recorded else " " + t("programme.announced", lang, announced=announced,
                                                     recorded=recorded)
    return t("programme.intro", lang) + note


def events(data: Dataset, series: tuple[str, ...] = (), kinds: tuple[str, ...] = ()) -> pd.DataFrame:
    """Events of the chosen series and kinds, in the order they happened (untimed ones last in a day)."""
    rows = data.programme
    if series:
        rows = rows[rows["series"].isin(series)]
    if kinds:
        rows = rows[rows["kind"].isin(kinds)]
    # A clock time sorts by itself; an event known only by its part of the day sorts at the end of
    # that part (reports list such items after the timed opening); an untimed one ends the day.
    order = [(d, s.hour * 60 + s.minute if isinstance(s, time) else PART_END_MINUTE.get(p, 24 * 60))
             for d, s, p in zip(rows["date"], rows["start"], rows["part_of_day"], strict=True)]
    return rows.assign(_order=order).sort_values("_order", kind="stable").drop(columns="_order")


def _records(rows: pd.DataFrame) -> list[dict]:
    return rows.to_dict("records")


#: Events drawn at most, one row each; the data download has them all.
TIMELINE_ROWS = 40
#: Characters per line of an event's name on the timeline (wrapped, never cut).
LABEL_WIDTH = 46
#: Characters per line of the note under the timeline: it starts at the plot's left edge, right
#: of the event names, so at 1366 px about 75 characters fit.
NOTE_WIDTH = 75


def _lines(text: str, width: int) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def _label(day: date, title: str, lang: str, marked: bool = False) -> str:
    """'Tue 24 Sep · Opening of the 2nd Friendship Dialogue …' wrapped (whole, never cut), escaped;
    the open event's name in bold behind a pointer."""
    lines = _lines(html.escape(title), LABEL_WIDTH)
    if marked:
        lines = [f"<b>{line}</b>" for line in lines]
    return f"{'▶ ' if marked else ''}<b>{format_day_short(day, lang)}</b> · " + "<br>".join(lines)


def timeline(data: Dataset, lang: str, subtitle: str = "", series: tuple[str, ...] = (),
             kinds: tuple[str, ...] = (), marked: str | None = None) -> Chart:
    """The programme as one row per event, named on its row (readable on a projector and on
    paper), in the order events happened, coloured by series. An event is drawn as precisely as
    reported: a diamond at a clock time, a hatched bar over the part of the day, or a hatched bar
    over the whole day. ``subtitle`` says which series and kinds are shown; the ``marked`` event
    (the open one) has its row highlighted and its name in bold."""
    say = labels_of(data, lang)
    records = _records(events(data, series, kinds))
    drawn = records[:TIMELINE_ROWS]
    labels = [_label(r["date"], r[field(lang, "title")], lang, r["id"] == marked) for r in drawn]
    fig = go.Figure()
    for series in SERIES:
        part = [(label, r, placement(r)) for label, r in zip(labels, drawn, strict=True) if r["series"] == series]
        if not part:
            continue
        name = t(f"series.{series}", lang)
        hover = [
            f"<b>{html.escape(r[field(lang, 'title')])}</b><br>{format_date(r['date'], lang, weekday=True)} · "
            f"{html.escape(say.when(r))} · {html.escape(t('event_kind.' + r['kind'], lang))}<br>"
            f"{html.escape(say.or_not_reported(r[field(lang, 'venue')]))}<br>"
            f"{html.escape(say.or_not_reported(r[field(lang, 'participants')]))}"
            + (f"<br>{html.escape(', '.join(say.delegation[i] for i in r['locality_ids']))}"
               if r["locality_ids"] else "")
            for _, r, _ in part
        ]
        spans = [(label, r, p, h) for (label, r, p), h in zip(part, hover, strict=True) if p.end is not None]
        points = [(label, r, p, h) for (label, r, p), h in zip(part, hover, strict=True) if p.end is None]
        if spans:
            fig.add_trace(go.Bar(
                name=name, orientation="h", base=[p.start for _, _, p, _ in spans],
                x=[(p.end - p.start).total_seconds() * 1000 for _, _, p, _ in spans],
                y=[label for label, *_ in spans], width=0.62, customdata=[r["id"] for _, r, _, _ in spans],
                marker={"color": SERIES_COLORS[series], "line": {"color": SERIES_COLORS[series], "width": 1},
                        "pattern": {"shape": ["" if p.precision == "exact" else "/" for _, _, p, _ in spans],
                                    "fgcolor": PAPER, "size": 7, "solidity": 0.3}},
                hovertext=[h for *_, h in spans], hoverinfo="text", legendgroup=series,
            ))
        if points:
            fig.add_trace(go.Scatter(
                name=name, mode="markers", x=[p.start for _, _, p, _ in points], y=[label for label, *_ in points],
                customdata=[r["id"] for _, r, _, _ in points], legendgroup=series, showlegend=not spans,
                marker={"symbol": "diamond", "size": 17, "color": SERIES_COLORS[series],
                        "line": {"color": PAPER, "width": 1.5}},
                hovertext=[h for *_, h in points], hoverinfo="text",
            ))
    days = data.programme_days
    start = datetime.combine(days[0], time(0))
    finish = datetime.combine(days[-1] + timedelta(days=1), time(0))
    fig.update_xaxes(type="date", range=[start, finish], tickvals=[datetime.combine(d, time(12)) for d in days],
                     ticktext=[format_day_short(d, lang) for d in days], showgrid=False, tickangle=0, side="top",
                     tickfont={"size": 14})
    for day in (*days, days[-1] + timedelta(days=1)):
        fig.add_vline(x=datetime.combine(day, time(0)), line={"color": RULE, "width": 1})
    fig.update_yaxes(categoryorder="array", categoryarray=labels, autorange="reversed", showgrid=True,
                     gridcolor=GRID, automargin=True, tickfont={"size": 13})
    for row, r in enumerate(drawn):
        if r["id"] == marked:
            fig.add_shape(type="rect", xref="paper", x0=0, x1=1, y0=row - 0.5, y1=row + 0.5, layer="below",
                          fillcolor=FOCUS_RING, opacity=0.3, line={"width": 0})
    most_lines = max((label.count("<br>") + 1 for label in labels), default=1)
    chart = frame(fig, data, lang, t("programme.timeline_title", lang), subtitle or t("filters.none", lang),
                  chart_height(len(drawn), max(40, 17 * most_lines + 6), 230))
    # Under the plot (the days are labelled on top): the series legend, which may wrap onto two
    # lines, then how to read the chart and the source line, set from the figure's bottom edge.
    bottom = 170
    chart.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.005, "yanchor": "top", "x": 0,
                                                 "title": {"text": ""}},
                        barmode="overlay", margin={"t": 120, "b": bottom})
    reading = "<br>".join(line for key in ("programme.axis", "programme.subtitle")
                          for line in _lines(html.escape(t(key, lang)), NOTE_WIDTH))
    chart.add_annotation(text=reading, xref="paper", yref="paper", x=0, y=0, yshift=-(bottom - 30), xanchor="left",
                         yanchor="bottom", align="left", showarrow=False, font={"size": 12, "color": MUTED})
    chart.layout.annotations[0].update(yshift=-(bottom - 8), yanchor="bottom")  # the source line, last
    table = pd.DataFrame({
        t("col.date", lang): [format_date(r["date"], lang) for r in records],
        t("col.time", lang): [say.when(r) for r in records],
        t("col.series", lang): [t(f"series.{r['series']}", lang) for r in records],
        t("col.event", lang): [r[field(lang, "title")] for r in records],
        t("col.venue", lang): [say.or_not_reported(r[field(lang, "venue")]) for r in records],
    })
    return Chart("programme-timeline", chart, table, shown=len(drawn), total=len(records))


@dataclass(frozen=True)
class AgendaItem:
    id: str
    when: str
    title: str
    series: str
    venue: str


def agenda(data: Dataset, lang: str, series: tuple[str, ...] = (), kinds: tuple[str, ...] = ()
           ) -> dict[date, list[AgendaItem]]:
    """Each programme day with its events in order (an empty list when none was reported)."""
    days: dict[date, list[AgendaItem]] = {d: [] for d in data.programme_days}
    say = labels_of(data, lang)
    for r in _records(events(data, series, kinds)):
        days.setdefault(r["date"], []).append(AgendaItem(
            r["id"], say.when(r), r[field(lang, "title")], t(f"series.{r['series']}", lang),
            say.or_not_reported(r[field(lang, "venue")])))
    return days


@dataclass(frozen=True)
class EventCard:
    id: str
    title: str
    date: str
    when: str
    series: str
    kind: str
    venue: str
    participants: str
    description: str
    delegations: tuple[tuple[str, str], ...]  # (id, name)
    source_ids: tuple[str, ...]


def event_day(data: Dataset, event_id: str) -> date:
    return data.programme.loc[data.programme["id"] == event_id, "date"].iloc[0]


def event_card(data: Dataset, event_id: str, lang: str) -> EventCard:
    r = data.programme.loc[data.programme["id"] == event_id].iloc[0]
    say = labels_of(data, lang)
    return EventCard(
        id=event_id, title=r[field(lang, "title")], date=format_date(r["date"], lang, weekday=True),
        when=say.when(r), series=t(f"series.{r['series']}", lang), kind=t(f"event_kind.{r['kind']}", lang),
        venue=say.or_not_reported(r[field(lang, "venue")]),
        participants=say.or_not_reported(r[field(lang, "participants")]),
        description=r[field(lang, "description")], delegations=tuple((i, say.delegation[i]) for i in r["locality_ids"]),
        source_ids=tuple(r["source_id"]),
    )


def venues(data: Dataset, lang: str, series: tuple[str, ...] = (), kinds: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per reported venue: its name and the events held there, each with its day, in
    the order they happened (events whose venue was not reported are left out)."""
    rows = events(data, series, kinds)
    placed = rows[rows[field(lang, "venue")].notna()]
    held = [f"{format_day_short(d, lang)} · {title}" for d, title in
            zip(placed["date"], placed[field(lang, "title")], strict=True)]
    grouped = placed.assign(_held=held).groupby(field(lang, "venue"), sort=False)["_held"].agg(" | ".join)
    return pd.DataFrame({t("col.venue", lang): grouped.index, t("col.event", lang): grouped.to_numpy()})


def subtitle(series: tuple[str, ...], kinds: tuple[str, ...], lang: str) -> str:
    """The chosen series and kinds in words ('Friendship Dialogue · Meeting, Signing'), for the
    timeline's subtitle and its files."""
    parts = [", ".join(t(f"series.{s}", lang) for s in series)] * bool(series)
    parts += [", ".join(t(f"event_kind.{k}", lang) for k in kinds)] * bool(kinds)
    return " · ".join(parts) or t("filters.none", lang)
