"""The world map builder: offline, 16 countries shaded, framed for what is shown, one numbered
marker and one arc per delegation, names inside the map and clear of arcs and of each other."""

from __future__ import annotations

import base64
import json

import pytest

from components import map_frame, maps, style
from components.filters import Filters, apply


def planned(data, filters: Filters | None = None, mode="theme", lang="en", **kwargs) -> maps.WorldMap:
    view = apply(data, filters or Filters())
    return maps.plan(data, view, style.colouring(data, view, mode, lang), lang, **kwargs)


def deck_json(data, filters: Filters | None = None, mode="theme", lang="en", **kwargs) -> dict:
    return json.loads(maps.world_deck(planned(data, filters, mode, lang, **kwargs), data, lang).to_json())


def layer(spec: dict, layer_id: str) -> dict:
    return next(item for item in spec["layers"] if item["id"] == layer_id)


def test_deck_names_no_outside_server_and_no_basemap(data):
    text = maps.world_deck(planned(data), data, "en").to_json()
    assert "http" not in text
    spec = json.loads(text)
    assert spec.get("mapProvider") is None
    assert spec.get("mapStyle") in (None, "__MAP_STYLE__")


def test_the_16_participating_countries_are_shaded(data):
    url = layer(deck_json(data), "countries")["data"]
    assert url.startswith("data:application/geo+json;base64,")  # inline: nothing is fetched from a server
    features = json.loads(base64.b64decode(url.split(",", 1)[1]))["features"]
    shaded = [f for f in features if f["properties"]["fill"] == style.rgb(maps.NORMAL.participating)]
    assert {f["properties"]["iso_a3"] for f in shaded} == set(data.countries["iso3"])
    # the western hemisphere is drawn a second time, 360° east, for Asia-Pacific-centred views
    copies = [f for f in shaded if f["properties"]["iso_a3"] in ("USA", "URY", "CUB", "PRT")]
    assert len(copies) == 8


def test_one_marker_and_one_arc_per_shown_delegation(data):
    spec = deck_json(data, Filters(themes=("green",)))
    expected = set(apply(data, Filters(themes=("green",))).ids)
    assert {p["id"] for p in layer(spec, "delegations")["data"]} == expected
    assert len(layer(spec, "arcs")["data"]) == len(expected)
    assert layer(spec, "delegations")["pickable"] is True


def test_labels_take_any_character_so_vietnamese_diacritics_render(data):
    spec = deck_json(data, lang="vi")
    drawn = [x["name"] for x in layer(spec, "labels")["data"]] + [h["name"] for h in layer(spec, "host-label")["data"]]
    assert "TP. Hồ Chí Minh" in drawn
    for text_layer in ("labels", "host-label"):  # the glyph atlas holds every character of every label
        assert set("".join(drawn)) <= set(layer(spec, text_layer)["characterSet"])
    everything = set("".join([*data.localities["name_en"], *data.localities["name_vi"]]))
    assert everything <= set(layer(spec, "labels")["characterSet"])  # the same atlas whatever the filter


def test_presentation_labels_are_at_least_24_px(data):
    spec = deck_json(data, style=maps.PRESENTATION)
    assert layer(spec, "labels")["getSize"] >= 24


def test_tooltip_is_plain_text_so_data_cannot_inject_html(data):
    deck = maps.world_deck(planned(data), data, "en")
    assert "text" in deck._tooltip and "html" not in deck._tooltip


def _label_boxes(built: maps.WorldMap) -> list[tuple[float, ...]]:
    boxes = []
    for lon, lat, name, side, offset in zip(built.points["lon"], built.points["lat"], built.points["name"],
                                            built.points["side"], built.points["offset"], strict=True):
        if side:
            x, y = built.frame.screen(lon, lat)
            gap = max(abs(offset[0]), abs(offset[1])) / (map_frame._DIAGONAL if "-" in side else 1)
            boxes.append(map_frame.label_box(x, y, name, built.style.label_px, gap, side))
    return boxes


FILTERS = [Filters(), Filters(evidence=("A", "B", "L", "C")), *(Filters(themes=(theme,)) for theme in
           ("green", "education", "innovation", "tourism", "investment")),
           *(Filters(countries=(code,)) for code in ("JP", "IT", "US", "LA", "KR"))]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f.themes + f.countries + f.evidence))
@pytest.mark.parametrize("size", ["wide", "beside_card"])
def test_the_view_fits_every_shown_delegation_and_the_host(data, filters, size):
    built = planned(data, filters, size=size)
    frame = built.frame
    host_lat, host_lon = data.host_position
    for lon, lat in [*zip(built.points["lon"], built.points["lat"], strict=True), (host_lon, host_lat)]:
        x, y = frame.screen(lon, lat)
        assert 0 < x < frame.width and 0 < y < frame.height


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f.themes + f.countries + f.evidence))
def test_names_stay_inside_the_map_clear_of_each_other_and_of_every_arc(data, filters):
    built = planned(data, filters)
    boxes = _label_boxes(built)
    arcs = map_frame.drawn_arcs(built.frame, built.points["path"])
    for i, a in enumerate(boxes):
        assert a[0] >= 0 and a[2] <= built.frame.width and a[1] >= 0 and a[3] <= built.frame.height
        assert not any(map_frame.crosses(arc, a) for arc in arcs)
        for b in boxes[i + 1:]:
            assert a[2] < b[0] or a[0] > b[2] or a[3] < b[1] or a[1] > b[3]


def test_the_shipped_map_is_asia_pacific_centred_and_names_most_delegations(data):
    built = planned(data)
    assert 60 < built.frame.longitude < 160  # Asia and the Pacific in the middle, not the Atlantic
    san_francisco = built.points.set_index("id").loc["san-francisco"]
    assert san_francisco["lon"] > 180  # east of Japan, across the Pacific
    assert (built.points["side"] != "").sum() >= 8


def test_every_arc_takes_the_short_way(data):
    built = planned(data, Filters(evidence=("A", "B", "L", "C")))
    for path in built.points["path"]:
        travel = sum(abs(path[i + 1][0] - path[i][0]) for i in range(len(path) - 1))
        assert travel <= 180


def test_every_shown_delegation_has_one_number_and_the_key_lists_them_all(data):
    built = planned(data)
    spec = json.loads(maps.world_deck(built, data, "en").to_json())
    numbers = sorted(int(p["text"]) for p in layer(spec, "numbers")["data"])
    assert numbers == list(range(1, len(apply(data, Filters()).ids) + 1))
    assert [n for n, *_ in built.key] == numbers
    assert {name for _, name, _, _ in built.key} == set(apply(data, Filters()).localities["name_en"])


def test_numbers_are_the_same_in_the_tour_as_on_the_map(data):
    normal = dict(zip(planned(data).points["id"], planned(data).points["number"], strict=True))
    toured = planned(data, style=maps.PRESENTATION, focus="osaka", size="presentation")
    assert dict(zip(toured.points["id"], toured.points["number"], strict=True)) == normal


def test_markers_of_one_city_are_drawn_apart_with_a_leader_line(data):
    built = planned(data)
    places = built.points.set_index("id")
    radius = maps.NORMAL.radius_px + 3
    a, b = (built.frame.screen(places.loc[i, "lon"], places.loc[i, "lat"]) for i in ("japan-vjfpa", "japan-mofa"))
    assert ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 >= 2 * radius
    leaders = layer(json.loads(maps.world_deck(built, data, "en").to_json()), "leaders")["data"]
    assert len(leaders) >= 4  # Tokyo's two and Vientiane's two


def test_focus_flies_to_the_delegation_and_keeps_its_label(data):
    spec = deck_json(data, focus="japan-mofa", style=maps.PRESENTATION, size="presentation")
    assert spec["initialViewState"]["longitude"] == pytest.approx(139.7502, abs=0.5)
    assert spec["initialViewState"]["zoom"] == maps.FOCUS_ZOOM
    labels = {p["id"]: p["name"] for p in layer(spec, "labels")["data"]}
    assert labels["japan-mofa"] == "Ministry of Foreign Affairs of Japan"
    assert [len(p) for p in layer(spec, "focus")["data"]] == [2]
    ring = layer(spec, "focus")
    offsets = {p["id"]: max(abs(v) for v in p["offset"]) for p in layer(spec, "labels")["data"]}
    assert offsets["japan-mofa"] > ring["getRadius"] + ring["getLineWidth"] / 2  # the label starts clear of the ring


@pytest.mark.parametrize("mode", ["theme", "country", "evidence"])
def test_every_marker_colour_is_explained_by_the_legend(data, mode):
    view = apply(data, Filters(evidence=("A", "B", "L", "C")))
    colouring = style.colouring(data, view, mode, "en")
    assert set(colouring.colors.values()) == {colour for _, colour in colouring.legend}


def test_theme_colouring_uses_the_theme_palette_and_the_filtered_theme(data):
    view = apply(data, Filters(themes=("education",)))
    colouring = style.colouring(data, view, "theme", "en")
    assert set(colouring.colors.values()) == {data.themes.set_index("id").loc["education", "color"]}


def test_beyond_the_arc_limit_only_labelled_delegations_keep_an_arc(tmp_path):
    from bench.synthetic import generate
    from components.dataset import load_dataset

    many = load_dataset(generate(tmp_path / "data", localities=maps.MAX_ARCS * 2, statements_each=1, events=5))
    shown = len(apply(many, Filters()).ids)
    assert shown > maps.MAX_ARCS
    spec = deck_json(many)
    arcs = layer(spec, "arcs")["data"]
    labelled = {(p["lon"], p["lat"]) for p in layer(spec, "labels")["data"]}
    assert len(layer(spec, "delegations")["data"]) == shown  # every marker is still drawn
    assert 0 < len(arcs) <= maps.MAX_ARCS
    assert {tuple(a["path"][0]) for a in arcs} <= {(round(x, 4), round(y, 4)) for x, y in labelled}
