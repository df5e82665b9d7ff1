"""The few pieces every page shows: header and notices, figures, legends, the card, tables."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from components import filters as flt
from components import i18n
from components.dataset import Dataset
from components.i18n import t
from components.labels import labels_of
from components.markdown import escape_md
from components.profiles import Card
from components.sourcing import source_line
from components.style import MUTED, PAPER, RULE
from components.tables import html_table
from components.typeface import unbroken_on_screen
from components.ui.state import context, update, update_filters


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


def nothing(message: str, icon: str = ":material/info:") -> None:
    """The one way a page says it has nothing to show; ``empty_state`` is the same box for the
    shared filter, with what emptied the result and a reset."""
    st.info(message, icon=icon)


def empty_state(data: Dataset) -> None:
    """Say which filter emptied the result, and offer to reset it."""
    ctx = context()
    lang = ctx.lang
    culprits = flt.emptied_by(data, ctx.filters)
    names = ", ".join(t(f"filters.part.{c}", lang) for c in culprits) if culprits else None
    message = (t("empty.because", lang, parts=names) if names else t("empty.combination", lang))
    nothing(f"**{t('common.empty_title', lang)}** — {t('empty.filter_is', lang)} "
            f"{escape_md(flt.describe(data, ctx.filters, lang))}. {message}", ":material/filter_alt_off:")
    if st.button(t("filters.reset", lang), key="empty_state_reset", icon=":material/filter_alt_off:"):
        update(filters=flt.Filters())
        st.rerun()


def legend(entries: Sequence[tuple[str, str]], rule: str | None = None,
           card_only: Sequence[tuple[str, str]] = ()) -> None:
    """Colour swatches with labels, under the ``rule`` that picks the colours when there is one,
    then the colours seen only on the card beside the map (``card_only``), set apart so the map's
    legend names no colour the map does not show; labels are escaped, so data text shows as text."""
    lang = context().lang
    said = f'<div style="color:{MUTED}">{html.escape(rule)}</div>' if rule else ""
    also = (f'<span style="color:{MUTED};margin-right:1.1em">{html.escape(t("map.legend.card_only", lang))}</span>'
            f'{_swatches(card_only)}') if card_only else ""
    st.html(f'<div data-testid="atlas-legend" style="line-height:1.6">{said}<div>{_swatches(entries)}</div>'
            f'{f"<div>{also}</div>" if also else ""}</div>')


def _swatches(entries: Sequence[tuple[str, str]]) -> str:
    return "".join(
        f'<span style="display:inline-flex;align-items:center;margin:0 1.1em .3em 0">'
        f'<span style="width:.9em;height:.9em;border-radius:50%;background:{html.escape(colour)};'
        f'border:1px solid {PAPER};box-shadow:0 0 0 1px {RULE};margin-right:.4em"></span>{html.escape(label)}</span>'
        for label, colour in entries
    )


def map_key(entries: Sequence[tuple[int, str, str, Sequence[int]]], countries: bool = True) -> None:
    """The numbered key under the map: each marker's number, in its colour, with the delegation
    and (``countries``) its country; names are escaped, so data text shows as text."""
    if not entries:
        return
    items = "".join(
        f'<li style="display:flex;align-items:baseline;gap:.45em;break-inside:avoid">'
        f'<span style="flex:none;min-width:1.6em;height:1.6em;border-radius:50%;display:inline-flex;'
        f'align-items:center;justify-content:center;color:{PAPER};font-weight:700;font-size:.85em;'
        f'background:rgb({int(colour[0])},{int(colour[1])},{int(colour[2])})">{number}</span>'
        f'<span>{html.escape(unbroken_on_screen(name))}{_country(country) if countries else ""}</span></li>'
        for number, name, country, colour in entries
    )
    st.html(f'<ol data-testid="atlas-map-key" style="list-style:none;margin:.2em 0 0 0;padding:0;display:grid;'
            f'grid-template-columns:repeat(auto-fill,minmax(17em,1fr));gap:.25em 1.2em">{items}</ol>')


def flag(path: Path, key: str, width: int | str) -> None:
    """A country's flag with a hairline round it (the stylesheets draw it on ``st-key-flag_*``), so
    Japan's bare disc and Italy's white band still read as flags on a white card."""
    with st.container(key=f"flag_{key}"):
        st.image(str(path), width=width)


def _country(name: str) -> str:
    return f' <span style="color:{MUTED}">· {html.escape(name)}</span>'


def locality_card(card: Card) -> None:
    """The short card of a delegation: name, country, head, relation, evidence and themes."""
    lang = context().lang
    with st.container(border=True, key=f"card_{card.id}"):
        flag(card.flag, f"card_{card.id}", 56)  # above the name, so the name has the card's full width
        st.subheader(escape_md(card.name), anchor=False)
        st.caption(escape_md(unbroken_on_screen(f"{card.country} · {card.kind}")))
        st.markdown(f"**{t('card.head', lang)}:** {escape_md(unbroken_on_screen(card.head))}  \n"
                    f"**{t('card.relation', lang)}:** {escape_md(card.relation)}  \n"
                    f"**{t('card.evidence', lang)}:** {escape_md(card.evidence_label)}")
        st.markdown(f"**{t('card.themes', lang)}**")
        if card.themes:
            legend(card.themes)
        else:
            st.caption(card.no_priorities)
        st.markdown(escape_md(unbroken_on_screen(card.summary)))


def format_day(day: date) -> str:
    """A programme day in the page's language, for tab titles: 'Thứ Ba, 24/09/2024'."""
    return i18n.format_date(day, context().lang, weekday=True)


def text(value: str) -> None:
    """Data text shown literally (Markdown characters escaped)."""
    st.markdown(escape_md(value))


#: Tables up to this many rows are drawn as text that wraps, every row and cell in full; longer
#: ones keep the data grid, where sorting and search help, and open a clicked row in full.
WHOLE_TABLE_ROWS = 30


#: A grid row: three lines of text (the grid wraps text only in rows taller than 4 rem).
GRID_ROW_HEIGHT = 72


def table(frame: pd.DataFrame, link_columns: Sequence[str] = (), key: str | None = None,
          grid: Mapping[str, int] | None = None) -> None:
    """A full-width table. Up to ``WHOLE_TABLE_ROWS`` rows: HTML text built with every cell
    escaped (the grid draws on a canvas that cuts a cell and hides columns on a laptop). Longer:
    the grid, and the row clicked shown in full under it; ``grid`` names the columns the grid
    shows and their widths in pixels (made to fit a laptop's page, text wrapped on three lines),
    the row in full has every column."""
    lang = context().lang
    if len(frame) <= WHOLE_TABLE_ROWS:
        st.html(html_table(frame, link_columns, t("common.open_source", lang)))
        return
    config = {c: st.column_config.TextColumn(c, width=width) for c, width in (grid or {}).items()}
    config |= {c: st.column_config.LinkColumn(c, display_text=t("common.open_source", lang),
                                              width=(grid or {}).get(c)) for c in link_columns}
    st.caption(t("table.click_row", lang))
    picked = st.dataframe(frame, hide_index=True, width="stretch", height=600, column_config=config, key=key,
                          column_order=list(grid) if grid else None, row_height=GRID_ROW_HEIGHT if grid else None,
                          placeholder="—",  # a report with no link: nothing to open (not "None")
                          on_select="rerun", selection_mode="single-row")
    rows = picked.selection.rows if picked is not None else []
    if rows:
        row = frame.iloc[rows[0]]
        st.html(html_table(pd.DataFrame({t("table.field", lang): frame.columns, t("table.text", lang): row.to_numpy()}),
                           (), t("common.open_source", lang)))


_CLICKED = "theme_click_before"  # the filter before a bar click, to undo it


def filter_by_clicked_theme() -> None:
    """A click on a theme's bar filters every page to that theme, remembering the filter before."""
    points = st.session_state["theme_counts"].selection.points
    if points:
        st.session_state[_CLICKED] = context().filters
        update_filters(themes=(points[0]["customdata"],))


def theme_click_note(data: Dataset) -> None:
    """While themes are filtered: which, what the bars now count, and a one-click way back (to the
    filter before the bar click, or no theme filter when the page was opened so)."""
    ctx = context()
    if not ctx.filters.themes:
        st.session_state.pop(_CLICKED, None)
        return
    lang = ctx.lang
    names = ", ".join(labels_of(data, lang).theme[x] for x in ctx.filters.themes)
    before = st.session_state.get(_CLICKED)
    note, action = st.columns([4, 1], vertical_alignment="center")
    note.info(t("themes.filtered_note", lang, themes=names), icon=":material/filter_alt:")
    def undo() -> None:
        update(filters=before if before is not None else replace(ctx.filters, themes=()))
        st.session_state.pop(_CLICKED, None)

    action.button(t("themes.undo_click" if before is not None else "themes.clear_theme", lang),
                  icon=":material/undo:", key="theme_click_undo", on_click=undo)
