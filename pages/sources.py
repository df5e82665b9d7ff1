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

tables_by_tab = {
    "sources": tables.sources_table, "delegations": tables.delegations_table,
    "priorities": tables.priorities_table, "figures": tables.figures_table,
    "programme": tables.programme_table, "host": tables.host_table,
    "facts": tables.facts_table, "themes": tables.themes_table,
}
#: The long tables' grids: the columns they show and their widths, together the page's width on a
#: 1366-pixel laptop; the row clicked shows every column in full.
GRIDS = {
    "sources": {"title": 315, "publisher": 160, "published": 105, "language": 165, "url": 80},
    "priorities": {"delegation": 170, "theme": 160, "statement": 400, "sources": 100},
}
tabs = st.tabs([t(f"sources.tab.{name}", lang) for name in tables_by_tab])
for tab, (name, build) in zip(tabs, tables_by_tab.items(), strict=True):
    with tab:
        grid = {t(f"col.{column}", lang): width for column, width in GRIDS.get(name, {}).items()}
        ui.table(ui.cached_call(build, data, lang), link_columns=[t("col.url", lang)] if name == "sources" else (),
                 key=f"sources_{name}", grid=grid or None)
st.download_button(t("downloads.dataset_zip", lang), lambda: export.dataset_zip(data),
                   file_name="friendship-atlas-data.zip", mime=export.FORMATS["zip"], on_click="ignore",
                   icon=":material/folder_zip:", key="dataset_zip")
ui.source_caption(data)
