"""The world map builder: offline, 16 countries shaded, one marker and arc per delegation,
readable labels that do not overlap, safe tooltips, colours from the one style."""

from __future__ import annotations

import base64
import json

import pytest

from components import maps, style
from components.filters import Filters, apply


def deck_json(data, filters: Filters | None = None, mode="theme", lang="en", **kwargs) -> dict:
    view = apply(data, filters or Filters())
    return json.loads(maps.world_deck(data, view, style.colouring(data, view, mode, lang), lang, **kwargs).to_json())


def layer(spec: dict, layer_id: str) -> dict:
    return next(item for item in spec["layers"] if item["id"] == layer_id)


def test_deck_names_no_outside_server_and_no_basemap(data):
    text = maps.world_deck(data, apply(data, Filters()),
                           style.colouring(data, apply(data, Filters()), "theme", "en"), "en").to_json()
    assert "http" not in text
    spec = json.loads(text)
    assert spec.get("mapProvider") is None
    assert spec.get("mapStyle") in (None, "__MAP_STYLE__")


def test_the_16_participating_countries_are_shaded(data):
    url = layer(deck_json(data), "countries")["data"]
    assert url.startswith("data:application/geo+json;base64,")  # inline: nothing is fetched from a server
    features = json.loads(base64.b64decode(url.split(",", 1)[1]))["features"]
    shaded = [f for f in features if f["properties"]["fill"] == style.rgb(maps.NORMAL.participating)]
    assert len(shaded) == 16
    assert {f["properties"]["iso_a3"] for f in shaded} == set(data.countries["iso3"])


def test_one_marker_and_one_arc_per_shown_delegation(data):
    spec = deck_json(data, Filters(themes=("green",)))
    expected = set(apply(data, Filters(themes=("green",))).ids)
    assert {p["id"] for p in layer(spec, "delegations")["data"]} == expected
    assert len(layer(spec, "arcs")["data"]) == len(expected)
    assert layer(spec, "delegations")["pickable"] is True


def test_labels_take_any_character_so_vietnamese_diacritics_render(data):
    spec = deck_json(data, lang="vi")
    drawn = [x["label"] for x in layer(spec, "labels")["data"]] + [h["name"] for h in layer(spec, "host-label")["data"]]
    assert "TP. Hồ Chí Minh" in drawn
    for text_layer in ("labels", "host-label"):  # the glyph atlas holds every character of every label
        assert set("".join(drawn)) <= set(layer(spec, text_layer)["characterSet"])
    everything = set("".join([*data.localities["name_en"], *data.localities["name_vi"]]))
    assert everything <= set(layer(spec, "labels")["characterSet"])  # the same atlas whatever the filter


def test_presentation_labels_are_at_least_24_px(data):
    spec = deck_json(data, style=maps.PRESENTATION)
    assert layer(spec, "labels")["getSize"] >= 24


def test_tooltip_is_plain_text_so_data_cannot_inject_html(data):
    view = apply(data, Filters())
    deck = maps.world_deck(data, view, style.colouring(data, view, "theme", "en"), "en")
    assert "text" in deck._tooltip and "html" not in deck._tooltip


def test_drawn_labels_never_overlap(data):
    points = layer(deck_json(data, Filters(evidence=("A", "B", "C"))), "labels")["data"]
    boxes = []
    for p in points:
        if p["label"]:
            x, y = maps._pixel(p["lon"], p["lat"], maps.WORLD_VIEW["zoom"])
            boxes.append((x, y - 9, x + len(p["label"]) * 14 * 0.56, y + 9))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] < b[0] or a[0] > b[2] or a[3] < b[1] or a[1] > b[3]


def test_focus_flies_to_the_delegation_and_keeps_its_label(data):
    spec = deck_json(data, focus="japan-mofa", style=maps.PRESENTATION)
    assert spec["initialViewState"]["longitude"] == pytest.approx(139.7502)
    assert spec["initialViewState"]["zoom"] == maps.FOCUS_ZOOM
    labels = {p["id"]: p["label"] for p in layer(spec, "labels")["data"]}
    assert labels["japan-mofa"] == "Ministry of Foreign Affairs of Japan"
    assert [p["id"] for p in layer(spec, "focus")["data"]] == ["japan-mofa"]
    ring = layer(spec, "focus")
    offsets = {p["id"]: p["offset"][0] for p in layer(spec, "labels")["data"]}
    assert offsets["japan-mofa"] > ring["getRadius"] + ring["getLineWidth"] / 2  # the label starts clear of the ring


@pytest.mark.parametrize("mode", ["theme", "country", "evidence"])
def test_every_marker_colour_is_explained_by_the_legend(data, mode):
    view = apply(data, Filters(evidence=("A", "B", "C")))
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
    assert {(a["lon"], a["lat"]) for a in arcs} <= labelled
