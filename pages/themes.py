"""Themes: what the delegations want to cooperate on, the priorities they share with the city,
who said what, and themes by country."""

import streamlit as st

from components import charts, match, ui
from components.i18n import t
from components.url_state import MATRIX_ORDERS

data = ui.dataset()
ctx = ui.context()
lang = ctx.lang
view = ui.view(data)
ui.page_header(t("themes.title", lang), t("themes.intro", lang))
if view.empty:
    ui.empty_state(data)
    st.stop()
if view.priorities.empty:
    ui.nothing(t("themes.no_statements", lang))
    st.stop()


st.subheader(t("themes.counts_heading", lang), anchor=False)
ui.theme_click_note(data)
ui.chart(ui.cached(charts.theme_counts, data), key="theme_counts", on_select=ui.filter_by_clicked_theme)

st.subheader(t("themes.match_heading", lang), anchor=False)
ranked, more = ui.cached(match.rank_lines, data)
host_column, rank_column = st.columns([1, 1.4])
with host_column:
    st.markdown(f"**{t('themes.host_heading', lang)}**")
    for theme, statement, ids in ui.cached_call(match.host_lines, data, lang):
        st.markdown(f"- **{ui.escape_md(theme)}** — {ui.escape_md(statement)} ({ui.source_links(data, ids, lang)})")
with rank_column:
    st.markdown(f"**{t('themes.ranked_heading', lang)}**")
    if not ranked:
        ui.nothing(t("themes.no_match", lang))
    for line in ranked:
        ui.text(line)
    if more:
        st.caption(t("themes.rank_more", lang, n=more))
    for note in ui.cached(match.left_out, data):
        st.caption(ui.escape_md(note))  # it names delegations: data text, shown literally
if ranked:
    ui.chart(ui.cached(charts.match_chart, data), key="match_chart")
st.caption(t("themes.match_rule", lang, total=len(ui.cached_call(match.host_weights, data))))

st.subheader(t("themes.matrix_heading", lang), anchor=False)
ui.segmented("order", t("themes.sort", lang), list(MATRIX_ORDERS), ctx.state.order,
             lambda o: t(f"themes.order.{o}", lang), lambda o: ui.update(order=o))
ui.chart(ui.cached(charts.theme_matrix, data, order=ctx.state.order), key="theme_matrix")

st.subheader(t("themes.countries_heading", lang), anchor=False)
ui.chart(ui.cached(charts.countries_chart, data), key="countries_chart")  # its source line ends the page
