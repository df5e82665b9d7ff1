"""The PPTX pack as a real presentation program draws it: LibreOffice Impress (headless) turns
each case into a PDF, and every word it draws must stand inside a box the file placed it in,
clear of every other word, and above the footer rule unless it is the footer. Impress stands
Liberation Sans in for the theme font Arial, as an office machine without Arial would.

Slow (Impress starts once per file) and needs Debian's libreoffice-impress: `make check-pack`
installs it and runs this file; `make test` leaves it out (marker pack_render). The rendered
pages land in test-artifacts/ as impress-*.pdf."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from html import unescape

import pytest
from pptx import Presentation
from pptx.util import Emu

from components import briefing
from tests.components.test_briefing import ARTIFACTS, CASES, _case_id, badly_broken, built

pytestmark = [pytest.mark.pack_render,
              pytest.mark.skipif(shutil.which("soffice") is None, reason="needs libreoffice-impress")]
#: Points a drawn word may stand beyond its box (glyph overhang, rounding).
SLACK = 2.0
#: The footer rule's top, in points from the top of the slide.
RULE_TOP = briefing.HEIGHT - 46


def _boxes(slide) -> list[tuple[float, float, float, float]]:
    """Left, top, right, bottom of every shape that holds text, in points."""
    return [(Emu(s.left).pt, Emu(s.top).pt, Emu(s.left + s.width).pt, Emu(s.top + s.height).pt)
            for s in slide.shapes if (s.has_text_frame and s.text_frame.text.strip()) or s.has_table]


def _words(pdf: bytes, folder) -> list[list[tuple[float, float, float, float, str]]]:
    """Every word Impress drew, page by page, with its box in points (pdftotext -bbox)."""
    (folder / "drawn.pdf").write_bytes(pdf)
    subprocess.run(["pdftotext", "-bbox", str(folder / "drawn.pdf"), str(folder / "drawn.html")], check=True)
    html = (folder / "drawn.html").read_text(encoding="utf-8")
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [[(float(a), float(b), float(c), float(d), unescape(w)) for a, b, c, d, w in re.findall(pattern, page)]
            for page in html.split("<page ")[1:]]


@pytest.fixture(scope="module", params=CASES, ids=_case_id)
def drawn(request, data, tmp_path_factory):
    """The case's PPTX, and the PDF Impress draws of it."""
    _, _, _, made = built(data, *request.param)
    folder = tmp_path_factory.mktemp("impress")
    (folder / "pack.pptx").write_bytes(made["pptx"])
    profile = folder / "profile"  # Impress's own settings, away from the user's
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(folder / "pack.pptx")], check=True, capture_output=True,
                   timeout=300, env={**os.environ, "HOME": str(folder)})
    pdf = (folder / "pack.pdf").read_bytes()
    name = briefing.file_name("briefing", request.param[0], request.param[1], "pdf")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"impress-{name}").write_bytes(pdf)
    return Presentation(io.BytesIO(made["pptx"])), _words(pdf, folder)


def test_impress_draws_every_slide(drawn):
    deck, pages = drawn
    assert len(pages) == len(deck.slides)


def test_no_word_stands_outside_its_box(drawn):
    deck, pages = drawn
    for number, (slide, words) in enumerate(zip(deck.slides, pages, strict=True), start=1):
        boxes = _boxes(slide)
        outside = [w[4] for w in words if not any(
            left - SLACK <= w[0] and w[2] <= right + SLACK and top - SLACK <= w[1] and w[3] <= bottom + SLACK
            for left, top, right, bottom in boxes)]
        assert not outside, (number, outside[:8])


def test_no_word_runs_into_another(drawn):
    pages = drawn[1]
    for number, words in enumerate(pages, start=1):
        for n, a in enumerate(words):
            for b in words[n + 1:]:
                width = min(a[2], b[2]) - max(a[0], b[0])
                height = min(a[3], b[3]) - max(a[1], b[1])
                assert width <= 1 or height <= 0.3 * min(a[3] - a[1], b[3] - b[1]), (number, a[4], b[4])


def test_nothing_crosses_the_footer_rule(drawn):
    pages = drawn[1]
    for number, words in enumerate(pages, start=1):
        below = [w for w in words if w[3] > RULE_TOP]
        crossing = [w[4] for w in below if w[1] < RULE_TOP + 2]
        assert not crossing, (number, crossing)


def test_no_line_impress_draws_starts_with_a_separator_or_breaks_a_name(drawn):
    """Impress wraps the PPTX itself: its lines, word by word, box by box, read right at the edges."""
    deck, pages = drawn
    for number, (slide, words) in enumerate(zip(deck.slides, pages, strict=True), start=1):
        for left, top, right, bottom in _boxes(slide):
            inside = sorted((round(w[3]), w[0], w[4]) for w in words
                            if left - SLACK <= w[0] and w[2] <= right + SLACK and top - SLACK <= w[1]
                            and w[3] <= bottom + SLACK)
            lines: dict[int, list[str]] = {}
            for baseline, _, word in inside:
                lines.setdefault(baseline, []).append(word)
            assert badly_broken([" ".join(line) for line in lines.values()]) == [], number
