"""The typeface of the briefing files, chosen once for the PPTX and the PDF, and text measured in it.

The PPTX names Arial as its theme font: every Windows and macOS office machine has it, and it
carries every Vietnamese letter (Calibri, PowerPoint's default, is missing on many machines and
its stand-ins change the line breaks). The PDF embeds Liberation Sans 2 (Debian fonts-liberation2),
drawn to Arial's metrics and carrying Vietnamese: a line breaks at the same word in both files,
so the plan's measures hold for both, and LibreOffice on Debian stands it in for Arial. Where it
is missing, Noto Sans (wider) is embedded and measured, so the plan errs on the roomy side.
No Streamlit."""

from __future__ import annotations

import math
import re
from pathlib import Path

from components import export

#: The theme font the PPTX names (headings and body).
PPTX_FONT = "Arial"
#: Regular and bold files the PDF embeds, first found wins; every one carries Vietnamese.
FONT_FILES = (
    ("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
     "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
)
#: Share of a box's width the measure fills: renderers differ by a little in kerning.
FILL = 0.97


def fonts() -> tuple[str, str]:
    """Register the embedded fonts once; their reportlab names (regular, bold)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "Atlas" not in pdfmetrics.getRegisteredFontNames():
        pair = next((p for p in FONT_FILES if all(Path(f).exists() for f in p)), None)
        if pair is None:
            raise export.ExportUnavailable("The PDF needs Liberation Sans or Noto fonts (Debian: fonts-liberation2).")
        from reportlab.lib.fonts import addMapping

        pdfmetrics.registerFont(TTFont("Atlas", pair[0]))
        pdfmetrics.registerFont(TTFont("Atlas-Bold", pair[1]))
        addMapping("Atlas", 0, 0, "Atlas")
        addMapping("Atlas", 1, 0, "Atlas-Bold")
    return "Atlas", "Atlas-Bold"


#: Where a line may break: ordinary spaces only (a no-break space holds its neighbours together).
_BREAKS = re.compile(r"[ \t\n]+")
#: A separator set between spaces ('Hanoi · Japan', 'title — who'): the space before it is made a
#: no-break space, so a wrapped line never starts with the separator; an en dash between words
#: ('Nhật – Việt') holds both neighbours.
_SEPARATOR = re.compile(r" ([·—/;]) ")
_EN_DASH = re.compile(r" – ")
#: A hyphen inside a capitalised word, as in a name ('Kim Young-hwan').
_NAME_HYPHEN = re.compile(r"\b(\w+)-(?=\w)")
_WORD_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
#: An ordinal or number word and its number ('lần thứ 5', 'Phó Chủ tịch thứ nhất', 'No. 2'): never apart.
_NUMBERED = re.compile(r"\b(thứ|số|lần|No\.) (?=\d|(?:nhất|hai|ba|tư|năm)\b)")


def keep_together(text: str) -> str:
    """Text whose line breaks read right in both files: no line starts with a separator, an
    ordinal is never parted from its number (no-break spaces, which both fonts carry)."""
    text = _SEPARATOR.sub("\u00a0\\1 ", text)
    text = _EN_DASH.sub("\u00a0–\u00a0", text)
    return _NUMBERED.sub("\\1\u00a0", text)


def unbroken_names(text: str) -> str:
    """For the PPTX: a hyphen inside a capitalised word ('Kim Young-hwan') as a non-breaking
    hyphen, which PowerPoint and Impress do not break at (Arial carries it; Impress draws it from
    a fallback font, as Liberation Sans lacks it). reportlab never breaks at a hyphen, so the
    PDF keeps the plain one (its font has no U+2011, nor a zero-width joiner it draws blank)."""
    return _NAME_HYPHEN.sub(lambda m: f"{m[1]}\u2011" if m[1][0].isupper() else m[0], text)


def unbroken_on_screen(text: str) -> str:
    """For the browser: names and words that a line must not part ("Kim Young-hwan", "U-ru-goay",
    "Nhật – Việt", "Hàn Quốc · Tỉnh"): a hyphen between letters as a non-breaking hyphen, a spaced
    en dash held to both neighbours and a separator to the word before it by word joiners
    (Chromium breaks before a dash even after a no-break space).
    The browser draws either glyph from a fallback font where the page's font lacks it."""
    text = _EN_DASH.sub("\u00a0\u2060–\u2060\u00a0", _WORD_HYPHEN.sub("\u2011", text))
    return _SEPARATOR.sub("\u00a0\u2060\\1 ", text)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Points a line of text takes at ``size`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, fonts()[bold], size)


def lines_needed(text: str, size: float, width: float, lead: str = "") -> int:
    """Lines a paragraph takes at ``size`` points in a box ``width`` points wide, wrapped at words
    as PowerPoint and reportlab wrap them; ``lead`` is set in bold before the text."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    regular, bold = fonts()
    room = width * FILL
    space = stringWidth(" ", regular, size)
    lines, used = 1, -1.0
    for word, font in [(w, bold) for w in _BREAKS.split(lead.strip())] + [
            (w, regular) for w in _BREAKS.split(text.strip())]:
        need = stringWidth(word, font, size)
        if used < 0:
            used = need
        elif used + space + need <= room:
            used += space + need
        else:
            lines, used = lines + 1, need
        if need > room:  # a word wider than the box (an address) is broken across lines
            extra = math.ceil(need / room) - 1
            lines, used = lines + extra, need - extra * room
    return lines


def xml(text: str) -> str:
    """reportlab paragraphs read a little XML: escape the text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
