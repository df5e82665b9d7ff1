"""A plotly world map of the same delegations, colours and legend as the live pydeck map, for
files: the pydeck map is drawn by WebGL in the browser and cannot be exported on the server.
Outlines come from the topojson shipped in data/topojson (see components/export.py). No Streamlit."""

from __future__ import annotations

import html

import plotly.graph_objects as go

from components import map_frame
from components.charts import Chart
from components.charts import frame as frame_figure
from components.dataset import Dataset
from components.filters import View, describe
from components.i18n import field, t
from components.maps import NORMAL, WorldMap, plan
from components.style import HOST_COLOR, PAPER, Colouring


def world_figure(data: Dataset, view: View, colouring: Colouring, lang: str) -> Chart:
    """The map as a file: framed, numbered and arced exactly as the live map (the same plan), with
    the numbered key beside the colour legend."""
    built = plan(data, view, colouring, lang, size="wide")
    points, frame = built.points, built.frame
    host_lat = data.host_position[0]
    host_name = data.meta[field(lang, "host_name")]
    fig = go.Figure(go.Choropleth(
        locations=list(data.countries["iso3"]), z=[1] * len(data.countries), showscale=False, hoverinfo="skip",
        colorscale=[[0, NORMAL.participating], [1, NORMAL.participating]],
        marker={"line": {"color": NORMAL.border, "width": 0.5}},
    ))
    for _, colour in colouring.legend:  # one trace of arcs per colour: None breaks the line between arcs
        group = points[[colouring.colors[i] == colour for i in points["id"]]]
        paths = [path for path in group["path"] if path]
        lon = [v for path in paths for v in ([x for x, _ in path] + [None])]
        lat = [v for path in paths for v in ([y for _, y in path] + [None])]
        fig.add_trace(go.Scattergeo(lon=lon, lat=lat, mode="lines", line={"width": 1.4, "color": colour},
                                    opacity=0.55, hoverinfo="skip", showlegend=False))
    for label, colour in colouring.legend:
        group = points[[colouring.colors[i] == colour for i in points["id"]]]
        names = [f"{n}. {html.escape(name)}" if side else (str(n) if built.numbered else "")
                 for n, name, side in zip(group["number"], group["name"], group["side"], strict=True)]
        fig.add_trace(go.Scattergeo(
            lon=group["lon"], lat=group["lat"], mode="markers+text", name=html.escape(label),
            text=names, textposition=[_POSITIONS[side] for side in group["side"]],
            textfont={"size": [12 if side else 10 for side in group["side"]],  # a bare number sits on its marker
                      "color": [NORMAL.label if side else PAPER for side in group["side"]]},
            marker={"size": 17, "color": colour, "line": {"color": PAPER, "width": 1.5}},
        ))
    fig.add_trace(go.Scattergeo(lon=[built.host["lon"].iloc[0]], lat=[host_lat], mode="markers+text",
                                name=html.escape(host_name), text=[html.escape(host_name)],
                                textposition=_POSITIONS[built.host["side"].iloc[0]],
                                textfont={"size": 13, "color": NORMAL.label},
                                marker={"size": 15, "color": HOST_COLOR, "line": {"color": PAPER, "width": 2}}))
    west, east, south, north = _bounds(built)
    fig.update_geos(projection_type="mercator", projection_rotation_lon=frame.longitude, showland=True,
                    landcolor=NORMAL.land, showocean=True, oceancolor=NORMAL.ocean, showcountries=True,
                    countrycolor=NORMAL.border, showcoastlines=False, showframe=False,
                    lataxis_range=[south, north], lonaxis_range=[west, east], fitbounds=False)
    chart = frame_figure(fig, data, lang, t("charts.world.title", lang), describe(data, view.filters, lang), 680)
    chart.update_layout(showlegend=True, legend={"orientation": "v", "x": 1.01, "y": 1, "yanchor": "top"},
                        margin={"r": 40})
    if built.numbered:  # the numbered key under the legend: every marker named, even where names crowd
        key = "<br>".join(f"{n}. {html.escape(name)} · {html.escape(country)}" for n, name, country, _ in built.key)
        chart.add_annotation(text=key, xref="paper", yref="paper", x=1.01, y=0.52, xanchor="left", yanchor="top",
                             align="left", showarrow=False, font={"size": 11, "color": NORMAL.label})
    table = points.sort_values("number")[["number", "name", "country", "head", "relation", "themes", "lat", "lon"]]
    table = table.assign(lon=[round(((x + 180) % 360) - 180, 4) for x in table["lon"]])
    return Chart("world-map", chart, table.rename(columns={"number": "#"}))


_POSITIONS = {"right": "middle right", "left": "middle left", "above": "top center", "below": "bottom center",
              "below-left": "bottom left", "below-right": "bottom right", "above-left": "top left",
              "above-right": "top right", "": "middle center"}


def _bounds(built: WorldMap) -> tuple[float, float, float, float]:
    """West, east, south and north of the planned view, in degrees (west/east as unwrapped)."""
    frame = built.frame
    corners = [map_frame._lonlat(*xy, frame.zoom) for xy in (
        (map_frame.pixel(frame.longitude, frame.latitude, frame.zoom)[0] - frame.width / 2,
         map_frame.pixel(frame.longitude, frame.latitude, frame.zoom)[1] - frame.height / 2),
        (map_frame.pixel(frame.longitude, frame.latitude, frame.zoom)[0] + frame.width / 2,
         map_frame.pixel(frame.longitude, frame.latitude, frame.zoom)[1] + frame.height / 2))]
    (west, north), (east, south) = corners
    return west, east, max(south, -80.0), min(north, 84.0)
