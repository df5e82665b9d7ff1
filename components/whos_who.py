"""A printable who's who: the shown delegations on A4 portrait in protocol order, each with its
head and title, its themes and one line of what it asked for; one page for the shipped data,
more pages with the header repeated beyond. No Streamlit.

Protocol order, stated on the page: countries in Vietnamese alphabetical order (the order of the
host's own protocol lists, in both languages), within a country the delegations a report names at
the Dialogue (evidence A) before those on a guest list (B), then by name."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date

from components import profiles
from components.dataset import Dataset
from components.filters import View, describe
from components.i18n import field, format_date, t
from components.labels import labels_of
from components.style import INK, MUTED, PAPER, RULE, theme_colors
from components.typeface import fonts, xml

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


#: A statement worded as a request or an offer: its English wording opens with the verb, maybe
#: after a clause ("Asked HCMC to…", "After his speech, proposed…", "Seeks…"); the Vietnamese twin
#: of the same row is shown in Vietnamese.
REQUEST = re.compile(r"^(?:[^,.;]*, )?(?:ask(?:ed|s)?|propos(?:ed|es)|call(?:ed|s) for|offer(?:ed|s)?|"
                     r"invit(?:ed|es)|wants?|seeks?|sought|urg(?:ed|es)|hop(?:ed|es))\b", re.IGNORECASE)


def asked(data: Dataset, card: profiles.Card, lang: str) -> str:
    """What the delegation asked for or offered: its first statement worded so, whole (never
    cut); else a short sentence saying none is reported (the themes column says whether any
    priority is)."""
    own = data.priorities[data.priorities["locality_id"] == card.id]
    wanted = own[own["statement_en"].str.contains(REQUEST)]
    texts = [str(x) for x in wanted[field(lang, "statement")]]
    return texts[0] if texts else t("pack.no_request", lang)


#: The type of the table, in points: read at arm's length on a printed A4 page.
TYPE_PT = 9
#: Column shares of the page width: number, delegation, head, themes, what it asked for.
COLUMNS = (0.04, 0.21, 0.17, 0.3, 0.28)


def pdf_bytes(data: Dataset, view: View, lang: str, today: date | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    regular, bold = fonts()
    today = today or date.today()
    buffer = io.BytesIO()
    margin = 24.0
    title = t("whos_who.title", lang)
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin + 10, title=title, author=t("briefing.author", lang),
                            subject=describe(data, view.filters, lang), keywords=t("briefing.keywords", lang),
                            creator=t("briefing.author", lang))
    small = ParagraphStyle("s", fontName=regular, fontSize=TYPE_PT, leading=TYPE_PT * 1.12, textColor=INK)
    grey = ParagraphStyle("g", parent=small, textColor=MUTED)
    head = ParagraphStyle("h", parent=small, fontName=bold, textColor=PAPER)
    colours = theme_colors(data)
    labels = labels_of(data, lang).theme
    rows = [[Paragraph(xml(t(k, lang)), head) for k in
             ("whos_who.no", "col.delegation", "col.head", "pack.themes", "whos_who.asked")]]
    for n, locality_id in enumerate(protocol_order(data, view), start=1):
        card = profiles.card(data, locality_id, lang)
        name = f"<b>{xml(card.name)}</b> · {xml(card.country)}"
        stated = list(dict.fromkeys(data.priorities.loc[data.priorities["locality_id"] == locality_id, "theme_id"]))
        chips = " · ".join(f"<font color='{colours[x]}'>{xml(labels[x])}</font>" for x in stated)
        rows.append([Paragraph(str(n), small), Paragraph(name, small), Paragraph(xml(card.head), small),
                     Paragraph(chips or xml(t("common.not_reported", lang)), small),
                     Paragraph(xml(asked(data, card, lang)), small)])
    width = A4[0] - 2 * margin
    table = Table(rows, colWidths=[w * width for w in COLUMNS], repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), INK), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE), ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    story = [Paragraph(xml(title), ParagraphStyle("t", fontName=bold, fontSize=13, leading=16, textColor=INK)),
             Paragraph(xml(f"{describe(data, view.filters, lang)} · {format_date(today, lang)}"), grey),
             Paragraph(xml(t("whos_who.order", lang)), grey), Spacer(1, 6), table]

    def footer(canvas, document) -> None:
        canvas.setFont(regular, 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(margin, margin - 4, t("whos_who.footer", lang, n=len(view.localities),
                                                 total=data.fact("delegations_reported")))
        canvas.drawRightString(A4[0] - margin, margin - 4, str(document.page))

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
