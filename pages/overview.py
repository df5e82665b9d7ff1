"""Overview: headline figures, what the atlas is, and what the reports say about attendance."""

import streamlit as st

from components import programme, summary, tables, ui
from components.i18n import t

data = ui.dataset()
lang = ui.context().lang
ui.page_header(t("overview.title", lang),
               t("overview.intro", lang, days=ui.cached_call(programme.recorded_days, data, lang)))

figures = ui.cached_call(summary.headline, data)
columns = st.columns(4)
columns[0].metric(
    t("overview.metric.delegations", lang),
    t("overview.metric.delegations_value", lang, n=figures.identified, total=figures.reported),
    help=t("overview.metric.delegations_help", lang, total=figures.reported),
)
columns[1].metric(
    t("overview.metric.countries", lang),
    t("overview.metric.countries_value", lang, n=figures.countries_identified, total=figures.countries_reported),
    help=t("overview.metric.countries_help", lang, total=figures.countries_reported),
)
columns[2].metric(
    t("overview.metric.themes", lang),
    t("overview.metric.themes_value", lang, n=figures.themes_stated, total=figures.themes),
    help=t("overview.metric.themes_help", lang, total=figures.themes),
)
columns[3].metric(t("overview.metric.events", lang), figures.events)
st.info(summary.gap_note(figures, lang), icon=":material/info:")

st.subheader(t("overview.countries_heading", lang))
ui.table(ui.cached_call(summary.countries_overview, data, lang), key="overview_countries")
st.subheader(t("overview.figures_heading", lang))
ui.table(ui.cached_call(tables.facts_table, data, lang), key="overview_facts")
ui.source_caption(data)
