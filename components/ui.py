"""The Streamlit edge: cached data, the URL-backed page context, the shared sidebar with the
filters, presentation mode, and the few widgets every page uses. Builders elsewhere never import
Streamlit; pages only wire."""

from __future__ import annotations

import html
import inspect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from components import briefing, briefing_files, data_store, export, i18n, url_state, whos_who
from components import filters as flt
from components.charts import Chart
from components.dataset import DataError, Dataset, data_dir_from_env, load_dataset
from components.i18n import t
from components.labels import labels_of
from components.memo import remember
from components.profiles import Card
from components.schema import EVIDENCE_LEVELS, LOCALITY_KINDS, WORLD_FILE
from components.sourcing import publisher_or_title, source_line, source_url
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
_WIDGET = "atlas_widget_"  # prefix of the sidebar widgets' session keys

#: Presentation mode hides Streamlit's chrome and the sidebar and enlarges type for projectors.
#: A constant stylesheet: no dataset text ever passes through it.
_PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1rem 2rem 0 2rem; max-width: 100%; }
html { font-size: 20px; }
</style>
"""


#: Every page: less empty space above the title (Streamlit keeps 6rem for its header), so a
#: map and its legend fit a 1000-pixel-high screen. A constant stylesheet, like the one above.
_PAGE_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.75rem; }
</style>
"""


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
    Every page starts with this call, so a page reached by the legacy routing (without app.py, with
    last run's context) is re-routed here; callbacks, which run before any page, must not be."""
    if PagesManager.uses_pages_directory:
        _leave_legacy_routing()
    ctx = context()
    loaded, lang = ctx.loaded, ctx.lang
    if isinstance(loaded, Dataset):
        return loaded
    st.error(f"**{t('data.error_title', lang)}**\n\n{t('data.error_body', lang, n=len(loaded.problems))}",
             icon=":material/error:")
    st.code("\n".join(p.text(lang) for p in loaded.problems), language=None, wrap_lines=True)
    st.stop()
    raise AssertionError("unreachable: st.stop() ends the run")


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
    st.html(_PRESENTATION_CSS if state.present else _PAGE_CSS)
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


# --- sidebar ---------------------------------------------------------------------------------


def sidebar(pages: Sequence[st.Page]) -> None:
    """Title, language, page links that keep the state, and the shared filters."""
    ctx = context()
    lang = ctx.lang
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
    multiselect("evidence", t("filters.evidence", lang), list(EVIDENCE_LEVELS), f.evidence,
                       lambda e: t(f"evidence.{e}.short", lang),  # a chip in the sidebar: short
                       lambda v: update_filters(evidence=v or flt.DEFAULT_EVIDENCE), choose)
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


# --- shared page pieces ----------------------------------------------------------------------


def show_notices() -> None:
    for message in context().notices:
        st.warning(message, icon=":material/link_off:")


def page_header(title: str, intro: str | None = None) -> None:
    show_notices()
    st.title(title)
    if intro:
        st.write(intro)


def key_figure(column, label: str, value: str, sources: str) -> None:
    """A headline figure whose label may be long (a sourced figure from key_facts.csv): the value
    large and the label beneath it, both wrapping (a metric's label and value are one line and
    would be cut on a laptop)."""
    column.markdown(f"### {escape_md(value)}")
    column.caption(f"{escape_md(label)}  \n{sources}")


def source_caption(data: Dataset, source_ids: Sequence[str] | None = None) -> None:
    st.caption(source_line(data, context().lang, source_ids))


def view(data: Dataset) -> flt.View:
    """The filtered delegations for this run (the one filter every output reads)."""
    return cached_call(flt.apply, data, context().filters)


def empty_state(data: Dataset) -> None:
    """Say which filter emptied the result, and offer to reset it."""
    ctx = context()
    lang = ctx.lang
    culprits = flt.emptied_by(data, ctx.filters)
    names = ", ".join(t(f"filters.part.{c}", lang) for c in culprits) if culprits else None
    message = (t("empty.because", lang, parts=names) if names else t("empty.combination", lang))
    st.info(f"**{t('common.empty_title', lang)}** — {t('empty.filter_is', lang)} "
            f"{flt.describe(data, ctx.filters, lang)}. {message}", icon=":material/filter_alt_off:")
    if st.button(t("filters.reset", lang), key="empty_state_reset", icon=":material/filter_alt_off:"):
        update(filters=flt.Filters())
        st.rerun()


def legend(entries: Sequence[tuple[str, str]]) -> None:
    """Colour swatches with labels; labels are escaped, so data text shows as text."""
    items = "".join(
        f'<span style="display:inline-flex;align-items:center;margin:0 1.1em .3em 0">'
        f'<span style="width:.9em;height:.9em;border-radius:50%;background:{html.escape(colour)};'
        f'border:1px solid #fff;box-shadow:0 0 0 1px #9aa;margin-right:.4em"></span>{html.escape(label)}</span>'
        for label, colour in entries
    )
    st.html(f'<div data-testid="atlas-legend" style="line-height:1.6">{items}</div>')


def map_key(entries: Sequence[tuple[int, str, str, Sequence[int]]]) -> None:
    """The numbered key under the map: each marker's number, in its colour, with the delegation
    and its country; names are escaped, so data text shows as text."""
    if not entries:
        return
    items = "".join(
        f'<li style="display:flex;align-items:baseline;gap:.45em;break-inside:avoid">'
        f'<span style="flex:none;min-width:1.6em;height:1.6em;border-radius:50%;display:inline-flex;'
        f'align-items:center;justify-content:center;color:#fff;font-weight:700;font-size:.85em;'
        f'background:rgb({int(colour[0])},{int(colour[1])},{int(colour[2])})">{number}</span>'
        f'<span>{html.escape(name)} <span style="color:#5A6670">· {html.escape(country)}</span></span></li>'
        for number, name, country, colour in entries
    )
    st.html(f'<ol data-testid="atlas-map-key" style="list-style:none;margin:.2em 0 0 0;padding:0;display:grid;'
            f'grid-template-columns:repeat(auto-fill,minmax(17em,1fr));gap:.25em 1.2em">{items}</ol>')


def locality_card(card: Card) -> None:
    """The short card of a delegation: name, country, head, relation, evidence and themes."""
    lang = context().lang
    with st.container(border=True, key=f"card_{card.id}"):
        st.image(str(card.flag), width=56)  # above the name, so the name has the card's full width
        st.subheader(escape_md(card.name), anchor=False)
        st.caption(escape_md(f"{card.country} · {card.kind}"))
        st.markdown(f"**{t('card.head', lang)}:** {escape_md(card.head)}  \n"
                    f"**{t('card.relation', lang)}:** {escape_md(card.relation)}  \n"
                    f"**{t('card.evidence', lang)}:** {escape_md(card.evidence_label)}")
        st.markdown(f"**{t('card.themes', lang)}**")
        if card.themes:
            legend(card.themes)
        else:
            st.caption(card.no_priorities)
        st.markdown(escape_md(card.summary))


_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>#|~$:]")


def escape_md(text: str) -> str:
    """Escape what Markdown and Streamlit would interpret (emphasis, links, `:red[…]` and
    `:emoji:` directives, headings, tables, maths), so data text shows literally."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\g<0>", text)
    return "\\" + escaped if escaped[:1] in ("-", "+", "=") else escaped


# Builders' results go through the one cache (components/memo.py), keyed on the call itself.


def _built(builder: Callable[..., object], data: Dataset, filters: flt.Filters, lang: str,
           **options: object) -> object:
    view = remember(flt.apply, data, filters)
    if "lang" in inspect.signature(builder).parameters:
        return builder(data, view, lang=lang, **options)
    return builder(data, view, **options)


def cached(builder: Callable[..., object], data: Dataset, **options: object) -> object:
    """``builder(data, view[, lang=lang], **options)`` for this run's filter and language, built
    once and reused while the data, the filter, the language and the options stay the same."""
    ctx = context()
    return remember(_built, builder, data, ctx.filters, ctx.lang, **options)


def cached_call(builder: Callable[..., object], data: Dataset, *args: object) -> object:
    """``builder(data, *args)`` built once per data and (hashable) arguments."""
    return remember(builder, data, *args)


def chart(built: Chart, key: str, on_select=None) -> None:
    """A figure exactly as built (no Streamlit theme, so screen and exported file match), with its
    download row underneath."""
    config = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "filename": built.name, "scale": 2}}
    st.plotly_chart(built.figure, theme=None, key=key, config=config, width="stretch",
                    on_select=on_select or "ignore", selection_mode="points")
    if built.shown is not None and built.total is not None and built.shown < built.total:
        st.caption(t("charts.capped", context().lang, shown=built.shown, total=built.total))
    download_row(built, key)


def download_row(source: Chart | Callable[[], Chart], key: str, name: str | None = None) -> None:
    """PNG for slides and for print, SVG, PDF, and the chart's data as CSV and XLSX. Files are
    made only when a button is pressed; ``source`` may be a function that builds the chart then
    (give its ``name``), for figures that exist only for files, like the static world map."""
    lang = context().lang
    data = dataset()
    build = source if callable(source) else (lambda: source)  # each button builds on its own click
    stem = f"friendship-atlas-{name or source.name}-{lang}"  # type: ignore[union-attr]
    filter_words = flt.describe(data, context().filters, lang)

    def xlsx() -> bytes:
        chart_now = build()
        title = html.unescape((chart_now.figure.layout.title.text or "").split("<br>")[0])
        return export.xlsx_bytes(chart_now.data, {t("downloads.about_title", lang): title,
                                                  t("downloads.about_filter", lang): filter_words,
                                                  t("downloads.about_source", lang): source_line(data, lang)}, lang)

    with st.popover(t("downloads.button", lang), icon=":material/download:", key=f"{key}_downloads"):
        if export.available():
            files = (("png_slide", "png", "", lambda: export.slide_png(build().figure)),
                     ("png_print", "png", "-print", lambda: export.print_png(build().figure)),
                     ("svg", "svg", "", lambda: export.vector(build().figure, "svg")),
                     ("pdf", "pdf", "", lambda: export.vector(build().figure, "pdf")))
            for label, fmt, suffix, make in files:
                st.download_button(t(f"downloads.{label}", lang), make, file_name=f"{stem}{suffix}.{fmt}",
                                   mime=export.FORMATS[fmt], key=f"{key}_{label}", on_click="ignore",
                                   icon=":material/image:")
        else:
            st.caption(t("downloads.no_chromium", lang))
        st.download_button(t("downloads.csv", lang), lambda: export.csv_bytes(build().data), file_name=f"{stem}.csv",
                           mime=export.FORMATS["csv"], key=f"{key}_csv", on_click="ignore", icon=":material/table:")
        st.download_button(t("downloads.xlsx", lang), xlsx, file_name=f"{stem}.xlsx", mime=export.FORMATS["xlsx"],
                           key=f"{key}_xlsx", on_click="ignore", icon=":material/table:")


def briefing_downloads(data: Dataset) -> None:
    """The briefing pack for the current filter and language: prepared when asked, with a progress
    bar (it takes a few seconds), then offered as PowerPoint and PDF; the who's who right away."""
    ctx = context()
    lang = ctx.lang
    view_now = view(data)
    st.markdown(f"**{t('downloads.deck_heading', lang)}**")
    st.caption(t("downloads.deck_intro", lang))
    if view_now.empty:
        return
    st.download_button(t("downloads.whos_who", lang), lambda: whos_who.pdf_bytes(data, view_now, lang),
                       file_name=briefing.file_name("whos-who", lang, ctx.filters, "pdf"), mime=export.FORMATS["pdf"],
                       key="whos_who_pdf", on_click="ignore", icon=":material/badge:")
    if not export.available():
        st.caption(t("downloads.no_chromium", lang))
        return
    wanted = (id(data), ctx.filters, lang)
    ready = st.session_state.get("briefing_pack")
    if ready is None or ready[0] != wanted:
        if not st.button(t("downloads.deck_build", lang), icon=":material/slideshow:", key="briefing_build"):
            return
        bar = st.progress(0.0, text=t("downloads.deck_building", lang))
        pack = briefing.build(data, view_now, lang, progress=lambda share: bar.progress(share))
        files = (briefing_files.pptx_bytes(pack), briefing_files.pdf_bytes(pack))
        bar.empty()
        st.session_state["briefing_pack"] = ready = (wanted, files)
    pptx, pdf = ready[1]
    st.download_button(t("downloads.deck_pptx", lang), pptx, file_name=briefing.file_name("briefing", lang,
                       ctx.filters, "pptx"), mime=export.FORMATS["pptx"], key="briefing_pptx", on_click="ignore",
                       icon=":material/slideshow:")
    st.download_button(t("downloads.deck_pdf", lang), pdf, file_name=briefing.file_name("briefing", lang,
                       ctx.filters, "pdf"), mime=export.FORMATS["pdf"], key="briefing_pdf", on_click="ignore",
                       icon=":material/picture_as_pdf:")


def source_links(data: Dataset, source_ids: Sequence[str]) -> str:
    """Markdown links to the sources: '[Publisher](url)'; a source without an address stays text."""
    parts = []
    for source_id in source_ids:
        label = escape_md(publisher_or_title(data, source_id))
        url = source_url(data, source_id)
        parts.append(f"[{label}]({url.replace('(', '%28').replace(')', '%29')})" if url else label)
    return " · ".join(parts)


def format_day(day: date) -> str:
    """A programme day in the page's language, for tab titles: 'Thứ Ba, 24/09/2024'."""
    return i18n.format_date(day, context().lang, weekday=True)


def text(value: str) -> None:
    """Data text shown literally (Markdown characters escaped)."""
    st.markdown(escape_md(value))


#: Tables up to this many rows show every row (no scrolling inside the table); longer ones scroll
#: within a fixed height.
WHOLE_TABLE_ROWS = 30


def table(frame: pd.DataFrame, link_columns: Sequence[str] = (), key: str | None = None) -> None:
    """A full-width table; link columns show 'open' and keep the address in the cell."""
    lang = context().lang
    config = {c: st.column_config.LinkColumn(c, display_text=t("common.open_source", lang)) for c in link_columns}
    for column in frame.columns:  # long text gets the room (the grid cuts a cell, it does not wrap)
        if column not in config and frame[column].astype(str).str.len().max() > 60:
            config[column] = st.column_config.TextColumn(column, width="large")
    height = "content" if len(frame) <= WHOLE_TABLE_ROWS else 600
    st.dataframe(frame, hide_index=True, width="stretch", height=height, column_config=config, key=key)
