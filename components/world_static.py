"""The world map drawn with plotly geo (SVG): the light map on screens whose browser draws WebGL
in software, and the map in files (the pydeck map is drawn by WebGL in the browser and cannot be
exported on the server). Both draw the one plan of components/maps.py: the same framing, numbers,
names, leader lines, arcs and colours. Outlines come from the topojson shipped in data/topojson
(components/export.py for files; the app serves it to the browser). No Streamlit."""

from __future__ import annotations

import html
import math

import plotly.graph_objects as go

from components.charts import Chart
from components.charts import frame as frame_figure
from components.dataset import Dataset
from components.filters import View, describe
from components.i18n import field, t
from components.maps import (
    CITY_DOT,
    MAX_NUMBERED,
    NORMAL,
    PRESENTATION,
    WorldMap,
    leader_lines,
    map_points,
    plan,
    true_places,
)
from components.style import FOCUS_RING, FONT_FAMILY, HOST_COLOR, INK, PAPER, Colouring
from components.style import colouring as colouring_of
from components.typeface import text_width

#: Where plotly.js finds the outlines in the browser: data/topojson, served by the app
#: (static/topojson links to it; Streamlit serves static/ under /app/static/).
TOPOJSON_URL = "/app/static/topojson/"
#: plotly's text position for deck.gl's text anchor and baseline.
_POSITION = {("start", "center"): "middle right", ("end", "center"): "middle left",
             ("middle", "bottom"): "top center", ("middle", "top"): "bottom center",
             ("start", "top"): "bottom right", ("end", "top"): "bottom left",
             ("start", "bottom"): "top right", ("end", "bottom"): "top left", ("middle", "center"): "middle center"}


def map_figure(built: WorldMap, data: Dataset, colouring: Colouring, lang: str, legend: bool = False) -> go.Figure:
    """The planned map as a plotly geo figure, at the plan's size in pixels (so every name sits
    where the plan put it): outlines with the 16 countries shaded, arcs, leader lines, markers
    with their number inside, names, the host, the focus ring. Markers carry their delegation's
    id as customdata (a click opens its card)."""
    style, points, host = built.style, built.points, built.host.iloc[0]
    fig = go.Figure(go.Choropleth(
        locations=list(data.countries["iso3"]), z=[1] * len(data.countries), showscale=False, hoverinfo="skip",
        colorscale=[[0, style.participating], [1, style.participating]],
        marker={"line": {"color": style.border, "width": 0.6}}, showlegend=False,
    ))
    for _, colour in colouring.legend:  # one trace of arcs per colour: None breaks the line between arcs
        paths = [path for path, i in zip(points["path"], points["id"], strict=True)
                 if path and colouring.colors[i] == colour]
        fig.add_trace(_lines([[(x, y) for x, y in path] for path in paths], colour, 2, style.arc_alpha / 255))
    leaders = [[tuple(line["source"]), tuple(line["target"])] for line in leader_lines(built)]
    fig.add_trace(_lines(leaders, style.label, 1.5, 0.8))
    say = {"head": t("map.tooltip.head", lang), "themes": t("map.tooltip.themes", lang)}
    for label, colour in colouring.legend:
        group = points[[colouring.colors[i] == colour for i in points["id"]]]
        hover = [f"{n}. {html.escape(name)}<br>{html.escape(country)}<br>{say['head']}: {html.escape(head)}"
                 f"<br>{say['themes']}: {html.escape(themes)}" for n, name, country, head, themes in
                 zip(group["number"], group["name"], group["country"], group["head"], group["themes"], strict=True)]
        fig.add_trace(go.Scattergeo(
            lon=group["lon"].tolist(), lat=group["lat"].tolist(), mode="markers", name=html.escape(label),
            customdata=group["id"].tolist(),
            hovertext=hover, hoverinfo="text", showlegend=legend,
            marker={"size": 2 * built.radius, "color": colour, "opacity": 1,
                    "line": {"color": PAPER, "width": style.outline_px}},
        ))
    cities = true_places(built)
    fig.add_trace(go.Scattergeo(lon=cities["lon"].tolist(), lat=cities["lat"].tolist(), mode="markers",
                                hoverinfo="skip", showlegend=False,
                                marker={"size": 2 * CITY_DOT, "color": style.label, "opacity": 1,
                                        "line": {"color": style.label_outline, "width": 1}}))
    focused = points[points["id"] == built.focus]
    if len(focused):
        fig.add_trace(go.Scattergeo(lon=focused["lon"].tolist(), lat=focused["lat"].tolist(), mode="markers",
                                    hoverinfo="skip", showlegend=False,
                                    marker={"size": 2 * (built.radius + 9), "color": "rgba(0,0,0,0)",
                                            "line": {"color": FOCUS_RING, "width": 4}}))
    if built.numbered:
        fig.add_trace(go.Scattergeo(lon=points["lon"].tolist(), lat=points["lat"].tolist(), mode="text",
                                    hoverinfo="skip", text=[str(n) for n in points["number"]], showlegend=False,
                                    textfont={"size": round(built.radius * 1.15), "color": PAPER,
                                              "family": FONT_FAMILY, "weight": 700}))
    fig.add_trace(go.Scattergeo(lon=[host["lon"]], lat=[host["lat"]], mode="markers", hoverinfo="text",
                                hovertext=[html.escape(host["name"])], name=html.escape(host["name"]),
                                showlegend=legend, marker={"size": 2 * (built.radius + 4), "color": HOST_COLOR,
                                                           "line": {"color": PAPER, "width": style.outline_px + 1}}))
    named = [*((row, style.label_px) for _, row in points[points["side"] != ""].iterrows()),
             *(((host, style.label_px + 2),) if host["side"] else ())]
    fig.add_trace(_names(built, named))
    west, east, south, north = _bounds(built)
    fig.update_geos(projection_type="mercator", projection_rotation_lon=built.frame.longitude, showland=True,
                    landcolor=style.land, showocean=True, oceancolor=style.ocean, showcountries=True,
                    countrycolor=style.border, showcoastlines=False, showframe=False, showlakes=False,
                    bgcolor=style.ocean, lataxis_range=[south, north], lonaxis_range=[west, east], fitbounds=False,
                    center={"lon": built.frame.longitude, "lat": built.frame.latitude},
                    domain={"x": [0, 1], "y": [0, 1]})
    fig.update_layout(width=built.frame.width, height=built.frame.height, margin={"l": 0, "r": 0, "t": 0, "b": 0},
                      paper_bgcolor=style.ocean, showlegend=legend, dragmode=False,
                      hoverlabel={"font": {"family": FONT_FAMILY, "size": 14}, "bgcolor": INK},
                      font={"family": FONT_FAMILY})
    return fig


def light_map(data: Dataset, view: View, lang: str, color: str, style_name: str, focus: str | None,
              size: str | tuple[int, int]) -> tuple[WorldMap, go.Figure]:
    """The map a page shows where WebGL is drawn in software: planned as the WebGL map
    (``maps.world_map``) and drawn as SVG."""
    chosen = colouring_of(data, view, color, lang)
    built = plan(data, view, chosen, lang, PRESENTATION if style_name == "presentation" else NORMAL, focus, size)
    return built, map_figure(built, data, chosen, lang)


#: The map as a downloaded picture, in CSS pixels: a 16:9 slide (``export.slide_png`` draws it
#: at this size) and print (``export.print_png`` keeps the figure's own width).
FILE_SIZE = (1280, 720)
#: A legend entry's height and a key line's height per pixel of type (plotly's own spacing).
LEGEND_ROW, KEY_LINE = 1.6, 1.3
#: Room between the map and the legend, and after the widest legend or key line.
KEY_GAP, KEY_PAD = 16, 12


def world_figure(data: Dataset, view: View, colouring: Colouring, lang: str, size: tuple[int, int] = FILE_SIZE,
                 titled: bool = True, text_px: int = 15) -> Chart:
    """The map as a file: the screen's map (the same names and numbers) planned at exactly the
    pixels it is drawn at, so no name is cut or crowded and the map fills its part of the
    picture; beside it the colour legend and the numbered key in ``text_px`` type. ``titled``:
    under a title and the filter in words, over the source line (a downloaded picture); else
    the picture alone (a slide gives its own title and source line)."""
    width, height = size
    top, bottom = (90, 100) if titled else (4, 4)
    shown = map_points(data, view, colouring, lang)
    lines = [label for label, _ in colouring.legend] + [data.meta[field(lang, "host_name")]]
    if len(shown) <= MAX_NUMBERED:
        lines += [f"{len(shown)}  {name} · {country}" for name, country in zip(shown["name"], shown["country"],
                                                                              strict=True)]
    key_width = max(text_width(line, text_px, bold=True) for line in lines) + KEY_PAD + 40  # 40: legend swatch
    left = 10 if titled else 0
    map_size = (max(int(width - left - KEY_GAP - key_width), 200), int(height - top - bottom))
    built = plan(data, view, colouring, lang, size=map_size)
    fig = map_figure(built, data, colouring, lang, legend=True)
    if titled:
        fig = frame_figure(fig, data, lang, t("charts.world.title", lang), describe(data, view.filters, lang), height)
    legend_top = (len(colouring.legend) + 1) * LEGEND_ROW * text_px + 8
    fig.update_layout(width=width, height=height, paper_bgcolor=PAPER, showlegend=True,
                      margin={"l": left, "r": width - left - map_size[0], "t": top, "b": bottom, "autoexpand": False},
                      font={"size": text_px}, legend={"orientation": "v", "x": 1 + KEY_GAP / map_size[0], "y": 1,
                                                      "xanchor": "left", "yanchor": "top", "font": {"size": text_px},
                                                      "bgcolor": "rgba(0,0,0,0)"})
    if built.numbered:  # the numbered key under the legend: every marker named, even where names crowd
        key = [f"<b>{n}</b>  {html.escape(name)} · {html.escape(country)}" for n, name, country, _ in built.key]
        fig.add_annotation(text="<br>".join(key), xref="paper", yref="paper", x=1 + KEY_GAP / map_size[0],
                           y=1 - legend_top / map_size[1], xanchor="left", yanchor="top", align="left",
                           showarrow=False, font={"size": text_px, "color": NORMAL.label})
    points = built.points
    table = points.sort_values("number")[["number", "name", "country", "head", "relation", "themes",
                                          "true_lat", "true_lon"]]
    table = table.assign(true_lon=[round(((x + 180) % 360) - 180, 4) for x in table["true_lon"]])
    return Chart("world-map", fig, table.rename(columns={"number": "#", "true_lat": "lat", "true_lon": "lon"}))


def _lines(paths: list[list[tuple[float, float]]], colour: str, width: float, opacity: float) -> go.Scattergeo:
    lon = [v for path in paths for v in ([x for x, _ in path] + [None])]
    lat = [v for path in paths for v in ([y for _, y in path] + [None])]
    return go.Scattergeo(lon=lon, lat=lat, mode="lines", line={"width": width, "color": colour}, opacity=opacity,
                         hoverinfo="skip", showlegend=False)


def _names(built: WorldMap, named: list) -> go.Scattergeo:
    """Every name as one text trace, each hung from the pixel point the plan chose (its marker
    plus the offset, or the end of its leader line), anchored as the WebGL map anchors it."""
    lon, lat, text, position, sizes = [], [], [], [], []
    for row, size in named:
        x, y = built.frame.screen(row["label_lon"], row["label_lat"])
        place = built.frame.place(x + row["offset"][0], y + row["offset"][1])
        lon.append(place[0])
        lat.append(place[1])
        text.append(html.escape(row["name"]))
        position.append(_POSITION[(row["anchor"], row["baseline"])])
        sizes.append(size)
    style = built.style
    return go.Scattergeo(lon=lon, lat=lat, mode="text", text=text, textposition=position, hoverinfo="skip",
                         showlegend=False, textfont={"size": sizes, "color": style.label, "family": FONT_FAMILY,
                                                     "shadow": f"0 0 3px {style.label_outline}, 0 0 2px "
                                                               f"{style.label_outline}"})


def _bounds(built: WorldMap) -> tuple[float, float, float, float]:
    """West, east, south and north of the ranges that make plotly draw the planned view: the
    planned west and east, and latitudes chosen so that plotly's fit lands on the planned scale.
    plotly fits a box whose top and bottom edges run as great circles through five points each,
    so they bow towards the poles; the latitudes are those whose bowed box has the map's shape
    (then the fit, and the clip plotly draws within, are exactly the map)."""
    frame = built.frame
    west, _ = frame.place(0, frame.height / 2)
    east = west + 360 * frame.width / frame.world_width
    quarter = math.radians(east - west) / 8  # half of each of the four great-circle pieces

    def mercator(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    def height(south: float, north: float) -> float:  # of the bowed box, in Mercator radians
        top = math.degrees(math.atan(math.tan(math.radians(north)) / math.cos(quarter))) if north > 0 else north
        bottom = math.degrees(math.atan(math.tan(math.radians(south)) / math.cos(quarter))) if south < 0 else south
        return mercator(top) - mercator(bottom)

    target = math.radians(east - west) * frame.height / frame.width
    low, high = 0.0, 89.0
    for _ in range(60):  # the half-height in degrees about the centre that gives the target height
        half = (low + high) / 2
        north, south = min(frame.latitude + half, 89.0), max(frame.latitude - half, -89.0)
        if height(south, north) > target:
            high = half
        else:
            low = half
    return west, east, south, north
