"""The floor for each page in the side-by-side report: a bare Streamlit script that draws the same
kinds and numbers of elements as the atlas page ($BENCH_PAGE) — the same figures, decks and tables,
built once and cached, and a sidebar with the same widget types — with none of the atlas logic
(URL state, filtering, notices, download rows)."""

import os

import streamlit as st

from components import charts, maps, programme, style, summary, tables
from components.dataset import load_dataset
from components.filters import Filters, apply


@st.cache_resource
def payload(page: str) -> list[tuple[str, object]]:
    data = load_dataset()
    view = apply(data, Filters())
    lang = "en"
    if page == "overview":
        return [("metric", "13 of 36")] * 4 + [("table", summary.countries_overview(data, lang)),
                                               ("table", tables.facts_table(data, lang))]
    if page == "map":
        return [("deck", maps.world_deck(data, view, style.colouring(data, view, "theme", lang), lang))]
    if page == "themes":
        return [("plotly", build(data, view, lang).figure) for build in
                (charts.theme_counts, charts.match_chart, charts.theme_matrix, charts.countries_chart)]
    if page == "delegations":
        return [("table", tables.delegations_table(data, lang))]
    if page == "programme":
        rows = programme.events(data)
        return [("plotly", programme.timeline(data, rows, lang).figure),
                ("deck", programme.venue_deck(data, rows, lang))] + [("table", tables.programme_table(data, lang))] * 5
    return [("table", build(data, lang)) for build in (tables.sources_table, tables.delegations_table,
                                                         tables.priorities_table, tables.figures_table,
                                                         tables.programme_table, tables.host_table,
                                                         tables.facts_table, tables.themes_table)]


page = os.environ.get("BENCH_PAGE", "overview")
with st.sidebar:
    st.segmented_control("Language", ["en", "vi"], default="en")
    for name in ("Themes", "Countries", "Kinds", "Evidence"):
        st.multiselect(name, ["a", "b", "c"])
    st.text_input("Search")
st.title(page)
for kind, item in payload(page):
    if kind == "metric":
        st.metric("Figure", item)
    elif kind == "table":
        st.dataframe(item, hide_index=True)
    elif kind == "plotly":
        st.plotly_chart(item, theme=None)
    else:
        st.pydeck_chart(item, height=620)
