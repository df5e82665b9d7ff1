"""The world map on screen: the map with a delegation's card beside it, and presentation mode's
tour, which steps through the delegations of the current filter on its own. Each is drawn with
WebGL (pydeck) or, where the browser draws WebGL in software, as the light SVG map (plotly geo):
the same plan either way."""

from __future__ import annotations

import json
import time

import streamlit as st

from components import maps, profiles, world_static
from components.dataset import Dataset
from components.filters import View
from components.i18n import t
from components.labels import colour_rule
from components.maps import WorldMap
from components.profiles import Card
from components.style import PRESENTATION, Colouring, with_card
from components.style import colouring as colouring_of
from components.ui.cache import cached
from components.ui.downloads import download_row
from components.ui.presentation import PROBE_CSS
from components.ui.state import context, update
from components.ui.widgets import empty_state, legend, locality_card, map_key

TOUR_SECONDS = 8
#: Renderers that draw WebGL without a graphics card: Chromium's SwiftShader, Mesa's llvmpipe and
#: softpipe, Windows' Basic Render Driver (remote desktops, virtual machines).
SOFTWARE_RENDERERS = "swiftshader|llvmpipe|softpipe|software|basic render"
#: Reports the renderer the browser draws WebGL with (WEBGL_debug_renderer_info) and, where the page
#: is sized for the window (presentation mode), the window's size, when mounted and after a resize.
#: It reports only what changes the page (a graphics card, another size): each report reruns the
#: script, and a rerun while the light map is first drawn delays it. A constant script.
_PROBE_JS = """
export default function ({ data, setStateValue }) {
  const report = () => {
    let renderer = "";
    try {
      const gl = document.createElement("canvas").getContext("webgl");
      if (gl) {
        const info = gl.getExtension("WEBGL_debug_renderer_info");
        renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
        const lose = gl.getExtension("WEBGL_lose_context");
        if (lose) lose.loseContext();
      }
    } catch (error) { renderer = ""; }
    const software = !renderer || new RegExp(data.software, "i").test(renderer);
    const screen = {gl: software ? "software" : "hardware", width: window.innerWidth, height: window.innerHeight};
    const known = data.known || {};
    const resized = data.sized && (known.width !== screen.width || known.height !== screen.height);
    if ((known.gl || "software") !== screen.gl || resized) {
      setStateValue("screen", screen);
    }
  };
  report();
  let timer = null;
  const resized = () => { clearTimeout(timer); timer = setTimeout(report, 400); };
  window.addEventListener("resize", resized);
  return () => window.removeEventListener("resize", resized);
}
"""
_probe = st.components.v2.component("atlas_screen_probe", js=_PROBE_JS)


#: Fetches the outlines while the page is still being built and hands them to plotly the way it
#: keeps outlines it fetched itself (window.PlotlyGeoAssets), so that plotly, once its code has
#: loaded, draws at once instead of asking for them then. A constant script.
_WARM_UP_JS = """<script>
(() => {
  const assets = (window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}});
  assets.topojson = assets.topojson || {};
  if (assets.topojson.world_110m || window.atlasOutlines) return;
  window.atlasOutlines = fetch(OUTLINES_URL).then((reply) => (reply.ok ? reply.json() : null))
    .then((outlines) => { if (outlines && !assets.topojson.world_110m) assets.topojson.world_110m = outlines; })
    .catch(() => {});
})();
</script>""".replace("OUTLINES_URL", json.dumps(world_static.TOPOJSON_URL + "world_110m.json"))


def warm_up_light_map() -> None:
    """Start fetching the light map's outlines now, in parallel with loading plotly's code."""
    with st.container(key="light_map_warm_up"):  # out of sight, no room taken
        st.html(_WARM_UP_JS, unsafe_allow_javascript=True)


def screen(sized: bool) -> dict:
    """What the browser reported: ``gl`` ('software' or 'hardware') and the window's ``width`` and
    ``height``; empty until it has (the first run of a session, in AppTest, and where WebGL is drawn
    in software on a page not ``sized`` for the window: then nothing would change)."""
    with st.container(key="screen_probe"):  # out of sight, no room taken
        st.html(PROBE_CSS)
        result = _probe(key="screen_probe_component", data={"software": SOFTWARE_RENDERERS, "sized": sized,
                                                            "known": st.session_state.get("atlas_screen")},
                        default={"screen": None}, on_screen_change=lambda: None)
    reported = result.get("screen")
    if reported:
        st.session_state["atlas_screen"] = reported
    return st.session_state.get("atlas_screen") or {}


def map_kind(reported: dict) -> str:
    """'light' or 'webgl': as the address says, else the light map unless the browser reported a
    graphics card (WebGL drawn in software is several times slower than an SVG map)."""
    chosen = context().state.map
    if chosen:
        return chosen
    return "webgl" if reported.get("gl") == "hardware" else "light"


def world_map(data: Dataset, view: View, colouring: Colouring, kind: str) -> None:
    """The map (wide, or beside the open delegation's card), its legend and numbered key, its
    downloads and the switch to the other drawing; a click on a marker opens that delegation's card."""
    ctx = context()
    lang, selected = ctx.lang, ctx.state.delegation
    size = "wide" if selected is None else "beside_card"
    map_column, card_column = (st.container(), None) if selected is None else st.columns([2.3, 1])
    card = None if selected is None else profiles.card(data, selected, lang)
    with map_column:
        focus = selected if selected in view.ids else None  # the open card's delegation, ringed and named
        built, picked = _draw(data, kind, "world_map", ctx.state.color, "normal", focus, size, len(view.localities))
        map_legend(colouring, card)
        map_key(built.key)
        with st.container(horizontal=True, vertical_alignment="center"):
            download_row(lambda: world_static.world_figure(data, view, colouring, lang), "world_map", "world-map")
            switch(kind)
    if picked and picked != selected:
        update(delegation=picked)
        st.rerun()
    if card_column is not None:
        with card_column:
            if selected not in view.ids:
                st.caption(t("card.hidden_by_filter", lang))
            locality_card(card)
            if st.button(t("card.close", lang), icon=":material/close:", key="close_card"):
                update(delegation=None)
                st.rerun()


def map_legend(colouring: Colouring, card: Card | None) -> None:
    """The map's legend: every colour on its markers and, coloured by theme, on the card beside
    it, after the rule that picks a marker's colour."""
    ctx = context()
    mode = ctx.state.color
    on_card = with_card(colouring.legend, card.themes) if card is not None and mode == "theme" else colouring.legend
    legend(colouring.legend, colour_rule(mode, ctx.lang, short=True), on_card[len(colouring.legend):])


def switch(kind: str, short: bool = False) -> None:
    """One click to the other drawing of the map; the choice goes into the address (kept in links).
    ``short``: the name alone (presentation's one row of controls), what it needs in the help."""
    lang = context().lang
    other = "webgl" if kind == "light" else "light"
    st.button(t(f"map.kind{'_short' if short else ''}.{other}", lang), key=f"map_switch_{other}",
              help=t(f"map.switch_help.{kind}", lang),
              icon=":material/bolt:" if other == "light" else ":material/3d_rotation:", on_click=update,
              kwargs={"map": other})


def _draw(data: Dataset, kind: str, key: str, color: str, style_name: str, focus: str | None,
          size: str | tuple[int, int], shown: int) -> tuple[WorldMap, str | None]:
    """Draw the planned map as ``kind``; return the plan and the id of a delegation clicked."""
    lang = context().lang
    alt = t("map.alt", lang, n=shown)
    if kind == "webgl":
        built, deck = cached(maps.world_map, data, color=color, style_name=style_name, focus=focus, size=size)
        event = st.pydeck_chart(deck, width=maps.map_width(built), height=int(built.frame.height), on_select="rerun",
                                selection_mode="single-object", key=key, alt=alt)
        picked = event.selection.objects.get(maps.DELEGATION_LAYER, []) if event else []
        return built, picked[0].get("id") if picked else None
    built, figure = cached(world_static.light_map, data, color=color, style_name=style_name, focus=focus, size=size)
    event = st.plotly_chart(figure, width="content", height="content", theme=None, on_select="rerun",
                            selection_mode="points", key=f"{key}_light",
                            config={"topojsonURL": world_static.TOPOJSON_URL, "displayModeBar": False,
                                    "scrollZoom": False, "doubleClick": False, "responsive": False})
    points = event.selection.points if event else []
    return built, next((p["customdata"] for p in points if isinstance(p.get("customdata"), str)), None)


def tour(data: Dataset, view: View, colouring: Colouring, caption: str, kind: str, reported: dict) -> None:
    """Presentation mode: title and controls (previous, pause or play, next, the other map, exit),
    then every TOUR_SECONDS the next delegation, ringed on the map with its card beside it. The
    map is sized for the screen the browser reported, so the whole page fits it."""
    ctx = context()
    lang = ctx.lang
    st.session_state.setdefault("tour_index", 0)
    st.session_state.setdefault("tour_playing", True)
    st.session_state.setdefault("tour_advanced_at", time.monotonic())
    ids = view.ids
    title, controls = st.columns([1, 1.4], vertical_alignment="center")
    with title.container(key="tour_title"):
        st.markdown(f"### {t('map.title', lang)}")
        st.caption(caption)
    with controls.container(horizontal=True, horizontal_alignment="right", key="tour_controls"):
        st.button(t("present.previous", lang), icon=":material/skip_previous:", on_click=_step, args=(-1,))
        playing = st.session_state.tour_playing
        st.button(t("present.pause" if playing else "present.play", lang), on_click=_toggle,
                  icon=":material/pause:" if playing else ":material/play_arrow:")
        st.button(t("present.next", lang), icon=":material/skip_next:", on_click=_step, args=(1,))
        switch(kind, short=True)
        st.button(t("present.exit", lang), icon=":material/close_fullscreen:", on_click=lambda: update(present=False))
    if not ids:
        empty_state(data)
        return
    longest = max(len(with_card(colouring.legend, profiles.card(data, i, lang).themes)) for i in ids) + 1  # "card only"
    size = (maps.presentation_size(reported["width"], reported["height"], len(ids), longest)
            if reported else "presentation")  # room for the longest legend, so the map keeps its size

    order = cached(_tour_order, data, color=ctx.state.color, size=size)

    @st.fragment(run_every=TOUR_SECONDS if st.session_state.tour_playing else None)
    def shown() -> None:
        now = time.monotonic()
        if st.session_state.tour_playing and now - st.session_state.tour_advanced_at >= TOUR_SECONDS - 0.5:
            st.session_state.tour_index += 1
            st.session_state.tour_advanced_at = now
        index = st.session_state.tour_index % len(ids)
        current = order[index]
        card = profiles.card(data, current, lang)
        left, right = st.columns([maps.PRESENTATION_SHARE, 1 - maps.PRESENTATION_SHARE])
        with left.container(key="tour_map_column"):
            toured, _ = _draw(data, kind, "tour_map", ctx.state.color, "presentation", current, size, len(ids))
            map_legend(colouring, card)
            map_key(toured.key, countries=False)  # the room reads the country on the card and the map
        with right.container(key="tour_card_column"):
            st.caption(t("present.position", lang, i=index + 1, n=len(order)))
            locality_card(card)

    shown()


def _tour_order(data: Dataset, view: View, lang: str, color: str, size: str | tuple[int, int]) -> list[str]:
    """The shown delegations in the order of their numbers on the map (west to east), so that the
    tour's '3 of 13' is marker 3. The numbers do not depend on which delegation is ringed."""
    built = maps.plan(data, view, colouring_of(data, view, color, lang), lang, PRESENTATION, None, size)
    return list(built.points.sort_values("number")["id"])


def _step(by: int) -> None:
    st.session_state.tour_index += by
    st.session_state.tour_advanced_at = time.monotonic()


def _toggle() -> None:
    st.session_state.tour_playing = not st.session_state.tour_playing
    st.session_state.tour_advanced_at = time.monotonic()

