"""A printable who's who: the shown delegations on A4 portrait in protocol order, each with its
head and title, its themes and one line of what it asked for, in the largest type (9 pt or more)
that keeps the shipped data on one page; more pages with the header repeated beyond. No Streamlit.

Protocol order, stated on the page: countries in Vietnamese alphabetical order (the order of the
host's own protocol lists, in both languages), within a country the delegations a report names at
the Dialogue (evidence A) before those on a guest list (B), then by name."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date

from components import maps, profiles
from components.dataset import Dataset
from components.filters import View, describe
from components.i18n import field, format_date, t
from components.labels import labels_of
from components.style import INK, MUTED, PAPER, RULE, colouring, theme_colors
from components.typeface import fonts, keep_together, xml

#: The Vietnamese alphabet; tone marks only break ties.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
#: A base letter with a mark that makes it a letter of its own (decomposed form).
_LETTERS = {"a\u0306": "ă", "a\u0302": "â", "e\u0302": "ê", "o\u0302": "ô", "o\u031b": "ơ", "u\u031b": "ư"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vietnamese_key(text: str) -> tuple:
    """Sort key in Vietnamese alphabetical order: ă after a, đ after d, ơ after ô …, tones last."""
    letters, tones = [], []
    for char in text.lower():
        parts = unicodedata.normalize("NFD", char)
        base, marks = parts[0], parts[1:]
        letter = next((_LETTERS[base + m] for m in marks if base + m in _LETTERS), base)
        letters.append(_ALPHABET.index(letter) if letter in _ALPHABET else 100 + ord(letter))
        tones.append(next((_TONES[m] for m in marks if m in _TONES), 0))
    return tuple(letters), tuple(tones)


def protocol_order(data: Dataset, view: View) -> list[str]:
    countries = labels_of(data, "vi").country
    places = view.localities
    return [i for _, _, _, i in sorted(
        (vietnamese_key(countries[c]), e, vietnamese_key(n), i) for i, c, e, n in
        zip(places["id"], places["country"], places["evidence"], places["name_vi"], strict=True))]


def map_numbers(data: Dataset, view: View) -> dict[str, int]:
    """Each shown delegation's number on the world map (west to east, as ``maps.plan`` numbers its
    markers for this filter); empty when the map is too full to number them."""
    built = maps.plan(data, view, colouring(data, view, "theme", "en"), "en")
    return dict(zip(built.points["id"], map(int, built.points["number"]), strict=True)) if built.numbered else {}


#: A statement worded as a request or an offer: its English wording opens with the verb, maybe
#: after a clause ("Asked HCMC to…", "After his speech, proposed…", "Seeks…"); the Vietnamese twin
#: of the same row is shown in Vietnamese.
REQUEST = re.compile(r"^(?:[^,.;]*, )?(?:ask(?:ed|s)?|propos(?:ed|es)|call(?:ed|s) for|offer(?:ed|s)?|"
                     r"invit(?:ed|es)|wants?|seeks?|sought|urg(?:ed|es)|hop(?:ed|es))\b", re.IGNORECASE)
#: Experience shared with the city ('Shared Japan's experience of…'): what a delegation offered
#: when it is reported to have asked for nothing.
SHARED = re.compile(r"^(?:[^,.;]*, )?shar(?:ed|es)\b", re.IGNORECASE)
#: Requests worded alike ('Seeks investment in biotechnology.', '… in tourism.') are given as one
#: sentence when they share at least this many opening words.
SHARED_WORDS = 3


def _one_sentence(texts: list[str], lang: str) -> str:
    """Sentences that open alike as one: 'Seeks investment in biotechnology, agriculture and
    tourism.'; else the first, whole."""
    words = [text.rstrip(".").split(" ") for text in texts]
    shared = 0
    while all(len(w) > shared + 1 and w[shared] == words[0][shared] for w in words):
        shared += 1
    if len(texts) < 2 or shared < SHARED_WORDS:
        return texts[0]
    rests = [" ".join(w[shared:]) for w in words]
    return f"{' '.join(words[0][:shared])} {', '.join(rests[:-1])}{t('whos_who.and', lang)}{rests[-1]}."


def asked(data: Dataset, card: profiles.Card, lang: str) -> str:
    """What the delegation asked for or offered: its first statement worded so, whole (never
    cut), or its requests worded alike in one sentence; else the experience it shared; else a
    short sentence saying none is reported (the themes column says whether any priority is)."""
    own = data.priorities[data.priorities["locality_id"] == card.id]
    for wording in (REQUEST, SHARED):
        texts = [str(x) for x in own.loc[own["statement_en"].str.contains(wording), field(lang, "statement")]]
        if texts:
            return _one_sentence(texts, lang)
    return t("pack.no_request", lang)


def themes_cell(data: Dataset, locality_id: str, lang: str) -> str:
    """The themes a delegation states, each in ink after a disc of its colour (a pale colour
    reads on screen, not in print)."""
    colours, labels = theme_colors(data), labels_of(data, lang).theme
    stated = dict.fromkeys(data.priorities.loc[data.priorities["locality_id"] == locality_id, "theme_id"])
    return " ".join(f"<font color='{colours[x]}'>\u25cf</font>\u00a0{_text(labels[x])}" for x in stated)


def _text(text: str) -> str:
    """Data text for a cell: escaped, its line breaks kept where a reader expects them."""
    return xml(keep_together(text))


#: The type of the table, in points, the largest that keeps every delegation on one page: read at
#: arm's length on a printed A4 page, never under 9 pt (more pages then).
TYPE_SIZES = tuple(11 - n / 4 for n in range(9))  # 11, 10.75 … 9
#: Line height as a share of the type size.
LEADING = 1.15
#: Column shares of the page width: map number, delegation, head, themes, what it asked for.
COLUMNS = (0.08, 0.205, 0.19, 0.265, 0.26)


def _map_disc(number: int, size: float):
    """A delegation's map number as the map draws its marker: white in a dark disc."""
    from reportlab.platypus import Flowable

    class Disc(Flowable):
        def wrap(self, width: float, height: float) -> tuple[float, float]:
            return size * 1.8, size * 1.8

        def draw(self) -> None:
            radius = size * 0.9
            self.canv.setFillColor(INK)
            self.canv.circle(radius, radius, radius, stroke=0, fill=1)
            self.canv.setFillColor(PAPER)
            self.canv.setFont(fonts()[1], size)
            self.canv.drawCentredString(radius, radius - size * 0.35, str(number))

    return Disc()


def _story(data: Dataset, view: View, lang: str, today: date, size: float, width: float,
           numbers: dict[str, int]) -> list:
    """Title, filter and order, then the table in ``size`` point type, each delegation with its
    map number (``map_numbers``)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    regular, bold = fonts()
    small = ParagraphStyle("s", fontName=regular, fontSize=size, leading=size * LEADING, textColor=INK)
    grey = ParagraphStyle("g", parent=small, textColor=MUTED)
    head = ParagraphStyle("h", parent=small, fontName=bold, textColor=PAPER)
    rows = [[Paragraph(xml(t(k, lang)), head) for k in
             ("whos_who.map", "col.delegation", "col.head", "pack.themes", "whos_who.asked")]]
    for locality_id in protocol_order(data, view):
        card = profiles.card(data, locality_id, lang)
        name = f"<b>{_text(card.name)}</b>\u00a0· {_text(card.country)}"
        number = numbers.get(locality_id)
        rows.append([_map_disc(number, size) if number else "", Paragraph(name, small),
                     Paragraph(_text(card.head), small),
                     Paragraph(themes_cell(data, locality_id, lang) or xml(t("common.not_reported", lang)), small),
                     Paragraph(_text(asked(data, card, lang)), small)])
    table = Table(rows, colWidths=[w * width for w in COLUMNS], repeatRows=1)
    pad = size / 4
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), INK), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE), ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad), ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [Paragraph(xml(t("whos_who.title", lang)), ParagraphStyle("t", fontName=bold, fontSize=size + 4,
                                                                     leading=(size + 4) * 1.2, textColor=INK)),
            Paragraph(xml(f"{describe(data, view.filters, lang)} · {format_date(today, lang)}"), grey),
            Paragraph(xml(t("whos_who.order", lang) + (f" {t('whos_who.map_note', lang)}" if numbers else "")), grey),
            Spacer(1, 6), table]


def pdf_bytes(data: Dataset, view: View, lang: str, today: date | None = None) -> bytes:
    """The who's who in the largest type that keeps it on one page (9 pt and more pages beyond)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    regular, _ = fonts()
    today = today or date.today()
    buffer = io.BytesIO()
    margin = 24.0
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin + 10, title=t("whos_who.title", lang),
                            author=t("briefing.author", lang), subject=describe(data, view.filters, lang),
                            keywords=t("briefing.keywords", lang), creator=t("briefing.author", lang))
    width, room = doc.width, doc.height - 12  # the frame's own padding, 6 pt each side
    numbers = map_numbers(data, view)

    def fits(size: float) -> tuple[bool, list]:
        story = _story(data, view, lang, today, size, width, numbers)
        return sum(flowable.wrap(width, room)[1] for flowable in story) <= room, story

    # the smallest type first: a list too long for one page even at 9 pt is set at 9 pt at once
    # (300 delegations took 2.5 minutes trying every size)
    fitted, story = fits(TYPE_SIZES[-1])
    for size in TYPE_SIZES[:-1] if fitted else ():
        larger_fits, larger = fits(size)
        if larger_fits:
            story = larger
            break

    def footer(canvas, document) -> None:
        canvas.setFont(regular, 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(margin, margin - 4, t("whos_who.footer", lang, n=len(view.localities),
                                                 total=data.fact("delegations_reported")))
        canvas.drawRightString(A4[0] - margin, margin - 4, str(document.page))

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
