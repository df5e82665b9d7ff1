"""The one-click briefing pack for the current filter and language: a plan of slides (pure), and
that plan written as a 16:9 PPTX (python-pptx) and as a PDF (reportlab). No Streamlit."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from components import charts, export, profiles, programme, world_static
from components.dataset import Dataset
from components.filters import View, describe
from components.i18n import format_date, t
from components.sourcing import source_label
from components.style import colouring

SOURCES_PER_SLIDE = 9
FONT_FILES = ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
              "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD_FILES = ("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
                   "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


@dataclass(frozen=True)
class Slide:
    title: str
    subtitle: str = ""
    lines: tuple[str, ...] = ()
    image: str | None = None  # key into the images the pack is given


def plan(data: Dataset, view: View, lang: str, today: date | None = None) -> list[Slide]:
    """Title, world map, themes, host match, one slide per delegation, programme, sources."""
    today = today or date.today()
    filter_words = describe(data, view.filters, lang)
    slides = [
        Slide(t("briefing.title", lang), f"{filter_words} · {format_date(today, lang)}",
              (t("briefing.count", lang, n=len(view.localities), total=data.fact("delegations_reported")),)),
        Slide(t("charts.world.title", lang), filter_words, image="world-map"),
        Slide(t("charts.theme_counts.title", lang), filter_words, image="theme-counts"),
        Slide(t("charts.match.title", lang), filter_words, image="host-match"),
    ]
    cited: dict[str, None] = {}
    for locality_id in view.ids:
        p = profiles.profile(data, locality_id, lang)
        lines = [f"{t('delegations.head', lang)}: {p.card.head}",
                 f"{t('delegations.relation', lang)}: {p.card.relation}",
                 f"{t('delegations.evidence', lang)}: {p.card.evidence_label}"]
        for ids in (p.evidence_sources, p.relation_sources):
            cited.update(dict.fromkeys(ids))
        for group in p.priorities:
            for statement in group.statements:
                numbers = _cite(cited, statement.source_ids)
                lines.append(f"{group.label}: {statement.text} [{numbers}]")
        if not p.priorities:
            lines.append(f"{t('delegations.priorities', lang)}: {p.card.no_priorities}")
        slides.append(Slide(f"{p.card.name} · {p.card.country}", p.card.kind, tuple(lines)))
    slides.append(Slide(t("programme.timeline_title", lang), t("programme.subtitle", lang), image="programme-timeline"))
    for ids in (data.host["source_id"], data.programme["source_id"]):
        for group in ids:
            cited.update(dict.fromkeys(group))
    numbered = [f"[{i}] {source_label(data, s, lang)}" for i, s in enumerate(cited, start=1)]
    for start in range(0, len(numbered), SOURCES_PER_SLIDE):
        slides.append(Slide(t("briefing.sources", lang), "", tuple(numbered[start:start + SOURCES_PER_SLIDE])))
    return slides


def _cite(cited: dict[str, None], source_ids: tuple[str, ...]) -> str:
    """Number the sources in order of first citation."""
    for source_id in source_ids:
        cited.setdefault(source_id, None)
    order = list(cited)
    return ", ".join(str(order.index(s) + 1) for s in source_ids)


def images(data: Dataset, view: View, lang: str, render: Callable = export.slide_png) -> dict[str, bytes]:
    """The pictures the pack shows, rendered at slide size."""
    built = [world_static.world_figure(data, view, colouring(data, view, "theme", lang), lang),
             charts.theme_counts(data, view, lang), charts.match_chart(data, view, lang),
             programme.timeline(data, programme.events(data), lang)]
    return {chart.name: render(chart.figure) for chart in built}


# --- PPTX ------------------------------------------------------------------------------------


def pptx_bytes(slides: list[Slide], pictures: dict[str, bytes]) -> bytes:
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    blank = deck.slide_layouts[6]
    dark = RGBColor(0x1B, 0x27, 0x33)
    for index, slide in enumerate(slides):
        page = deck.slides.add_slide(blank)
        first = index == 0
        box = page.shapes.add_textbox(Inches(0.6), Inches(2.4 if first else 0.35), Inches(12.1), Inches(1.2))
        frame = box.text_frame
        frame.word_wrap = True
        frame.text = slide.title
        frame.paragraphs[0].runs[0].font.size = Pt(44 if first else 32)
        frame.paragraphs[0].runs[0].font.bold = True
        frame.paragraphs[0].runs[0].font.color.rgb = dark
        if slide.subtitle:
            sub = frame.add_paragraph()
            sub.text = slide.subtitle
            sub.runs[0].font.size = Pt(22 if first else 18)
            sub.runs[0].font.color.rgb = RGBColor(0x5A, 0x66, 0x70)
        if slide.image and slide.image in pictures:
            page.shapes.add_picture(io.BytesIO(pictures[slide.image]), Inches(1.2), Inches(1.55), height=Inches(5.8))
        elif slide.lines:
            body = page.shapes.add_textbox(Inches(0.6), Inches(4.0 if first else 1.6), Inches(12.1), Inches(5.5))
            text = body.text_frame
            text.word_wrap = True
            size = Pt(24 if first else (20 if len(slide.lines) <= 7 else 16))
            for n, line in enumerate(slide.lines):
                paragraph = text.paragraphs[0] if n == 0 else text.add_paragraph()
                paragraph.text = line
                paragraph.runs[0].font.size = size
                paragraph.space_after = Pt(6)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


# --- PDF -------------------------------------------------------------------------------------


def _font() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular = next((f for f in FONT_FILES if Path(f).exists()), None)
    bold = next((f for f in FONT_BOLD_FILES if Path(f).exists()), None)
    if regular is None or bold is None:
        raise export.ExportUnavailable("The PDF needs the Noto or DejaVu fonts (Debian: fonts-noto-core).")
    pdfmetrics.registerFont(TTFont("Atlas", regular))
    pdfmetrics.registerFont(TTFont("Atlas-Bold", bold))
    return "Atlas", "Atlas-Bold"


def pdf_bytes(slides: list[Slide], pictures: dict[str, bytes]) -> bytes:
    """The same pack as a PDF of 16:9 pages."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Frame, Paragraph

    regular, bold = _font()
    width, height = 960, 540
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    title_style = ParagraphStyle("title", fontName=bold, fontSize=26, leading=31, textColor="#1B2733")
    sub_style = ParagraphStyle("sub", fontName=regular, fontSize=14, leading=18, textColor="#5A6670")
    body_style = ParagraphStyle("body", fontName=regular, fontSize=14, leading=18, spaceAfter=5)
    for index, slide in enumerate(slides):
        first = index == 0
        story = [Paragraph(_xml(slide.title), ParagraphStyle("t", parent=title_style, fontSize=34 if first else 26,
                                                             leading=40 if first else 31))]
        if slide.subtitle:
            story.append(Paragraph(_xml(slide.subtitle), sub_style))
        Frame(40, height - (300 if first else 120), width - 80, 110 if first else 100, showBoundary=0).addFromList(
            story, pdf)
        if slide.image and slide.image in pictures:
            picture = ImageReader(io.BytesIO(pictures[slide.image]))
            pdf.drawImage(picture, 120, 20, width=720, height=405, preserveAspectRatio=True)
        elif slide.lines:
            size = 18 if first else (14 if len(slide.lines) <= 7 else 12)
            style = ParagraphStyle("b", parent=body_style, fontSize=size, leading=size * 1.3)
            Frame(40, 20, width - 80, height - (330 if first else 150), showBoundary=0).addFromList(
                [Paragraph(_xml(line), style) for line in slide.lines], pdf)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _xml(text: str) -> str:
    """reportlab paragraphs read a little XML: escape the text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

