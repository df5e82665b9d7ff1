"""The page context: the URL read once per run, the dataset loaded once per change of its files,
and the URL written back when the state changes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from components import data_store, i18n, url_state
from components import filters as flt
from components.dataset import DataError, Dataset, data_dir_from_env, load_dataset
from components.i18n import t
from components.markdown import escape_md
from components.memo import remember
from components.schema import WORLD_FILE
from components.ui.presentation import PAGE_CSS, PRESENTATION_CSS
from components.url_state import Dropped, UrlState


@dataclass(frozen=True)
class PageSpec:
    key: str  # strings.toml nav.<key>, and the file pages/<key>.py
    url_path: str
    icon: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "", ":material/home:"),
    PageSpec("map", "map", ":material/public:"),
    PageSpec("themes", "themes", ":material/category:"),
    PageSpec("delegations", "delegations", ":material/groups:"),
    PageSpec("programme", "programme", ":material/event:"),
    PageSpec("sources", "sources", ":material/menu_book:"),
)


_CONTEXT = "atlas_context"


@dataclass(frozen=True)
class Context:
    """What every page needs for this run."""

    lang: str
    state: UrlState
    notices: tuple[str, ...]
    loaded: Dataset | DataError  # read once per run: the file check costs a stat per data file

    @property
    def filters(self) -> flt.Filters:
        return self.state.filters


def _load(folder: str, stamp: tuple[tuple[str, int], ...]) -> Dataset:
    """Remembered per folder and files' times: an edited or applied table is a new key."""
    return load_dataset(folder)


def _stamp(folder: Path) -> tuple[tuple[str, int], ...]:
    """The tables' names and modification times: an edited or applied CSV is picked up on the next
    run of any page."""
    files = [folder / name for name in (*data_store.TABLE_FILES, WORLD_FILE)]
    return tuple((p.name, p.stat().st_mtime_ns) for p in files if p.is_file())


def _try_dataset() -> Dataset | DataError:
    folder = data_dir_from_env()
    if not folder.is_dir():
        return _load_or_error(folder, ())
    with data_store.reading(folder):  # never half of an apply
        return _load_or_error(folder, _stamp(folder))


def _load_or_error(folder: Path, stamp: tuple[tuple[str, int], ...]) -> Dataset | DataError:
    try:
        return remember(_load, str(folder), stamp)
    except DataError as error:
        return error


def dataset() -> Dataset:
    """The validated dataset, loaded once per process; stops the page with the report if broken.
    Every page starts with this call (or ``loaded``), so a page reached by the legacy routing
    (without app.py, with last run's context) is re-routed here; callbacks, which run before any
    page, must not be."""
    found = loaded()
    if isinstance(found, Dataset):
        return found
    st.stop()
    raise AssertionError("unreachable: st.stop() ends the run")


def loaded() -> Dataset | DataError:
    """The dataset, or, when it is broken, the report shown in its place (the editor still offers
    its history then, so a broken edit can be undone in the app)."""
    if PagesManager.uses_pages_directory:
        _leave_legacy_routing()
    ctx = context()
    found, lang = ctx.loaded, ctx.lang
    if isinstance(found, DataError):
        st.error(f"**{t('data.error_title', lang)}**\n\n{t('data.error_body', lang, n=len(found.problems))}",
                 icon=":material/error:")
        st.code("\n".join(p.text(lang) for p in found.problems), language=None, wrap_lines=True)
    return found


def start() -> Context:
    """Read the URL once per run; drop, with a notice, what is not understood. Called by app.py,
    which routes every page through ``st.navigation``: the legacy pages/ routing is off from here."""
    PagesManager.uses_pages_directory = False
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    loaded = _try_dataset()
    if isinstance(loaded, Dataset):
        state, dropped = url_state.parse(params, loaded)
    else:  # the pages will show the data report; keep only the language
        raw = params.get("lang", [])
        state, dropped = UrlState(lang=raw[-1] if raw and raw[-1] in i18n.LANGUAGES else None), ()
    lang = state.lang or i18n.language_from_locale(st.context.locale)
    notices = tuple(_notice(d, lang) for d in dropped)
    ctx = Context(lang=lang, state=state, notices=notices, loaded=loaded)
    st.session_state[_CONTEXT] = ctx
    if dropped:
        _write_url(state)
    st.html(PRESENTATION_CSS if state.present else PAGE_CSS)
    # the page's language for screen readers and the browser (a constant script; lang is en or vi)
    st.html(f"<script>document.documentElement.lang = '{lang}';</script>", unsafe_allow_javascript=True)
    return ctx


def context() -> Context:
    """This run's context. A page reached without app.py is re-routed through it first."""
    if _CONTEXT not in st.session_state:
        _leave_legacy_routing()
    return st.session_state[_CONTEXT]


def _leave_legacy_routing() -> None:
    """Until some session has called ``st.navigation``, Streamlit routes a fresh server's first
    request by the legacy pages/ folder, so a deep link such as /map runs pages/map.py without
    app.py (no sidebar, no context, file-name labels). Switch that routing off, as
    ``st.navigation`` itself does, and rerun: the same URL then goes through app.py. (AppTest
    restores the legacy routing before every run, so there every page is re-routed once.)"""
    PagesManager.uses_pages_directory = False
    st.rerun()


def _notice(dropped: Dropped, lang: str) -> str:
    """The notice for a dropped parameter; the link's text is escaped, so it shows literally."""
    return t("notice.dropped", lang, name=escape_md(_clip(dropped.name)), value=escape_md(_clip(dropped.value)),
             reason=t(dropped.reason, lang))


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _write_url(state: UrlState) -> None:
    """Replace the query string with the canonical form of ``state`` (Streamlit's embed options kept)."""
    kept = {k: st.query_params.get_all(k) for k in url_state.STREAMLIT_PARAMETERS if k in st.query_params}
    st.query_params.from_dict({**url_state.to_params(state), **kept})


def update(**changes: object) -> None:
    """Change parts of the URL state (e.g. ``update(delegation="osaka")``) and rewrite the URL."""
    ctx = context()
    state = replace(ctx.state, **changes)  # type: ignore[arg-type]
    st.session_state[_CONTEXT] = replace(ctx, state=state)
    _write_url(state)


def update_filters(**changes: object) -> None:
    update(filters=replace(context().filters, **changes))  # type: ignore[arg-type]


def shared_params() -> dict[str, str]:
    """The query parameters carried from page to page: the whole canonical state."""
    ctx = context()
    return url_state.to_params(replace(ctx.state, lang=ctx.lang))
