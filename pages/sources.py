"""Sources & data: every table of the dataset, the evidence levels, links to the reports."""

import streamlit as st

from components import export, tables, ui
from components.i18n import t
from components.schema import EVIDENCE_LEVELS

data = ui.dataset()
lang = ui.context().lang
ui.page_header(t("sources.title", lang), t("sources.intro", lang))

with st.expander(t("sources.evidence_heading", lang), expanded=True):
    for level in EVIDENCE_LEVELS:
        st.markdown(f"**{t(f'evidence.{level}.label', lang)}** — {t(f'evidence.{level}.meaning', lang)}")

views = {
    "sources": lambda: ui.table(ui.cached_call(tables.sources_table, data, lang), link_columns=[t("col.url", lang)]),
    "delegations": lambda: ui.table(ui.cached_call(tables.delegations_table, data, lang)),
    "priorities": lambda: ui.table(ui.cached_call(tables.priorities_table, data, lang)),
    "figures": lambda: ui.table(ui.cached_call(tables.figures_table, data, lang)),
    "programme": lambda: ui.table(ui.cached_call(tables.programme_table, data, lang)),
    "host": lambda: ui.table(ui.cached_call(tables.host_table, data, lang)),
    "facts": lambda: ui.table(ui.cached_call(tables.facts_table, data, lang)),
    "themes": lambda: ui.table(ui.cached_call(tables.themes_table, data, lang)),
}
for tab, show in zip(st.tabs([t(f"sources.tab.{name}", lang) for name in views]), views.values(), strict=True):
    with tab:
        show()
st.download_button(t("downloads.dataset_zip", lang), lambda: export.dataset_zip(data),
                   file_name="friendship-atlas-data.zip", mime=export.FORMATS["zip"], on_click="ignore",
                   icon=":material/folder_zip:", key="dataset_zip")
ui.source_caption(data)
