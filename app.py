"""Friendship Atlas: page config, navigation over pages/, the shared sidebar. Nothing else."""

from pathlib import Path

import streamlit as st

from components import ui
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
ui.sidebar(pages)
st.navigation(pages, position="hidden").run()
