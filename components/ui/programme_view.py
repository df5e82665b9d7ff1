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
        st.markdown(f"**{t('programme.card.sources', lang)}:** {source_links(data, card.source_ids, lang)}")


def agenda(data: Dataset, days: dict[date, list[programme.AgendaItem]], opened: str | None) -> None:
    """One tab per day, its events as rows of text that wrap; an event's name opens it. Tabs are
    keyed by the open event, so opening one shows its day."""
    lang = context().lang
    labels = {day: format_day(day) for day in days}
    opened_day = labels.get(cached_call(programme.event_day, data, opened)) if opened else None
    tabs = st.tabs(list(labels.values()), default=opened_day, key=f"agenda_day_{opened}")
    widths = [1, 3.0, 1.3, 2.1, 1.2]  # the last holds the Open button whole
    for tab, items in zip(tabs, days.values(), strict=True):
        with tab:
            if not items:
                st.caption(t("programme.no_events_day", lang))
                continue
            for column, name in zip(st.columns(widths), ("time", "event", "series", "venue"), strict=False):
                column.markdown(f"**{t(f'col.{name}', lang)}**")
            for item in items:
                when, title, series, venue, action = st.columns(widths)
                when.write(escape_md(item.when))
                title.markdown(f"**{escape_md(item.title)}**" if item.id == opened else escape_md(item.title))
                series.write(escape_md(item.series))
                venue.write(escape_md(item.venue))
                if item.id == opened:
                    action.caption(t("programme.event_open", lang))
                else:
                    action.button(t("programme.open_event", lang), key=f"agenda_open_{item.id}",
                                  icon=":material/open_in_full:", on_click=update, kwargs={"event": item.id})
