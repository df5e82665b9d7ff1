"""The planned briefing pack written as files: PPTX on real layouts (a title placeholder on every
slide, so PowerPoint's outline and screen readers list them; the atlas's colours on the master;
Arial named as the theme font; the filter, date and slide number in the footer) and PDF pages of
the same design, set in a font of Arial's metrics so both break lines and pages alike, with their
metadata set. A PDF body that still does not fit continues on a page of its own rather than
vanish. No Streamlit."""

from __future__ import annotations

import copy
import io
import re

from components.briefing import (
    BODY_BOTTOM,
    BODY_TOP,
    BODY_WIDTH,
    CELL_X,
    CELL_Y,
    GUTTER,
    HEIGHT,
    LEADING,
    MARGIN,
    NOTE_LEADING,
    NOTE_PT,
    PICTURE_TOP,
    SPACE_AFTER,
    SPACE_BEFORE_HEADING,
    TABLE_SHARES,
    TITLE_PT,
    WIDTH,
    Line,
    Pack,
    Slide,
)
from components.i18n import t
from components.style import HOST_COLOR, INK, MUTED, PAPER, RULE
from components.typeface import PPTX_FONT, fonts, unbroken_names, xml

NAVY, GREY, ACCENT = INK[1:], MUTED[1:], HOST_COLOR[1:]  # python-pptx takes "RRGGBB"
FLAG_WIDTH = 72.0
#: The hairline round a flag, so a white band or a bare disc still reads as a flag.
FLAG_RULE = 0.5
#: Title box: its top and height; the subtitle's top, clear of a two-line title.
TITLE_TOP, TITLE_HEIGHT, SUBTITLE_TOP = 18.0, 68.0, 88.0
TITLE_LEADING = 1.15
FOOTER_PT = 11
#: The cover: its title box and, under it, the lines that say what the pack holds and whence.
COVER_TITLE_TOP, COVER_TITLE_HEIGHT, COVER_TITLE_PT = 100.0, 110.0, 40
COVER_LINES_TOP, COVER_LINES_PT, COVER_LINES_LEADING = 230.0, 20, 27.0
#: A map number beside the title: a disc as the map draws its marker, 'map' under it.
DISC, DISC_TOP, DISC_GAP, DISC_PT, MARKER_PT = 34.0, 24.0, 8.0, 16, 10


def _title_width(slide: Slide) -> float:
    return BODY_WIDTH - (FLAG_WIDTH + 16 if slide.flag else 0) - len(slide.markers) * (DISC + DISC_GAP)


def _disc_lefts(slide: Slide) -> list[float]:
    """Where each map number's disc stands: left of the flag, in the order the title names them."""
    right = WIDTH - MARGIN - (FLAG_WIDTH + 16 if slide.flag else 0)
    return [right - (len(slide.markers) - n) * (DISC + DISC_GAP) + DISC_GAP for n in range(len(slide.markers))]


def _column_lefts(slide: Slide) -> list[float]:
    return [MARGIN + n * (slide.column_width + GUTTER) for n in range(len(slide.columns))]


# --- PPTX ------------------------------------------------------------------------------------


def _brand_master(deck) -> None:
    """The atlas's colours on the slide master: a navy band at the top, a red rule above the
    footer, navy titles; Arial as the theme's heading and body font. python-pptx adds no shapes
    to a master, so they are made on a scratch slide and moved there."""
    from lxml import etree
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.opc.constants import RELATIONSHIP_TYPE
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
    theme = deck.slide_master.part.part_related_by(RELATIONSHIP_TYPE.THEME)
    theme._blob = re.sub(rb'(<a:(?:major|minor)Font>\s*<a:latin typeface=")[^"]*"',
                         rb'\g<1>' + PPTX_FONT.encode() + b'"', theme.blob)


def _box(frame, insets: tuple[float, float] = (0, 0)) -> None:
    """A text frame that wraps, never grows or shrinks its text, and has the plan's insets."""
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
    from pptx.util import Pt

    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = Pt(insets[0])
    frame.margin_top = frame.margin_bottom = Pt(insets[1])


def _run(paragraph, text: str, size: float, bold: bool = False, colour: str | None = None):
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    run = paragraph.add_run()
    run.text = unbroken_names(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    return run


def _text(frame, lines: tuple[Line, ...], size: int, leading: float) -> None:
    from pptx.util import Pt

    _box(frame)
    for n, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.line_spacing = Pt(size * leading)
        paragraph.space_after = Pt(SPACE_AFTER)
        if line.heading:
            paragraph.space_before = Pt(SPACE_BEFORE_HEADING)
        if line.lead:
            _run(paragraph, f"{line.lead} ", size, bold=True)
        _run(paragraph, line.text, size, bold=line.heading, colour=ACCENT if line.heading else None)


def _textbox(page, left: float, top: float, width: float, height: float, text: str, size: float,
             colour: str = GREY, align=None) -> None:
    from pptx.util import Pt

    box = page.shapes.add_textbox(Pt(left), Pt(top), Pt(width), Pt(height))
    _box(box.text_frame)
    paragraph = box.text_frame.paragraphs[0]
    if align is not None:
        paragraph.alignment = align
    _run(paragraph, text, size, colour=colour)


def _footer(page, pack: Pack, number: int, total: int) -> None:
    from pptx.enum.text import PP_ALIGN

    _textbox(page, MARGIN, HEIGHT - 38, WIDTH * 0.7, 20, pack.footer, FOOTER_PT)
    _textbox(page, WIDTH - MARGIN - 120, HEIGHT - 38, 120, 20, t("briefing.page", pack.lang, i=number, n=total),
             FOOTER_PT, align=PP_ALIGN.RIGHT)


def _picture(page, data: bytes, left: float, top: float, width: float, height: float | None = None,
             alt: str = "", rule: bool = False):
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    picture = page.shapes.add_picture(io.BytesIO(data), Pt(left), Pt(top), width=Pt(width),
                                      height=Pt(height) if height else None)
    picture._element.nvPicPr.cNvPr.set("descr", alt)
    if rule:
        picture.line.width = Pt(FLAG_RULE)
        picture.line.color.rgb = RGBColor.from_string(GREY)
    return picture


def _cover(page, slide: Slide) -> None:
    """Title and subtitle from the left margin, as the PDF sets them (the layout centres them)."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    title = page.shapes.title
    title.left, title.top = Pt(MARGIN), Pt(COVER_TITLE_TOP)
    title.width, title.height = Pt(BODY_WIDTH), Pt(COVER_TITLE_HEIGHT)
    _box(title.text_frame)
    title.text_frame.paragraphs[0].runs[0].font.size = Pt(COVER_TITLE_PT)
    title.text_frame.paragraphs[0].line_spacing = Pt(COVER_TITLE_PT * 1.2)
    title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    subtitle = page.placeholders[1]
    subtitle.left, subtitle.top = Pt(MARGIN), Pt(COVER_LINES_TOP)
    subtitle.width, subtitle.height = Pt(BODY_WIDTH), Pt(BODY_BOTTOM - COVER_LINES_TOP)
    _box(subtitle.text_frame)
    subtitle.text_frame.text = ""
    for n, text in enumerate(slide.subtitle.split("\n")):
        paragraph = subtitle.text_frame.paragraphs[0] if n == 0 else subtitle.text_frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        paragraph.line_spacing = Pt(COVER_LINES_LEADING)
        paragraph.space_before = paragraph.space_after = Pt(0)  # the layout's own spacing would add to it
        _run(paragraph, text, COVER_LINES_PT, colour=GREY)


def pptx_bytes(pack: Pack) -> bytes:
    from pptx import Presentation
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
        title.text_frame.paragraphs[0].runs[0].font.bold = True
        if slide.cover:
            _cover(page, slide)
        else:
            width = _title_width(slide)
            title.left, title.top, title.width, title.height = Pt(MARGIN), Pt(TITLE_TOP), Pt(width), Pt(TITLE_HEIGHT)
            _box(title.text_frame)
            title.text_frame.paragraphs[0].runs[0].font.size = Pt(TITLE_PT)
            title.text_frame.paragraphs[0].line_spacing = Pt(TITLE_PT * TITLE_LEADING)
            title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
            if slide.subtitle:
                _textbox(page, MARGIN, SUBTITLE_TOP, width, 24, slide.subtitle, 16)
            flag = pack.pictures.get(f"flag-{slide.flag}") if slide.flag else None
            if flag:
                _picture(page, flag, WIDTH - MARGIN - FLAG_WIDTH, 28, FLAG_WIDTH, alt=slide.title.split(" · ")[-1],
                         rule=True)
            _markers(page, slide, pack.lang)
            if slide.image and slide.image in pack.pictures:
                _picture(page, pack.pictures[slide.image], MARGIN, PICTURE_TOP, *slide.image_size, alt=slide.alt)
                _notes(page, slide)
            elif slide.table:
                _table(page, slide)
            for left, lines in zip(_column_lefts(slide), slide.columns, strict=True):
                body = page.shapes.add_textbox(Pt(left), Pt(slide.body_top), Pt(slide.column_width),
                                               Pt(BODY_BOTTOM - slide.body_top))
                _text(body.text_frame, lines, slide.size, slide.leading)
        _footer(page, pack, number, len(pack.slides))
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _markers(page, slide: Slide, lang: str) -> None:
    """Each delegation's map number in a disc, as the map marks it, and 'map' under the discs."""
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Pt

    lefts = _disc_lefts(slide)
    for left, number in zip(lefts, slide.markers, strict=True):
        disc = page.shapes.add_shape(MSO_SHAPE.OVAL, Pt(left), Pt(DISC_TOP), Pt(DISC), Pt(DISC))
        disc.fill.solid()
        disc.fill.fore_color.rgb = RGBColor.from_string(NAVY)
        disc.line.fill.background()
        _box(disc.text_frame)
        disc.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        disc.text_frame.paragraphs[0].alignment = PP_ALIGN.CENTER
        _run(disc.text_frame.paragraphs[0], str(number), DISC_PT, bold=True, colour="FFFFFF")
    if lefts:
        _textbox(page, lefts[0] - DISC_GAP, DISC_TOP + DISC + 2, lefts[-1] + DISC - lefts[0] + 2 * DISC_GAP,
                 MARKER_PT * 1.5, t("briefing.map_marker", lang), MARKER_PT, align=PP_ALIGN.CENTER)


def _notes(page, slide: Slide) -> None:
    """Under a picture: its notes in ink, then its source line in grey."""
    top = PICTURE_TOP + slide.image_size[1]
    texts = [(note, NAVY) for note in slide.notes] + [(slide.caption, GREY)]
    height = BODY_BOTTOM - top
    from pptx.util import Pt

    box = page.shapes.add_textbox(Pt(MARGIN), Pt(top), Pt(BODY_WIDTH), Pt(height))
    _box(box.text_frame)
    for n, (text, colour) in enumerate(texts):
        paragraph = box.text_frame.paragraphs[0] if n == 0 else box.text_frame.add_paragraph()
        paragraph.line_spacing = Pt(NOTE_LEADING)
        _run(paragraph, text, NOTE_PT, colour=colour)


def _table(page, slide: Slide) -> None:
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    rows, columns = len(slide.table), len(slide.table[0])
    shape = page.shapes.add_table(rows, columns, Pt(MARGIN), Pt(BODY_TOP), Pt(BODY_WIDTH),
                                  Pt(sum(slide.row_heights)))
    table = shape.table
    for index, share in enumerate(TABLE_SHARES):
        table.columns[index].width = Pt(BODY_WIDTH * share)
    for r, row in enumerate(slide.table):
        table.rows[r].height = Pt(slide.row_heights[r])
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = Pt(CELL_X)
            cell.margin_top = cell.margin_bottom = Pt(CELL_Y)
            paragraph = cell.text_frame.paragraphs[0]
            paragraph.line_spacing = Pt(slide.size * LEADING)
            _run(paragraph, value, slide.size, bold=r == 0, colour="FFFFFF" if r == 0 else NAVY)
            if r == 0:
                cell.fill.solid()
                cell.fill.fore_color.rgb = RGBColor.from_string(NAVY)


# --- PDF -------------------------------------------------------------------------------------


def _paragraph(line: Line, style):
    from reportlab.platypus import Paragraph

    if line.heading:
        return Paragraph(f'<font color="#{ACCENT}"><b>{xml(line.text)}</b></font>', style)
    lead = f"<b>{xml(line.lead)}</b> " if line.lead else ""
    return Paragraph(lead + xml(line.text), style)


def _frame(left: float, top: float, width: float, height: float):
    """A reportlab frame given as the PPTX places a box: from the top of the page, no padding."""
    from reportlab.platypus import Frame

    return Frame(left, HEIGHT - top - height, width, height, showBoundary=0, leftPadding=0, rightPadding=0,
                 topPadding=0, bottomPadding=0)


def _chrome(pdf, pack: Pack, slide: Slide, number: int, title: str) -> None:
    """What every page carries: the band, the footer rule and footer, the title and subtitle, the flag."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Paragraph

    regular, bold = fonts()
    grey, navy = f"#{GREY}", f"#{NAVY}"
    pdf.setFillColor(navy)
    pdf.rect(0, HEIGHT - 10, WIDTH, 10, stroke=0, fill=1)
    pdf.setFillColor(f"#{ACCENT}")
    pdf.rect(MARGIN, 44.5, WIDTH - 2 * MARGIN, 1.5, stroke=0, fill=1)
    pdf.setFillColor(grey)
    pdf.setFont(regular, FOOTER_PT)
    pdf.drawString(MARGIN, 26, pack.footer)
    pdf.drawRightString(WIDTH - MARGIN, 26, t("briefing.page", pack.lang, i=number, n=len(pack.slides)))
    if slide.cover:
        return
    width = _title_width(slide)
    _frame(MARGIN, TITLE_TOP, width, TITLE_HEIGHT).addFromList(
        [Paragraph(xml(title), ParagraphStyle("t", fontName=bold, fontSize=TITLE_PT, leading=TITLE_PT * TITLE_LEADING,
                                              textColor=navy))], pdf)
    if slide.subtitle:
        _frame(MARGIN, SUBTITLE_TOP, width, 24).addFromList(
            [Paragraph(xml(slide.subtitle), ParagraphStyle("s", fontName=regular, fontSize=16, leading=20,
                                                           textColor=grey))], pdf)
    lefts = _disc_lefts(slide)
    for left, marker in zip(lefts, slide.markers, strict=True):
        pdf.setFillColor(navy)
        pdf.circle(left + DISC / 2, HEIGHT - DISC_TOP - DISC / 2, DISC / 2, stroke=0, fill=1)
        pdf.setFillColor(PAPER)
        pdf.setFont(bold, DISC_PT)
        pdf.drawCentredString(left + DISC / 2, HEIGHT - DISC_TOP - DISC / 2 - DISC_PT * 0.35, str(marker))
    if lefts:
        pdf.setFillColor(grey)
        pdf.setFont(regular, MARKER_PT)
        pdf.drawCentredString((lefts[0] + lefts[-1] + DISC) / 2, HEIGHT - DISC_TOP - DISC - 2 - MARKER_PT,
                              t("briefing.map_marker", pack.lang))
    flag = pack.pictures.get(f"flag-{slide.flag}") if slide.flag else None
    if flag:
        image = ImageReader(io.BytesIO(flag))
        w, h = image.getSize()
        height = FLAG_WIDTH * h / w
        pdf.drawImage(image, WIDTH - MARGIN - FLAG_WIDTH, HEIGHT - 28 - height, width=FLAG_WIDTH, height=height)
        pdf.setStrokeColor(grey)
        pdf.setLineWidth(FLAG_RULE)
        pdf.rect(WIDTH - MARGIN - FLAG_WIDTH, HEIGHT - 28 - height, FLAG_WIDTH, height, stroke=1, fill=0)


def _cover_stories(slide: Slide) -> list[tuple[object, list]]:
    """The cover's title and its lines, in the boxes the PPTX gives them."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    regular, bold = fonts()
    title = Paragraph(xml(slide.title), ParagraphStyle("c", fontName=bold, fontSize=COVER_TITLE_PT,
                                                       leading=COVER_TITLE_PT * 1.2, textColor=f"#{NAVY}"))
    lines = [Paragraph(xml(x), ParagraphStyle("cs", fontName=regular, fontSize=COVER_LINES_PT,
                                              leading=COVER_LINES_LEADING, textColor=f"#{GREY}"))
             for x in slide.subtitle.split("\n")]
    return [(_frame(MARGIN, COVER_TITLE_TOP, BODY_WIDTH, COVER_TITLE_HEIGHT), [title]),
            (_frame(MARGIN, COVER_LINES_TOP, BODY_WIDTH, BODY_BOTTOM - COVER_LINES_TOP), lines)]


def _stories(slide: Slide) -> list[tuple[object, list]]:
    """The body as (frame, flowables) pairs, placed where the PPTX places its boxes."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    regular, bold = fonts()
    if slide.cover:
        return _cover_stories(slide)
    if slide.table:
        style = ParagraphStyle("cell", fontName=regular, fontSize=slide.size, leading=slide.size * LEADING,
                               textColor=f"#{NAVY}")
        head = ParagraphStyle("head", parent=style, fontName=bold, textColor=PAPER)
        rows = [[Paragraph(xml(c), head if r == 0 else style) for c in row] for r, row in enumerate(slide.table)]
        table = Table(rows, colWidths=[BODY_WIDTH * s for s in TABLE_SHARES], repeatRows=1)
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), f"#{NAVY}"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE), ("LEFTPADDING", (0, 0), (-1, -1), CELL_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_X), ("TOPPADDING", (0, 0), (-1, -1), CELL_Y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_Y)]))
        return [(_frame(MARGIN, BODY_TOP, BODY_WIDTH, BODY_BOTTOM - BODY_TOP), [table])]
    style = ParagraphStyle("b", fontName=regular, fontSize=slide.size, leading=slide.size * slide.leading,
                           spaceAfter=SPACE_AFTER, textColor=f"#{NAVY}")
    heading = ParagraphStyle("h", parent=style, spaceBefore=SPACE_BEFORE_HEADING)
    return [(_frame(left, slide.body_top, slide.column_width, BODY_BOTTOM - slide.body_top),
             [_paragraph(x, heading if x.heading else style) for x in lines])
            for left, lines in zip(_column_lefts(slide), slide.columns, strict=True)]


def _picture_page(pdf, slide: Slide, pack: Pack) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Paragraph

    regular, _ = fonts()
    width, height = slide.image_size
    pdf.drawImage(ImageReader(io.BytesIO(pack.pictures[slide.image])), MARGIN, HEIGHT - PICTURE_TOP - height,
                  width=width, height=height)
    top = PICTURE_TOP + height
    story = [Paragraph(xml(text), ParagraphStyle("n", fontName=regular, fontSize=NOTE_PT, leading=NOTE_LEADING,
                                                 textColor=colour))
             for text, colour in [(n, f"#{NAVY}") for n in slide.notes] + [(slide.caption, f"#{GREY}")]]
    _frame(MARGIN, top, BODY_WIDTH, BODY_BOTTOM - top).addFromList(story, pdf)


def pdf_bytes(pack: Pack) -> bytes:
    """The same pack as PDF pages of the same 16:9 design, with title, author, subject and
    keywords set. What a page cannot hold continues on the next page under the same title."""
    from reportlab import rl_config
    from reportlab.pdfgen import canvas

    # pictures as binary streams: reportlab's pure-Python ASCII85 encoding took 2 s of the pack
    rl_config.useA85 = 0
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(WIDTH, HEIGHT))
    pdf.setTitle(pack.title)
    pdf.setAuthor(t("briefing.author", pack.lang))
    pdf.setSubject(pack.subject)
    pdf.setKeywords(pack.keywords)
    pdf.setCreator(t("briefing.author", pack.lang))
    for number, slide in enumerate(pack.slides, start=1):
        _chrome(pdf, pack, slide, number, slide.title)
        if slide.image and slide.image in pack.pictures:
            _picture_page(pdf, slide, pack)
        left = [flowable for frame, story in _stories(slide) for flowable in _fill_frame(frame, story, pdf)]
        while left:  # never drop what did not fit: it continues on a page of its own
            pdf.showPage()
            _chrome(pdf, pack, slide, number, f"{slide.title} ({t('briefing.continued', pack.lang)})")
            left = _fill_frame(_frame(MARGIN, BODY_TOP, BODY_WIDTH, BODY_BOTTOM - BODY_TOP), left, pdf)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _fill_frame(frame, story: list, pdf) -> list:
    """Draw what fits of ``story`` in ``frame``; the rest (a table split after its last row that
    fits, the header repeated)."""
    rest = list(story)
    frame.addFromList(rest, pdf)
    return rest
