"""Charts with their download row, and the briefing pack and who's who in the sidebar."""

from __future__ import annotations

import html
from collections.abc import Callable

import streamlit as st

from components import briefing, briefing_files, export, whos_who
from components import filters as flt
from components.charts import Chart
from components.dataset import Dataset
from components.i18n import t
from components.sourcing import source_line
from components.ui.cache import view
from components.ui.state import context, dataset


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
