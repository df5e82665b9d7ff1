"""Priorities shared with the city, on a hand-made case with a known answer and on the real data:
one scale everywhere, the count of the city's priority themes a delegation shares."""

from __future__ import annotations

import re

import pytest

from components import briefing, charts, match
from components.filters import Filters, apply
from components.match import Match, host_weights, rank, ranking, similar


def test_rank_counts_the_shared_themes_on_a_hand_made_case():
    weights = {"green": 2, "digital": 2, "trade": 1}
    themes = {
        "d": {"green"},                # 1 shared
        "b": {"trade", "green"},       # 2 shared, the headline theme listed first
        "a": {"digital", "green"},     # 2 shared, like b: the tie goes by id, not by weight
        "c": {"tourism"},              # shares nothing
    }
    assert rank(themes, weights) == [
        Match("a", ("digital", "green")), Match("b", ("green", "trade")), Match("d", ("green",)), Match("c", ()),
    ]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_web_and_pack_say_the_same_count_of_the_citys_priorities(data, lang):
    """The web said a percentage and the pack points: both now give 'n of N', N the city's themes."""
    view = apply(data, Filters())
    total = len(host_weights(data))
    of = r" of " if lang == "en" else "/"
    lines, _ = match.rank_lines(data, view, lang)
    assert lines and all(re.search(rf" — \d{of}{total}: ", line) for line in lines)
    bars = charts.match_chart(data, view, lang).figure.data[0]
    assert list(bars.text) == [f"{int(x)}{of}{total}" for x in bars.x]
    notes = next(s for s in briefing.plan(data, view, lang).slides if s.image == "host-match").notes
    words = " ".join([*lines, *notes, charts.match_chart(data, view, lang).figure.layout.title.text])
    assert str(total) in notes[0] and "%" not in words and "point" not in words and "điểm" not in words.lower()


def test_a_delegation_without_a_bar_is_told_why(data):
    notes = match.left_out(data, apply(data, Filters()), "en")
    assert notes == ["Not drawn, as no report gives what they want to cooperate on: Leipzig, Vientiane Capital."]
    shares_none = apply(data, Filters(countries=("JP",)))  # Japan's delegations each share one or more
    assert match.left_out(data, shares_none, "en") == []


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
