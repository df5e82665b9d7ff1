"""pydeck builders for the world map: no basemap service, country outlines from data/, one
marker per delegation, arcs to the host city, labels with Vietnamese diacritics. No Streamlit."""

from __future__ import annotations

import base64
import copy
import json
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from components import geo, map_frame
from components.dataset import Dataset
from components.filters import View
from components.i18n import field, t
from components.labels import labels_of
from components.memo import remember
from components.style import (
    FOCUS_RING,
    FONT_FAMILY,
    HOST_COLOR,
    INK,
    NORMAL,
    PAPER,
    PRESENTATION,
    Colouring,
    MapStyle,
    rgb,
)

DELEGATION_LAYER = "delegations"


def map_points(data: Dataset, view: View, colouring: Colouring, lang: str) -> pd.DataFrame:
    """One row per shown delegation with everything the markers, labels and tooltips need."""
    places = view.localities
    say = labels_of(data, lang)
    themes = view.priorities.groupby("locality_id")["theme_id"].agg(lambda s: list(dict.fromkeys(s)))
    head = [say.head(n, h) for n, h in zip(places["head_name"], places[field(lang, "head_title")], strict=True)]
    return pd.DataFrame({
        "id": places["id"].to_numpy(),
        "name": places[field(lang, "name")].to_numpy(),
        "country": [say.country[c] for c in places["country"]],
        "head": head,
        "relation": [say.relation(r, s) for r, s in zip(places["relation"], places["relation_since"], strict=True)],
        "themes": [", ".join(say.theme[x] for x in themes.get(i, [])[:3]) or say.not_reported for i in places["id"]],
        "lon": places["lon"].to_numpy(),
        "lat": places["lat"].to_numpy(),
        "color": [rgb(colouring.colors[i]) for i in places["id"]],
    })


#: Delegations shown at most before the map stops numbering its markers (the key would be longer
#: than the map is useful for); names are then placed where they fit, the rest by tooltip and card.
MAX_NUMBERED = 60
#: Labels tried at most (in priority order): beyond that a world map is only dots anyway.
MAX_LABELS = 300
#: Arcs drawn at most. Beyond that they hide the map and make every frame slow; then only the
#: labelled delegations keep their arc.
MAX_ARCS = 300
#: Radius in pixels of the dot that marks the city of a marker set aside (``true_places``).
CITY_DOT = 3.5
#: Room in pixels a city's dot keeps from every marker's rim.
CITY_CLEAR = 8
#: The map's share of the width in presentation mode (the card has the rest).
PRESENTATION_SHARE = 0.6
#: Label offset beyond the marker radius for the focused delegation, clear of its ring (radius + 9).
FOCUS_GAP = 13
#: The map sizes views are fitted for, in pixels (width, height): the narrowest the page gives the
#: map at 1366 × 768 (sidebar open; in presentation mode none). A wider screen shows the same view
#: with more sea around it, so nothing fitted here ever falls off the map (and never a second
#: world: the map is drawn no wider than the world at the view's zoom, ``map_width``).
MAP_SIZES = {"wide": (860, 500), "beside_card": (600, 500), "presentation": (800, 500), "locator": (340, 300)}


@dataclass(frozen=True)
class WorldMap:
    """A map as drawn: its frame and, per shown delegation, its number, where its name goes and
    its arc; the deck and the numbered key both read it, so they cannot disagree."""

    frame: map_frame.Frame
    points: pd.DataFrame  # map_points plus lon/lat as drawn, true_lon/true_lat, number, side, offset, anchor,
    # baseline, path
    host: pd.DataFrame  # name, lon, lat, side
    style: MapStyle
    numbered: bool
    focus: str | None
    radius: float  # of a marker, in pixels (a numbered marker is larger, to hold its number)

    @property
    def key(self) -> list[tuple[int, str, str, list[int]]]:
        """(number, name, country, colour) in number order; empty when markers are not numbered."""
        if not self.numbered:
            return []
        ordered = self.points.sort_values("number")
        return [(int(n), name, country, colour) for n, name, country, colour in
                zip(ordered["number"], ordered["name"], ordered["country"], ordered["color"], strict=True)]


def map_width(built: WorldMap) -> int:
    """The widest the map may be drawn (pixels): the whole world at the planned zoom, so no place
    appears twice on a wide screen."""
    return int(built.frame.world_width)


def presentation_size(width: float, height: float, shown: int, legend_entries: int) -> tuple[int, int]:
    """The map's size in presentation mode on a window of ``width`` × ``height`` CSS pixels, so that
    title, map, legend and key fit it without scrolling: what is left beside the card and under
    the title, the legend (its rule and ``legend_entries``, about two a line) and the key
    (``shown`` delegations, three a line, some names on two). Heights are in the type's size, which
    scales with the window as components/ui/presentation.py sets it (legend and key 0.92 rem)."""
    rem = min(max(min(width * 0.013, height * 0.023), 15.0), 26.0)
    key_lines = math.ceil(shown / 3) * 1.25 if shown <= MAX_NUMBERED else 0
    legend_lines = math.ceil((legend_entries + 1) / 2)
    used = rem * (1.2 + 5.0 + 2.0 + legend_lines * 0.92 * 1.35 + key_lines * 0.92 * 1.45 + 1.5)
    map_width = (width - 2.5 * rem - rem) * PRESENTATION_SHARE
    return int(max(map_width, 360)), int(max(min(height - used, map_width * 0.8), 240))


def plan(data: Dataset, view: View, colouring: Colouring, lang: str, style: MapStyle = NORMAL,
         focus: str | None = None, size: str | tuple[int, int] = "wide", numbers: bool = True) -> WorldMap:
    """Frame the shown delegations and the host, number the markers west to east (unless not
    ``numbers``), bow an arc from each to the host and place every name that fits (a ``focus``ed
    delegation's first, clear of its ring). ``size``: a name of ``MAP_SIZES`` or (width, height)
    in pixels."""
    width, height = MAP_SIZES[size] if isinstance(size, str) else size
    points = map_points(data, view, colouring, lang)
    host_lat, host_lon = data.host_position
    focused = focus is not None and focus in set(points["id"])
    frame = map_frame.fit([*points["lon"], host_lon], [*points["lat"], host_lat], width, height)
    numbered = numbers and len(points) <= MAX_NUMBERED
    west_to_east = points.assign(x=[frame.unwrap(x) for x in points["lon"]]).sort_values(
        ["x", "lat"], ascending=[True, False], kind="stable").index
    points["number"] = 0
    points.loc[west_to_east, "number"] = range(1, len(points) + 1)
    points["lon"] = [frame.unwrap(x) for x in points["lon"]]
    points["true_lon"], points["true_lat"] = points["lon"], points["lat"]
    host = pd.DataFrame({"name": [data.meta[field(lang, "host_name")]], "lon": [frame.unwrap(host_lon)],
                         "lat": [host_lat]})
    radius = style.radius_px + (3 if numbered else 0)
    hx, hy = frame.screen(host_lon, host_lat)
    host_radius = radius + 4 + style.outline_px + 1
    if numbered:  # markers clear of each other and of the host, each with a leader line to its true place
        by_number = points.sort_values("number")
        moved = map_frame.spread([frame.screen(x, y) for x, y in zip(by_number["lon"], by_number["lat"],
                                                                     strict=True)], radius, [(hx, hy, host_radius)],
                                 _misplacing(data, frame, by_number, radius))
        placed = [frame.place(x, y) for x, y in moved]
        points.loc[by_number.index, "lon"] = [lon for lon, _ in placed]
        points.loc[by_number.index, "lat"] = [lat for _, lat in placed]
    # names in priority order: the focused delegation first, then as the data lists them
    points = points.iloc[points["id"].ne(focus).argsort(kind="stable")].reset_index(drop=True)
    with_arc = len(points) <= MAX_ARCS
    points["path"] = [map_frame.curve((x, y), (host["lon"].iloc[0], host_lat)) for x, y in
                      zip(points["lon"], points["lat"], strict=True)] if with_arc else [[] for _ in range(len(points))]
    markers = [(x - radius - 2, y - radius - 2, x + radius + 2, y + radius + 2)
               for x, y in (frame.screen(lon, lat) for lon, lat in zip(points["lon"], points["lat"], strict=True))]
    host_box = (hx - host_radius, hy - host_radius, hx + host_radius, hy + host_radius)
    arcs = map_frame.drawn_arcs(frame, points["path"])
    # labels are placed for the longer of a name's two languages, so both label the same markers
    host_text = max((data.meta["host_name_en"], data.meta["host_name_vi"]), key=len)
    dots = [*((x, y, radius + style.outline_px) for x, y in (frame.screen(lon, lat) for lon, lat in
                                                              zip(points["lon"], points["lat"], strict=True))),
            (hx, hy, host_radius)]
    iso3 = dict(zip(data.countries["code"], data.countries["iso3"], strict=True))
    code = dict(zip(data.localities["id"], data.localities["country"], strict=True))
    outlines = remember(_country_outlines, data)
    homes = [*({iso3.get(code[i], ""), geo.country_at(outlines, lon, lat)} for i, lon, lat in
               zip(points["id"], points["true_lon"], points["true_lat"], strict=True)),
             {geo.country_at(outlines, host_lon, host_lat)}]
    ground = _ground(data, frame, homes)
    host_place = map_frame.place_labels(frame, [(host_lon, host_lat, host_text)], style.label_px + 2,
                                        radius + 4, [*markers, host_box], arcs, 1, dots=dots,
                                        ground=lambda n, box: ground(len(points), box))[0]
    host = host.join(pd.DataFrame([_label_columns(frame, host_place, host["lon"].iloc[0], host_lat, radius + 8)]))
    obstacles = [*markers, host_box, *([host_place.box] if host_place.box else [])]
    longest = _longest_names(data)
    places = map_frame.place_labels(frame, [(x, y, longest[i]) for x, y, i in
                                            zip(points["lon"], points["lat"], points["id"], strict=True)],
                                    style.label_px, radius, obstacles, arcs, MAX_LABELS,
                                    first_gap=radius + FOCUS_GAP if focused else None, dots=dots, ground=ground)
    gaps = [radius + (FOCUS_GAP if focused and i == 0 else 4) for i in range(len(points))]
    columns = pd.DataFrame([_label_columns(frame, p, x, y, g) for p, x, y, g in
                            zip(places, points["lon"], points["lat"], gaps, strict=True)])
    points = pd.concat([points, columns], axis=1)
    if not with_arc:  # too many arcs hide the map: keep those of the named delegations
        points["path"] = [map_frame.curve((x, y), (host["lon"].iloc[0], host_lat)) if side else []
                          for x, y, side in zip(points["lon"], points["lat"], points["side"], strict=True)]
    return WorldMap(frame=frame, points=points, host=host, style=style, numbered=numbered,
                    focus=focus if focused else None, radius=radius)


#: What a marker set aside over the sea, or over another country, costs in marker radii of
#: distance: the sea by its own coast reads as the place, a neighbour's land reads as the neighbour.
SEA_COST, FOREIGN_COST = 0.5, 4.0


def _misplacing(data: Dataset, frame: map_frame.Frame, places: pd.DataFrame, radius: float):
    """The cost for ``map_frame.spread`` of drawing the ``i``-th of ``places`` at a pixel: nothing
    over its own country, ``SEA_COST`` radii over the sea, ``FOREIGN_COST`` over another country."""
    countries = remember(_country_outlines, data)
    home = [geo.country_at(countries, lon, lat) for lon, lat in zip(places["lon"], places["lat"], strict=True)]

    def cost(i: int, x: float, y: float) -> float:
        at = geo.country_at(countries, *frame.place(x, y))
        return 0.0 if at == home[i] else radius * (SEA_COST if not at else FOREIGN_COST)
    return cost


#: Share of a name's box that may lie over foreign land and still count as beside its own place:
#: a border clipped, a cape crossed.
FOREIGN_SHARE = {"guest": 0.02, "other": 0.15}


def _ground(data: Dataset, frame: map_frame.Frame, homes: list[set[str]]) -> map_frame.Ground:
    """``map_frame.Ground`` for names over this frame: ``homes[n]`` holds the ISO alpha-3 codes of
    the country of the ``n``-th name's place (as listed, and under its point: they differ for a
    city by a border), where its name may lie; the host's name may not cover a guest's country."""
    countries = remember(_country_outlines, data)
    mask = remember(_mask, data, frame)
    codes = [""] + [c.iso3 for c in countries]  # mask value -> iso3
    guests = set(data.countries["iso3"])  # every country the map shades

    def level(n: int, box: map_frame.Box) -> int:
        left, top = max(int(box[0]), 0), max(int(box[1]), 0)
        patch = mask[top:max(math.ceil(box[3]), top + 1), left:max(math.ceil(box[2]), left + 1)]
        if not patch.size:
            return 0
        values, counts = np.unique(patch, return_counts=True)
        foreign = {codes[v]: c / patch.size for v, c in zip(values, counts, strict=True)
                   if v and codes[v] not in homes[n]}
        if sum(share for code, share in foreign.items() if code in guests) > FOREIGN_SHARE["guest"]:
            return 2
        return 1 if sum(foreign.values()) > FOREIGN_SHARE["other"] else 0
    return level


def _mask(data: Dataset, frame: map_frame.Frame):
    return geo.country_mask(remember(_country_outlines, data), frame.screen_many, int(frame.width), int(frame.height))


def _country_outlines(data: Dataset) -> tuple[geo.Outline, ...]:
    return geo.outlines(data.world)


def _longest_names(data: Dataset) -> dict[str, str]:
    """Each delegation's name in whichever language writes it longer (Vietnamese, mostly)."""
    return {i: max(en, vi, key=len) for i, en, vi in
            zip(data.localities["id"], data.localities["name_en"], data.localities["name_vi"], strict=True)}


def _label_columns(frame: map_frame.Frame, placement: map_frame.Placement, lon: float, lat: float,
                   gap: float) -> dict:
    """How a placed name is drawn: where its text hangs (the marker, or its leader line's end),
    the pixel offset from there, the text anchor and baseline, and whether a leader line is drawn."""
    side = placement.side
    if placement.leader and placement.at is not None:
        label_lon, label_lat = frame.place(*placement.at)
        shift = map_frame.offset(side, 3.0)
    else:
        label_lon, label_lat = lon, lat
        shift = map_frame.offset(side, gap)
    anchor, baseline = map_frame.ANCHORS[side]
    return {"side": side, "label_lon": label_lon, "label_lat": label_lat, "offset": list(shift),
            "anchor": anchor, "baseline": baseline, "leader": placement.leader}


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation (pydeck indents by two spaces, which makes the country
    outlines about six times larger on every rerun) and is computed once per deck, so a cached
    deck costs nothing to send again."""

    def to_json(self) -> str:
        if getattr(self, "_json", None) is None:
            self._json = json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))
        return self._json


def _shifted(geometry: dict, degrees: float) -> dict:
    """A Polygon or MultiPolygon moved east by ``degrees`` of longitude."""
    def ring(points: list) -> list:
        return [[x + degrees, y] for x, y in points]
    coordinates = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [ring(r) for r in coordinates]}
    return {"type": "MultiPolygon", "coordinates": [[ring(r) for r in polygon] for polygon in coordinates]}


def _west_lon(geometry: dict) -> float:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return min(x for polygon in polygons for r in polygon for x, _ in r)


def _outlines(data: Dataset, style: MapStyle) -> dict:
    """The world GeoJSON with a fill and line colour per country (the 16 participating ones
    shaded), led by an ocean rectangle: one layer, so one set of shaders to compile. The western
    hemisphere is there a second time, 360° east: a view centred on Asia and the Pacific puts the
    Americas there (longitudes are unwrapped east of the first shown place, so none lies west of
    -180). deck.gl's own world repetition would draw everything three times in every frame, which
    on a software-drawn map costs a third of a second per filter change."""
    participating = set(data.countries["iso3"])
    world = copy.deepcopy(dict(data.world))
    copies = []
    for feature in world["features"]:
        shaded = feature["properties"]["iso_a3"] in participating
        feature["properties"] = {"iso_a3": feature["properties"]["iso_a3"], "line": rgb(style.border),
                                 "fill": rgb(style.participating if shaded else style.land)}
        if _west_lon(feature["geometry"]) < 0:
            copies.append({**feature, "geometry": _shifted(feature["geometry"], 360)})
    ocean = {"type": "Feature", "properties": {"iso_a3": "", "fill": rgb(style.ocean), "line": [0, 0, 0, 0]},
             "geometry": {"type": "Polygon", "coordinates": [[[-180, -85], [540, -85], [540, 85], [-180, 85],
                                                              [-180, -85]]]}}
    world["features"] = [ocean, *world["features"], *copies]
    return world


def outlines_url(data: Dataset, style: MapStyle) -> str:
    """The outlines as a data: URL. deck.gl loads a string ``data`` itself and, as long as the string
    is unchanged, keeps the processed polygons across reruns; an inline GeoJSON is a new object in
    every rerun's JSON and is re-triangulated each time a filter changes."""
    payload = json.dumps(remember(_outlines, data, style), separators=(",", ":")).encode()
    return "data:application/geo+json;base64," + base64.b64encode(payload).decode("ascii")


def label_characters(data: Dataset) -> list[str]:
    """Every character a map label can show: the names in both languages and the host's name. Fixed
    per dataset, so deck.gl draws its glyph atlas once instead of after every filter change (as it
    does with ``'auto'``, which takes the characters of the labels shown)."""
    names = [*data.localities["name_en"], *data.localities["name_vi"], data.meta["host_name_en"],
             data.meta["host_name_vi"]]
    return sorted(set("".join(names)))


def leader_lines(built: WorldMap) -> list[dict]:
    """The thin lines the map draws: from a marker moved aside to its true place, and from a
    marker to its name where the name could not stand beside it (source and target: [lon, lat])."""
    lines = [{"source": [tx, ty], "target": [x, y]} for x, y, tx, ty in
             built.points[["lon", "lat", "true_lon", "true_lat"]].itertuples(index=False) if (x, y) != (tx, ty)]
    labelled = [*built.points[["lon", "lat", "label_lon", "label_lat", "leader"]].itertuples(index=False),
                *built.host[["lon", "lat", "label_lon", "label_lat", "leader"]].itertuples(index=False)]
    return lines + [{"source": [x, y], "target": [lx, ly]} for x, y, lx, ly, leader in labelled if leader]


def true_places(built: WorldMap) -> pd.DataFrame:
    """The cities (lon, lat) of markers set aside so far that their disc no longer covers the city:
    the map marks each with a small dark dot at the end of the marker's leader line, so a reader
    sees where the delegation comes from, not only where its number fitted. A city whose dot
    would touch another marker (``CITY_CLEAR`` px) gets none: read beside that marker, it would
    say the wrong place."""
    frame, points = built.frame, built.points
    drawn = [frame.screen(x, y) for x, y in zip(points["lon"], points["lat"], strict=True)]
    cities = [frame.screen(x, y) for x, y in zip(points["true_lon"], points["true_lat"], strict=True)]
    clear = [all(math.dist(city, other) > built.radius + CITY_CLEAR for other in drawn) for city in cities]
    places = points.loc[clear, ["true_lon", "true_lat"]].drop_duplicates()
    return places.rename(columns={"true_lon": "lon", "true_lat": "lat"}).reset_index(drop=True)


def world_deck(built: WorldMap, data: Dataset, lang: str) -> pdk.Deck:
    """The meeting-room map as planned: outlines (the western hemisphere also 360° east, so
    unwrapped longitudes sit on land), arcs, numbered markers, names, the host."""
    style, points, host, radius = built.style, built.points, built.host, built.radius
    arcs = points.loc[points["path"].map(len) > 0, ["path", "color"]]
    label_columns = ["id", "label_lon", "label_lat", "name", "offset", "anchor", "baseline"]
    named = points.loc[points["side"] != "", label_columns]
    focused = points[points["id"] == built.focus]
    text_style = {
        # pydeck turns bare strings into JavaScript accessors; quoted ones stay plain strings.
        # Normal weight: deck.gl's SDF glyphs of a bold face misplace stacked Vietnamese accents
        # ("TP. H ồ Chí Minh"); regular glyphs sit as the browser sets them.
        "font_family": f'"{FONT_FAMILY}"', "font_weight": "'normal'",
        "font_settings": {"sdf": True}, "outline_width": 3, "outline_color": rgb(style.label_outline),
        "get_color": rgb(style.label), "size_units": "'pixels'", "get_position": ["label_lon", "label_lat"],
        "get_text": "name", "get_pixel_offset": "offset", "get_text_anchor": "anchor",
        "get_alignment_baseline": "baseline",
    }
    layers = [
        pdk.Layer("GeoJsonLayer", remember(outlines_url, data, style), id="countries", stroked=True, filled=True,
                  get_fill_color="properties.fill", get_line_color="properties.line",
                  line_width_min_pixels=0.6, pickable=False),
        pdk.Layer("PathLayer", arcs, id="arcs", get_path="path", get_color="color", width_units="'pixels'",
                  get_width=2, opacity=style.arc_alpha / 255, joint_rounded=True, cap_rounded=True),
        pdk.Layer("LineLayer", leader_lines(built), id="leaders", get_source_position="source",
                  get_target_position="target", get_color=rgb(style.label, 200), get_width=1.5,
                  width_units="'pixels'"),
        pdk.Layer("ScatterplotLayer", points.drop(columns=["path", "offset", "anchor", "baseline", "side",
                                                           "relation", "true_lon", "true_lat", "label_lon",
                                                           "label_lat", "leader"]),
                  id=DELEGATION_LAYER, get_position=["lon", "lat"],
                  get_fill_color="color", get_line_color=[255, 255, 255, 255], stroked=True,
                  radius_units="'pixels'", get_radius=radius, line_width_units="'pixels'",
                  get_line_width=style.outline_px, pickable=True, auto_highlight=True),
        pdk.Layer("ScatterplotLayer", true_places(built), id="cities", get_position=["lon", "lat"],
                  get_fill_color=rgb(style.label), get_line_color=rgb(style.label_outline), stroked=True,
                  radius_units="'pixels'", get_radius=CITY_DOT, line_width_units="'pixels'", get_line_width=1),
        pdk.Layer("ScatterplotLayer", focused[["lon", "lat"]], id="focus", get_position=["lon", "lat"], filled=False,
                  stroked=True, get_line_color=rgb(FOCUS_RING), radius_units="'pixels'",
                  get_radius=radius + 7, line_width_units="'pixels'", get_line_width=4),  # ring: radius+9
        pdk.Layer("TextLayer", named, id="labels", get_size=style.label_px, **text_style),
        pdk.Layer("ScatterplotLayer", host, id="host", get_position=["lon", "lat"],
                  get_fill_color=rgb(HOST_COLOR), get_line_color=[255, 255, 255, 255], stroked=True,
                  radius_units="'pixels'", get_radius=radius + 4, line_width_units="'pixels'",
                  get_line_width=style.outline_px + 1),
        pdk.Layer("TextLayer", host.loc[host["side"] != "", label_columns[1:]], id="host-label",
                  get_size=style.label_px + 2, **text_style),
    ]
    if built.numbered:
        numbers = points[["lon", "lat", "number"]].assign(text=points["number"].astype(str))
        layers.append(pdk.Layer(
            "TextLayer", numbers, id="numbers", get_position=["lon", "lat"], get_text="text",
            get_size=round(radius * 1.15), get_color=[255, 255, 255, 255], font_family=f'"{FONT_FAMILY}"',
            font_weight=700, font_settings={"sdf": True}, outline_width=2, outline_color=[0, 0, 0, 140],
            size_units="'pixels'", get_text_anchor="'middle'", get_alignment_baseline="'center'"))
    for text_layer in (x for x in layers if x.type == "TextLayer"):
        # Set after construction: pydeck would turn a list of strings into an accessor and drops
        # apostrophes from a quoted string.
        text_layer.characterSet = list("0123456789") if text_layer.id == "numbers" else remember(label_characters, data)
    prefix = "{number}. " if built.numbered else ""
    tooltip = {
        "text": prefix + "{name}\n{country}\n" + t("map.tooltip.head", lang) + ": {head}\n"
                + t("map.tooltip.themes", lang) + ": {themes}",
        "style": {"fontSize": f"{max(14, style.label_px - 6)}px", "backgroundColor": INK,
                  "color": PAPER, "maxWidth": "360px"},
    }
    frame = built.frame
    return CompactDeck(
        layers=layers, map_provider=None, views=[pdk.View(type="MapView", controller=True)],
        initial_view_state=pdk.ViewState(latitude=frame.latitude, longitude=frame.longitude, zoom=frame.zoom,
                                         min_zoom=0, max_zoom=8),
        tooltip=tooltip,
    )


def locator_deck(data: Dataset, locality_id: str, lang: str) -> CompactDeck:
    """A small map of one delegation with its arc to the host city, both in view, for the profile
    page. Its marker carries no number: a lone "1" would contradict the number the delegation has
    on the main map, which depends on the filter there, and the name beside it says who it is."""
    from components.filters import Filters  # local: filters imports nothing from maps
    from components.style import colouring

    places = data.localities[data.localities["id"] == locality_id]
    view = View(Filters(), places, data.priorities[data.priorities["locality_id"] == locality_id])
    built = plan(data, view, colouring(data, view, "theme", lang), lang, size="locator", numbers=False)
    return world_deck(built, data, lang)


def world_map(data: Dataset, view: View, lang: str, color: str, style_name: str, focus: str | None,
              size: str | tuple[int, int]) -> tuple[WorldMap, CompactDeck]:
    """The map a page shows: planned with the colouring and style it names, and drawn."""
    from components.style import colouring

    chosen = PRESENTATION if style_name == "presentation" else NORMAL
    built = plan(data, view, colouring(data, view, color, lang), lang, chosen, focus, size)
    return built, world_deck(built, data, lang)
