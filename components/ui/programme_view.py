"""The programme on screen: an event's card, and the day-by-day agenda whose rows open events."""

from __future__ import annotations

from datetime import date

import streamlit as st

from components import programme
from components.dataset import Dataset
from components.i18n import t
from components.markdown import escape_md, source_links
from components.ui.cache import cached_call
from components.ui.state import context, shared_params, update
from components.ui.widgets import format_day, text


def event_card(data: Dataset, event_id: str | None) -> None:
    """The open event, or the hint to open one from the timeline or the agenda."""
    lang = context().lang
    if event_id is None:
        st.info(t("programme.pick_hint", lang), icon=":material/touch_app:")
        return
    card = cached_call(programme.event_card, data, event_id, lang)
    with st.container(border=True, key=f"event_{card.id}"):
        st.markdown(f"**{escape_md(card.title)}**")
        st.caption(escape_md(f"{card.series} · {card.kind}"))
        st.markdown(f"**{t('programme.card.when', lang)}:** {escape_md(f'{card.date}, {card.when}')}  \n"
                    f"**{t('programme.card.venue', lang)}:** {escape_md(card.venue)}  \n"
                    f"**{t('programme.card.participants', lang)}:** {escape_md(card.participants)}")
        text(card.description)
        if card.delegations:
            st.markdown(f"**{t('programme.card.delegations', lang)}**")
            for locality_id, name in card.delegations:
                st.page_link("pages/delegations.py", label=escape_md(name), icon=":material/arrow_forward:",
                             query_params={**shared_params(), "delegation": locality_id})
        st.markdown(f"**{t('programme.card.sources', lang)}:** {source_links(data, card.source_ids)}")


def agenda(data: Dataset, days: dict[date, list[programme.AgendaItem]], opened: str | None) -> None:
    """One tab per day, a table of its events; a row opens its event. Tabs are keyed by the open
    event, so opening one shows its day."""
    lang = context().lang
    labels = {day: format_day(day) for day in days}
    opened_day = labels.get(cached_call(programme.event_day, data, opened)) if opened else None
    tabs = st.tabs(list(labels.values()), default=opened_day, key=f"agenda_day_{opened}")
    for tab, (day, items) in zip(tabs, days.items(), strict=True):
        with tab:
            if not items:
                st.caption(t("programme.no_events_day", lang))
                continue
            key = f"agenda_{day}"
            st.dataframe(
                {t("col.time", lang): [i.when for i in items], t("col.event", lang): [i.title for i in items],
                 t("col.series", lang): [i.series for i in items], t("col.venue", lang): [i.venue for i in items]},
                hide_index=True, width="stretch", key=key, on_select=lambda k=key, i=items: _open_row(k, i),
                selection_mode="single-row", height="content",
                column_config={t("col.time", lang): st.column_config.TextColumn(width="small"),
                               t("col.event", lang): st.column_config.TextColumn(width="large"),
                               t("col.series", lang): st.column_config.TextColumn(width="small")},
            )


def _open_row(key: str, items: list[programme.AgendaItem]) -> None:
    picked = st.session_state[key].selection.rows
    if picked:
        update(event=items[picked[0]].id)
