"""Delegations: pick one to see its profile (every fact with its source), or compare two to four."""

import streamlit as st

from components import maps, profiles, tables, ui
from components.i18n import field, t
from components.url_state import COMPARE_MAX

data = ui.dataset()
ctx = ui.context()
lang, state = ctx.lang, ctx.state
view = ui.view(data)
ui.page_header(t("delegations.title", lang))

other = "vi" if lang == "en" else "en"
shown = data.localities if "C" in ctx.filters.evidence else data.localities[data.localities["evidence"] != "C"]
choices = list(shown["id"])
if state.delegation and state.delegation not in choices:
    choices.append(state.delegation)
label = {i: f"{a} · {b}" if a != b else a for i, a, b in
         zip(data.localities["id"], data.localities[field(lang, "name")], data.localities[field(other, "name")],
             strict=True)}

pick, compare = st.columns([1, 1])
with pick:
    st.session_state["delegation_pick"] = state.delegation
    st.selectbox(t("delegations.pick", lang), choices, format_func=label.__getitem__, key="delegation_pick",
                 placeholder=t("delegations.pick_placeholder", lang), index=None,
                 on_change=lambda: ui.update(delegation=st.session_state["delegation_pick"], compare=()))
with compare:
    st.session_state["delegation_compare"] = list(state.compare)
    st.multiselect(t("delegations.compare", lang), choices, format_func=label.__getitem__, key="delegation_compare",
                   max_selections=COMPARE_MAX, placeholder=t("delegations.pick_placeholder", lang),
                   on_change=lambda: ui.update(compare=tuple(st.session_state["delegation_compare"])))


def sources(ids: tuple[str, ...]) -> str:
    return f"{t('delegations.sources', lang)}: {ui.source_links(data, ids)}" if ids else ""


if len(state.compare) == 1:
    st.info(t("delegations.compare_hint", lang), icon=":material/compare_arrows:")
if len(state.compare) >= 2:
    cards = [ui.cached_call(profiles.profile, data, i, lang) for i in state.compare]
    for column, p in zip(st.columns(len(cards)), cards, strict=True):
        with column:
            ui.locality_card(p.card)
    st.subheader(t("delegations.compare_heading", lang), anchor=False)
    ui.table(ui.cached_call(tables.compare_table, data, state.compare, lang), key="compare_grid")
elif state.delegation:
    p = ui.cached_call(profiles.profile, data, state.delegation, lang)
    head, side = st.columns([1.6, 1])
    with head:
        flag, name = st.columns([1, 8], vertical_alignment="center")
        flag.image(str(p.card.flag), width="stretch")
        name.subheader(ui.escape_md(p.card.name), anchor=False)
        ui.text(p.card.summary)
        not_reported = t("common.not_reported", lang)
        facts = [
            (t("delegations.country_kind", lang), f"{p.card.country} · {p.card.kind}", ()),
            (t("delegations.head", lang), p.card.head, ()),
            (t("delegations.relation", lang), p.card.relation, p.relation_sources),
            (t("delegations.evidence", lang), f"{p.card.evidence_label}. {p.evidence_meaning}", p.evidence_sources),
        ]
        for title, value, ids in facts:
            st.markdown(f"**{title}:** {ui.escape_md(value or not_reported)}  \n{sources(ids)}")
    with side:
        st.markdown(f"**{t('delegations.location', lang)}**")
        st.pydeck_chart(ui.cached_call(maps.locator_deck, data, state.delegation, lang), height=300, key="locator",
                        alt=p.card.name)
    st.subheader(t("delegations.priorities", lang), anchor=False)
    if not p.priorities:
        st.caption(p.card.no_priorities)
    for group in p.priorities:
        ui.legend(((group.label, group.colour),))
        for statement in group.statements:
            st.markdown(f"- {ui.escape_md(statement.text)} — {ui.source_links(data, statement.source_ids)}")
    left, right = st.columns(2)
    with left:
        st.subheader(t("delegations.figures", lang), anchor=False)
        if not p.figures:
            st.caption(t("common.not_reported", lang))
        for figure in p.figures:
            st.metric(ui.escape_md(figure.label), figure.value)
            st.caption(sources(figure.source_ids))
        st.subheader(t("delegations.shared", lang), anchor=False)
        ui.text(", ".join(p.shared_with_host) if p.shared_with_host else t("common.not_reported", lang))
    with right:
        st.subheader(t("delegations.events", lang), anchor=False)
        if not p.events:
            st.caption(t("common.not_reported", lang))
        for event in p.events:
            ui.text(f"{event.date} — {event.title}")
        st.subheader(t("delegations.similar", lang), anchor=False)
        if not p.similar:
            st.caption(t("common.not_reported", lang))
        for other_id, other_name, shared in p.similar:
            st.page_link("pages/delegations.py", label=ui.escape_md(other_name), icon=":material/arrow_forward:",
                         query_params={**ui.shared_params(), "delegation": other_id})
            st.caption(ui.escape_md(t("delegations.similar_line", lang, themes=", ".join(shared))))
else:
    st.subheader(t("delegations.list_heading", lang), anchor=False)
    if view.empty:
        ui.empty_state(data)
    else:
        ui.table(tables.delegations_table(data, lang, view.localities), key="delegation_list")
ui.source_caption(data)
