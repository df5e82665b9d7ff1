"""World map: delegations, arcs to Ho Chi Minh City, a card for the selected delegation, and a
presentation mode that tours the delegations of the current filter."""

import time

import streamlit as st

from components import maps, profiles, style, summary, ui, world_static
from components.i18n import t
from components.url_state import COLOR_MODES

TOUR_SECONDS = 8
data = ui.dataset()
ctx = ui.context()
lang, state = ctx.lang, ctx.state
view = ui.view(data)
colouring = ui.cached(style.colouring, data, mode=state.color)
figures = ui.cached_call(summary.headline, data)
caption = t("map.caption", lang, n=figures.identified, total=figures.reported, shown=len(view.localities))


def show_card(locality_id: str) -> None:
    ui.locality_card(profiles.card(data, locality_id, lang))


if state.present:
    ui.show_notices()
    st.session_state.setdefault("tour_index", 0)
    st.session_state.setdefault("tour_playing", True)
    st.session_state.setdefault("tour_advanced_at", time.monotonic())
    ids = view.ids

    def step(by: int) -> None:
        st.session_state.tour_index += by
        st.session_state.tour_advanced_at = time.monotonic()

    def toggle() -> None:
        st.session_state.tour_playing = not st.session_state.tour_playing
        st.session_state.tour_advanced_at = time.monotonic()

    title, controls = st.columns([1, 1.25], vertical_alignment="center")
    title.markdown(f"### {t('map.title', lang)}")
    title.caption(caption)
    with controls.container(horizontal=True, horizontal_alignment="right", key="tour_controls"):
        st.button(t("present.previous", lang), icon=":material/skip_previous:", on_click=step, args=(-1,))
        playing = st.session_state.tour_playing
        st.button(t("present.pause" if playing else "present.play", lang), on_click=toggle,
                  icon=":material/pause:" if playing else ":material/play_arrow:")
        st.button(t("present.next", lang), icon=":material/skip_next:", on_click=step, args=(1,))
        st.button(t("present.exit", lang), icon=":material/close_fullscreen:",
                  on_click=lambda: ui.update(present=False))
    if not ids:
        ui.empty_state(data)
        st.stop()

    @st.fragment(run_every=TOUR_SECONDS if st.session_state.tour_playing else None)
    def tour() -> None:
        now = time.monotonic()
        if st.session_state.tour_playing and now - st.session_state.tour_advanced_at >= TOUR_SECONDS - 0.5:
            st.session_state.tour_index += 1
            st.session_state.tour_advanced_at = now
        index = st.session_state.tour_index % len(ids)
        current = ids[index]
        left, right = st.columns([2, 1])
        with left:
            toured, deck = ui.cached(maps.world_map, data, color=state.color, style_name="presentation",
                                     focus=current, size="presentation")
            st.pydeck_chart(deck, height=maps.MAP_SIZES["presentation"][1], key="tour_map",
                            alt=t("map.alt", lang, n=len(ids)))
            ui.legend(colouring.legend)
            ui.map_key(toured.key)
        with right:
            st.caption(t("present.position", lang, i=index + 1, n=len(ids)))
            show_card(current)

    tour()
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
if view.empty:
    ui.empty_state(data)
    st.stop()

selected = state.delegation
size = "wide" if selected is None else "beside_card"
built, deck = ui.cached(maps.world_map, data, color=state.color, style_name="normal", focus=None, size=size)
if selected is None:
    map_column, card_column = st.container(), None
else:
    map_column, card_column = st.columns([2.3, 1])
with map_column:
    event = st.pydeck_chart(deck, height=maps.MAP_SIZES[size][1], on_select="rerun",
                            selection_mode="single-object", key="world_map",
                            alt=t("map.alt", lang, n=len(view.localities)))
    ui.legend(colouring.legend)
    ui.map_key(built.key)
    ui.download_row(lambda: world_static.world_figure(data, view, colouring, lang), "world_map", "world-map")
picked = event.selection.objects.get(maps.DELEGATION_LAYER, []) if event else []
if picked and picked[0].get("id") != selected:
    ui.update(delegation=picked[0]["id"])
    st.rerun()
if card_column is not None:
    with card_column:
        if selected not in view.ids:
            st.caption(t("card.hidden_by_filter", lang))
        show_card(selected)
        if st.button(t("card.close", lang), icon=":material/close:", key="close_card"):
            ui.update(delegation=None)
            st.rerun()
ui.source_caption(data)
