"""Map page in AppTest: the deck follows the filter, the URL reproduces the view, bad links
give a notice and a working page, empty results explain themselves, presentation mode."""

from __future__ import annotations

import html
import json
import re

import pytest

from components.filters import Filters, apply
from components.i18n import t
from components.markdown import escape_md
from tests.support.links import BAD


def deck(app) -> dict:
    return json.loads(app.get("deck_gl_json_chart")[0].proto.json)


def light(app) -> dict:
    return json.loads(app.get("plotly_chart")[0].proto.spec)


def markers(app) -> set[str]:
    """The delegations on the map, whichever drawing the page chose."""
    if app.get("deck_gl_json_chart"):
        layer = next(item for item in deck(app)["layers"] if item["id"] == "delegations")
        return {p["id"] for p in layer["data"]}
    return {i for trace in light(app)["data"] for i in trace.get("customdata") or ()}


def numbered(app) -> dict[str, int]:
    """Each delegation's number as the drawn map shows it."""
    if app.get("deck_gl_json_chart"):
        layers = {item["id"]: item["data"] for item in deck(app)["layers"]}
        where = {(p["lon"], p["lat"]): p["id"] for p in layers["delegations"]}
        return {where[(p["lon"], p["lat"])]: int(p["text"]) for p in layers["numbers"]}
    traces = light(app)["data"]
    where = {(x, y): i for t in traces if t.get("customdata")
             for i, x, y in zip(t["customdata"], t["lon"], t["lat"], strict=True)}
    numbers = next(t for t in traces if t.get("mode") == "text" and all(x.isdigit() for x in t["text"]))
    return {where[(x, y)]: int(n) for n, x, y in zip(numbers["text"], numbers["lon"], numbers["lat"], strict=True)}


def test_map_shows_every_identified_delegation(run_app, data):
    app = run_app("map")
    assert not app.exception
    assert markers(app) == set(apply(data, Filters()).ids)


def test_without_a_report_of_a_graphics_card_the_light_map_is_drawn(run_app):
    app = run_app("map")
    assert app.get("plotly_chart") and not app.get("deck_gl_json_chart")
    labels = [b.label for b in app.button]
    assert "Zoomable map (needs a graphics card)" in labels  # the other drawing, one click away
    assert not [x for x in labels if "WebGL" in x]  # in words an official knows


@pytest.mark.parametrize("theme", ["", "green", "education", "innovation", "tourism", "investment"])
def test_both_maps_show_the_same_numbered_delegations(run_app, data, theme):
    filters = {"theme": theme} if theme else {}
    webgl, svg = run_app("map", map="webgl", **filters), run_app("map", map="light", **filters)
    assert webgl.get("deck_gl_json_chart") and svg.get("plotly_chart")
    assert numbered(webgl) == numbered(svg)
    assert set(numbered(svg)) == set(apply(data, Filters(themes=(theme,) if theme else ())).ids)


def test_the_map_switch_goes_into_the_address(run_app):
    app = run_app("map", map="webgl")
    next(b for b in app.button if b.label == "Light map").click().run()
    assert app.query_params["map"] == "light"
    assert app.get("plotly_chart")


def test_theme_filter_in_the_url_filters_the_map(run_app, data):
    app = run_app("map", theme="green,education", match="all")
    assert markers(app) == set(apply(data, Filters(themes=("green", "education"), match="all")).ids)


def test_url_with_language_theme_and_delegation_reproduces_the_view(run_app):
    app = run_app("map", lang="vi", theme="green", delegation="osaka")
    assert app.title[0].value == "Bản đồ các đoàn quốc tế"
    assert "Thành phố Osaka" in [s.value for s in app.subheader]
    assert "Takahashi Toru" in " ".join(m.value for m in app.markdown)
    assert app.query_params["delegation"] == "osaka"


@pytest.mark.parametrize("kind", ["light", "webgl"])
def test_the_open_cards_delegation_is_ringed_and_named_on_the_map(run_app, kind):
    """Review of issue 21: with Chungcheongbuk's card open, nothing on the map said which marker
    was Chungcheongbuk (its name had no room in the crowd of East Asia)."""
    app = run_app("map", delegation="chungcheongbuk", map=kind)
    if kind == "webgl":
        layers = {item["id"]: item["data"] for item in deck(app)["layers"]}
        assert len(layers["focus"]) == 1
        assert next(p["name"] for p in layers["labels"]) == "Chungcheongbuk Province"
    else:
        traces = light(app)["data"]
        assert any(t.get("marker", {}).get("line", {}).get("width") == 4 and len(t["lon"]) == 1 for t in traces)
        assert any("Chungcheongbuk Province" in (t.get("text") or ()) for t in traces)


@pytest.mark.parametrize(("params", "name"), BAD, ids=[f"{n}-{i}" for i, (_, n) in enumerate(BAD)])
def test_bad_link_gives_a_notice_and_a_working_map(run_app, params, name):
    app = run_app("map", **params)
    assert not app.exception
    assert any(f"“{escape_md(name)}=" in w.value for w in app.warning)  # shown escaped, reads as typed
    assert app.get("deck_gl_json_chart") or app.get("plotly_chart") or app.info  # the map, or the empty state


def test_empty_filter_shows_an_empty_state_naming_the_filter(run_app):
    app = run_app("map", theme="automotive", country="US")
    assert not app.get("deck_gl_json_chart") and not app.get("plotly_chart")
    message = app.info[0].value
    assert "Nothing matches" in message and "the themes" in message and "the countries" in message


def test_colour_by_country_from_the_url(run_app, data):
    app = run_app("map", color="country", map="webgl")
    layer = next(item for item in deck(app)["layers"] if item["id"] == "delegations")
    assert len({tuple(p["color"]) for p in layer["data"]}) == apply(data, Filters()).localities["country"].nunique()


def test_presentation_mode_tours_the_filtered_delegations(run_app, data):
    app = run_app("map", present="1", theme="green")
    assert not app.exception
    labels = [b.label for b in app.button]
    assert {"Previous", "Pause tour", "Next", "Exit presentation"} <= set(labels)
    total = len(apply(data, Filters(themes=("green",))).ids)
    assert f"1 of {total}" in [c.value for c in app.caption]
    next(b for b in app.button if b.label == "Next").click().run()
    assert f"2 of {total}" in [c.value for c in app.caption]


@pytest.mark.parametrize("theme", ["", "green"])
def test_the_tour_position_is_the_number_on_the_current_delegations_marker(run_app, data, theme):
    """'3 of 13' beside a card means marker 3 on the map, so the room finds it."""
    app = run_app("map", present="1", map="light", **({"theme": theme} if theme else {}))
    names = dict(zip(data.localities["name_en"], data.localities["id"], strict=True))
    total = len(apply(data, Filters(themes=(theme,) if theme else ())).ids)
    for _ in range(3):
        position = next(c.value for c in app.caption if re.fullmatch(rf"\d+ of {total}", c.value))
        current = names[app.subheader[-1].value.replace("\\", "")]
        assert numbered(app)[current] == int(position.split()[0]), (position, current)
        next(b for b in app.button if b.label == "Next").click().run()


def test_exit_presentation_clears_the_parameter(run_app):
    app = run_app("map", present="1")
    next(b for b in app.button if b.label == "Exit presentation").click().run()
    assert "present" not in app.query_params


def htmls(app) -> list[str]:
    return [element.proto.body for element in app.get("html")]


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("present", ["", "1"])
def test_colour_by_theme_says_its_rule_and_the_legend_has_every_colour_of_the_card(run_app, lang, present):
    """Chongqing states six themes and its marker shows one: the legend says which and why, and
    every colour its card uses is in the legend."""
    params = {"present": present} if present else {"delegation": "chongqing"}
    app = run_app("map", lang=lang, map="light", **params)
    rule = t("map.legend.theme_rule", lang)
    legend = next(body for body in htmls(app) if "atlas-legend" in body and html.escape(rule) in body)
    colours = set(re.findall(r"background:(#[0-9A-Fa-f]{6})", legend))
    on_cards = {c for body in htmls(app) if "atlas-legend" in body for c in re.findall(r"background:(#[0-9A-Fa-f]{6})",
                                                                                   body)}
    assert on_cards <= colours, on_cards - colours
    # the map's part of the legend names exactly the markers' colours; the card's others come apart
    on_map = set(re.findall(r"background:(#[0-9A-Fa-f]{6})", legend.split(t("map.legend.card_only", lang))[0]))
    markers_drawn = {trace["marker"]["color"] for trace in light(app)["data"] if trace.get("customdata")}
    assert {c.lower() for c in on_map} == {c.lower() for c in markers_drawn}
    if not present:  # the full rule beside the colour control
        assert t("map.color.theme_rule", lang) in [c.value for c in app.caption]


def test_colour_by_country_needs_no_theme_rule(run_app):
    app = run_app("map", color="country", map="light")
    assert not [b for b in htmls(app) if html.escape(t("map.legend.theme_rule", "en")) in b]
    assert t("map.color.theme_rule", "en") not in [c.value for c in app.caption]
