"""Programme of the Dialogue week: timeline, event card, day agenda, venues, figures."""

import streamlit as st

from components import programme, summary, ui
from components.i18n import t
from components.schema import EVENT_KINDS, SERIES
from components.ui import programme_view

data = ui.dataset()
ctx = ui.context()
lang, state = ctx.lang, ctx.state
chosen = (state.series, state.event_kinds)
ui.page_header(t("programme.title", lang, days=ui.cached_call(programme.recorded_days, data, lang)),
               ui.cached_call(programme.intro, data, lang))

left, right = st.columns(2)
with left:
    ui.multiselect("series", t("programme.series", lang), list(SERIES), state.series,
                   lambda s: t(f"series.{s}", lang), lambda v: ui.update(series=v), t("programme.all", lang))
with right:
    ui.multiselect("event_kind", t("programme.kinds", lang), list(EVENT_KINDS), state.event_kinds,
                   lambda k: t(f"event_kind.{k}", lang), lambda v: ui.update(event_kinds=v), t("programme.all", lang))
rows = ui.cached_call(programme.events, data, *chosen)
figures = st.columns(4)
figures[0].metric(t("programme.events_shown", lang), len(rows))
shown_facts = ui.cached_call(summary.key_facts, data, ("delegations_reported", "partner_localities",
                                                       "hef_delegates_expected"), lang)
for column, fact in zip(figures[1:], shown_facts, strict=True):
    ui.key_figure(column, fact.label, fact.value, ui.source_links(data, fact.source_ids, lang))
if rows.empty:
    ui.nothing(t("programme.no_events", lang), ":material/event_busy:")
    st.stop()


def open_clicked_event() -> None:
    points = st.session_state["timeline"].selection.points
    if points:
        ui.update(event=points[0]["customdata"])


opened = ui.context().state.event
card_column, _ = st.columns([1.3, 1])
with card_column:  # above the timeline: an event opened by a link is in view as the page opens
    programme_view.event_card(data, opened)
st.subheader(t("programme.timeline_heading", lang), anchor=False)
subtitle = programme.subtitle(*chosen, lang)
ui.chart(ui.cached_call(programme.timeline, data, lang, subtitle, *chosen, opened), key="timeline",
         on_select=open_clicked_event)
st.subheader(t("programme.agenda_heading", lang), anchor=False)
st.caption(t("programme.agenda_hint", lang))
programme_view.agenda(data, ui.cached_call(programme.agenda, data, lang, *chosen), opened)
st.subheader(t("programme.venues_heading", lang), anchor=False)
places = ui.cached_call(programme.venues, data, lang, *chosen)
if places.empty:
    st.caption(t("programme.no_venue", lang))
else:
    ui.table(places, key="venues")
ui.source_caption(data)
