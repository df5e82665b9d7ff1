"""Themes: what the delegations want to cooperate on, the match with the city's priorities,
who said what, and themes by country."""

import streamlit as st

from components import charts, match, ui
from components.i18n import field, t
from components.labels import labels_of

RANK_LINES = 12
data = ui.dataset()
ctx = ui.context()
lang = ctx.lang
view = ui.view(data)
ui.page_header(t("themes.title", lang), t("themes.intro", lang))
if view.empty:
    ui.empty_state(data)
    st.stop()
if view.priorities.empty:
    st.info(t("themes.no_statements", lang), icon=":material/info:")
    st.stop()


def filter_by_clicked_theme() -> None:
    points = st.session_state["theme_counts"].selection.points
    if points:
        ui.update_filters(themes=(points[0]["customdata"],))


st.subheader(t("themes.counts_heading", lang), anchor=False)
ui.chart(ui.cached(charts.theme_counts, data), key="theme_counts", on_select=filter_by_clicked_theme)

st.subheader(t("themes.match_heading", lang), anchor=False)
labels = labels_of(data, lang).theme
names = labels_of(data, lang).delegation
ranked = [m for m in ui.cached(match.ranking, data) if m.score > 0]
host_column, rank_column = st.columns([1, 1.4])
with host_column:
    st.markdown(f"**{t('themes.host_heading', lang)}**")
    for theme, statement, ids in zip(data.host["theme_id"], data.host[field(lang, "statement")],
                                     data.host["source_id"], strict=True):
        st.markdown(f"- **{ui.escape_md(labels[theme])}** — {ui.escape_md(statement)} ({ui.source_links(data, ids)})")
with rank_column:
    st.markdown(f"**{t('themes.ranked_heading', lang)}**")
    if not ranked:
        st.info(t("themes.no_match", lang), icon=":material/info:")
    for position, m in enumerate(ranked[:RANK_LINES], start=1):
        ui.text(t("themes.rank_line", lang, rank=position, name=names[m.locality_id], score=m.score,
                  share=round(100 * m.share), themes=", ".join(labels[x] for x in m.shared)))
    if len(ranked) > RANK_LINES:
        st.caption(t("themes.rank_more", lang, n=len(ranked) - RANK_LINES))
if ranked:
    ui.chart(ui.cached(charts.match_chart, data), key="match_chart")
st.caption(t("themes.match_rule", lang))

st.subheader(t("themes.matrix_heading", lang), anchor=False)
order = st.segmented_control(t("themes.sort", lang), ["country", "themes", "match"], default="country",
                             format_func=lambda o: t(f"themes.order.{o}", lang), key="matrix_order",
                             required=True)
ui.chart(ui.cached(charts.theme_matrix, data, order=order or "country"), key="theme_matrix")

st.subheader(t("themes.countries_heading", lang), anchor=False)
ui.chart(ui.cached(charts.countries_chart, data), key="countries_chart")
ui.source_caption(data)
