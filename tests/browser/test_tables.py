"""Tables of up to 30 rows on a 1366 × 768 laptop, in both languages: drawn as text (not the data
grid, whose canvas cuts a cell and hides columns), every cell in full, every column on screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_layout import open_page
from tests.support.browser import screenshot

pytestmark = pytest.mark.browser

TABLE_PAGES = {  # name: address of a page with short tables
    "overview": "/", "delegations": "/delegations", "compare": "/delegations?compare=osaka,torino,minsk",
    "programme": "/programme?event=fd-opening-mayors-conference",
}
#: Cells whose text does not fit their box, end in an ellipsis, or lie right of the main area.
CUT_CELLS = """() => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect();
  const out = [];
  for (const cell of document.querySelectorAll('[data-testid="atlas-table"] :is(th, td)')) {
    const box = cell.getBoundingClientRect();
    const text = cell.textContent.trim();
    if (cell.scrollWidth > cell.clientWidth + 1 || text.endsWith('…') || box.right > main.right + 1) {
      out.push(text.slice(0, 60));
    }
  }
  return out;
}"""


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("name", list(TABLE_PAGES))
def test_short_tables_show_every_cell_in_full_at_1366(page: Page, server, traffic, name, lang):
    address = TABLE_PAGES[name]
    open_page(page, f"{server}{address}{'&' if '?' in address else '?'}lang={lang}", (1366, 768))
    page.get_by_test_id("atlas-table").first.wait_for(timeout=15_000)
    assert page.get_by_test_id("stDataFrame").count() == 0, "a short table is drawn as the data grid"
    assert page.evaluate(CUT_CELLS) == []
    screenshot(page, f"tables-{name}-{lang}-1366x768")


#: Chosen items (chips) of every picker that are cut ('Green transition & c…') or hidden.
HIDDEN_CHIPS = """() => [...document.querySelectorAll('[data-testid=stMultiSelectTagsContainer]')].flatMap(m => {
  const box = m.getBoundingClientRect();
  return [...m.querySelectorAll('span')].filter(s => s.children.length === 0 && s.textContent.trim()).filter(s => {
    const r = s.getBoundingClientRect();
    return r.bottom > box.bottom + 1 || r.right > box.right + 1 || s.scrollWidth > s.clientWidth + 1;
  }).map(s => s.textContent);
})"""


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_pickers_show_every_chosen_item_in_full_at_1366(page: Page, server, traffic, lang):
    open_page(page, f"{server}/delegations?compare=osaka,torino,minsk&theme=green,hightech&lang={lang}",
              (1366, 768))
    page.get_by_test_id("stMultiSelectTagsContainer").first.wait_for(timeout=15_000)
    assert page.evaluate(HIDDEN_CHIPS) == []
    screenshot(page, f"pickers-{lang}-1366x768", full=False)


#: For each shown data grid, whether its scroller scrolls sideways (a column off screen).
GRID_SIDEWAYS = """() => [...document.querySelectorAll('[data-testid="stDataFrame"] .dvn-scroller')]
  .filter(e => e.clientWidth > 0).map(e => e.scrollWidth > e.clientWidth + 1)"""


@pytest.mark.parametrize("tab", [0, 2], ids=["sources", "priorities"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_sources_grids_show_every_column_at_1366_and_open_a_row_in_full(page: Page, server, traffic, lang, tab):
    """The two long tables keep the grid (sorting, search): every column on screen, no 'None', and
    a click on a row shows it in full under the grid."""
    open_page(page, f"{server}/sources?lang={lang}", (1366, 768))
    page.get_by_role("tab").nth(tab).click()
    grid = page.get_by_test_id("stDataFrame").nth(0 if tab == 0 else 1)
    grid.wait_for(timeout=15_000)
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    assert page.evaluate(GRID_SIDEWAYS) == [False], "a column of the grid is off screen"
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 38 + 36)  # the first row's selection box, under the header
    row = page.locator("[data-testid='atlas-table']:visible").first
    expect(row).to_be_visible(timeout=15_000)
    assert "None" not in row.inner_text()
    screenshot(page, f"tables-sources-{tab}-{lang}-1366x768", full=False)
