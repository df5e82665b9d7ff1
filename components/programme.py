"""The programme of 23–27 September 2024: event placement on the timeline, the day agenda, the
venue locator and the event card. An event is drawn only as precisely as it was reported: a clock
time as a point, a reported part of the day as that whole part, otherwise as an all-day bar in
the 'time not reported' lane. Pure; no Streamlit."""

from __future__ import annotations

import heapq
import html
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from components.charts import Chart, frame
from components.dataset import Dataset
from components.i18n import field, format_date, format_day_short, t
from components.maps import CompactDeck
from components.schema import EVENT_KINDS, SERIES
from components.style import FONT_FAMILY, rgb

FIRST_DAY, LAST_DAY = date(2024, 9, 23), date(2024, 9, 27)
DAYS = tuple(FIRST_DAY + timedelta(days=i) for i in range((LAST_DAY - FIRST_DAY).days + 1))
TIMEZONE = "Asia/Ho_Chi_Minh"
#: The hours a reported part of the day covers on the timeline (the whole part, not a guess).
PARTS = {"morning": (time(6), time(12)), "afternoon": (time(12), time(18)), "evening": (time(18), time(23, 59))}
PART_END_MINUTE = {part: end.hour * 60 + end.minute for part, (_, end) in PARTS.items()}
NO_TIME_LANE = "no_time"
#: Colour-blind-safe colours for the kinds of event (Okabe–Ito, darkened for 3:1 on white).
KIND_COLORS = dict(zip(EVENT_KINDS, ("#0072B2", "#D55E00", "#117733", "#AA4499", "#8F6B00", "#CC3311",
                                     "#007F73", "#332288"), strict=True))


@dataclass(frozen=True)
class Placement:
    lane: str  # a series, or NO_TIME_LANE
    precision: str  # "exact" (a clock time), "part" (morning/afternoon/evening) or "day"
    start: datetime
    end: datetime | None  # None for an exact start with no reported end


def placement(row: Mapping) -> Placement:
    """Where an event goes on the timeline, no more precise than its source."""
    day = row["date"]
    start, end, part = row["start"], row["end"], row["part_of_day"]
    if isinstance(start, time):  # pandas keeps a missing time as NaN, so test the type
        return Placement(row["series"], "exact", datetime.combine(day, start),
                         datetime.combine(day, end) if isinstance(end, time) else None)
    if isinstance(part, str):
        begin, finish = PARTS[part]
        return Placement(row["series"], "part", datetime.combine(day, begin), datetime.combine(day, finish))
    return Placement(NO_TIME_LANE, "day", datetime.combine(day, time(0)), datetime.combine(day, time(23, 59)))


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


def when(row: Mapping, lang: str) -> str:
    """'08:00', 'Morning' or 'Time not reported'."""
    if isinstance(row["start"], time):
        return f"{row['start']:%H:%M}" + (f"–{row['end']:%H:%M}" if isinstance(row["end"], time) else "")
    part = row["part_of_day"]
    return t(f"part_of_day.{part}" if isinstance(part, str) else "part_of_day.unknown", lang)


def _records(rows: pd.DataFrame) -> list[dict]:
    return rows.to_dict("records")


def _pack(spans: list[tuple[datetime, datetime, str]]) -> dict[str, int]:
    """Put overlapping spans on separate sub-rows, reusing the first free one (O(n log n))."""
    free: list[tuple[datetime, int]] = []  # (when the sub-row frees up, sub-row)
    count = 0
    placed: dict[str, int] = {}
    for start, finish, key in sorted(spans):
        if free and free[0][0] <= start:
            _, row = heapq.heappop(free)
        else:
            row, count = count, count + 1
        placed[key] = row
        heapq.heappush(free, (finish, row))
    return placed


def timeline(data: Dataset, rows: pd.DataFrame, lang: str, subtitle: str = "") -> Chart:
    """Gantt-like timeline: a row per series (events that overlap get sub-rows), coloured by kind.
    ``subtitle`` says which series and kinds are shown."""
    names = dict(zip(data.localities["id"], data.localities[field(lang, "name")], strict=True))
    lane_names = {s: t(f"series.{s}", lang) for s in SERIES} | {NO_TIME_LANE: t("part_of_day.unknown", lang)}
    tick_values, tick_text = [], []
    y, occupied = 0.0, {}
    placed = [(r, placement(r)) for r in _records(rows)]
    for lane in (*SERIES, NO_TIME_LANE):
        spans = [(p.start, p.end or p.start + timedelta(hours=1), r["id"]) for r, p in placed if p.lane == lane]
        if not spans:
            continue
        rows_used = _pack(spans)
        height = max(rows_used.values()) + 1
        occupied.update({key: y + row for key, row in rows_used.items()})
        tick_values.append(y + (height - 1) / 2)
        tick_text.append(lane_names[lane])
        y += height + 0.6
    fig = go.Figure()
    for kind in EVENT_KINDS:
        part = [(r, p) for r, p in placed if r["kind"] == kind]
        if not part:
            continue
        label = t(f"event_kind.{kind}", lang)
        hover = [
            f"<b>{html.escape(r[field(lang, 'title')])}</b><br>{format_date(r['date'], lang, weekday=True)} · "
            f"{html.escape(when(r, lang))}<br>{html.escape(_or(r[field(lang, 'venue')], lang))}<br>"
            f"{html.escape(_or(r[field(lang, 'participants')], lang))}"
            + (f"<br>{html.escape(', '.join(names[i] for i in r['locality_ids']))}" if r["locality_ids"] else "")
            for r, _ in part
        ]
        spans = [(r, p) for r, p in part if p.end is not None]
        points = [(r, p) for r, p in part if p.end is None]
        if spans:
            fig.add_trace(go.Bar(
                name=label, orientation="h", base=[p.start for _, p in spans],
                x=[(p.end - p.start).total_seconds() * 1000 for _, p in spans],
                y=[occupied[r["id"]] for r, _ in spans], width=0.8, customdata=[r["id"] for r, _ in spans],
                marker={"color": KIND_COLORS[kind], "line": {"color": "#FFFFFF", "width": 1},
                        "pattern": {"shape": ["" if p.precision == "exact" else "/" for _, p in spans],
                                    "fgcolor": "#FFFFFF", "size": 7, "solidity": 0.25}},
                hovertext=[h for h, (r, p) in zip(hover, part, strict=True) if p.end is not None],
                hoverinfo="text", legendgroup=kind,
            ))
        if points:
            fig.add_trace(go.Scatter(
                name=label, mode="markers", x=[p.start for _, p in points], y=[occupied[r["id"]] for r, _ in points],
                customdata=[r["id"] for r, _ in points], legendgroup=kind, showlegend=not spans,
                marker={"symbol": "diamond", "size": 18, "color": KIND_COLORS[kind],
                        "line": {"color": "#FFFFFF", "width": 1.5}},
                hovertext=[h for h, (r, p) in zip(hover, part, strict=True) if p.end is None], hoverinfo="text",
            ))
    start = datetime.combine(FIRST_DAY, time(0))
    finish = datetime.combine(LAST_DAY + timedelta(days=1), time(0))
    fig.update_xaxes(type="date", range=[start, finish], tickvals=[datetime.combine(d, time(12)) for d in DAYS],
                     ticktext=[format_day_short(d, lang) for d in DAYS], showgrid=False, tickangle=0,
                     title=t("programme.axis", lang))
    for day in (*DAYS, LAST_DAY + timedelta(days=1)):
        fig.add_vline(x=datetime.combine(day, time(0)), line={"color": "#C9D3DB", "width": 1})
    fig.update_yaxes(tickvals=tick_values, ticktext=tick_text, autorange="reversed", showgrid=False,
                     zeroline=False, range=[y - 0.4, -0.8])
    chart = frame(fig, data, lang, t("programme.timeline_title", lang), subtitle, 220 + 46 * max(y, 3))
    chart.update_layout(showlegend=True, legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 1,
                                                 "xanchor": "right"},
                        barmode="overlay", margin={"t": 130})
    table = pd.DataFrame({
        t("col.date", lang): [format_date(r["date"], lang) for r, _ in placed],
        t("col.time", lang): [when(r, lang) for r, _ in placed],
        t("col.series", lang): [t(f"series.{r['series']}", lang) for r, _ in placed],
        t("col.event", lang): [r[field(lang, "title")] for r, _ in placed],
        t("col.venue", lang): [_or(r[field(lang, "venue")], lang) for r, _ in placed],
    })
    return Chart("programme-timeline", chart, table)


def _or(value: object, lang: str) -> str:
    return value if isinstance(value, str) and value else t("common.not_reported", lang)


@dataclass(frozen=True)
class AgendaItem:
    id: str
    when: str
    title: str
    series: str
    venue: str


def agenda(data: Dataset, rows: pd.DataFrame, lang: str) -> dict[date, list[AgendaItem]]:
    """Each programme day with its events in order (an empty list when none was reported)."""
    days: dict[date, list[AgendaItem]] = {d: [] for d in DAYS}
    for r in _records(rows):
        days.setdefault(r["date"], []).append(AgendaItem(
            r["id"], when(r, lang), r[field(lang, "title")], t(f"series.{r['series']}", lang),
            _or(r[field(lang, "venue")], lang)))
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


def event_card(data: Dataset, event_id: str, lang: str) -> EventCard:
    r = data.programme.loc[data.programme["id"] == event_id].iloc[0]
    names = dict(zip(data.localities["id"], data.localities[field(lang, "name")], strict=True))
    return EventCard(
        id=event_id, title=r[field(lang, "title")], date=format_date(r["date"], lang, weekday=True),
        when=when(r, lang), series=t(f"series.{r['series']}", lang), kind=t(f"event_kind.{r['kind']}", lang),
        venue=_or(r[field(lang, "venue")], lang), participants=_or(r[field(lang, "participants")], lang),
        description=r[field(lang, "description")], delegations=tuple((i, names[i]) for i in r["locality_ids"]),
        source_ids=tuple(r["source_id"]),
    )


def venues(data: Dataset, rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Events that have a venue position, grouped by venue."""
    placed = rows[rows["venue_lat"].notna()]
    grouped = placed.groupby(["venue_lat", "venue_lon"], sort=False).agg(
        venue=(field(lang, "venue"), "first"), events=(field(lang, "title"), " · ".join))
    return grouped.reset_index().rename(columns={"venue_lat": "lat", "venue_lon": "lon"})


def venue_deck(data: Dataset, rows: pd.DataFrame, lang: str) -> CompactDeck:
    """The venues on a plain locator (no street tiles offline): markers, names, and a 1 km scale."""
    places = venues(data, rows, lang)
    places["short"] = [v.split(",")[0] for v in places["venue"]]
    lat = float(places["lat"].mean()) if len(places) else data.host_position[0]
    lon = float(places["lon"].mean()) if len(places) else data.host_position[1]
    half_km = 0.5 / (111.32 * math.cos(math.radians(lat)))  # degrees of longitude in 500 m
    scale = pd.DataFrame({"from": [[lon - half_km, lat - 0.009]], "to": [[lon + half_km, lat - 0.009]],
                          "pos": [[lon, lat - 0.0075]], "label": ["1 km"]})
    text = {"character_set": "'auto'", "font_family": f'"{FONT_FAMILY}"', "font_weight": 600, "size_units": "'pixels'",
            "font_settings": {"sdf": True}, "outline_width": 3, "outline_color": [255, 255, 255, 255],
            "get_color": rgb("#1B2733"), "get_text_anchor": "'start'", "get_alignment_baseline": "'center'"}
    layers = [
        pdk.Layer("LineLayer", scale, id="scale", get_source_position="from", get_target_position="to",
                  get_color=rgb("#5A6670"), get_width=3),
        pdk.Layer("TextLayer", scale, id="scale-label", get_position="pos",
                  get_text="label", get_size=13, **text),
        pdk.Layer("ScatterplotLayer", places, id="venues", get_position=["lon", "lat"], get_fill_color=rgb("#A50026"),
                  get_line_color=[255, 255, 255, 255], stroked=True, radius_units="'pixels'", get_radius=10,
                  line_width_units="'pixels'", get_line_width=2, pickable=True),
        pdk.Layer("TextLayer", places, id="venue-labels", get_position=["lon", "lat"], get_text="short", get_size=15,
                  get_pixel_offset=[14, 0], **text),
    ]
    return CompactDeck(layers=layers, map_provider=None,
                       initial_view_state=pdk.ViewState(latitude=lat, longitude=lon, zoom=14),
                       tooltip={"text": "{venue}\n{events}", "style": {"backgroundColor": "#1B2733", "color": "#FFFFFF",
                                                                     "maxWidth": "360px"}})


# The page's builders by the chosen series and kinds, in a form a page can cache by its arguments.


def timeline_for(data: Dataset, series: tuple[str, ...], kinds: tuple[str, ...], lang: str, subtitle: str) -> Chart:
    return timeline(data, events(data, series, kinds), lang, subtitle)


def agenda_for(data: Dataset, series: tuple[str, ...], kinds: tuple[str, ...], lang: str
               ) -> dict[date, list[AgendaItem]]:
    return agenda(data, events(data, series, kinds), lang)


def venue_deck_for(data: Dataset, series: tuple[str, ...], kinds: tuple[str, ...], lang: str) -> CompactDeck | None:
    """The venue map, or None when no shown event has a venue position."""
    rows = events(data, series, kinds)
    return None if venues(data, rows, lang).empty else venue_deck(data, rows, lang)
