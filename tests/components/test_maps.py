"""The world map builder: offline, 16 countries shaded, framed for what is shown, one numbered
marker and one arc per delegation, names inside the map and clear of arcs and of each other."""

from __future__ import annotations

import base64
import json
import math

import pytest

from components import map_frame, maps, style
from components.dataset import load_dataset
from components.filters import Filters, apply

#: The themes some shown delegation states: a filter on any other shows the empty state, not a map.
THEMES = [theme for theme in load_dataset().themes["id"]
          if not apply(load_dataset(), Filters(themes=(theme,))).empty]
SHOWN = list(apply(load_dataset(), Filters()).ids)


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


def drawn_names(built: maps.WorldMap) -> list[tuple[str, tuple[float, float, float, float], bool]]:
    """Each name the map draws (delegations and the host): whose it is, the pixel box its text
    takes as drawn (position, pixel offset, anchor, baseline, length in the page's language), and
    whether a leader line joins it to its marker."""
    out = []
    for rows, size in ((built.points, built.style.label_px), (built.host.assign(id="host"), built.style.label_px + 2)):
        for _, row in rows.iterrows():
            if not row["side"]:
                continue
            x, y = built.frame.screen(row.get("label_lon", row["lon"]), row.get("label_lat", row["lat"]))
            ox, oy = row["offset"] if "offset" in row else map_frame.offset(row["side"], built.radius + 8)
            anchor, baseline = map_frame.ANCHORS[row["side"]]
            out.append((row["id"], map_frame.text_box(x + ox, y + oy, row["name"], size, anchor, baseline),
                        bool(row.get("leader", False))))
    return out


def gap_to(box, x: float, y: float) -> float:
    """Distance in pixels from a point to a box (0 inside it)."""
    return math.hypot(max(box[0] - x, 0, x - box[2]), max(box[1] - y, 0, y - box[3]))


def markers_of(built: maps.WorldMap) -> dict[str, tuple[float, float, float]]:
    """Every dot as drawn: (x, y, radius with its white rim), the host's under 'host'."""
    dots = {i: (*built.frame.screen(lon, lat), built.radius + built.style.outline_px / 2)
            for i, lon, lat in zip(built.points["id"], built.points["lon"], built.points["lat"], strict=True)}
    host = built.host.iloc[0]
    dots["host"] = (*built.frame.screen(host["lon"], host["lat"]), built.radius + 4 + (built.style.outline_px + 1) / 2)
    return dots


PLANS = [*(("wide", None, Filters(themes=(theme,))) for theme in THEMES), ("wide", None, Filters()),
         ("beside_card", None, Filters()), ("wide", None, Filters(evidence=("A", "B", "L", "C"))),
         *(("beside_card", None, Filters(themes=(theme,))) for theme in THEMES),
         *(("presentation", locality, Filters()) for locality in SHOWN),
         *((maps.presentation_size(w, h, len(SHOWN), 5), None, Filters()) for w, h in ((1366, 768), (1920, 1080)))]


def plan_id(value: object) -> str:
    if isinstance(value, Filters):
        return ",".join(value.themes)
    return value if isinstance(value, str) else str(value) if value else ""


@pytest.mark.parametrize(("size", "focus", "filters"), PLANS, ids=plan_id)
def test_every_name_is_beside_its_marker_or_led_to_it_and_covers_no_other(data, size, focus, filters):
    """The meeting-room rule (issue 21): a reader must never take a name's place for another
    delegation's, in either language, on the map, beside a card and through the tour."""
    labelled = {}
    for lang in ("en", "vi"):
        built = planned(data, filters, lang=lang, size=size, focus=focus,
                        style=maps.NORMAL if size in ("wide", "beside_card") else maps.PRESENTATION)
        dots = markers_of(built)
        names = drawn_names(built)
        labelled[lang] = {i for i, _, _ in names}
        leaders = maps.leader_lines(built) if hasattr(maps, "leader_lines") else []
        for i, box, led in names:
            x, y, radius = dots[i]
            assert box[0] >= 0 and box[1] >= 0 and box[2] <= built.frame.width and box[3] <= built.frame.height, i
            if led:  # a leader line runs from the marker to the name
                ends = [built.frame.screen(*line["target"]) for line in leaders
                        if built.frame.screen(*line["source"]) == pytest.approx((x, y), abs=0.5)]
                assert any(gap_to(box, *end) <= 6 for end in ends), f"{lang}: {i}'s leader line misses its name"
            else:  # the name touches its own marker
                assert gap_to(box, x, y) <= radius + maps.FOCUS_GAP + 2, f"{lang}: {i}'s name is far from its marker"
            for other, (ox, oy, other_radius) in dots.items():
                if other != i:
                    assert gap_to(box, ox, oy) > other_radius, f"{lang}: {i}'s name covers the marker of {other}"
                    # "Minsk beside Leipzig", "Chongqing beside the Lao delegation": the dot nearest a
                    # name (its rim) is the one a reader takes it for; the tour's current one is ringed
                    assert i == built.focus or gap_to(box, ox, oy) - other_radius > gap_to(box, x, y) - radius, (
                        f"{lang}: {i}'s name is nearer {other}'s dot")
        for n, (i, a, _) in enumerate(names):
            for j, b, _ in names[n + 1:]:
                assert a[2] < b[0] or a[0] > b[2] or a[3] < b[1] or a[1] > b[3], f"{lang}: {i}'s name covers {j}'s"
        spots = list(dots.values())
        for n, (x, y, r) in enumerate(spots):  # no marker hidden under another or under the host's dot
            for ox, oy, other_radius in spots[n + 1:]:
                assert math.hypot(x - ox, y - oy) >= r + other_radius, "a marker hides another"
    assert labelled["en"] == labelled["vi"], "the two languages name different markers"


@pytest.mark.parametrize(("size", "focus", "filters"), PLANS, ids=plan_id)
def test_no_name_lies_over_another_delegations_country(data, size, focus, filters):
    """The official's reading (issue 21): "Chungcheongbuk" drawn over China, the Japanese alliance
    over Mongolia and China. A name over a shaded country is read as that country's delegation,
    so a name covers (beyond a sliver) no shaded country but its own; sampled every 5 px against
    the outlines the map draws. The tour's ringed delegation is exempt: its name may cross a
    neighbour where nothing else is free, the ring and the card beside the map say whose it is."""
    from components import geo

    countries = geo.outlines(data.world)
    shaded = set(data.countries["iso3"])
    iso3 = dict(zip(data.countries["code"], data.countries["iso3"], strict=True))
    home = dict(zip(data.localities["id"], data.localities["country"].map(iso3), strict=True))
    for lang in ("en", "vi"):
        built = planned(data, filters, lang=lang, size=size, focus=focus,
                        style=maps.NORMAL if size in ("wide", "beside_card") else maps.PRESENTATION)
        for i, box, _ in drawn_names(built):
            if i == built.focus:
                continue
            samples = [built.frame.place(x, y) for x in range(math.ceil(box[0]), int(box[2]) + 1, 5)
                       for y in range(math.ceil(box[1]), int(box[3]) + 1, 5)]
            under = [geo.country_at(countries, lon, lat) for lon, lat in samples]
            own = {home.get(i, "VNM"), geo.country_at(countries, *built.frame.place(*markers_of(built)[i][:2]))}
            foreign = [c for c in under if c in shaded and c not in own]
            assert len(foreign) <= 0.05 * len(under), f"{lang}: {i}'s name lies over {sorted(set(foreign))}"


def test_a_city_beside_no_marker_keeps_a_dot_joined_to_its_marker(data):
    """Issue 21 review: "Vientiane's marker over the sea, Tokyo's near Taiwan". Where a marker was
    set aside from its city, a line joins the two, and the city gets a small dark dot wherever
    the dot is clear of every marker (a dot by another marker would name the wrong place)."""
    dotted = 0
    for size in SCREEN_SIZES:
        built = planned(data, size=size, style=maps.NORMAL if isinstance(size, str) else maps.PRESENTATION)
        spec = json.loads(maps.world_deck(built, data, "en").to_json())
        cities = {(round(p["lon"], 4), round(p["lat"], 4)) for p in layer(spec, "cities")["data"]}
        lines = {(tuple(line["source"]), tuple(line["target"])) for line in maps.leader_lines(built)}
        drawn = [built.frame.screen(x, y) for x, y in zip(built.points["lon"], built.points["lat"], strict=True)]
        for row in built.points.itertuples():
            true = built.frame.screen(row.true_lon, row.true_lat)
            if (row.lon, row.lat) != (row.true_lon, row.true_lat):
                assert ((row.true_lon, row.true_lat), (row.lon, row.lat)) in lines, row.id
            clear = all(math.dist(true, other) > built.radius + maps.CITY_CLEAR for other in drawn)
            assert ((round(row.true_lon, 4), round(row.true_lat, 4)) in cities) == clear, (size, row.id)
            dotted += clear
    assert dotted, "no city dot drawn anywhere: the check saw nothing"


def test_most_markers_are_named_in_both_languages(data):
    """Names go only where they are unmistakable (the East Asian cluster is named by the key)."""
    for lang in ("en", "vi"):
        built = planned(data, lang=lang)
        assert (built.points["side"] != "").sum() >= 8


def test_map_text_is_drawn_in_a_regular_face_so_vietnamese_accents_stay_on_their_letter(data):
    """deck.gl's SDF glyphs of a bold face set the stacked accents of "Hồ" apart from the letter
    before ("TP. H ồ Chí Minh"); regular glyphs render as one word."""
    spec = deck_json(data, lang="vi")
    for text_layer in ("labels", "host-label"):
        assert layer(spec, text_layer)["fontWeight"] in ("normal", 400)


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


def test_the_tour_rings_the_delegation_in_the_whole_view_and_names_it_first(data):
    """The tour keeps the view of every shown delegation (none falls off the map's edge) and rings
    the current one, whose name is placed first, clear of its ring."""
    spec = deck_json(data, focus="japan-mofa", style=maps.PRESENTATION, size="presentation")
    whole = deck_json(data, style=maps.PRESENTATION, size="presentation")
    assert spec["initialViewState"] == whole["initialViewState"]
    labels = {p["id"]: p["name"] for p in layer(spec, "labels")["data"]}
    assert labels["japan-mofa"] == "Ministry of Foreign Affairs of Japan"
    assert [len(p) for p in layer(spec, "focus")["data"]] == [2]
    ring = layer(spec, "focus")
    built = planned(data, focus="japan-mofa", style=maps.PRESENTATION, size="presentation")
    box = next(box for i, box, _ in drawn_names(built) if i == "japan-mofa")
    x, y, _ = markers_of(built)["japan-mofa"]
    assert gap_to(box, x, y) > ring["getRadius"] + ring["getLineWidth"] / 2  # the label starts clear of the ring


@pytest.mark.parametrize("mode", ["theme", "country", "evidence"])
def test_every_marker_colour_is_explained_by_the_legend(data, mode):
    view = apply(data, Filters(evidence=("A", "B", "L", "C")))
    colouring = style.colouring(data, view, mode, "en")
    assert set(colouring.colors.values()) == {colour for _, colour in colouring.legend}


def test_theme_colouring_uses_the_theme_palette_and_the_filtered_theme(data):
    view = apply(data, Filters(themes=("education",)))
    colouring = style.colouring(data, view, "theme", "en")
    assert set(colouring.colors.values()) == {data.themes.set_index("id").loc["education", "color"]}


def test_beyond_the_arc_limit_only_labelled_delegations_keep_an_arc(tmp_path, monkeypatch):
    from bench.synthetic import generate
    from components.dataset import load_dataset

    monkeypatch.setattr(maps, "MAX_ARCS", 20)  # a limit low enough that some names still fit
    many = load_dataset(generate(tmp_path / "data", localities=maps.MAX_ARCS * 2, statements_each=1, events=5))
    shown = len(apply(many, Filters()).ids)
    assert shown > maps.MAX_ARCS
    spec = deck_json(many)
    arcs = layer(spec, "arcs")["data"]
    named = {p["id"] for p in layer(spec, "labels")["data"]}
    labelled = {(p["lon"], p["lat"]) for p in layer(spec, "delegations")["data"] if p["id"] in named}
    assert len(layer(spec, "delegations")["data"]) == shown  # every marker is still drawn
    assert 0 < len(arcs) < shown
    assert {tuple(a["path"][0]) for a in arcs} <= {(round(x, 4), round(y, 4)) for x, y in labelled}


#: The map sizes drawn on screen: wide and beside a card at the narrowest, and presentation at the
#: three meeting-room screens (legend of five entries, key of every shipped delegation).
SCREEN_SIZES = ["wide", "beside_card", *(maps.presentation_size(w, h, len(SHOWN), 5)
                                         for w, h in ((1366, 768), (1600, 1000), (1920, 1080)))]
#: How far a marker may be drawn from its city, in marker radii: two delegations of one city
#: beside the host's dot need this much at the narrowest map.
MOST_MOVED = 3.0


@pytest.mark.parametrize("size", SCREEN_SIZES, ids=str)
@pytest.mark.parametrize("theme", [None, *THEMES], ids=str)
def test_every_marker_is_drawn_at_its_city_not_over_another_country(data, size, theme):
    """Issue 21: "Osaka's marker sits near Taiwan and Chungbuk's over China". A marker set aside so
    that none hides another stays within a few radii of its city, over its own country or the sea
    by it, never over a neighbour (the outlines the map draws tell which)."""
    from components import geo

    countries = geo.outlines(data.world)
    built = planned(data, Filters(themes=(theme,)) if theme else None, size=size,
                    style=maps.NORMAL if isinstance(size, str) else maps.PRESENTATION)
    for _, row in built.points.iterrows():
        x, y = built.frame.screen(row["lon"], row["lat"])
        tx, ty = built.frame.screen(row["true_lon"], row["true_lat"])
        assert math.hypot(x - tx, y - ty) <= MOST_MOVED * built.radius, f"{row['id']} is drawn far from its city"
        home = geo.country_at(countries, row["true_lon"], row["true_lat"])
        assert geo.country_at(countries, row["lon"], row["lat"]) in (home, ""), f"{row['id']} is over a neighbour"


def test_the_profile_locator_marks_its_delegation_without_a_number_and_names_it(data):
    """Issue 21: the profile's small map numbered its one delegation "1", which is not its number
    on the main map; it shows the delegation, named, and the city."""
    spec = json.loads(maps.locator_deck(data, "chongqing", "vi").to_json())
    assert not [item for item in spec["layers"] if item["id"] == "numbers"]
    assert [p["id"] for p in layer(spec, "delegations")["data"]] == ["chongqing"]
    name = data.localities.set_index("id").loc["chongqing", "name_vi"]
    assert [p["name"] for p in layer(spec, "labels")["data"]] == [name]
