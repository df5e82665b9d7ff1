"""pydeck builders for the world map: no basemap service, country outlines from data/, one
marker per delegation, arcs to the host city, labels with Vietnamese diacritics. No Streamlit."""

from __future__ import annotations

import base64
import copy
import json
import math
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from components.dataset import Dataset
from components.filters import View
from components.i18n import field, t
from components.style import FONT_FAMILY, HOST_COLOR, Colouring, rgb
from components.tables import relation_text

DELEGATION_LAYER = "delegations"
WORLD_VIEW = {"latitude": 20.0, "longitude": 22.0, "zoom": 0.66}
FOCUS_RING = "#FFC20A"
FOCUS_ZOOM = 3.6


@dataclass(frozen=True)
class MapStyle:
    ocean: str
    land: str
    participating: str
    border: str
    label: str
    label_outline: str
    label_px: int
    radius_px: int
    outline_px: float
    arc_alpha: int


NORMAL = MapStyle(ocean="#DCE8F0", land="#F7F7F4", participating="#BFD6E6", border="#9FB2C1",
                  label="#1B2733", label_outline="#FFFFFF", label_px=14, radius_px=8, outline_px=1.5,
                  arc_alpha=120)
#: For projectors: dark sea, light labels at 26 px, bigger markers with a white ring.
PRESENTATION = MapStyle(ocean="#0B1B2B", land="#23364A", participating="#3F6585", border="#6C8AA3",
                        label="#FFFFFF", label_outline="#0B1B2B", label_px=26, radius_px=13, outline_px=3,
                        arc_alpha=170)


def map_points(data: Dataset, view: View, colouring: Colouring, lang: str) -> pd.DataFrame:
    """One row per shown delegation with everything the markers, labels and tooltips need."""
    places = view.localities
    countries = dict(zip(data.countries["code"], data.countries[field(lang, "name")], strict=True))
    labels = dict(zip(data.themes["id"], data.themes[field(lang, "label")], strict=True))
    themes = view.priorities.groupby("locality_id")["theme_id"].agg(lambda s: list(dict.fromkeys(s)))
    not_reported = t("common.not_reported", lang)
    head = [
        f"{name}, {title}" if isinstance(name, str) else (title if isinstance(title, str) else not_reported)
        for name, title in zip(places["head_name"], places[field(lang, "head_title")], strict=True)
    ]
    return pd.DataFrame({
        "id": places["id"].to_numpy(),
        "name": places[field(lang, "name")].to_numpy(),
        "country": [countries[c] for c in places["country"]],
        "head": head,
        "relation": [relation_text(r, s, lang) for r, s in
                     zip(places["relation"], places["relation_since"], strict=True)],
        "themes": [", ".join(labels[x] for x in themes.get(i, [])[:3]) or not_reported for i in places["id"]],
        "lon": places["lon"].to_numpy(),
        "lat": places["lat"].to_numpy(),
        "color": [rgb(colouring.colors[i]) for i in places["id"]],
    })


def _pixel(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web Mercator position in deck.gl pixels (a 512-pixel world at zoom 0)."""
    scale = 512 * 2**zoom
    x = (lon + 180) / 360 * scale
    y = (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2 * scale
    return x, y


#: Labels considered at most (in priority order): beyond that a world map is only dots anyway.
MAX_LABELS = 300
#: Arcs drawn at most. Beyond that they hide the map and make every frame slow; then only the
#: labelled delegations keep their arc.
MAX_ARCS = 300
#: Label offset beyond the marker radius for the focused delegation, clear of its ring (radius + 9).
FOCUS_GAP = 13


def declutter(points: pd.DataFrame, zoom: float, style: MapStyle, host: pd.Series) -> list[str]:
    """Labels to draw at ``zoom``: a name is left out (shown by tooltip and card instead) when its
    box would overlap the host (``host`` has lon, lat, name) or a label drawn before it; rows
    come in priority order."""
    height = style.label_px * 1.3

    def box(lon: float, lat: float, text: str, size: float, left_side: bool = False) -> tuple[float, ...]:
        x, y = _pixel(lon, lat, zoom)
        width = len(text) * size * 0.56
        left = x - style.radius_px - 6 - width if left_side else x + style.radius_px + 2
        return left, y - height / 2, left + width, y + height / 2

    cell = 64.0  # boxes are filed in a grid of 64-pixel cells, so each test looks at few others
    grid: dict[tuple[int, int], list[tuple[float, ...]]] = {}

    def cells(b: tuple[float, ...]) -> list[tuple[int, int]]:
        return [(i, j) for i in range(int(b[0] // cell), int(b[2] // cell) + 1)
                for j in range(int(b[1] // cell), int(b[3] // cell) + 1)]

    def free(b: tuple[float, ...]) -> bool:
        return all(b[2] < o[0] or b[0] > o[2] or b[3] < o[1] or b[1] > o[3]
                   for c in cells(b) for o in grid.get(c, ()))

    def take(b: tuple[float, ...]) -> None:
        for c in cells(b):
            grid.setdefault(c, []).append(b)

    take(box(host["lon"], host["lat"], host["name"], style.label_px + 2, left_side=True))
    x, y = _pixel(host["lon"], host["lat"], zoom)
    take((x - style.radius_px, y - style.radius_px, x + style.radius_px, y + style.radius_px))
    labels = []
    for n, (lon, lat, name) in enumerate(zip(points["lon"], points["lat"], points["name"], strict=True)):
        candidate = box(lon, lat, name, style.label_px)
        clear = n < MAX_LABELS and free(candidate)
        labels.append(name if clear else "")
        if clear:
            take(candidate)
    return labels


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation (pydeck indents by two spaces, which makes the country
    outlines about six times larger on every rerun) and is computed once per deck, so a cached
    deck costs nothing to send again."""

    def to_json(self) -> str:
        if getattr(self, "_json", None) is None:
            self._json = json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))
        return self._json


@lru_cache(maxsize=4)
def _outlines(data: Dataset, style: MapStyle) -> dict:
    """The world GeoJSON with a fill and line colour per country (the 16 participating ones
    shaded), led by an ocean rectangle: one layer, so one set of shaders to compile."""
    participating = set(data.countries["iso3"])
    world = copy.deepcopy(dict(data.world))
    for feature in world["features"]:
        shaded = feature["properties"]["iso_a3"] in participating
        feature["properties"] = {"iso_a3": feature["properties"]["iso_a3"], "line": rgb(style.border),
                                 "fill": rgb(style.participating if shaded else style.land)}
    ocean = {"type": "Feature", "properties": {"iso_a3": "", "fill": rgb(style.ocean), "line": [0, 0, 0, 0]},
             "geometry": {"type": "Polygon", "coordinates": [[[-180, -85], [180, -85], [180, 85], [-180, 85],
                                                              [-180, -85]]]}}
    world["features"] = [ocean, *world["features"]]
    return world


@lru_cache(maxsize=4)
def outlines_url(data: Dataset, style: MapStyle) -> str:
    """The outlines as a data: URL. deck.gl loads a string ``data`` itself and, as long as the string
    is unchanged, keeps the processed polygons across reruns; an inline GeoJSON is a new object in
    every rerun's JSON and is re-triangulated each time a filter changes."""
    payload = json.dumps(_outlines(data, style), separators=(",", ":")).encode()
    return "data:application/geo+json;base64," + base64.b64encode(payload).decode("ascii")


@lru_cache(maxsize=4)
def label_characters(data: Dataset) -> list[str]:
    """Every character a map label can show: the names in both languages and the host's name. Fixed
    per dataset, so deck.gl draws its glyph atlas once instead of after every filter change (as it
    does with ``'auto'``, which takes the characters of the labels shown)."""
    names = [*data.localities["name_en"], *data.localities["name_vi"], data.meta["host_name_en"],
             data.meta["host_name_vi"]]
    return sorted(set("".join(names)))


def world_deck(data: Dataset, view: View, colouring: Colouring, lang: str, style: MapStyle = NORMAL,
               focus: str | None = None) -> pdk.Deck:
    """The meeting-room map. ``focus`` flies the view to one delegation (selection or tour)."""
    points = map_points(data, view, colouring, lang)
    host_lat, host_lon = data.host_position
    host = pd.DataFrame({"name": [data.meta[field(lang, "host_name")]], "lon": [host_lon], "lat": [host_lat]})
    points["host_lon"], points["host_lat"] = host_lon, host_lat
    view_state = dict(WORLD_VIEW)
    if focus is not None and focus in set(points["id"]):
        row = points.loc[points["id"] == focus].iloc[0]
        view_state = {"latitude": float(row["lat"]), "longitude": float(row["lon"]), "zoom": FOCUS_ZOOM}
    if focus is not None:  # the focused delegation's label is placed first
        points = points.iloc[points["id"].ne(focus).argsort(kind="stable")].reset_index(drop=True)
    points["label"] = declutter(points, view_state["zoom"], style, host.iloc[0])
    focused = points[points["id"] == focus]
    arcs = points if len(points) <= MAX_ARCS else points[points["label"] != ""]
    labelled = points.loc[points["label"] != "", ["id", "lon", "lat", "label"]]
    # the focused label starts clear of its focus ring
    labelled["offset"] = [[style.radius_px + (FOCUS_GAP if i == focus else 4), 0] for i in labelled["id"]]
    text_style = {
        # pydeck turns bare strings into JavaScript accessors; quoted ones stay plain strings.
        "font_family": f'"{FONT_FAMILY}"', "font_weight": 600,
        "font_settings": {"sdf": True}, "outline_width": 3, "outline_color": rgb(style.label_outline),
        "get_color": rgb(style.label), "size_units": "'pixels'",
        "get_text_anchor": "'start'", "get_alignment_baseline": "'center'",
    }
    layers = [
        pdk.Layer("GeoJsonLayer", outlines_url(data, style), id="countries", stroked=True, filled=True,
                  get_fill_color="properties.fill", get_line_color="properties.line",
                  line_width_min_pixels=0.6, pickable=False),
        pdk.Layer("ArcLayer", arcs[["lon", "lat", "host_lon", "host_lat", "color"]], id="arcs",
                  get_source_position=["lon", "lat"],
                  get_target_position=["host_lon", "host_lat"], get_source_color="color",
                  get_target_color=rgb(HOST_COLOR, style.arc_alpha), get_width=2, opacity=style.arc_alpha / 255),
        pdk.Layer("ScatterplotLayer", points.drop(columns=["label", "host_lon", "host_lat", "relation"]),
                  id=DELEGATION_LAYER,
                  get_position=["lon", "lat"],
                  get_fill_color="color", get_line_color=[255, 255, 255, 255], stroked=True,
                  radius_units="'pixels'", get_radius=style.radius_px, line_width_units="'pixels'",
                  get_line_width=style.outline_px, pickable=True, auto_highlight=True),
        pdk.Layer("ScatterplotLayer", focused, id="focus", get_position=["lon", "lat"], filled=False,
                  stroked=True, get_line_color=rgb(FOCUS_RING), radius_units="'pixels'",
                  get_radius=style.radius_px + 7, line_width_units="'pixels'", get_line_width=4),  # ring: radius+9
        pdk.Layer("TextLayer", labelled, id="labels", get_position=["lon", "lat"], get_text="label",
                  get_size=style.label_px, get_pixel_offset="offset", **text_style),
        pdk.Layer("ScatterplotLayer", host, id="host", get_position=["lon", "lat"],
                  get_fill_color=rgb(HOST_COLOR), get_line_color=[255, 255, 255, 255], stroked=True,
                  radius_units="'pixels'", get_radius=style.radius_px + 4, line_width_units="'pixels'",
                  get_line_width=style.outline_px + 1),
        pdk.Layer("TextLayer", host, id="host-label", get_position=["lon", "lat"], get_text="name",
                  get_size=style.label_px + 2, get_pixel_offset=[-(style.radius_px + 8), 0],
                  **{**text_style, "get_text_anchor": "'end'"}),
    ]
    for text_layer in (x for x in layers if x.type == "TextLayer"):
        # Set after construction: pydeck would turn a list of strings into an accessor and drops
        # apostrophes from a quoted string.
        text_layer.characterSet = label_characters(data)
    tooltip = {
        "text": "{name}\n{country}\n" + t("map.tooltip.head", lang) + ": {head}\n"
                + t("map.tooltip.themes", lang) + ": {themes}",
        "style": {"fontSize": f"{max(14, style.label_px - 6)}px", "backgroundColor": "#1B2733",
                  "color": "#FFFFFF", "maxWidth": "360px"},
    }
    return CompactDeck(
        layers=layers, map_provider=None,
        initial_view_state=pdk.ViewState(**view_state, transition_duration=1200, min_zoom=0.3, max_zoom=8),
        tooltip=tooltip,
    )


def locator_deck(data: Dataset, locality_id: str, lang: str) -> CompactDeck:
    """A small map of one delegation with its arc to the host city, for the profile page."""
    from components.filters import Filters  # local: filters imports nothing from maps
    from components.style import colouring

    places = data.localities[data.localities["id"] == locality_id]
    view = View(Filters(), places, data.priorities[data.priorities["locality_id"] == locality_id])
    return world_deck(data, view, colouring(data, view, "theme", lang), lang, focus=locality_id)


def world_deck_for(data: Dataset, view: View, lang: str, color: str, style_name: str,
                   focus: str | None) -> CompactDeck:
    """``world_deck`` with the colouring and style named, so a page can cache it by those names."""
    from components.style import colouring

    chosen = PRESENTATION if style_name == "presentation" else NORMAL
    return world_deck(data, view, colouring(data, view, color, lang), lang, chosen, focus)
