"""Themes and Delegations in Chromium: clicking a bar filters, source links point at the
reports, Vietnamese pages have no English interface text left."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import english_left, interface_text, screenshot, wait_for_app

pytestmark = pytest.mark.browser


def test_clicking_a_theme_bar_filters_says_so_marks_the_bar_and_one_click_undoes_it(page: Page, server, data,
                                                                                    traffic):
    """A real click on a bar (plotly's selection): every page is filtered to that theme, the page
    says so in words, the bar is marked ▶, and one click on Undo brings back all themes."""
    page.goto(server + "/themes")
    wait_for_app(page)
    chart = page.locator(".js-plotly-plot").first
    bars = chart.locator(".bars .point path")
    expect(bars.first).to_be_visible(timeout=30_000)
    before = bars.count()
    box = bars.last.bounding_box()  # the longest bar is drawn last (sorted ascending from the bottom)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # plotly's drag layer is on top
    page.wait_for_url("**theme=*", timeout=15_000)
    theme = page.url.split("theme=")[1].split("&")[0]
    assert theme in set(data.themes["id"])
    wait_for_app(page)
    label = data.themes.set_index("id").loc[theme, "label_en"]
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text(f"Every page is filtered to {label}.", exact=False)).to_be_visible(timeout=15_000)
    expect(chart.locator(".ytick text").filter(has_text=f"▶ {label}")).to_have_count(1)
    screenshot(page, "themes_filtered")
    main.get_by_role("button", name="Undo").click()
    page.wait_for_function("() => !location.search.includes('theme=')", timeout=15_000)
    wait_for_app(page)
    expect(bars).to_have_count(before, timeout=15_000)
    expect(chart.locator(".ytick text").filter(has_text="▶")).to_have_count(0)
    expect(main.get_by_text("Every page is filtered to", exact=False)).to_have_count(0)


def test_profile_source_links_point_at_the_reports(page: Page, server, data, traffic):
    page.goto(server + "/delegations?delegation=osaka")
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Takahashi Toru, Vice Mayor")).to_be_visible()
    hrefs = {a.get_attribute("href") for a in main.locator("a[href^='https://']").all()}
    assert hrefs and hrefs <= set(data.sources["url"].dropna())
    screenshot(page, "delegation_osaka")


@pytest.mark.parametrize("path", ["/themes?lang=vi", "/delegations?lang=vi&delegation=chongqing",
                                  "/delegations?lang=vi&compare=osaka,torino"])
def test_vietnamese_pages_have_no_english_interface_text(page: Page, server, traffic, path):
    page.goto(server + path)
    wait_for_app(page)
    page.wait_for_timeout(1500)
    assert english_left(interface_text(page)) == []


#: The outline drawn round each flag image on the page (its box-shadow or border), in CSS pixels.
FLAG_OUTLINES = """() => [...document.querySelectorAll('[class*="st-key-flag_"] img')].map(img => {
  const style = getComputedStyle(img);
  const shadow = style.boxShadow.match(/(\\d+(?:\\.\\d+)?)px(?=\\s*$)/);
  return Math.max(parseFloat(style.borderTopWidth) || 0, shadow ? parseFloat(shadow[1]) : 0);
})"""


@pytest.mark.parametrize("path", ["/map?delegation=osaka&map=light", "/delegations?delegation=torino",
                                  "/delegations?compare=osaka,torino"])
def test_flags_have_a_hairline_so_a_white_band_or_bare_disc_reads_as_a_flag(page: Page, server, traffic, path):
    """Japan's flag is a red disc on white, Italy's has a white band: on a white card both need
    an edge."""
    page.goto(server + path)
    wait_for_app(page)
    page.locator("[class*='st-key-flag_'] img").first.wait_for(timeout=30_000)
    outlines = page.evaluate(FLAG_OUTLINES)
    assert outlines and all(width >= 1 for width in outlines), outlines
