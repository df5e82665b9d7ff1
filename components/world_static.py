"""A plotly world map of the same delegations, colours and legend as the live pydeck map, for
files: the pydeck map is drawn by WebGL in the browser and cannot be exported on the server.
Outlines come from the topojson shipped in data/topojson (see components/export.py). No Streamlit."""

from __future__ import annotations

import html

import plotly.graph_objects as go

from components.charts import Chart, frame
from components.dataset import Dataset
from components.filters import View, describe
from components.i18n import field, t
from components.maps import NORMAL, WORLD_VIEW, declutter, map_points
from components.style import HOST_COLOR, Colouring


def world_figure(data: Dataset, view: View, colouring: Colouring, lang: str) -> Chart:
    points = map_points(data, view, colouring, lang)
    host_lat, host_lon = data.host_position
    host_name = data.meta[field(lang, "host_name")]
    points["label"] = declutter(points, WORLD_VIEW["zoom"], NORMAL,
                                {"lon": host_lon, "lat": host_lat, "name": host_name})
    fig = go.Figure(go.Choropleth(
        locations=list(data.countries["iso3"]), z=[1] * len(data.countries), showscale=False, hoverinfo="skip",
        colorscale=[[0, NORMAL.participating], [1, NORMAL.participating]],
        marker={"line": {"color": NORMAL.border, "width": 0.5}},
    ))
    for _, colour in colouring.legend:  # one trace of arcs per colour: None breaks the line between arcs
        group = points[[colouring.colors[i] == colour for i in points["id"]]]
        lon = [v for x in group["lon"] for v in (x, host_lon, None)]
        lat = [v for y in group["lat"] for v in (y, host_lat, None)]
        fig.add_trace(go.Scattergeo(lon=lon, lat=lat, mode="lines", line={"width": 1.4, "color": colour},
                                    opacity=0.55, hoverinfo="skip", showlegend=False))
    for label, colour in colouring.legend:
        group = points[[colouring.colors[i] == colour for i in points["id"]]]
        fig.add_trace(go.Scattergeo(
            lon=group["lon"], lat=group["lat"], mode="markers+text", name=html.escape(label),
            text=[html.escape(x) for x in group["label"]], textposition="middle right",
            textfont={"size": 12, "color": NORMAL.label},
            marker={"size": 11, "color": colour, "line": {"color": "#FFFFFF", "width": 1.5}},
        ))
    fig.add_trace(go.Scattergeo(lon=[host_lon], lat=[host_lat], mode="markers+text", name=html.escape(host_name),
                                text=[html.escape(host_name)], textposition="middle left",
                                textfont={"size": 13, "color": NORMAL.label},
                                marker={"size": 15, "color": HOST_COLOR, "line": {"color": "#FFFFFF", "width": 2}}))
    fig.update_geos(projection_type="mercator", showland=True, landcolor=NORMAL.land, showocean=True,
                    oceancolor=NORMAL.ocean, showcountries=True, countrycolor=NORMAL.border, showcoastlines=False,
                    showframe=False, lataxis_range=[-50, 72], lonaxis_range=[-130, 160], fitbounds=False)
    chart = frame(fig, data, lang, t("charts.world.title", lang), describe(data, view.filters, lang), 620)
    chart.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.02, "x": 0}, margin={"b": 110})
    chart.layout.annotations[0].update(yshift=-85)
    table = points[["name", "country", "head", "relation", "themes", "lat", "lon"]]
    return Chart("world-map", chart, table)
