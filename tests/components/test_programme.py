"""Programme builders: nothing drawn more precisely than reported, 23–27 Sept axis, agenda, cards."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from components import programme


def test_no_event_without_a_reported_time_is_drawn_at_a_specific_hour(data):
    for _, row in data.programme.iterrows():
        place = programme.placement(row)
        if isinstance(row["start"], time):
            assert place.precision == "exact"
            continue
        assert place.end is not None  # never a point at an hour nobody reported
        if isinstance(row["part_of_day"], str):
            assert (place.start.time(), place.end.time()) == programme.PARTS[row["part_of_day"]]
        else:
            assert place.lane == programme.NO_TIME_LANE
            assert (place.start.time(), place.end.time()) == (time(0), time(23, 59))


def test_timeline_points_are_only_the_reported_clock_times(data):
    chart = programme.timeline(data, programme.events(data), "en")
    points = [x for trace in chart.figure.data if trace.type == "scatter" for x in trace.x]
    timed = data.programme[data.programme["start"].notna()]
    assert sorted(points) == sorted(datetime.combine(d, s) for d, s in zip(timed["date"], timed["start"], strict=True))


def test_timeline_spans_exactly_23_to_27_september(data):
    chart = programme.timeline(data, programme.events(data), "vi")
    start, end = chart.figure.layout.xaxis.range
    assert (str(start)[:10], str(end)[:10]) == ("2024-09-23", "2024-09-28")
    assert list(chart.figure.layout.xaxis.ticktext) == ["T2 23/9", "T3 24/9", "T4 25/9", "T5 26/9", "T6 27/9"]


def test_untimed_events_sit_in_a_marked_lane(data):
    chart = programme.timeline(data, programme.events(data), "en")
    assert "Time not reported" in chart.figure.layout.yaxis.ticktext


def test_agenda_lists_every_event_once_in_order(data):
    days = programme.agenda(data, programme.events(data), "en")
    listed = [item.id for items in days.values() for item in items]
    assert sorted(listed) == sorted(data.programme["id"])
    assert days[programme.DAYS[-1]] == []  # nothing was reported for 27 Sept
    on_25 = [i.id for i in days[programme.DAYS[2]]]
    assert on_25.index("hef-opening-plenary") < on_25.index("hef-policy-dialogue")


@pytest.mark.parametrize(("series", "kinds", "expected"), [
    (("C4IR",), (), {"c4ir-launch"}),
    ((), ("signing",), {"minsk-programme"}),
    (("FD",), ("cultural",), {"city-walk-egg-coffee", "vietnam-night-gala"}),
])
def test_series_and_kind_filters(data, series, kinds, expected):
    assert set(programme.events(data, series, kinds)["id"]) == expected


def test_event_card_links_delegations_and_sources(data):
    card = programme.event_card(data, "turin-meeting", "vi")
    assert card.delegations == (("torino", "Thành phố Torino"),)
    assert card.date == "Thứ Năm, 26/09/2024"
    assert card.source_ids == ("sggp-turin",)


def test_venues_are_grouped_by_place(data):
    places = programme.venues(data, programme.events(data), "en")
    assert len(places) == len(places[["lat", "lon"]].drop_duplicates())
