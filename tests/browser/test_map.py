"""The world map in Chromium: paints offline, shades the 16 countries, tooltip on hover, card on
click, links reproduce the view, the Vietnamese page has no English left, presentation tour; the
light map chosen where WebGL is drawn in software (as here: Chromium without a GPU), its click."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from components import maps
from components.style import rgb
from tests.support.browser import english_left, interface_text, screenshot, wait_for_app

pytestmark = pytest.mark.browser
MAP = "[data-testid='stDeckGlJsonChart']"
LIGHT = "[data-testid='stPlotlyChart']"


def open_map(page: Page, url: str, titled: bool = True) -> None:
    page.goto(url)
    if titled:  # presentation mode has no page title
        wait_for_app(page)
    page.locator(f"{MAP} canvas").first.wait_for(timeout=30_000)
    page.wait_for_timeout(2500)  # deck.gl draws on the next animation frames


def marker_position(page: Page, data, locality_id: str, chart: str = MAP) -> tuple[float, float]:
    """Where a delegation's marker is drawn on the map as first shown (no filter, no card): the
    map is centred on its planned frame, whatever its width on this screen."""
    from components import style
    from components.filters import Filters, apply

    view = apply(data, Filters())
    built = maps.plan(data, view, style.colouring(data, view, "theme", "en"), "en")
    row = built.points.set_index("id").loc[locality_id]
    x, y = built.frame.screen(row["lon"], row["lat"])
    box = page.locator(chart).first.bounding_box()
    return box["x"] + box["width"] / 2 + (x - built.frame.width / 2), box["y"] + box["height"] / 2 + (
        y - built.frame.height / 2)


def pixels_near(image: Image.Image, colour: list[int], tolerance: int = 8) -> int:
    target = colour[:3]
    raw = image.convert("RGB").tobytes()
    return sum(1 for i in range(0, len(raw), 3)
               if all(abs(raw[i + c] - target[c]) <= tolerance for c in range(3)))


def test_map_paints_and_shades_the_participating_countries(page: Page, server, traffic):
    open_map(page, server + "/map?map=webgl")
    image = Image.open(io.BytesIO(page.locator(MAP).first.screenshot()))
    ocean = pixels_near(image, rgb(maps.NORMAL.ocean))
    shaded = pixels_near(image, rgb(maps.NORMAL.participating))
    total = image.width * image.height
    land = pixels_near(image, rgb(maps.NORMAL.land)) + shaded
    assert land > total * 0.08 and ocean > total * 0.3, "the map canvas is (nearly) blank"
    assert shaded > 5000, "participating countries are not shaded"
    screenshot(page, "map_world")
    assert traffic.console_errors == []


def test_hovering_a_marker_shows_its_tooltip_and_clicking_opens_its_card(page: Page, server, data, traffic):
    open_map(page, server + "/map?map=webgl")
    x, y = marker_position(page, data, "montevideo")
    page.mouse.move(x, y)
    tooltip = page.locator(".deck-tooltip")
    expect(tooltip).to_contain_text("Montevideo")
    expect(tooltip).to_contain_text("Federico Penino")
    page.mouse.click(x, y)
    card = page.locator(".st-key-card_montevideo")
    expect(card).to_contain_text("Federico Penino", timeout=15_000)
    assert "delegation=montevideo" in page.url
    screenshot(page, "map_card")


def test_link_with_theme_language_and_delegation_reproduces_the_view(page: Page, server, traffic):
    open_map(page, server + "/map?lang=vi&theme=green&delegation=osaka&map=webgl")
    expect(page.locator("h1").first).to_have_text("Bản đồ các đoàn quốc tế")
    expect(page.locator(".st-key-card_osaka")).to_contain_text("Takahashi Toru")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_contain_text("Chuyển đổi xanh & khí hậu")  # the theme chip in the filter


def test_vietnamese_map_page_has_no_english_interface_text(page: Page, server, traffic):
    open_map(page, server + "/map?lang=vi&delegation=chongqing&map=webgl")
    assert english_left(interface_text(page)) == []
    # the browser tab and screen readers are told the language too
    assert page.title() == "Bản đồ Hữu nghị"
    assert page.evaluate("document.documentElement.lang") == "vi"


def test_presentation_mode_at_1080p_tours_and_pauses(page: Page, server, data, traffic):
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_map(page, server + "/map?present=1&theme=green&map=webgl", titled=False)
    assert page.get_by_test_id("stSidebar").is_hidden()
    total = len(set(data.priorities.loc[data.priorities["theme_id"] == "green", "locality_id"])
                & set(data.localities.loc[data.localities["evidence"] != "C", "id"]))
    position = page.get_by_text(re.compile(rf"^\d+ of {total}$"))
    expect(position).to_be_visible(timeout=15_000)
    screenshot(page, "map_presentation_1080p", full=False)
    first = position.inner_text()
    expect(position).not_to_have_text(first, timeout=20_000)  # the tour moved on by itself
    page.get_by_role("button", name="Pause tour").click()
    expect(page.get_by_role("button", name="Play tour")).to_be_visible()
    paused = position.inner_text()
    page.wait_for_timeout(10_000)
    assert position.inner_text() == paused


def open_light(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.locator(f"{LIGHT} .geo .choroplethlayer path").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)


def test_where_webgl_is_drawn_in_software_the_light_map_is_chosen_and_drawn_offline(page: Page, server, data, traffic):
    open_light(page, server + "/map")
    assert page.locator(MAP).count() == 0
    assert any("/app/static/topojson/world_110m.json" in url for url in traffic.requests)  # outlines from the app
    image = Image.open(io.BytesIO(page.locator(LIGHT).first.screenshot()))
    assert pixels_near(image, rgb(maps.NORMAL.participating)) > 5000, "the 16 countries are not shaded"
    assert pixels_near(image, rgb(maps.NORMAL.ocean)) > image.width * image.height * 0.3
    numbers = page.locator(f"{LIGHT} .geo text").all_text_contents()
    assert sorted(int(n) for n in numbers if n.isdigit()) == list(range(1, len(apply_default(data)) + 1))
    screenshot(page, "map_light")
    assert traffic.console_errors == []


def test_clicking_a_delegation_on_the_light_map_opens_its_card(page: Page, server, data, traffic):
    open_light(page, server + "/map?lang=vi")
    x, y = marker_position(page, data, "montevideo", LIGHT)
    page.mouse.click(x, y)
    expect(page.locator(".st-key-card_montevideo")).to_contain_text("Federico Penino", timeout=15_000)
    assert "delegation=montevideo" in page.url
    screenshot(page, "map_light_card")


def test_one_click_switches_to_the_webgl_map_and_the_link_keeps_it(page: Page, server, traffic):
    open_light(page, server + "/map")
    page.get_by_role("button", name="Zoomable map (needs a graphics card)").click()
    page.locator(f"{MAP} canvas").first.wait_for(timeout=30_000)
    assert "map=webgl" in page.url
    page.get_by_test_id("stSidebar").get_by_role("link", name="Themes").click()
    wait_for_app(page)
    assert "map=webgl" in page.url  # kept from page to page


def apply_default(data) -> list[str]:
    from components.filters import Filters, apply

    return list(apply(data, Filters()).ids)
