"""The briefing pack for the current filter and language, planned as a protocol officer writes it:
a cover, the world map and theme charts full size, one slide per delegation (continued where it
runs long), the programme as a day-by-day table, and the numbered sources. The plan is pure; the
files are written by components/briefing_files.py. No Streamlit."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

import plotly.graph_objects as go

from components import charts, export, profiles, programme, whos_who, world_static
from components import match as match_rule
from components.dataset import Dataset
from components.filters import Filters, View, describe, fold
from components.i18n import field as column
from components.i18n import format_date, format_day_short, t
from components.labels import labels_of
from components.memo import remember
from components.sourcing import publishers, source_line, source_title, source_url
from components.style import colouring
from components.typeface import keep_together, lines_needed

#: Slide geometry in points (13.333 × 7.5 in, 16:9), shared by the PPTX and the PDF.
WIDTH, HEIGHT, MARGIN = 960.0, 540.0, 40.0
BODY_TOP, BODY_BOTTOM = 128.0, 492.0
#: A slide two delegations share has no subtitle: each column's heading names its delegation.
SHARED_TOP = 92.0
BODY_WIDTH = WIDTH - 2 * MARGIN
#: Two columns of paragraphs, when one does not fit a slide.
GUTTER = 24.0
COLUMN_WIDTH = (BODY_WIDTH - GUTTER) / 2
#: A picture stands under the title (the filter is in the footer) and above its notes and source line.
PICTURE_TOP, NOTE_PT, NOTE_LEADING = 90.0, 12, 15.0
TITLE_PT, BODY_PT, TABLE_PT, SOURCE_PT = 28, 18, 13, 14
#: Line height as a share of the font size, set exactly in both files so they break pages alike.
LEADING, TIGHT = 1.25, 1.12
SPACE_AFTER, SPACE_BEFORE_HEADING = 4.0, 6.0
#: Programme table columns (their share of the body width) and the cells' insets, both files.
TABLE_SHARES = (0.105, 0.105, 0.27, 0.16, 0.36)
CELL_X, CELL_Y = 7.2, 3.6
#: Pictures are drawn at their placed size, one CSS pixel to the point, this many times over.
PICTURE_SCALE = 2
#: The smallest type in a picture, in points at its placed size (read from the back of the room).
PICTURE_MIN_PT = 12


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
    columns: tuple[tuple[Line, ...], ...] = ()  # paragraphs in one column, or two side by side
    image: str | None = None  # key into the pictures the pack is given
    image_size: tuple[float, float] = (0.0, 0.0)  # the picture's box in points: it is drawn that size
    notes: tuple[str, ...] = ()  # lines under a picture: how to read it, what it leaves out
    caption: str = ""  # the source line under a picture
    alt: str = ""  # alternative text of the picture
    flag: str | None = None  # country code: the flag beside the title
    markers: tuple[int, ...] = ()  # the map numbers of the slide's delegations, beside the title
    delegations: tuple[str, ...] = ()  # the locality ids a delegation slide is about, in title order
    body_top: float = BODY_TOP  # where the paragraphs start
    table: tuple[tuple[str, ...], ...] = ()  # header row first
    row_heights: tuple[float, ...] = ()  # each table row's height in points, header first
    size: int = BODY_PT  # body font size in points
    leading: float = LEADING  # line height as a share of the size
    cover: bool = False

    @property
    def lines(self) -> tuple[Line, ...]:
        return tuple(line for column in self.columns for line in column)

    @property
    def column_width(self) -> float:
        return BODY_WIDTH if len(self.columns) < 2 else COLUMN_WIDTH


@dataclass(frozen=True)
class Pack:
    slides: tuple[Slide, ...]
    footer: str  # the filter in words and the date, on every slide
    title: str
    subject: str
    keywords: str
    lang: str
    pictures: dict[str, bytes] = field(default_factory=dict)


def height_of(line: Line, size: float, width: float = BODY_WIDTH, leading: float = LEADING) -> float:
    """Points a paragraph takes: its wrapped lines, the space after it, and before a heading."""
    lines = lines_needed(line.text, size, width, line.lead)
    return lines * size * leading + SPACE_AFTER + (SPACE_BEFORE_HEADING if line.heading else 0)


def _fill(heights: list[float], glued: list[bool], budget: float) -> list[list[int]]:
    """Items into boxes of ``budget`` points, in order; an item ``glued`` to the one before moves
    to the next box with it (a heading never ends a box, a short list is not cut), unless that
    would empty the box."""
    boxes: list[list[int]] = [[]]
    used = 0.0
    for index, need in enumerate(heights):
        if boxes[-1] and used + need > budget:
            start = index
            while glued[start] and start - 1 in boxes[-1]:
                start -= 1
            carried = [i for i in boxes[-1] if i >= start] if start > boxes[-1][0] else []
            boxes[-1] = boxes[-1][:len(boxes[-1]) - len(carried)]
            boxes.append(carried)
            used = sum(heights[i] for i in carried)
        boxes[-1].append(index)
        used += need
    return [box for box in boxes if box]


def balance(heights: list[float], budget: float, per_slide: int = 1,
            glued: list[bool] | None = None) -> list[list[int]]:
    """Items split over as few boxes as fit, then evened out: the smallest budget that needs no more
    slides, so a continuation is never a near-empty slide (with n slides each holds about 1/n)."""
    glued = glued or [False] * len(heights)
    boxes = _fill(heights, glued, budget)
    wanted = math.ceil(len(boxes) / per_slide) * per_slide
    if len(boxes) <= 1:
        return boxes
    low, high = max(heights), budget
    while high - low > 1:
        middle = (low + high) / 2
        low, high = (low, middle) if len(_fill(heights, glued, middle)) <= wanted else (middle, high)
    return _fill(heights, glued, high)


def kept_together(lines: list[Line], heights: list[float], budget: float) -> list[bool]:
    """Which paragraph stays with the one before: the first after a heading, and every one of a
    section (a heading and what follows it) that fits half a box, so a short list is never cut."""
    glued = [False] * len(lines)
    starts = [i for i, line in enumerate(lines) if line.heading] + [len(lines)]
    for start, end in itertools.pairwise(starts):
        whole = sum(heights[start:end]) <= budget / 2
        for i in range(start + 1, end):
            glued[i] = whole or i == start + 1
    return glued


#: Layouts paragraphs may take (box width, columns a slide, line height), the plainer first.
LAYOUTS = ((BODY_WIDTH, 1, LEADING), (BODY_WIDTH, 1, TIGHT), (COLUMN_WIDTH, 2, LEADING), (COLUMN_WIDTH, 2, TIGHT))


def paginate(lines: list[Line], size: float) -> list[Slide]:
    """Paragraphs as slides of columns (title and subtitle left to the caller), evened out. Of the
    layouts, the one that needs the fewest slides with no continuation less than half full (a
    tighter line height or two columns only where they save a slide or fill one); the plainer on
    a tie."""
    budget = BODY_BOTTOM - BODY_TOP
    tried = []
    for order, (width, per_slide, leading) in enumerate(LAYOUTS):
        heights = [height_of(line, size, width, leading) for line in lines]
        boxes = balance(heights, budget, per_slide, kept_together(lines, heights, budget))
        groups = [boxes[n:n + per_slide] for n in range(0, len(boxes), per_slide)]
        fills = [sum(heights[i] for box in group for i in box) / (per_slide * budget) for group in groups]
        slides = [Slide("", columns=tuple(tuple(lines[i] for i in box) for box in group), size=int(size),
                        leading=leading) for group in groups]
        tried.append((any(fill < 0.5 for fill in fills[1:]), len(slides), order, slides))
    return min(tried, key=lambda x: x[:3])[3]


def glued(lines: Iterable[Line]) -> list[Line]:
    """Paragraphs whose lines break where a reader expects (``typeface.keep_together``)."""
    return [replace(line, text=keep_together(line.text), lead=keep_together(line.lead)) for line in lines]


def side_by_side(first: list[Line], second: list[Line], size: float) -> Slide | None:
    """Two short delegations' paragraphs as the two columns of one slide (title left to the
    caller), if each fits its column, at the plainer line height where it can; else None."""
    budget = BODY_BOTTOM - SHARED_TOP
    for leading in (LEADING, TIGHT):
        if all(sum(height_of(line, size, COLUMN_WIDTH, leading) for line in lines) <= budget
               for lines in (first, second)):
            return Slide("", columns=(tuple(first), tuple(second)), size=int(size), leading=leading,
                         body_top=SHARED_TOP)
    return None


def _headed(name: str, subtitle: str, lines: list[Line]) -> list[Line]:
    """A delegation's paragraphs under its name (and its subtitle), for a column of a shared slide."""
    return [Line(name, heading=True), *([Line(subtitle)] if subtitle else []), *lines]


def _numbered(cited: dict[str, None], source_ids: Iterable[str]) -> str:
    """'[1, 3]': sources numbered in order of first citation in the pack, listed in number order,
    never broken over two lines (no-break spaces)."""
    ids = list(dict.fromkeys(source_ids))
    for source_id in ids:
        cited.setdefault(source_id, None)
    order = list(cited)
    numbers = ",\u00a0".join(str(n) for n in sorted(order.index(s) + 1 for s in ids))
    return f"[{numbers}]" if ids else ""


def _cite(text: str, refs: str) -> str:
    """A fact and its numbered sources, kept together on one line (a no-break space)."""
    return f"{text}\u00a0{refs}" if refs else text


def delegation_lines(data: Dataset, p: profiles.Profile, locality_id: str, lang: str,
                     cited: dict[str, None]) -> list[Line]:
    """What a protocol officer needs about one delegation (its profile ``p``), each fact with its
    numbered sources; its events in the order they happen."""
    timed = remember(programme.events, data)
    say = labels_of(data, lang)
    lines = [
        Line(p.card.head, f"{t('delegations.head', lang)}:"),
        Line(_cite(p.card.relation, _numbered(cited, p.relation_sources)), f"{t('delegations.relation', lang)}:"),
        Line(_cite(p.card.evidence_label, _numbered(cited, p.evidence_sources)), f"{t('delegations.evidence', lang)}:"),
        Line(t("delegations.priorities", lang), heading=True),
    ]
    for group in p.priorities:  # a theme's statements in one paragraph: never split over two slides
        lines.append(Line(" · ".join(_cite(s.text, _numbered(cited, s.source_ids)) for s in group.statements),
                          f"{group.label}:"))
    if not p.priorities:  # no heading over an empty section: the reason stands under the evidence
        lines[-1] = Line(p.card.no_priorities)
    if p.figures:
        lines.append(Line(t("delegations.figures", lang), heading=True))
        lines += [Line(_cite(f.label, _numbered(cited, f.source_ids)), f"{f.value}:") for f in p.figures]
    linked = timed[timed["locality_ids"].map(lambda ids: locality_id in ids)]
    if len(linked):
        lines.append(Line(t("delegations.events", lang), heading=True))
        for r in linked.to_dict("records"):
            who = r[column(lang, "participants")]
            text = f"{r[column(lang, 'title')]}" + (f" — {who}" if isinstance(who, str) and who else "")
            lead = f"{format_day_short(r['date'], lang)}, {say.when(r)}:"
            lines.append(Line(_cite(text, _numbered(cited, r["source_id"])), lead))
    return glued(lines)


def programme_rows(data: Dataset, lang: str, cited: dict[str, None]) -> list[tuple[str, ...]]:
    """The programme day by day: date, time or part of day, event with its numbered sources,
    venue, who took part."""
    say = labels_of(data, lang)
    return [tuple(map(keep_together, (
        format_day_short(r["date"], lang), say.when(r),
        _cite(r[column(lang, "title")], _numbered(cited, r["source_id"])),
        say.or_not_reported(r[column(lang, "venue")]), say.or_not_reported(r[column(lang, "participants")]))))
        for r in programme.events(data).to_dict("records")]


def row_height(row: tuple[str, ...], size: float = TABLE_PT, header: bool = False) -> float:
    """A table row's height: its tallest wrapped cell and the cell insets."""
    lines = max(lines_needed("" if header else cell, size, BODY_WIDTH * share - 2 * CELL_X, cell if header else "")
                for cell, share in zip(row, TABLE_SHARES, strict=True))
    return lines * size * LEADING + 2 * CELL_Y


def table_pages(header: tuple[str, ...], rows: list[tuple[str, ...]],
                size: float = TABLE_PT) -> list[list[tuple[str, ...]]]:
    """Rows split over slides by the height their wrapped cells need (the header repeats on each),
    evened out so the last slide is not a near-empty one."""
    budget = BODY_BOTTOM - BODY_TOP - row_height(header, size, header=True)
    return [[rows[i] for i in box] for box in balance([row_height(r, size) for r in rows], budget)]


def _untitled(figure: go.Figure) -> go.Figure:
    """A chart for a slide: its title is the slide's, its source line goes under the picture."""
    copy = go.Figure(figure)
    copy.update_layout(title=None, margin={"t": 16, "b": 56})
    copy.layout.annotations = copy.layout.annotations[1:]  # charts.frame adds the source line first
    return copy


def _at_least(font, minimum: float) -> None:
    """Raise a font's size (one size, or one per point) to ``minimum``."""
    size = font.size
    if size is None:
        return
    font.size = [max(s, minimum) for s in size] if isinstance(size, list | tuple) else max(size, minimum)


def readable(figure: go.Figure, minimum: float = PICTURE_MIN_PT) -> go.Figure:
    """Every text of a figure at least ``minimum`` pixels: drawn one pixel to the point, that is
    its size in points on the slide."""
    copy = go.Figure(figure)
    fonts = [copy.layout.font, copy.layout.legend.font, *(a.font for a in copy.layout.annotations)]
    fonts += [trace.textfont for trace in copy.data if "textfont" in trace]
    copy.for_each_xaxis(lambda axis: fonts.extend([axis.tickfont, axis.title.font]))
    copy.for_each_yaxis(lambda axis: fonts.extend([axis.tickfont, axis.title.font]))
    for font in fonts:
        _at_least(font, minimum)
    return copy


def _match_notes(data: Dataset, view: View, lang: str) -> tuple[str, ...]:
    """Under the shared-priorities chart: what it counts in one line, the delegations it does not
    draw and why."""
    notes = [t("pack.match_rule", lang, total=len(match_rule.host_weights(data))),
             *match_rule.left_out(data, view, lang)]
    beyond = len([m for m in match_rule.ranking(data, view) if m.count]) - charts.MATCH_BARS
    if beyond > 0:
        notes.append(t("pack.match_beyond", lang, n=beyond))
    return tuple(notes)


def picture_slide(key: str, title: str, caption: str, alt: str, notes: tuple[str, ...] = ()) -> Slide:
    """A picture filling the body under the title, above its notes and its source line."""
    note_lines = sum(lines_needed(note, NOTE_PT, BODY_WIDTH) for note in notes)
    bottom = BODY_BOTTOM - NOTE_LEADING * (note_lines + 1)
    return Slide(title, image=key, image_size=(BODY_WIDTH, bottom - PICTURE_TOP), notes=notes, caption=caption,
                 alt=alt)


def source_entry(data: Dataset, source_id: str, lang: str) -> str:
    """A numbered source as the sources slide lists it: publisher and title, date, address."""
    row = data.source_rows[source_id]
    label = f"{(publishers(data, [source_id], lang) or [t('pack.no_publisher', lang)])[0]} — {source_title(row, lang)}"
    published = row["published"] if isinstance(row["published"], str) and row["published"] else ""
    when = (format_date(date.fromisoformat(published), lang) if len(published) == 10
            else published or t("pack.no_date", lang))
    return " · ".join((label, when, source_url(data, source_id) or t("pack.no_address", lang)))


def plan(data: Dataset, view: View, lang: str, today: date | None = None) -> Pack:
    """Cover, world map, theme counts, host match, the delegations in protocol order, the
    programme, the sources."""
    today = today or date.today()
    filter_words = describe(data, view.filters, lang)
    footer = f"{filter_words} · {format_date(today, lang)}"
    count = t("briefing.count", lang, n=len(view.localities), total=data.fact("delegations_reported"))
    caption = source_line(data, lang)
    prepared = t("briefing.prepared", lang, author=t("briefing.author", lang), date=format_date(today, lang))
    cover = (filter_words, count, t("briefing.programme", lang), caption, prepared)
    slides = [Slide(t("briefing.title", lang), "\n".join(cover), cover=True)]
    for key, title in (("world-map", "charts.world.title"), ("theme-counts", "charts.theme_counts.title"),
                       ("host-match", "charts.match.title")):
        notes = _match_notes(data, view, lang) if key == "host-match" else ()
        slides.append(picture_slide(key, t(title, lang), caption, f"{t(title, lang)} — {filter_words}", notes))
    cited: dict[str, None] = {}
    names = data.localities.set_index("id")
    numbers = whos_who.map_numbers(data, view)
    shown = []  # (id, card, subtitle, paragraphs, slides alone) in protocol order
    for locality_id in whos_who.protocol_order(data, view):
        p = profiles.profile(data, locality_id, lang)
        subtitle = keep_together(p.card.kind)
        lines = delegation_lines(data, p, locality_id, lang, cited)
        shown.append((locality_id, p.card, subtitle, lines, paginate(lines, BODY_PT)))
    n = 0
    while n < len(shown):
        locality_id, card, subtitle, lines, pages = shown[n]
        country = names.loc[locality_id, "country"]
        paired = shown[n + 1] if n + 1 < len(shown) else None
        if paired and len(pages) == len(paired[4]) == 1 and names.loc[paired[0], "country"] == country:
            shared = side_by_side(_headed(card.name, subtitle, lines), _headed(paired[1].name, paired[2], paired[3]),
                                  BODY_PT)
            if shared:  # a country's two short delegations share a slide, each in its column
                ids = (locality_id, paired[0])
                slides.append(replace(shared, title=f"{card.name} · {paired[1].name} · {card.country}", flag=country,
                                      markers=tuple(numbers[i] for i in ids if i in numbers), delegations=ids))
                n += 2
                continue
        for number, page in enumerate(pages):
            title = f"{card.name} · {card.country}" + (f" ({t('briefing.continued', lang)})" if number else "")
            marker = (numbers[locality_id],) if locality_id in numbers else ()
            slides.append(replace(page, title=title, subtitle=subtitle, flag=country, markers=marker,
                                  delegations=(locality_id,)))
        n += 1
    header = tuple(t(k, lang) for k in ("col.date", "col.time", "col.event", "col.venue", "col.participants"))
    pages_of_rows = table_pages(header, programme_rows(data, lang, cited))
    programme_title = t("briefing.programme", lang, days=programme.recorded_days(data, lang))
    for n, rows in enumerate(pages_of_rows, start=1):
        suffix = f" ({n}/{len(pages_of_rows)})" if len(pages_of_rows) > 1 else ""
        slides.append(Slide(programme_title + suffix, t("programme.subtitle_table", lang),
                            table=(header, *rows), size=TABLE_PT,
                            row_heights=(row_height(header, header=True), *map(row_height, rows))))
    numbered = glued(Line(source_entry(data, s, lang), f"[{i}]") for i, s in enumerate(cited, start=1))
    for n, page in enumerate(paginate(numbered, SOURCE_PT)):
        slides.append(replace(page, title=t("briefing.sources", lang) + (
            f" ({t('briefing.continued', lang)})" if n else "")))
    return Pack(slides=tuple(slides), footer=footer, title=t("briefing.title", lang), subject=filter_words,
                keywords=t("briefing.keywords", lang), lang=lang)


def _pixels(size: tuple[float, float]) -> tuple[int, int]:
    """A picture's box in points as the CSS pixels it is drawn at (one to the point)."""
    return round(size[0]), round(size[1])


def _render(figure: go.Figure, size: tuple[float, float]) -> bytes:
    """A picture drawn at the size it is placed, one CSS pixel to the point, sharp for print."""
    width, height = _pixels(size)
    return export.figure_bytes(figure, "png", width=width, height=height, scale=PICTURE_SCALE)


def pictures(data: Dataset, view: View, lang: str, sizes: dict[str, tuple[float, float]],
             render: Callable[[go.Figure, tuple[float, float]], bytes] = _render) -> dict[str, bytes]:
    """The charts the pack shows, each drawn at its placed size with type of at least 12 pt and
    without its own title; the match chart on one scale (bars labelled with their score); the flags."""
    world = world_static.world_figure(data, view, colouring(data, view, "theme", lang), lang,
                                      size=_pixels(sizes["world-map"]), titled=False, text_px=PICTURE_MIN_PT)
    rendered = {"world-map": render(world.figure, sizes["world-map"])}  # planned at its size: drawn as it is
    for chart in (charts.theme_counts(data, view, lang), charts.match_chart(data, view, lang)):
        figure = readable(_untitled(chart.figure))
        if chart.name == "host-match":
            figure.update_traces(texttemplate="%{x}")
        rendered[chart.name] = render(figure, sizes[chart.name])
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
    sizes = {slide.image: slide.image_size for slide in pack.slides if slide.image}
    pack = replace(pack, pictures=pictures(data, view, lang, sizes))
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
