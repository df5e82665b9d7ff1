"""Every chart's text inside its figure at 1366 px, in both languages: titles, tick labels, bar
labels, legends and footnotes clear of the figure's edges by a margin, and bar labels inside the
plot area (outside it plotly clips them: '55%' read '55''). Measured on the SVG the browser drew."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.test_layout import open_page
from tests.support.browser import screenshot

pytestmark = pytest.mark.browser

CHART_PAGES = {"themes": "/themes", "programme": "/programme?event=fd-opening-mayors-conference"}
MARGIN = 4  # px of paper kept around every text
#: Text outside its figure (less than MARGIN from an edge), or bar labels outside the plot area.
OUTSIDE = """(margin) => {
  const out = [];
  for (const chart of document.querySelectorAll('.js-plotly-plot')) {
    const svg = chart.querySelector('svg.main-svg').getBoundingClientRect();
    const plot = chart.querySelector('.bglayer rect, .nsewdrag').getBoundingClientRect();
    for (const text of chart.querySelectorAll('svg text')) {
      const box = text.getBoundingClientRect();
      if (!text.textContent.trim() || box.width === 0) continue;
      const outside = box.left < svg.left + margin || box.right > svg.right - margin
        || box.top < svg.top + margin / 2 || box.bottom > svg.bottom - margin / 2;
      const clipped = text.closest('.bartext, .textpoint') && (box.right > plot.right + 1 || box.left < plot.left - 1);
      if (outside || clipped) out.push(text.textContent.trim().slice(0, 50));
    }
  }
  return out;
}"""


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("name", list(CHART_PAGES))
def test_chart_text_stays_inside_the_figure_at_1366(page: Page, server, traffic, name, lang):
    address = CHART_PAGES[name]
    open_page(page, f"{server}{address}{'&' if '?' in address else '?'}lang={lang}", (1366, 768))
    charts = page.get_by_test_id("stPlotlyChart")
    for i in range(charts.count()):  # a chart is drawn when it comes into view
        charts.nth(i).scroll_into_view_if_needed()
        charts.nth(i).locator("svg.main-svg").first.wait_for(timeout=15_000)
    page.wait_for_timeout(1000)
    assert page.locator(".js-plotly-plot").count() == charts.count()
    assert page.evaluate(OUTSIDE, MARGIN) == []
    screenshot(page, f"chart-text-{name}-{lang}-1366x768")
