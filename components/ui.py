"""The Streamlit edge: cached data, the URL-backed page context, the shared sidebar and the few
widgets every page uses. Builders elsewhere never import Streamlit; pages only wire."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from components import i18n
from components.dataset import DataError, Dataset, data_dir_from_env, load_dataset
from components.i18n import t
from components.sourcing import source_line

_CONTEXT_KEY = "atlas_context"
_LANG_WIDGET = "atlas_language"

#: Parameters Streamlit itself reads; they pass through untouched.
STREAMLIT_PARAMETERS = ("embed", "embed_options")
MAX_PARAMETER_LENGTH = 200


@dataclass(frozen=True)
class PageSpec:
    key: str  # strings.toml nav.<key>, and the file pages/<key>.py
    url_path: str
    icon: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "", ":material/home:"),
    PageSpec("sources", "sources", ":material/menu_book:"),
)


@dataclass(frozen=True)
class Context:
    """What every page needs for this run: the language and the notices to show."""

    lang: str
    notices: tuple[str, ...]


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(folder: str, _stamp: tuple[tuple[str, float], ...]) -> Dataset:
    return load_dataset(folder)


def _stamp(folder: Path) -> tuple[tuple[str, float], ...]:
    """File names and modification times: an edited CSV is picked up on the next page load."""
    return tuple(sorted((p.name, p.stat().st_mtime) for p in folder.glob("*") if p.is_file()))


def dataset() -> Dataset:
    """The validated dataset, loaded once per process; stops the page with the report if broken."""
    folder = data_dir_from_env()
    stamp = _stamp(folder) if folder.is_dir() else ()
    try:
        return _load(str(folder), stamp)
    except DataError as error:
        lang = context().lang if _CONTEXT_KEY in st.session_state else i18n.DEFAULT_LANGUAGE
        st.error(f"**{t('data.error_title', lang)}**\n\n{t('data.error_body', lang, n=len(error.problems))}",
                 icon=":material/error:")
        st.code("\n".join(str(p) for p in error.problems), language=None, wrap_lines=True)
        st.stop()
        raise  # unreachable: st.stop() ends the run


def start() -> Context:
    """Read the URL once per run and drop, with a notice, what is not understood."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    notices: list[str] = []
    raw_lang = params.pop("lang", [])
    lang = raw_lang[-1] if raw_lang and raw_lang[-1] in i18n.LANGUAGES else None
    if lang is None:
        lang = i18n.language_from_locale(st.context.locale)
        if raw_lang:
            notices.append(_dropped("lang", raw_lang[-1], "notice.reason.unknown", lang))
            del st.query_params["lang"]
    for name, values in params.items():
        if name not in STREAMLIT_PARAMETERS:
            notices.append(_dropped(name, values[-1] if values else "", "notice.reason.unknown_parameter", lang))
            del st.query_params[name]
    context_value = Context(lang=lang, notices=tuple(notices))
    st.session_state[_CONTEXT_KEY] = context_value
    return context_value


def context() -> Context:
    return st.session_state[_CONTEXT_KEY]


def shared_params() -> dict[str, str]:
    """The query parameters carried from page to page."""
    return {"lang": context().lang}


def _dropped(name: str, value: str, reason_key: str, lang: str) -> str:
    shown = value if len(value) <= 40 else value[:40] + "…"
    return t("notice.dropped", lang, name=name, value=shown, reason=t(reason_key, lang))


def _set_language() -> None:
    choice = st.session_state.get(_LANG_WIDGET)
    if choice in i18n.LANGUAGES:
        st.query_params["lang"] = choice


def sidebar(pages: Sequence[st.Page]) -> None:
    """The shared sidebar: title, language switch and links that keep the shared parameters."""
    lang = context().lang
    st.session_state[_LANG_WIDGET] = lang
    with st.sidebar:
        st.markdown(f"### {t('app.title', lang)}")
        st.caption(t("app.tagline", lang))
        st.segmented_control(
            t("sidebar.language", lang), options=list(i18n.LANGUAGES),
            format_func=lambda code: t(f"lang.{code}", code),
            key=_LANG_WIDGET, on_change=_set_language, required=True,
        )
        st.markdown(f"**{t('nav.heading', lang)}**")
        for page in pages:
            st.page_link(page, label=page.title, icon=page.icon, query_params=shared_params())


def show_notices() -> None:
    for message in context().notices:
        st.warning(message, icon=":material/link_off:")


def page_header(title: str, intro: str | None = None) -> None:
    show_notices()
    st.title(title)
    if intro:
        st.write(intro)


def source_caption(data: Dataset, source_ids: Sequence[str] | None = None) -> None:
    st.caption(source_line(data, context().lang, source_ids))


def table(frame: pd.DataFrame, link_columns: Sequence[str] = (), key: str | None = None) -> None:
    """A full-width table; link columns show 'open' and keep the address in the cell."""
    lang = context().lang
    config = {c: st.column_config.LinkColumn(c, display_text=t("common.open_source", lang)) for c in link_columns}
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config, key=key)
