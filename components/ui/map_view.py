"""The world map on screen: the map with a delegation's card beside it, and presentation mode's
tour, which steps through the delegations of the current filter on its own."""

from __future__ import annotations

import time

import streamlit as st

from components import maps, profiles, world_static
from components.dataset import Dataset
from components.filters import View
from components.i18n import t
from components.style import Colouring
from components.ui.cache import cached
from components.ui.downloads import download_row
from components.ui.state import context, update
from components.ui.widgets import empty_state, legend, locality_card, map_key

TOUR_SECONDS = 8


def world_map(data: Dataset, view: View, colouring: Colouring) -> None:
    """The map (wide, or beside the open delegation's card), its legend and numbered key, its
    downloads; a click on a marker opens that delegation's card."""
    ctx = context()
    lang, selected = ctx.lang, ctx.state.delegation
    size = "wide" if selected is None else "beside_card"
    built, deck = cached(maps.world_map, data, color=ctx.state.color, style_name="normal", focus=None, size=size)
    map_column, card_column = (st.container(), None) if selected is None else st.columns([2.3, 1])
    with map_column:
        event = st.pydeck_chart(deck, height=maps.MAP_SIZES[size][1], on_select="rerun",
                                selection_mode="single-object", key="world_map",
                                alt=t("map.alt", lang, n=len(view.localities)))
        legend(colouring.legend)
        map_key(built.key)
        download_row(lambda: world_static.world_figure(data, view, colouring, lang), "world_map", "world-map")
    picked = event.selection.objects.get(maps.DELEGATION_LAYER, []) if event else []
    if picked and picked[0].get("id") != selected:
        update(delegation=picked[0]["id"])
        st.rerun()
    if card_column is not None:
        with card_column:
            if selected not in view.ids:
                st.caption(t("card.hidden_by_filter", lang))
            locality_card(profiles.card(data, selected, lang))
            if st.button(t("card.close", lang), icon=":material/close:", key="close_card"):
                update(delegation=None)
                st.rerun()


def tour(data: Dataset, view: View, colouring: Colouring, caption: str) -> None:
    """Presentation mode: title and controls (previous, pause or play, next, exit), then every
    TOUR_SECONDS the next delegation, focused on the map with its card."""
    ctx = context()
    lang = ctx.lang
    st.session_state.setdefault("tour_index", 0)
    st.session_state.setdefault("tour_playing", True)
    st.session_state.setdefault("tour_advanced_at", time.monotonic())
    ids = view.ids
    title, controls = st.columns([1, 1.25], vertical_alignment="center")
    title.markdown(f"### {t('map.title', lang)}")
    title.caption(caption)
    with controls.container(horizontal=True, horizontal_alignment="right", key="tour_controls"):
        st.button(t("present.previous", lang), icon=":material/skip_previous:", on_click=_step, args=(-1,))
        playing = st.session_state.tour_playing
        st.button(t("present.pause" if playing else "present.play", lang), on_click=_toggle,
                  icon=":material/pause:" if playing else ":material/play_arrow:")
        st.button(t("present.next", lang), icon=":material/skip_next:", on_click=_step, args=(1,))
        st.button(t("present.exit", lang), icon=":material/close_fullscreen:", on_click=lambda: update(present=False))
    if not ids:
        empty_state(data)
        return

    @st.fragment(run_every=TOUR_SECONDS if st.session_state.tour_playing else None)
    def shown() -> None:
        now = time.monotonic()
        if st.session_state.tour_playing and now - st.session_state.tour_advanced_at >= TOUR_SECONDS - 0.5:
            st.session_state.tour_index += 1
            st.session_state.tour_advanced_at = now
        index = st.session_state.tour_index % len(ids)
        current = ids[index]
        left, right = st.columns([2, 1])
        with left:
            toured, deck = cached(maps.world_map, data, color=ctx.state.color, style_name="presentation",
                                  focus=current, size="presentation")
            st.pydeck_chart(deck, height=maps.MAP_SIZES["presentation"][1], key="tour_map",
                            alt=t("map.alt", lang, n=len(ids)))
            legend(colouring.legend)
            map_key(toured.key)
        with right:
            st.caption(t("present.position", lang, i=index + 1, n=len(ids)))
            locality_card(profiles.card(data, current, lang))

    shown()


def _step(by: int) -> None:
    st.session_state.tour_index += by
    st.session_state.tour_advanced_at = time.monotonic()


def _toggle() -> None:
    st.session_state.tour_playing = not st.session_state.tour_playing
    st.session_state.tour_advanced_at = time.monotonic()
