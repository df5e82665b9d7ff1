"""Presentation mode and the page styles: constant stylesheets, no dataset text in them."""

from __future__ import annotations

#: A hairline round every flag (components/ui/widgets.py flag), as the briefing pack draws one.
_FLAG_CSS = """
[class*="st-key-flag_"] img { box-shadow: 0 0 0 1px #9FB2C1; }
"""

#: Presentation mode hides Streamlit's chrome and the sidebar and enlarges type for projectors.
#: A constant stylesheet: no dataset text ever passes through it.
PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
/* type scales with the screen: 17.7 px at 1366 x 768, 20.8 px at 1600 x 1000, 24.8 px at 1920 x 1080
   (components/maps.py presentation_size sizes the map with the same rule) */
html { font-size: clamp(15px, min(1.3vw, 2.3vh), 26px); }
[data-testid="stMainBlockContainer"] { padding: 0.6rem 1.25rem 0.6rem 1.25rem; max-width: 100%; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
[data-testid="stMainBlockContainer"] [data-testid="stHorizontalBlock"] { gap: 1rem; }
.st-key-tour_title h3 { font-size: 1.8rem; line-height: 1.2; padding: 0; }
.st-key-tour_controls { gap: 0.4rem; }
.st-key-tour_controls button { font-size: 0.8rem; min-height: 2.1rem; padding: 0.15rem 0.6rem; }
.st-key-tour_controls button p { font-size: 0.8rem; }
.st-key-tour_card_column [class*="st-key-card_"] { padding: 0.7rem 0.9rem; gap: 0.45rem; }
.st-key-tour_card_column [class*="st-key-card_"] h3 { font-size: 1.45rem; line-height: 1.25; padding: 0; }
/* Streamlit pulls what follows a heading up by 1rem: a two-line name would run into the subtitle */
.st-key-tour_card_column [class*="st-key-card_"] [data-testid="stHeading"] [data-testid="stMarkdownContainer"] {
  margin-bottom: 0; }
/* legend and key readable from the back of the room: 16 px at 1366 x 768, 23 px at 1920 x 1080 */
.st-key-tour_map_column [data-testid="atlas-legend"] { font-size: 0.92rem; line-height: 1.35 !important; }
.st-key-tour_map_column [data-testid="atlas-map-key"] {
  font-size: 0.92rem; line-height: 1.25; grid-template-columns: repeat(3, minmax(0, 1fr)) !important;
  gap: 0.1rem 0.8rem !important;
}
.st-key-tour_map_column [data-testid="atlas-map-key"] li > span:first-child {
  font-size: 1em !important; min-width: 1.4em !important; height: 1.3em !important; }
""" + _FLAG_CSS + """</style>
"""


#: The screen probe and the light map's warm-up (components/ui/map_view.py) run out of sight and
#: take no room: display:none would keep their scripts from running.
PROBE_CSS = """
<style>
.st-key-screen_probe, .st-key-light_map_warm_up { position: absolute !important; width: 1px; height: 1px;
  overflow: hidden; opacity: 0; pointer-events: none; }
</style>
"""


#: Every page: less empty space above the title (Streamlit keeps 6rem for its header), so a
#: map and its legend fit a 1000-pixel-high screen. A constant stylesheet, like the one above.
PAGE_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.75rem; }
""" + _FLAG_CSS + """</style>
"""
