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

    top = st.columns([5, 1, 1, 1, 1.4], vertical_alignment="center")
    top[0].markdown(f"### {t('map.title', lang)}")
    top[0].caption(caption)
    top[1].button(t("present.previous", lang), icon=":material/skip_previous:", width="stretch",
                  on_click=step, args=(-1,))
    playing = st.session_state.tour_playing
    top[2].button(t("present.pause" if playing else "present.play", lang), on_click=toggle, width="stretch",
                  icon=":material/pause:" if playing else ":material/play_arrow:")
    top[3].button(t("present.next", lang), icon=":material/skip_next:", width="stretch", on_click=step, args=(1,))
    top[4].button(t("present.exit", lang), icon=":material/close_fullscreen:", width="stretch",
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
        left, right = st.columns([3, 1.1])
        with left:
            deck = ui.cached(maps.world_deck_for, data, color=state.color, style_name="presentation", focus=current)
            st.pydeck_chart(deck, height=760, key="tour_map",
                            alt=t("map.alt", lang, n=len(ids)))
            ui.legend(colouring.legend)
        with right:
            st.caption(t("present.position", lang, i=index + 1, n=len(ids)))
            show_card(current)

    tour()
    st.stop()

ui.page_header(t("map.title", lang))
st.caption(caption)
if len(view.localities) > maps.MAX_ARCS:
    st.caption(t("map.arcs_capped", lang, limit=maps.MAX_ARCS))
ui.segmented("color", t("map.color_by", lang), list(COLOR_MODES), state.color,
             lambda mode: t(f"map.color.{mode}", lang), lambda mode: ui.update(color=mode))
if view.empty:
    ui.empty_state(data)
    st.stop()

left, right = st.columns([3, 1.1])
with left:
    deck = ui.cached(maps.world_deck_for, data, color=state.color, style_name="normal", focus=None)
    event = st.pydeck_chart(deck, height=620, on_select="rerun", selection_mode="single-object", key="world_map",
                            alt=t("map.alt", lang, n=len(view.localities)))
    ui.legend(colouring.legend)
    ui.download_row(lambda: world_static.world_figure(data, view, colouring, lang), "world_map", "world-map")
picked = event.selection.objects.get(maps.DELEGATION_LAYER, []) if event else []
if picked and picked[0].get("id") != state.delegation:
    ui.update(delegation=picked[0]["id"])
selected = ui.context().state.delegation
with right:
    if selected is None:
        st.info(t("map.hint", lang), icon=":material/touch_app:")
    else:
        if selected not in view.ids:
            st.caption(t("card.hidden_by_filter", lang))
        show_card(selected)
        if st.button(t("card.close", lang), icon=":material/close:", key="close_card"):
            ui.update(delegation=None)
            st.rerun()
ui.source_caption(data)
