"""Presentation mode and the page styles: constant stylesheets, no dataset text in them."""

from __future__ import annotations

#: Presentation mode hides Streamlit's chrome and the sidebar and enlarges type for projectors.
#: A constant stylesheet: no dataset text ever passes through it.
PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1rem 2rem 0 2rem; max-width: 100%; }
html { font-size: 20px; }
</style>
"""


#: Every page: less empty space above the title (Streamlit keeps 6rem for its header), so a
#: map and its legend fit a 1000-pixel-high screen. A constant stylesheet, like the one above.
PAGE_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.75rem; }
.st-key-screen_probe { display: none; }
</style>
"""
