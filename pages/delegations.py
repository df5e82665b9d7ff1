"""Delegations: pick one to see its profile (every fact with its sources), or compare two to four."""

import streamlit as st

from components import profiles, tables, ui
from components.i18n import t
from components.ui import profile_view
from components.url_state import COMPARE_MAX

data = ui.dataset()
ctx = ui.context()
lang, state = ctx.lang, ctx.state
view = ui.view(data)
ui.page_header(t("delegations.title", lang))
label = ui.cached_call(profiles.choices, data, ctx.filters.evidence, state.delegation, lang)

pick, compare = st.columns([1, 1.6])  # three or four chosen names need the room
with pick:
    st.session_state["delegation_pick"] = state.delegation
    st.selectbox(t("delegations.pick", lang), list(label), format_func=label.__getitem__, key="delegation_pick",
                 placeholder=t("delegations.pick_placeholder", lang), index=None,
                 on_change=lambda: ui.update(delegation=st.session_state["delegation_pick"], compare=()))
with compare:
    st.session_state["delegation_compare"] = list(state.compare)
    st.multiselect(t("delegations.compare", lang), list(label), format_func=label.__getitem__,
                   key="delegation_compare", max_selections=COMPARE_MAX,
                   placeholder=t("delegations.pick_placeholder", lang),
                   on_change=lambda: ui.update(compare=tuple(st.session_state["delegation_compare"])))

if len(state.compare) == 1:
    st.info(t("delegations.compare_hint", lang), icon=":material/compare_arrows:")
if len(state.compare) >= 2:
    profile_view.comparison(data, state.compare)
elif state.delegation:
    profile_view.profile(data, state.delegation)
else:
    st.subheader(t("delegations.list_heading", lang), anchor=False)
    if view.empty:
        ui.empty_state(data)
    else:
        ui.table(tables.delegations_table(data, lang, view.localities), key="delegation_list")
ui.source_caption(data)
