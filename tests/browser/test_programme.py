"""The programme in Chromium: the axis spans 23–27 Sept, events sit where the data puts them,
clicking an event opens its card, the day tabs list every event once."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import screenshot, wait_for_app

pytestmark = pytest.mark.browser

# Where plotly drew the event whose customdata is `id`: the middle of its bar, or its marker.
EVENT_POSITION = """(id) => {
    const gd = document.querySelector('.js-plotly-plot');
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
    for (const trace of gd._fullData) {
        const k = (trace.customdata || []).indexOf(id);
        if (k < 0) continue;
        const x = trace.type === 'bar' ? xa.d2c(trace.base[k]) + trace.x[k] / 2 : xa.d2c(trace.x[k]);
        // one row per event: the y axis is categorical, so the row's label becomes its index first
        return {x: box.left + xa._offset + xa.c2p(x), y: box.top + ya._offset + ya.c2p(ya.d2c(trace.y[k])),
                start: trace.type === 'bar' ? trace.base[k] : trace.x[k]};
    }
    return null;
}"""


def open_programme(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.get_by_test_id("stPlotlyChart").first.scroll_into_view_if_needed()  # drawn once in view
    page.locator(".js-plotly-plot .xtick").first.wait_for(timeout=30_000)


def test_timeline_axis_spans_23_to_27_september(page: Page, server, traffic):
    open_programme(page, server + "/programme")
    ticks = [tick.text_content() for tick in page.locator(".js-plotly-plot").first.locator(".xtick text").all()]
    assert ticks == ["Mon 23 Sep", "Tue 24 Sep", "Wed 25 Sep", "Thu 26 Sep", "Fri 27 Sep"]
    screenshot(page, "programme")


@pytest.mark.parametrize(("event_id", "day_and_part"), [
    ("fd-opening-mayors-conference", ("2024-09-24 06:00", "Tuesday, 24 September 2024 · Morning")),
    ("hef-policy-dialogue", ("2024-09-25 12:00", "Wednesday, 25 September 2024 · Afternoon")),
])
def test_event_sits_in_its_reported_part_of_day_and_clicking_opens_its_card(page: Page, server, traffic,
                                                                            event_id, day_and_part):
    page.set_viewport_size({"width": 1440, "height": 1600})  # the whole timeline on screen
    open_programme(page, server + "/programme")
    where = page.evaluate(EVENT_POSITION, event_id)
    assert where["start"].replace("T", " ").startswith(day_and_part[0])
    page.mouse.move(where["x"], where["y"])
    expect(page.locator(".hoverlayer")).to_contain_text(day_and_part[1])
    page.mouse.click(where["x"], where["y"])
    expect(page.locator(f".st-key-event_{event_id}")).to_be_visible(timeout=15_000)
    assert f"event={event_id}" in page.url


def test_day_tabs_list_each_days_events_and_open_opens_one(page: Page, server, traffic):
    open_programme(page, server + "/programme")
    tabs = page.get_by_role("tab")
    assert tabs.count() == 5
    tabs.nth(4).click()
    expect(page.get_by_text("No event reported for this day.")).to_be_visible()
    tabs.nth(0).click()
    first_day = page.get_by_role("tabpanel").first
    expect(first_day.get_by_text("HCMC and Minsk sign a trade, economic and humanitarian cooperation programme",
                                 exact=True)).to_be_visible()  # the name in full, as text
    first_day.locator(".st-key-agenda_open_minsk-programme button").click()
    expect(page.locator(".st-key-event_minsk-programme")).to_be_visible(timeout=15_000)  # 23 Sept, evening
