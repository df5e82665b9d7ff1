"""Editor: import the organisers' list, correct rows in place, restore an earlier version.
Registered only when the server has an editor key; shows nothing but the key prompt until the
session has given it. While the data is broken, only the history is offered, to undo the edit."""

import streamlit as st

from components import editor_ui, ui
from components.dataset import Dataset
from components.i18n import t

data = ui.loaded()
lang = ui.context().lang
if not editor_ui.door(lang):
    st.stop()
ui.page_header(t("edit.title", lang), t("edit.intro", lang))
editor_ui.outcome()
if not isinstance(data, Dataset):
    editor_ui.history_panel(lang)
    st.stop()
importing, correcting, history = st.tabs([t(f"edit.tab.{name}", lang) for name in ("import", "grid", "history")])
with importing:
    editor_ui.import_panel(data, lang)
with correcting:
    editor_ui.grid_panel(data, lang)
with history:
    editor_ui.history_panel(lang)
