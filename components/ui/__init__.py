"""The Streamlit edge, in parts: the page context and URL state (``state``), the cache for builders'
results (``cache``), the sidebar and its filters (``sidebar``), the widgets every page uses
(``widgets``), charts and downloads (``downloads``), presentation mode (``presentation``). Builders
elsewhere never import Streamlit; pages only wire, through the names below."""

from components.markdown import escape_md, source_links
from components.ui.cache import cached, cached_call, view
from components.ui.downloads import briefing_downloads, chart, download_row
from components.ui.sidebar import multiselect, segmented, sidebar
from components.ui.state import (
    PAGES,
    Context,
    PageSpec,
    context,
    dataset,
    loaded,
    shared_params,
    start,
    update,
    update_filters,
)
from components.ui.widgets import (
    empty_state,
    filter_by_clicked_theme,
    format_day,
    key_figure,
    legend,
    locality_card,
    map_key,
    nothing,
    page_header,
    show_notices,
    source_caption,
    table,
    text,
    theme_click_note,
)

__all__ = [
    "PAGES",
    "Context",
    "PageSpec",
    "briefing_downloads",
    "cached",
    "cached_call",
    "chart",
    "context",
    "dataset",
    "download_row",
    "empty_state",
    "escape_md",
    "filter_by_clicked_theme",
    "format_day",
    "key_figure",
    "legend",
    "loaded",
    "locality_card",
    "map_key",
    "multiselect",
    "nothing",
    "page_header",
    "segmented",
    "shared_params",
    "show_notices",
    "sidebar",
    "source_caption",
    "source_links",
    "start",
    "table",
    "text",
    "theme_click_note",
    "update",
    "update_filters",
    "view",
]
