"""Programme of 23–27 September 2024: timeline, event card, day agenda, venues, figures."""

import streamlit as st

from components import programme, summary, ui
from components.i18n import t
from components.schema import EVENT_KINDS, SERIES

data = ui.dataset()
ctx = ui.context()
lang, state = ctx.lang, ctx.state
ui.page_header(t("programme.title", lang), t("programme.intro", lang))

left, right = st.columns(2)
with left:
    ui.multiselect("series", t("programme.series", lang), list(SERIES), state.series,
                   lambda s: t(f"series.{s}", lang), lambda v: ui.update(series=v), t("programme.all", lang))
with right:
    ui.multiselect("event_kind", t("programme.kinds", lang), list(EVENT_KINDS), state.event_kinds,
                   lambda k: t(f"event_kind.{k}", lang), lambda v: ui.update(event_kinds=v), t("programme.all", lang))
rows = ui.cached_call(programme.events, data, state.series, state.event_kinds)
subtitle = " · ".join(
    [", ".join(t(f"series.{s}", lang) for s in state.series)] * bool(state.series)
    + [", ".join(t(f"event_kind.{k}", lang) for k in state.event_kinds)] * bool(state.event_kinds)
) or t("filters.none", lang)

figures = st.columns(4)
figures[0].metric(t("programme.events_shown", lang), len(rows))
shown_facts = ui.cached_call(summary.key_facts, data, ("delegations_reported", "partner_localities",
                                                       "hef_delegates_expected"), lang)
for column, fact in zip(figures[1:], shown_facts, strict=True):
    ui.key_figure(column, fact.label, fact.value, ui.source_links(data, fact.source_ids))

if rows.empty:
    st.info(t("programme.no_events", lang), icon=":material/event_busy:")
    st.stop()


def open_clicked_event() -> None:
    points = st.session_state["timeline"].selection.points
    if points:
        ui.update(event=points[0]["customdata"])


st.subheader(t("programme.timeline_heading", lang), anchor=False)
ui.chart(ui.cached_call(programme.timeline, data, lang, subtitle, state.series, state.event_kinds),
         key="timeline", on_select=open_clicked_event)
card_column, _ = st.columns([1.3, 1])
with card_column:
    selected = ui.context().state.event
    if selected is None:
        st.info(t("programme.pick_hint", lang), icon=":material/touch_app:")
    else:
        card = ui.cached_call(programme.event_card, data, selected, lang)
        with st.container(border=True, key=f"event_{card.id}"):
            st.markdown(f"**{ui.escape_md(card.title)}**")
            st.caption(ui.escape_md(f"{card.series} · {card.kind}"))
            st.markdown(f"**{t('programme.card.when', lang)}:** {ui.escape_md(f'{card.date}, {card.when}')}  \n"
                        f"**{t('programme.card.venue', lang)}:** {ui.escape_md(card.venue)}  \n"
                        f"**{t('programme.card.participants', lang)}:** {ui.escape_md(card.participants)}")
            ui.text(card.description)
            if card.delegations:
                st.markdown(f"**{t('programme.card.delegations', lang)}**")
                for locality_id, name in card.delegations:
                    st.page_link("pages/delegations.py", label=ui.escape_md(name), icon=":material/arrow_forward:",
                                 query_params={**ui.shared_params(), "delegation": locality_id})
            st.markdown(f"**{t('programme.card.sources', lang)}:** {ui.source_links(data, card.source_ids)}")

st.subheader(t("programme.agenda_heading", lang), anchor=False)
st.caption(t("programme.agenda_hint", lang))
days = ui.cached_call(programme.agenda, data, lang, state.series, state.event_kinds)
labels = {day: ui.format_day(day) for day in days}
# Opening an event shows its day: the tabs are keyed by the open event, so they start on its day.
opened_day = labels.get(ui.cached_call(programme.event_day, data, selected)) if selected else None


def open_selected_row(key: str, items: list[programme.AgendaItem]) -> None:
    picked = st.session_state[key].selection.rows
    if picked:
        ui.update(event=items[picked[0]].id)


agenda_tabs = st.tabs(list(labels.values()), default=opened_day, key=f"agenda_day_{selected}")
for tab, (day, items) in zip(agenda_tabs, days.items(), strict=True):
    with tab:
        if not items:
            st.caption(t("programme.no_events_day", lang))
            continue
        key = f"agenda_{day}"
        st.dataframe(
            {t("col.time", lang): [i.when for i in items], t("col.event", lang): [i.title for i in items],
             t("col.series", lang): [i.series for i in items], t("col.venue", lang): [i.venue for i in items]},
            hide_index=True, width="stretch", key=key, on_select=lambda k=key, i=items: open_selected_row(k, i),
            selection_mode="single-row", height="content",
            column_config={t("col.time", lang): st.column_config.TextColumn(width="small"),
                           t("col.event", lang): st.column_config.TextColumn(width="large"),
                           t("col.series", lang): st.column_config.TextColumn(width="small")},
        )

st.subheader(t("programme.venues_heading", lang), anchor=False)
places = ui.cached_call(programme.venues, data, lang, state.series, state.event_kinds)
if places.empty:
    st.caption(t("programme.no_venue", lang))
else:
    ui.table(places, key="venues")
ui.source_caption(data)
