"""Programme builders: nothing drawn more precisely than reported, 23–27 Sept axis, agenda, cards."""

from __future__ import annotations

import html
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
            assert place.precision == "day"
            assert (place.start.time(), place.end.time()) == (time(0), time(23, 59))


def test_timeline_points_are_only_the_reported_clock_times(data):
    chart = programme.timeline(data, "en")
    points = [x for trace in chart.figure.data if trace.type == "scatter" for x in trace.x]
    timed = data.programme[data.programme["start"].notna()]
    assert sorted(points) == sorted(datetime.combine(d, s) for d, s in zip(timed["date"], timed["start"], strict=True))


def test_timeline_spans_exactly_23_to_27_september(data):
    chart = programme.timeline(data, "vi")
    start, end = chart.figure.layout.xaxis.range
    assert (str(start)[:10], str(end)[:10]) == ("2024-09-23", "2024-09-28")
    assert list(chart.figure.layout.xaxis.ticktext) == ["T2 23/9", "T3 24/9", "T4 25/9", "T5 26/9", "T6 27/9"]


def test_every_event_is_named_on_its_own_row_in_the_order_it_happened(data):
    rows = programme.events(data)
    chart = programme.timeline(data, "en")
    labels = list(chart.figure.layout.yaxis.categoryarray)
    assert len(labels) == len(set(labels)) == len(rows)
    for label, title in zip(labels, rows["title_en"], strict=True):
        words = html.escape(title).split()
        assert words[0] in label and (words[-1] in label or label.endswith("…"))
        assert all(len(line) <= programme.LABEL_WIDTH + 20 for line in label.split("<br>"))  # wrapped, not cut
    assert labels[0].startswith("<b>Mon 23 Sep</b>") and labels[-1].startswith("<b>Thu 26 Sep</b>")


def test_untimed_events_are_hatched_whole_day_bars(data):
    chart = programme.timeline(data, "en")
    untimed = set(data.programme.loc[data.programme["start"].isna() & data.programme["part_of_day"].isna(), "id"])
    for trace in (x for x in chart.figure.data if x.type == "bar"):
        for event, width, shape in zip(trace.customdata, trace.x, trace.marker.pattern.shape, strict=True):
            if event in untimed:
                assert shape == "/" and width > 23 * 3600 * 1000


def test_agenda_lists_every_event_once_in_order(data):
    days = programme.agenda(data, "en")
    listed = [item.id for items in days.values() for item in items]
    assert sorted(listed) == sorted(data.programme["id"])
    assert days[data.programme_days[-1]] == []  # nothing was reported for 27 Sept
    on_25 = [i.id for i in days[data.programme_days[2]]]
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


def test_venues_list_each_reported_place_once_with_its_events(data):
    places = programme.venues(data, "en").set_index("Venue")
    assert places.index.is_unique
    assert places.loc["Bach Dang Wharf Park, District 1", "Event"] == (
        "Tue 24 Sep · Announcement of the HCMC International Friendship Symbol")
    held = " | ".join(places["Event"])
    assert held.count(" · ") == data.programme["venue_en"].notna().sum()


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_timeline_names_every_event_in_full(data, lang):
    labels = [html.unescape(y).replace("<br>", " ") for trace in programme.timeline(data, lang).figure.data
              for y in trace.y]
    assert not any(label.endswith("…") for label in labels)
    for title in data.programme[f"title_{lang}"]:
        assert any(" ".join(title.split()) in label for label in labels), title


def test_the_open_event_is_marked_on_the_timeline(data):
    figure = programme.timeline(data, "en", marked="c4ir-launch").figure
    assert len(figure.layout.shapes) == len(data.programme_days) + 2  # the day rules, the last one, the band
    marked = [y for trace in figure.data for y in trace.y if y.startswith("▶")]
    assert len(marked) == 1 and "Fourth" in marked[0]


def test_note_under_the_timeline_is_wrapped_to_fit_a_laptop(data):
    figure = programme.timeline(data, "vi").figure
    note = next(a.text for a in figure.layout.annotations if "UTC+7" in a.text)
    assert max(len(line) for line in note.split("<br>")) <= programme.NOTE_WIDTH


def test_the_flower_offering_says_reports_differ_on_the_count(data):
    """The ceremony's report says 40 localities; the atlas counts 36: both are sourced, and said."""
    event = data.programme.set_index("id").loc["flower-offering"]
    assert "40" in event["participants_en"] and "36" in event["description_en"] and "36" in event["description_vi"]
    assert "differ" in event["description_en"] and "nld-2409-briefing" in event["source_id"]
