"""The planned briefing pack written as files: PPTX on real layouts (a title placeholder on every
slide, so PowerPoint's outline and screen readers list them; the atlas's colours on the master;
the filter, date and slide number in the footer) and PDF pages of the same design with their
metadata set. No Streamlit."""

from __future__ import annotations

import copy
import io
from pathlib import Path

from components import export
from components.briefing import (
    BODY_BOTTOM,
    BODY_TOP,
    HEIGHT,
    MARGIN,
    TABLE_SHARES,
    TITLE_PT,
    WIDTH,
    Line,
    Pack,
    Slide,
)
from components.i18n import t
from components.style import HOST_COLOR, INK, MUTED, PAPER, RULE

NAVY, GREY, ACCENT = INK[1:], MUTED[1:], HOST_COLOR[1:]  # python-pptx takes "RRGGBB"
FONT_FILES = ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
              "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD_FILES = ("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
                   "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
FLAG_WIDTH = 72.0


# --- PPTX ------------------------------------------------------------------------------------


def _brand_master(deck) -> None:
    """The atlas's colours on the slide master: a navy band at the top, a red rule above the
    footer, navy titles. python-pptx adds no shapes to a master, so they are made on a scratch
    slide and moved there."""
    from lxml import etree
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Pt

    scratch = deck.slides.add_slide(deck.slide_layouts[6])
    for top, height, colour in ((0, 10, NAVY), (HEIGHT - 46, 1.5, ACCENT)):
        band = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(0 if top == 0 else MARGIN), Pt(top),
                                        Pt(WIDTH if top == 0 else WIDTH - 2 * MARGIN), Pt(height))
        band.fill.solid()
        band.fill.fore_color.rgb = RGBColor.from_string(colour)
        band.line.fill.background()
        deck.slide_master.shapes._spTree.append(copy.deepcopy(band._element))
    scratch_id = deck.slides._sldIdLst[-1]  # drop the scratch slide: its entry and its part
    deck.part.drop_rel(scratch_id.rId)
    deck.slides._sldIdLst.remove(scratch_id)
    namespaces = {"p": "http://schemas.openxmlformats.org/presentationml/2006/main",
                  "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    for level in deck.slide_master.element.findall(".//p:titleStyle/a:lvl1pPr/a:defRPr", namespaces):
        for old in level.findall("a:solidFill", namespaces):  # one fill only: the template's is replaced
            level.remove(old)
        fill = etree.Element(f"{{{namespaces['a']}}}solidFill")  # a run's fill comes first in defRPr
        etree.SubElement(fill, f"{{{namespaces['a']}}}srgbClr", val=NAVY)
        level.insert(0, fill)


def _text(frame, lines: tuple[Line, ...], size: int) -> None:
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    frame.word_wrap = True
    for n, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(4)
        if line.heading:
            paragraph.space_before = Pt(6)
        if line.lead:
            lead = paragraph.add_run()
            lead.text = f"{line.lead} "
            lead.font.bold = True
            lead.font.size = Pt(size)
        run = paragraph.add_run()
        run.text = line.text
        run.font.size = Pt(size)
        run.font.bold = line.heading
        if line.heading:
            run.font.color.rgb = RGBColor.from_string(ACCENT)


def _footer(page, pack: Pack, number: int, total: int) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    for text, left, width, align in ((pack.footer, MARGIN, WIDTH * 0.7, PP_ALIGN.LEFT),
                                     (t("briefing.page", pack.lang, i=number, n=total), WIDTH - MARGIN - 120, 120,
                                      PP_ALIGN.RIGHT)):
        box = page.shapes.add_textbox(Pt(left), Pt(HEIGHT - 40), Pt(width), Pt(24))
        box.text_frame.word_wrap = True
        paragraph = box.text_frame.paragraphs[0]
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(11)
        run.font.color.rgb = RGBColor.from_string(GREY)


def pptx_bytes(pack: Pack) -> bytes:
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Pt(WIDTH), Pt(HEIGHT)
    deck.core_properties.title = pack.title
    deck.core_properties.subject = pack.subject
    deck.core_properties.keywords = pack.keywords
    deck.core_properties.author = t("briefing.author", pack.lang)
    deck.core_properties.language = pack.lang
    _brand_master(deck)
    cover_layout, titled_layout = deck.slide_layouts[0], deck.slide_layouts[5]
    for number, slide in enumerate(pack.slides, start=1):
        page = deck.slides.add_slide(cover_layout if slide.cover else titled_layout)
        title = page.shapes.title
        title.text = slide.title
        title.text_frame.word_wrap = True
        title_run = title.text_frame.paragraphs[0].runs[0]
        title_run.font.bold = True
        if slide.cover:
            title.left, title.top, title.width, title.height = Pt(MARGIN), Pt(120), Pt(WIDTH - 2 * MARGIN), Pt(150)
            title_run.font.size = Pt(40)
            subtitle = page.placeholders[1]
            subtitle.left, subtitle.top = Pt(MARGIN), Pt(290)
            subtitle.width, subtitle.height = Pt(WIDTH - 2 * MARGIN), Pt(150)
            subtitle.text = slide.subtitle
            for paragraph in subtitle.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(22)
                    run.font.color.rgb = RGBColor.from_string(GREY)
        else:
            flag_room = FLAG_WIDTH + 16 if slide.flag else 0
            title.left, title.top = Pt(MARGIN), Pt(22)
            title.width, title.height = Pt(WIDTH - 2 * MARGIN - flag_room), Pt(62)
            title_run.font.size = Pt(TITLE_PT)
            for paragraph in title.text_frame.paragraphs:
                paragraph.alignment = PP_ALIGN.LEFT
            if slide.subtitle:
                sub = page.shapes.add_textbox(Pt(MARGIN), Pt(86), Pt(WIDTH - 2 * MARGIN - flag_room), Pt(30))
                run = sub.text_frame.paragraphs[0].add_run()
                run.text = slide.subtitle
                run.font.size = Pt(16)
                run.font.color.rgb = RGBColor.from_string(GREY)
            flag = pack.pictures.get(f"flag-{slide.flag}") if slide.flag else None
            if flag:
                picture = page.shapes.add_picture(io.BytesIO(flag), Pt(WIDTH - MARGIN - FLAG_WIDTH), Pt(28),
                                                  width=Pt(FLAG_WIDTH))
                picture._element.nvPicPr.cNvPr.set("descr", slide.title.split(" · ")[-1])
            if slide.image and slide.image in pack.pictures:
                top, bottom = BODY_TOP - 4, BODY_BOTTOM - 18
                picture = page.shapes.add_picture(io.BytesIO(pack.pictures[slide.image]), Pt(0), Pt(top),
                                                  height=Pt(bottom - top))
                picture.left = int((deck.slide_width - picture.width) / 2)
                picture._element.nvPicPr.cNvPr.set("descr", slide.alt)
                caption = page.shapes.add_textbox(Pt(MARGIN), Pt(bottom), Pt(WIDTH - 2 * MARGIN), Pt(20))
                run = caption.text_frame.paragraphs[0].add_run()
                run.text = slide.caption
                run.font.size = Pt(11)
                run.font.color.rgb = RGBColor.from_string(GREY)
            elif slide.table:
                _table(page, slide)
            elif slide.lines:
                body = page.shapes.add_textbox(Pt(MARGIN), Pt(BODY_TOP), Pt(WIDTH - 2 * MARGIN),
                                               Pt(BODY_BOTTOM - BODY_TOP))
                _text(body.text_frame, slide.lines, slide.size)
        _footer(page, pack, number, len(pack.slides))
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _table(page, slide: Slide) -> None:
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    rows, columns = len(slide.table), len(slide.table[0])
    shape = page.shapes.add_table(rows, columns, Pt(MARGIN), Pt(BODY_TOP), Pt(WIDTH - 2 * MARGIN),
                                  Pt(min(BODY_BOTTOM - BODY_TOP, 24 * rows)))
    table = shape.table
    for index, share in enumerate(TABLE_SHARES):
        table.columns[index].width = Pt((WIDTH - 2 * MARGIN) * share)
    for r, row in enumerate(slide.table):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(slide.size)
                    run.font.bold = r == 0
                    if r == 0:
                        run.font.color.rgb = RGBColor.from_string("FFFFFF")
            if r == 0:
                cell.fill.solid()
                cell.fill.fore_color.rgb = RGBColor.from_string(NAVY)


# --- PDF -------------------------------------------------------------------------------------


def fonts() -> tuple[str, str]:
    """Register the Noto (or DejaVu) fonts that carry Vietnamese letters; their reportlab names."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular = next((f for f in FONT_FILES if Path(f).exists()), None)
    bold = next((f for f in FONT_BOLD_FILES if Path(f).exists()), None)
    if regular is None or bold is None:
        raise export.ExportUnavailable("The PDF needs the Noto or DejaVu fonts (Debian: fonts-noto-core).")
    if "Atlas" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Atlas", regular))
        pdfmetrics.registerFont(TTFont("Atlas-Bold", bold))
        from reportlab.lib.fonts import addMapping

        addMapping("Atlas", 0, 0, "Atlas")
        addMapping("Atlas", 1, 0, "Atlas-Bold")
    return "Atlas", "Atlas-Bold"


def xml(text: str) -> str:
    """reportlab paragraphs read a little XML: escape the text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _paragraph(line: Line, style):
    from reportlab.platypus import Paragraph

    if line.heading:
        return Paragraph(f'<font color="#{ACCENT}"><b>{xml(line.text)}</b></font>', style)
    lead = f"<b>{xml(line.lead)}</b> " if line.lead else ""
    return Paragraph(lead + xml(line.text), style)


def pdf_bytes(pack: Pack) -> bytes:
    """The same pack as PDF pages of the same 16:9 design, with title, author, subject and
    keywords set."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Frame, Paragraph, Table, TableStyle

    regular, bold = fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(WIDTH, HEIGHT))
    pdf.setTitle(pack.title)
    pdf.setAuthor(t("briefing.author", pack.lang))
    pdf.setSubject(pack.subject)
    pdf.setKeywords(pack.keywords)
    pdf.setCreator(t("briefing.author", pack.lang))
    grey, navy = f"#{GREY}", f"#{NAVY}"
    for number, slide in enumerate(pack.slides, start=1):
        pdf.setFillColor(navy)
        pdf.rect(0, HEIGHT - 10, WIDTH, 10, stroke=0, fill=1)
        pdf.setFillColor(f"#{ACCENT}")
        pdf.rect(MARGIN, 44.5, WIDTH - 2 * MARGIN, 1.5, stroke=0, fill=1)
        flag_room = FLAG_WIDTH + 16 if slide.flag else 0
        if slide.cover:
            story = [Paragraph(xml(slide.title), ParagraphStyle("c", fontName=bold, fontSize=40, leading=48,
                                                                textColor=navy))]
            story += [Paragraph(xml(x), ParagraphStyle("cs", fontName=regular, fontSize=22, leading=30,
                                                       textColor=grey)) for x in slide.subtitle.split("\n")]
            Frame(MARGIN, 100, WIDTH - 2 * MARGIN, HEIGHT - 220, showBoundary=0).addFromList(story, pdf)
        else:
            story = [Paragraph(xml(slide.title), ParagraphStyle("t", fontName=bold, fontSize=TITLE_PT,
                                                                leading=TITLE_PT * 1.15, textColor=navy))]
            if slide.subtitle:
                story.append(Paragraph(xml(slide.subtitle), ParagraphStyle("s", fontName=regular, fontSize=16,
                                                                           leading=20, textColor=grey)))
            Frame(MARGIN, HEIGHT - BODY_TOP + 4, WIDTH - 2 * MARGIN - flag_room, BODY_TOP - 18,
                  showBoundary=0, leftPadding=0, rightPadding=0).addFromList(story, pdf)
            flag = pack.pictures.get(f"flag-{slide.flag}") if slide.flag else None
            if flag:
                image = ImageReader(io.BytesIO(flag))
                w, h = image.getSize()
                pdf.drawImage(image, WIDTH - MARGIN - FLAG_WIDTH, HEIGHT - 28 - FLAG_WIDTH * h / w,
                              width=FLAG_WIDTH, height=FLAG_WIDTH * h / w)
            if slide.image and slide.image in pack.pictures:
                top, bottom = BODY_TOP - 4, BODY_BOTTOM - 18
                picture = ImageReader(io.BytesIO(pack.pictures[slide.image]))
                pdf.drawImage(picture, MARGIN, HEIGHT - bottom, width=WIDTH - 2 * MARGIN, height=bottom - top,
                              preserveAspectRatio=True)
                pdf.setFillColor(grey)
                pdf.setFont(regular, 11)
                pdf.drawString(MARGIN, HEIGHT - bottom - 14, slide.caption)
            elif slide.table:
                style = ParagraphStyle("cell", fontName=regular, fontSize=slide.size, leading=slide.size * 1.2)
                head = ParagraphStyle("head", parent=style, fontName=bold, textColor=PAPER)
                rows = [[Paragraph(xml(c), head if r == 0 else style) for c in row]
                        for r, row in enumerate(slide.table)]
                table = Table(rows, colWidths=[(WIDTH - 2 * MARGIN) * s for s in TABLE_SHARES], repeatRows=1)
                table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), navy), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                           ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]))
                Frame(MARGIN, HEIGHT - BODY_BOTTOM, WIDTH - 2 * MARGIN, BODY_BOTTOM - BODY_TOP, showBoundary=0,
                      leftPadding=0, rightPadding=0).addFromList([table], pdf)
            elif slide.lines:
                style = ParagraphStyle("b", fontName=regular, fontSize=slide.size, leading=slide.size * 1.3,
                                       spaceAfter=4, textColor=navy)
                Frame(MARGIN, HEIGHT - BODY_BOTTOM, WIDTH - 2 * MARGIN, BODY_BOTTOM - BODY_TOP, showBoundary=0,
                      leftPadding=0, rightPadding=0).addFromList([_paragraph(x, style) for x in slide.lines], pdf)
        pdf.setFillColor(grey)
        pdf.setFont(regular, 11)
        pdf.drawString(MARGIN, 26, pack.footer)
        pdf.drawRightString(WIDTH - MARGIN, 26, t("briefing.page", pack.lang, i=number, n=len(pack.slides)))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
