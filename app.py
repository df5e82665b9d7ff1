"""Friendship Atlas: page config, navigation over pages/, the shared sidebar. Nothing else."""

from pathlib import Path

import streamlit as st

from components import editor_ui, ui
from components.i18n import t

HERE = Path(__file__).parent

st.set_page_config(page_icon="🌏", layout="wide")
context = ui.start()
st.set_page_config(page_title=t("app.title", context.lang))  # the browser tab in the page's language
pages = [
    st.Page(HERE / "pages" / f"{spec.key}.py", title=t(f"nav.{spec.key}", context.lang), icon=spec.icon,
            url_path=spec.url_path or None, default=spec.url_path == "")
    for spec in ui.PAGES
]
if editor_ui.enabled():  # without an editor key the page does not exist, not even its address
    pages.append(st.Page(HERE / "pages" / "edit.py", title=t("nav.edit", context.lang), icon=":material/edit_note:",
                         url_path="edit"))
ui.sidebar(pages if editor_ui.unlocked() else pages[: len(ui.PAGES)])
st.navigation(pages, position="hidden").run()
