"""Programme page in AppTest: filters in the URL, event card, day tabs, Vietnamese dates."""

from __future__ import annotations

import json

from tests.support.tables import tables


def test_programme_page_shows_timeline_tabs_and_venues(run_app, data):
    app = run_app("programme")
    assert not app.exception
    assert len(app.get("plotly_chart")) == 1
    assert [tab.label for tab in app.tabs] == ["Monday, 23 September 2024", "Tuesday, 24 September 2024",
                                               "Wednesday, 25 September 2024", "Thursday, 26 September 2024",
                                               "Friday, 27 September 2024"]
    venues = next(f for f in tables(app) if "Venue" in f.columns and "Time" not in f.columns)
    assert set(venues["Venue"]) == set(data.programme["venue_en"].dropna())
    assert not app.get("deck_gl_json_chart")  # a plain list, not a near-empty locator map


def _agenda_tab_shown(app) -> str:
    """The label of the day tab the agenda opens on."""
    def blocks(node):
        yield node
        for child in getattr(node, "children", {}).values():
            yield from blocks(child)
    container = next(b for b in blocks(app._tree) if "tab_container" in str(getattr(b, "proto", ""))[:40]
                     and "agenda_day" in b.proto.id)
    return app.tabs[container.proto.tab_container.default_tab_index].label


def test_opening_an_event_shows_its_day_in_the_agenda(run_app):
    assert _agenda_tab_shown(run_app("programme", event="turin-meeting")) == "Thursday, 26 September 2024"
    assert _agenda_tab_shown(run_app("programme", event="c4ir-launch")) == "Wednesday, 25 September 2024"
    assert _agenda_tab_shown(run_app("programme")) == "Monday, 23 September 2024"


def test_event_in_the_url_opens_its_card(run_app):
    app = run_app("programme", event="hef-policy-dialogue")
    text = " ".join(m.value for m in app.markdown)
    assert "Policy dialogue chaired by Prime Minister Pham Minh Chinh" in text
    assert "Afternoon" in text


def test_day_tabs_list_every_event_once_with_a_button_to_open_it(run_app, data):
    app = run_app("programme")
    opens = [b for b in app.button if b.key and b.key.startswith("agenda_open_")]
    assert sorted(b.key.removeprefix("agenda_open_") for b in opens) == sorted(data.programme["id"])
    text = " ".join(m.value for m in app.markdown)
    assert all(title.split("(")[0].split("'")[0][:30] in text.replace("\\", "") for title in data.programme["title_en"])


def test_an_agenda_button_opens_its_event(run_app):
    app = run_app("programme")
    app.button(key="agenda_open_c4ir-launch").click().run()
    assert app.query_params["event"] == "c4ir-launch"


def test_series_filter_in_the_url(run_app):
    app = run_app("programme", series="bilateral")
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    ids = {i for trace in spec["data"] for i in trace.get("customdata", [])}
    assert ids == {"osaka-courtesy-call", "minsk-programme", "turin-bilateral-meetings", "komura-meeting",
                   "chungbuk-meets-party-secretary", "porto-meeting", "turin-meeting", "laos-meeting"}


def test_no_matching_event_shows_an_empty_state(run_app):
    app = run_app("programme", series="C4IR", event_kind="meeting")
    assert not app.get("plotly_chart")
    assert "No event matches" in app.info[0].value


def test_vietnamese_dates(run_app):
    app = run_app("programme", lang="vi")
    assert app.tabs[1].label == "Thứ Ba, 24/09/2024"


def test_the_title_gives_the_days_events_are_recorded_on(run_app, data_copy, monkeypatch):
    """No event is recorded on 27 Sept, so the page does not promise '23–27 September': its title
    gives the recorded days and its intro says the programme was announced for more."""
    from tests.support.data_files import row_of, set_cell

    app = run_app("programme")
    assert app.title[0].value == "Programme, 23–26 September 2024"
    intro = " ".join(m.value for m in app.markdown)
    assert "announced for 23–27 September 2024" in intro and "events on 23–26 September 2024" in intro
    assert run_app("programme", lang="vi").title[0].value == "Chương trình, 23–26/9/2024"
    set_cell(data_copy, "programme.csv", row_of(data_copy, "programme.csv", "id", "laos-meeting"), "date",
             "2024-09-27")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(data_copy))
    app = run_app("programme")
    assert app.title[0].value == "Programme, 23–27 September 2024"
    assert "announced for" not in " ".join(m.value for m in app.markdown)
