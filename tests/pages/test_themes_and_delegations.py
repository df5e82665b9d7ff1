"""Themes and Delegations in AppTest: charts follow the filter, empty states, profiles with
sources, compare, both languages."""

from __future__ import annotations

import json

import pytest

from components.filters import Filters, apply
from tests.support.seed import SEED_DELEGATIONS
from tests.support.tables import tables


def figures(app) -> list[dict]:
    return [json.loads(c.proto.spec) for c in app.get("plotly_chart")]


@pytest.mark.parametrize("match", ["any", "all"])
def test_theme_filter_lists_exactly_the_delegations_stating_the_themes(run_app, data, match):
    app = run_app("delegations", theme="green,education", match=match)
    shown = set(tables(app)[0]["Name"])
    assert shown == set(apply(data, Filters(themes=("green", "education"), match=match)).localities["name_en"])


def test_themes_page_draws_four_charts_for_the_filter(run_app):
    app = run_app("themes", theme="tourism")
    assert not app.exception
    specs = figures(app)
    assert len(specs) == 4
    assert "Tourism, culture &amp; people-to-people" in specs[0]["layout"]["title"]["text"]  # escaped


def test_no_chart_draws_on_an_empty_result(run_app):
    app = run_app("themes", theme="automotive", country="US")
    assert not app.get("plotly_chart")
    assert "Nothing matches" in app.info[0].value


def test_match_rule_is_explained(run_app):
    app = run_app("themes")
    assert any(c.value.startswith("How it is counted: the city states 8 priority themes") for c in app.caption)
    assert any("Leipzig" in c.value and "no report gives" in c.value for c in app.caption)


@pytest.mark.parametrize("locality_id", sorted(SEED_DELEGATIONS))
def test_seed_profile_shows_head_priorities_and_source_links(run_app, data, locality_id):
    app = run_app("delegations", delegation=locality_id)
    assert not app.exception
    text = " ".join(m.value for m in app.markdown)
    head = SEED_DELEGATIONS[locality_id][0]
    assert head.replace("(", "").split()[0] in text
    statements = data.priorities.loc[data.priorities["locality_id"] == locality_id, "statement_en"]
    for statement in statements:
        assert statement.split()[0] in text
    assert "](https://" in text or "Sources:" in text  # at least one linked source


def test_profile_says_not_reported_where_the_data_is_empty(run_app):
    app = run_app("delegations", delegation="leipzig")
    text = " ".join(m.value for m in app.markdown) + " ".join(c.value for c in app.caption)
    assert "not reported" in text


@pytest.mark.parametrize("ids", ["osaka,torino", "osaka,torino,porto", "osaka,torino,porto,minsk"])
def test_compare_two_to_four(run_app, ids):
    app = run_app("delegations", compare=ids)
    assert not app.exception
    grid = tables(app)[0]
    assert len(grid.columns) == len(ids.split(",")) + 1


def test_profile_in_vietnamese(run_app):
    app = run_app("delegations", delegation="chongqing", lang="vi")
    assert "Thành phố Trùng Khánh" in [s.value for s in app.subheader]
    assert "Ưu tiên hợp tác đã nêu" in [s.value for s in app.subheader]


def test_the_matrix_order_lives_in_the_url(run_app):
    app = run_app("themes", order="themes")
    assert app.segmented_control(key="atlas_widget_order").value == "themes"
    app.segmented_control(key="atlas_widget_order").set_value("match").run()
    assert app.query_params["order"] == "match"
    assert run_app("themes").segmented_control(key="atlas_widget_order").value == "country"


def test_the_picker_offers_both_names_and_partners_only_when_shown(data):
    """In Vietnamese both names, so an English one can be typed; in English never the Vietnamese
    one ('Turin (Torino) · Thành phố Torino' read as a translation left in)."""
    from components import profiles
    shown = profiles.choices(data, ("A", "B", "L"), None, "en")
    assert shown["osaka"] == "Osaka City" and shown["torino"] == "Turin (Torino)"
    assert profiles.choices(data, ("A", "B", "L"), None, "vi")["osaka"] == "Thành phố Osaka · Osaka City"
    partners = set(data.localities.loc[data.localities["evidence"] == "C", "id"])
    assert partners and not partners & set(shown)
    partner = sorted(partners)[0]
    assert partner in profiles.choices(data, ("A", "B", "L"), partner, "en")  # the open one is always there
    assert partners <= set(profiles.choices(data, ("A", "B", "L", "C"), None, "vi"))


def test_a_theme_filter_is_named_above_the_bars_and_undone_in_one_click(run_app):
    app = run_app("themes", theme="automotive")
    assert any("filtered to Automotive" in i.value for i in app.info)
    app.button(key="theme_click_undo").click().run()
    assert "theme" not in app.query_params
    assert not any("filtered to" in i.value for i in app.info)


def test_themes_page_ends_with_one_source_line(run_app):
    app = run_app("themes")
    assert not any(c.value.startswith("Source:") for c in app.caption)  # each chart carries its own
