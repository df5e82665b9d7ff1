"""The briefing pack for the current filter and language, planned as a protocol officer writes it:
a cover, the world map and theme charts full size, one slide per delegation (continued where it
runs long), the programme as a day-by-day table, and the numbered sources. The plan is pure; the
files are written by components/briefing_files.py. No Streamlit."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

import plotly.graph_objects as go

from components import charts, export, profiles, programme, world_static
from components.dataset import Dataset
from components.filters import Filters, View, describe, fold
from components.i18n import field as column
from components.i18n import format_date, format_day_short, t
from components.labels import labels_of
from components.memo import remember
from components.sourcing import source_label, source_line
from components.style import colouring

#: Slide geometry in points (13.333 × 7.5 in, 16:9), shared by the PPTX and the PDF.
WIDTH, HEIGHT, MARGIN = 960.0, 540.0, 40.0
BODY_TOP, BODY_BOTTOM = 128.0, 492.0
TITLE_PT, BODY_PT, TABLE_PT, SOURCE_PT = 28, 18, 13, 14
#: Average width of a character of the body font, in ems (Noto Sans, Latin and Vietnamese text;
#: measured on the pack's own text and rounded up, so an estimate never overfills a slide).
CHAR_EM = 0.5
#: Programme table columns: their share of the body width.
TABLE_SHARES = (0.13, 0.11, 0.30, 0.20, 0.26)


@dataclass(frozen=True)
class Line:
    """One paragraph of a slide: an optional bold lead ('Head of delegation:') and its text."""

    text: str
    lead: str = ""
    heading: bool = False  # a section heading ('Stated priorities')


@dataclass(frozen=True)
class Slide:
    title: str
    subtitle: str = ""
    lines: tuple[Line, ...] = ()
    image: str | None = None  # key into the pictures the pack is given
    caption: str = ""  # the source line under a picture
    alt: str = ""  # alternative text of the picture
    flag: str | None = None  # country code: the flag beside the title
    table: tuple[tuple[str, ...], ...] = ()  # header row first
    size: int = BODY_PT  # body font size in points
    cover: bool = False


@dataclass(frozen=True)
class Pack:
    slides: tuple[Slide, ...]
    footer: str  # the filter in words and the date, on every slide
    title: str
    subject: str
    keywords: str
    lang: str
    pictures: dict[str, bytes] = field(default_factory=dict)


def lines_needed(line: Line, size: float, width: float = WIDTH - 2 * MARGIN) -> int:
    """How many lines a paragraph takes at ``size`` points in a box ``width`` points wide."""
    per_line = max(int(width / (size * CHAR_EM)), 1)
    return max(math.ceil((len(line.lead) + len(line.text) + 1) / per_line), 1)


def height_of(line: Line, size: float, width: float = WIDTH - 2 * MARGIN) -> float:
    """Points a paragraph takes: its wrapped lines at 1.3 × the font size, and the space after."""
    return lines_needed(line, size, width) * size * 1.3 + 4 + (6 if line.heading else 0)


def paginate(lines: Iterable[Line], size: float, height: float = BODY_BOTTOM - BODY_TOP) -> list[list[Line]]:
    """Split paragraphs over as many slides as they need; a heading never ends a slide."""
    pages: list[list[Line]] = [[]]
    used = 0.0
    for line in lines:
        need = height_of(line, size)
        if pages[-1] and used + need > height:
            carried = [pages[-1].pop()] if pages[-1][-1].heading else []
            pages.append(carried)
            used = sum(height_of(x, size) for x in carried)
        pages[-1].append(line)
        used += need
    return [page for page in pages if page]


def _numbered(cited: dict[str, None], source_ids: Iterable[str]) -> str:
    """'[1, 3]': sources numbered in order of first citation in the pack."""
    ids = list(dict.fromkeys(source_ids))
    for source_id in ids:
        cited.setdefault(source_id, None)
    order = list(cited)
    return f"[{', '.join(str(order.index(s) + 1) for s in ids)}]" if ids else ""


def delegation_lines(data: Dataset, p: profiles.Profile, locality_id: str, lang: str,
                     cited: dict[str, None]) -> list[Line]:
    """What a protocol officer needs about one delegation (its profile ``p``), each fact with its
    numbered sources."""
    relation_refs = _numbered(cited, p.relation_sources) if p.relation_sources else ""
    lines = [
        Line(p.card.head, f"{t('delegations.head', lang)}:"),
        Line(f"{p.card.relation} {relation_refs}".strip(), f"{t('delegations.relation', lang)}:"),
        Line(f"{p.card.evidence_label} {_numbered(cited, p.evidence_sources)}", f"{t('delegations.evidence', lang)}:"),
        Line(t("delegations.priorities", lang), heading=True),
    ]
    for group in p.priorities:
        for n, statement in enumerate(group.statements):
            lines.append(Line(f"{statement.text} {_numbered(cited, statement.source_ids)}",
                              f"{group.label}:" if n == 0 else "·"))
    if not p.priorities:
        lines.append(Line(p.card.no_priorities))
    if p.figures:
        lines.append(Line(t("delegations.figures", lang), heading=True))
        lines += [Line(f"{f.label} {_numbered(cited, f.source_ids)}", f"{f.value}:") for f in p.figures]
    linked = data.programme[data.programme["locality_ids"].map(lambda ids: locality_id in ids)]
    if len(linked):
        lines.append(Line(t("delegations.events", lang), heading=True))
        for r in linked.to_dict("records"):
            who = r[column(lang, "participants")]
            text = f"{r[column(lang, 'title')]}" + (f" — {who}" if isinstance(who, str) and who else "")
            lines.append(Line(f"{text} {_numbered(cited, r['source_id'])}", f"{format_day_short(r['date'], lang)}:"))
    return lines


def programme_rows(data: Dataset, lang: str) -> list[tuple[str, ...]]:
    """The programme day by day: date, time or part of day, event, venue, who took part."""
    say = labels_of(data, lang)
    return [(format_day_short(r["date"], lang), say.when(r), r[column(lang, "title")],
             say.or_not_reported(r[column(lang, "venue")]), say.or_not_reported(r[column(lang, "participants")]))
            for r in programme.events(data).to_dict("records")]


def table_pages(rows: list[tuple[str, ...]], size: float = TABLE_PT) -> list[list[tuple[str, ...]]]:
    """Rows split over slides by the height their wrapped cells need."""
    body = WIDTH - 2 * MARGIN
    line = size * 1.25

    def height(row: tuple[str, ...]) -> float:
        return max(lines_needed(Line(cell), size, body * share - 12) for cell, share in
                   zip(row, TABLE_SHARES, strict=True)) * line + 6

    budget = BODY_BOTTOM - BODY_TOP - (line + 8)  # the header row repeats on each slide
    pages: list[list[tuple[str, ...]]] = [[]]
    used = 0.0
    for row in rows:
        if pages[-1] and used + height(row) > budget:
            pages.append([])
            used = 0.0
        pages[-1].append(row)
        used += height(row)
    return [page for page in pages if page]


def _untitled(figure: go.Figure) -> go.Figure:
    """A chart for a slide: its title is the slide's, its source line goes under the picture."""
    copy = go.Figure(figure)
    copy.update_layout(title=None, margin={"t": 30})
    copy.layout.annotations = copy.layout.annotations[1:]  # charts.frame adds the source line first
    return copy


def plan(data: Dataset, view: View, lang: str, today: date | None = None) -> Pack:
    """Cover, world map, theme counts, host match, the delegations, the programme, the sources."""
    today = today or date.today()
    filter_words = describe(data, view.filters, lang)
    footer = f"{filter_words} · {format_date(today, lang)}"
    count = t("briefing.count", lang, n=len(view.localities), total=data.fact("delegations_reported"))
    slides = [Slide(t("briefing.title", lang), f"{filter_words}\n{count}\n{format_date(today, lang)}", cover=True)]
    caption = source_line(data, lang)
    for key, title in (("world-map", "charts.world.title"), ("theme-counts", "charts.theme_counts.title"),
                       ("host-match", "charts.match.title")):
        slides.append(Slide(t(title, lang), filter_words, image=key, caption=caption,
                            alt=f"{t(title, lang)} — {filter_words}"))
    cited: dict[str, None] = {}
    names = data.localities.set_index("id")
    for locality_id in view.ids:
        p = profiles.profile(data, locality_id, lang)
        card = p.card
        other = names.loc[locality_id, column("en" if lang == "vi" else "vi", "name")]
        subtitle = " · ".join(x for x in (other if other != card.name else "", card.kind) if x)
        pages = paginate(delegation_lines(data, p, locality_id, lang, cited), BODY_PT)
        for n, lines in enumerate(pages):
            title = f"{card.name} · {card.country}" + (f" ({t('briefing.continued', lang)})" if n else "")
            slides.append(Slide(title, subtitle, tuple(lines), flag=names.loc[locality_id, "country"]))
    header = tuple(t(k, lang) for k in ("col.date", "col.time", "col.event", "col.venue", "col.participants"))
    pages_of_rows = table_pages(programme_rows(data, lang))
    for n, rows in enumerate(pages_of_rows, start=1):
        suffix = f" ({n}/{len(pages_of_rows)})" if len(pages_of_rows) > 1 else ""
        slides.append(Slide(t("briefing.programme", lang) + suffix, t("programme.subtitle_table", lang),
                            table=(header, *rows), size=TABLE_PT))
    for ids in data.programme["source_id"]:
        for source_id in ids:
            cited.setdefault(source_id, None)
    numbered = [Line(source_label(data, s, lang), f"[{i}]") for i, s in enumerate(cited, start=1)]
    for n, lines in enumerate(paginate(numbered, SOURCE_PT)):
        slides.append(Slide(t("briefing.sources", lang) + (f" ({t('briefing.continued', lang)})" if n else ""),
                            lines=tuple(lines), size=SOURCE_PT))
    return Pack(slides=tuple(slides), footer=footer, title=t("briefing.title", lang), subject=filter_words,
                keywords=t("briefing.keywords", lang), lang=lang)


def pictures(data: Dataset, view: View, lang: str, render: Callable = export.slide_png) -> dict[str, bytes]:
    """The charts the pack shows, full slide size, without their own titles; and the flags."""
    built = [world_static.world_figure(data, view, colouring(data, view, "theme", lang), lang),
             charts.theme_counts(data, view, lang), charts.match_chart(data, view, lang)]
    rendered = {chart.name: render(_untitled(chart.figure)) for chart in built}
    for code in sorted(set(view.localities["country"])):
        flag = remember(export.flag_png, data.flag_path(code))
        if flag is not None:
            rendered[f"flag-{code}"] = flag
    return rendered


def build(data: Dataset, view: View, lang: str, progress: Callable[[float], None] = lambda _: None) -> Pack:
    """The pack with its pictures; ``progress`` hears 0–1 as it is put together."""
    progress(0.05)
    pack = plan(data, view, lang)
    progress(0.2)
    pack = replace(pack, pictures=pictures(data, view, lang))
    progress(0.7)
    return pack


def file_name(kind: str, lang: str, filters: Filters, extension: str) -> str:
    """'friendship-atlas-briefing-vi-theme-green.pptx': the language and the filter in the name."""
    parts = [f"friendship-atlas-{kind}-{lang}"]
    for name, values in (("theme", filters.themes), ("country", filters.countries), ("kind", filters.kinds)):
        if values:
            parts.append(f"{name}-{'-'.join(v.lower() for v in values)}")
    if len(filters.themes) > 1 and filters.match == "all":
        parts.append("all")
    if filters.evidence != Filters().evidence:
        parts.append(f"evidence-{''.join(filters.evidence).lower()}")
    if filters.query.strip():
        slug = re.sub(r"[^a-z0-9]+", "-", fold(filters.query.strip())).strip("-")[:30]
        parts.append(f"q-{slug}" if slug else "q")
    return "-".join(parts) + f".{extension}"
