"""The host-match rule on a hand-made case with a known answer, and on the real data."""

from __future__ import annotations

from components import match
from components.filters import Filters, apply
from components.match import Match, host_weights, rank, ranking, similar


def test_rank_on_a_hand_made_case():
    weights = {"green": 2, "digital": 2, "trade": 1}
    themes = {
        "a": {"green": 1, "trade": 3},        # 2 + 1 = 3
        "b": {"digital": 2, "green": 1},      # 2 + 2 = 4, best
        "c": {"tourism": 5},                  # shares nothing
        "d": {"green": 2, "trade": 1},        # 3, like a, but fewer statements on shared themes (3 < 4)
    }
    assert rank(themes, weights) == [
        Match("b", 4, 4 / 5, ("digital", "green"), 3),
        Match("a", 3, 3 / 5, ("green", "trade"), 4),
        Match("d", 3, 3 / 5, ("green", "trade"), 3),
        Match("c", 0, 0.0, (), 0),
    ]


def test_host_weights_mark_the_headline_priorities(data):
    weights = host_weights(data)
    assert weights["green"] == weights["digital"] == weights["hightech"] == 2
    assert weights["trade"] == 1


def test_ranking_covers_exactly_the_filtered_delegations(data):
    view = apply(data, Filters(countries=("JP", "IT")))
    assert {m.locality_id for m in ranking(data, view)} == set(view.ids)


def test_similar_delegations_share_themes_and_exclude_themselves(data):
    alike = similar(data, "osaka")
    assert alike and all(other != "osaka" and shared for other, shared in alike)


def test_host_lines_name_each_theme_once(data):
    themes = [theme for theme, _, _ in match.host_lines(data, "en")]
    assert len(themes) == len(set(themes)) == data.host["theme_id"].nunique()
