"""One label table per dataset and language: the rules for a head of delegation, a relation and an
event's time, and the map's tooltip and the card saying the same."""

from __future__ import annotations

from datetime import time

import pytest

from components import maps, profiles, style
from components.filters import Filters, apply
from components.labels import colour_rule, labels_of


@pytest.mark.parametrize(("name", "title", "en", "vi"), [
    ("Kim Young-hwan", "Governor", "Kim Young-hwan, Governor", "Kim Young-hwan, Governor"),
    ("Kim Young-hwan", None, "Kim Young-hwan", "Kim Young-hwan"),
    (None, "Vice Mayor", "Vice Mayor (name not reported)", "Vice Mayor (chưa rõ họ tên)"),
    (float("nan"), float("nan"), "not reported", "chưa có thông tin"),
])
def test_the_head_of_delegation_rule(data, name, title, en, vi):
    assert labels_of(data, "en").head(name, title).lower() == en.lower()
    assert labels_of(data, "vi").head(name, title).lower() == vi.lower()


def test_relations_and_times_read_the_same_everywhere(data):
    say = labels_of(data, "en")
    assert say.relation("sister_city", 1995.0) == "Sister city since 1995"
    assert say.relation("sister_city", float("nan")) == "Sister city"
    assert say.when({"start": time(8), "end": time(10, 30), "part_of_day": "morning"}) == "08:00–10:30"
    assert say.when({"start": None, "end": None, "part_of_day": "evening"}) == "Evening"
    assert say.when({"start": None, "end": None, "part_of_day": None}) == labels_of(data, "en").when(
        {"start": float("nan"), "end": None, "part_of_day": float("nan")})


def test_a_province_is_never_called_a_sister_city(data):
    provinces = data.localities[data.localities["kind"].isin(("province", "prefecture"))]
    assert len(provinces)
    for locality_id in provinces["id"]:
        assert "city" not in profiles.card(data, locality_id, "en").relation.lower()
    assert profiles.card(data, "chungcheongbuk", "en").relation == "Sister province since 2023"
    assert profiles.card(data, "chungcheongbuk", "vi").relation == "Tỉnh kết nghĩa từ năm 2023"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_map_tooltip_and_the_card_name_the_same_head(data, lang):
    view = apply(data, Filters(evidence=("A", "B", "L", "C")))
    points = maps.map_points(data, view, style.colouring(data, view, lang=lang, mode="theme"), lang)
    for locality_id, head in zip(points["id"], points["head"], strict=True):
        assert profiles.card(data, locality_id, lang).head == head


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_colour_by_theme_states_its_rule(lang):
    rule = colour_rule("theme", lang)
    assert rule and ("most" in rule if lang == "en" else "nhiều nhất" in rule)
    assert colour_rule("theme", lang, short=True) and colour_rule("country", lang) is None


@pytest.mark.parametrize(("lang", "says"), [("en", "Deputy Mayor (name not reported)"),
                                            ("vi", "Phó Thị trưởng (chưa rõ họ tên)")])
def test_a_head_known_only_by_title_says_the_name_is_not_reported(data, lang, says):
    """'Deputy Mayor (not reported)' read as if the post were unreported; the name is what is missing.
    The card (web, pack, who's who) and the map's tooltip read the same rule."""
    assert profiles.card(data, "leipzig", lang).head == says
    view = apply(data, Filters())
    points = maps.map_points(data, view, style.colouring(data, view, lang=lang, mode="theme"), lang)
    assert says in set(points["head"])
