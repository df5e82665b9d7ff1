"""The shared sidebar: title, language, page links that keep the state, and the filters."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components import filters as flt
from components import i18n, url_state
from components.dataset import Dataset
from components.i18n import t
from components.labels import labels_of
from components.schema import EVIDENCE_LEVELS, LOCALITY_KINDS
from components.ui.cache import view
from components.ui.downloads import briefing_downloads
from components.ui.state import Context, context, shared_params, update, update_filters

_WIDGET = "atlas_widget_"  # prefix of the sidebar widgets' session keys
#: Chosen items (chips) and the options of every picker wrap onto a second line rather than end
#: in '…' ('Green transition & c…', 'Minsk · Thành phố Mi…'). A constant stylesheet: no data text.
PICKER_CSS = """
<style>
[data-testid="stMultiSelectTagsContainer"] { max-height: none !important; height: auto !important;
  flex-wrap: wrap !important; }
div:has(> [data-testid="stMultiSelectTagsContainer"]) { max-height: none !important; height: auto !important; }
[data-testid="stMultiSelectTagsContainer"] span { white-space: normal !important; text-overflow: clip !important;
  overflow: visible !important; height: auto !important; line-height: 1.25; }
[data-testid="stMultiSelectTagsContainer"] > span > span { padding-top: 2px; padding-bottom: 2px; }
[role="listbox"] [role="option"], [role="listbox"] [role="option"] * { white-space: normal !important;
  text-overflow: clip !important; overflow: visible !important; height: auto !important; }
</style>
"""


def sidebar(pages: Sequence[st.Page]) -> None:
    """Title, language, page links that keep the state, and the shared filters."""
    ctx = context()
    lang = ctx.lang
    st.html(PICKER_CSS)
    with st.sidebar:
        st.markdown(f"### {t('app.title', lang)}")
        st.caption(t("app.tagline", lang))
        segmented("lang", t("sidebar.language", lang), list(i18n.LANGUAGES), lang,
                         lambda code: t(f"lang.{code}", code), lambda v: update(lang=v))
        st.markdown(f"**{t('nav.heading', lang)}**")
        for page in pages:
            st.page_link(page, label=page.title, icon=page.icon, query_params=shared_params())
        loaded = ctx.loaded
        if isinstance(loaded, Dataset):
            _filter_widgets(loaded, ctx)
        st.divider()
        if isinstance(loaded, Dataset):
            briefing_downloads(loaded)
        if st.button(t("present.start", lang), icon=":material/slideshow:", key=f"{_WIDGET}present"):
            update(present=True)
            st.rerun()


def segmented(name, label, options, value, format_func, on_pick) -> None:
    """A segmented control that shows ``value`` (from the URL) and reports a pick to ``on_pick``."""
    key = f"{_WIDGET}{name}"
    st.session_state[key] = value

    def changed() -> None:
        if st.session_state.get(key) is not None:
            on_pick(st.session_state[key])

    st.segmented_control(label, options=options, format_func=format_func, key=key, on_change=changed,
                         required=True)


def multiselect(name, label, options, value, format_func, on_pick, placeholder) -> None:
    """A multiselect that shows ``value`` (from the URL) and reports a change to ``on_pick``."""
    key = f"{_WIDGET}{name}"
    st.session_state[key] = list(value)
    st.multiselect(label, options=options, format_func=format_func, key=key, placeholder=placeholder,
                   on_change=lambda: on_pick(tuple(st.session_state[key])))


def _filter_widgets(data: Dataset, ctx: Context) -> None:
    lang, f = ctx.lang, ctx.filters
    themes = labels_of(data, lang).theme
    countries = labels_of(data, lang).country
    st.markdown(f"**{t('filters.heading', lang)}**")
    choose = t("filters.placeholder", lang)
    multiselect("theme", t("filters.themes", lang), list(themes), f.themes, themes.__getitem__,
                       lambda v: update_filters(themes=v), choose)
    if len(f.themes) > 1:
        segmented("match", t("filters.match", lang), list(flt.MATCH_MODES), f.match,
                         lambda m: t(f"filters.mode.{m}", lang), lambda v: update_filters(match=v))
    multiselect("country", t("filters.countries", lang), list(countries), f.countries,
                       countries.__getitem__, lambda v: update_filters(countries=v), choose)
    multiselect("kind", t("filters.kinds", lang), list(LOCALITY_KINDS), f.kinds,
                       lambda k: t(f"kind.{k}", lang), lambda v: update_filters(kinds=v), choose)
    # Level L (the organisers' list) is offered only once a delegation has it; the filter keeps it
    # by default, so the list's delegations show as soon as it is brought in.
    levels = [e for e in EVIDENCE_LEVELS if e != "L" or (data.localities["evidence"] == "L").any()]
    unseen = tuple(e for e in f.evidence if e not in levels)
    multiselect("evidence", t("filters.evidence", lang), levels, [e for e in f.evidence if e in levels],
                lambda e: t(f"evidence.{e}.short", lang),  # a chip in the sidebar: short
                lambda v: update_filters(evidence=(v + unseen) if v else flt.DEFAULT_EVIDENCE), choose)
    query_key = f"{_WIDGET}q"
    st.session_state[query_key] = f.query
    st.text_input(t("filters.query", lang), key=query_key, placeholder=t("filters.query_placeholder", lang),
                  max_chars=url_state.MAX_VALUE_LENGTH,
                  on_change=lambda: update_filters(query=st.session_state[query_key].strip()))
    shown = len(view(data).localities)
    st.caption(t("filters.count", lang, n=shown))
    if f.active and st.button(t("filters.reset", lang), icon=":material/filter_alt_off:",
                              key=f"{_WIDGET}reset"):
        update(filters=flt.Filters())
        st.rerun()
