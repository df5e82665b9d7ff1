"""A delegation's profile on screen, every fact with its sources, and two to four side by side."""

from __future__ import annotations

import streamlit as st

from components import maps, profiles, tables
from components.dataset import Dataset
from components.i18n import t
from components.markdown import escape_md, source_links
from components.typeface import unbroken_on_screen
from components.ui.cache import cached_call
from components.ui.state import context, shared_params
from components.ui.widgets import flag, legend, locality_card, table, text


def _sources(data: Dataset, ids: tuple[str, ...]) -> str:
    return f"{t('delegations.sources', context().lang)}: {source_links(data, ids, context().lang)}" if ids else ""


def _or_not_reported(items: object) -> bool:
    """Say 'not reported' under a heading whose list is empty; True when there is something."""
    if not items:
        st.caption(t("common.not_reported", context().lang))
    return bool(items)


def comparison(data: Dataset, ids: tuple[str, ...]) -> None:
    lang = context().lang
    cards = [cached_call(profiles.profile, data, i, lang) for i in ids]
    for column, p in zip(st.columns(len(cards)), cards, strict=True):
        with column:
            locality_card(p.card)
    st.subheader(t("delegations.compare_heading", lang), anchor=False)
    table(cached_call(tables.compare_table, data, ids, lang), key="compare_grid")


def profile(data: Dataset, locality_id: str) -> None:
    lang = context().lang
    p = cached_call(profiles.profile, data, locality_id, lang)
    head, side = st.columns([1.6, 1])
    with head:
        flag_column, name = st.columns([1, 8], vertical_alignment="center")
        with flag_column:
            flag(p.card.flag, f"profile_{p.card.id}", "stretch")
        name.subheader(escape_md(p.card.name), anchor=False)
        text(p.card.summary)
        facts = [
            (t("delegations.country_kind", lang), f"{p.card.country} · {p.card.kind}", ()),
            (t("delegations.head", lang), unbroken_on_screen(p.card.head), ()),
            (t("delegations.relation", lang), p.card.relation, p.relation_sources),
            (t("delegations.evidence", lang), f"{p.card.evidence_label}. {p.evidence_meaning}", p.evidence_sources),
        ]
        for title, value, ids in facts:
            st.markdown(f"**{title}:** {escape_md(value)}  \n{_sources(data, ids)}")
    with side:
        st.markdown(f"**{t('delegations.location', lang)}**")
        st.pydeck_chart(cached_call(maps.locator_deck, data, locality_id, lang), height=300, key="locator",
                        alt=p.card.name)
    st.subheader(t("delegations.priorities", lang), anchor=False)
    if not p.priorities:
        st.caption(p.card.no_priorities)
    for group in p.priorities:
        legend(((group.label, group.colour),))
        for statement in group.statements:
            st.markdown(f"- {escape_md(statement.text)} — {source_links(data, statement.source_ids, lang)}")
    left, right = st.columns(2)
    with left:
        st.subheader(t("delegations.figures", lang), anchor=False)
        for figure in p.figures if _or_not_reported(p.figures) else ():
            st.metric(escape_md(figure.label), figure.value)
            st.caption(_sources(data, figure.source_ids))
        st.subheader(t("delegations.shared", lang), anchor=False)
        text(", ".join(p.shared_with_host) or t("common.not_reported", lang))
    with right:
        st.subheader(t("delegations.events", lang), anchor=False)
        for event in p.events if _or_not_reported(p.events) else ():
            text(f"{event.date} — {event.title}")
        st.subheader(t("delegations.similar", lang), anchor=False)
        for other_id, other_name, shared in p.similar if _or_not_reported(p.similar) else ():
            st.page_link("pages/delegations.py", label=escape_md(other_name), icon=":material/arrow_forward:",
                         query_params={**shared_params(), "delegation": other_id})
            st.caption(escape_md(t("delegations.similar_line", lang, themes=", ".join(shared))))
