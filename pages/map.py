"""World map: delegations, arcs to Ho Chi Minh City, a card for the selected delegation, and a
presentation mode that tours the delegations of the current filter."""

import streamlit as st

from components import maps, style, summary, ui
from components.i18n import t
from components.labels import colour_rule
from components.ui import map_view
from components.url_state import COLOR_MODES

data = ui.dataset()
ctx = ui.context()
lang, state = ctx.lang, ctx.state
view = ui.view(data)
colouring = ui.cached(style.colouring, data, mode=state.color)
figures = ui.cached_call(summary.headline, data)
caption = t("map.caption", lang, n=figures.identified, total=figures.reported, shown=len(view.localities))

reported = map_view.screen(sized=state.present)
kind = map_view.map_kind(reported)
if kind == "light":
    map_view.warm_up_light_map()
if state.present:
    ui.show_notices()
    map_view.tour(data, view, colouring, caption, kind, reported)
    st.stop()

ui.page_header(t("map.title", lang))
about, colour_control = st.columns([1.6, 1], vertical_alignment="bottom")
about.caption(caption)
about.caption(t("map.hint", lang))
if len(view.localities) > maps.MAX_ARCS:
    about.caption(t("map.arcs_capped", lang, limit=maps.MAX_ARCS))
with colour_control:
    ui.segmented("color", t("map.color_by", lang), list(COLOR_MODES), state.color,
                 lambda mode: t(f"map.color.{mode}", lang), lambda mode: ui.update(color=mode))
rule = colour_rule(state.color, lang)
if rule:
    st.caption(rule)
if view.empty:
    ui.empty_state(data)
    st.stop()
map_view.world_map(data, view, colouring, kind)
ui.source_caption(data)
