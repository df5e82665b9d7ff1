"""The briefing pack and the who's who as an official receives them: a title placeholder on every
slide, delegation slides that name head, relation and sourced priorities, nothing off the page,
a Vietnamese pack wholly in Vietnamese, metadata and file names that say what the file holds.
Packs of the shipped data and of one theme, in both languages, land in test-artifacts/."""

from __future__ import annotations

import collections
import io
import itertools
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

from components import briefing, briefing_files, export, whos_who
from components.filters import Filters, apply

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CASES = [("en", Filters()), ("vi", Filters()), ("en", Filters(themes=("green",))), ("vi", Filters(themes=("green",)))]
needs_chromium = pytest.mark.skipif(not export.available(), reason="chart pictures need Debian's chromium")


_BUILT: dict[tuple[str, Filters], tuple] = {}


def built(data, lang: str, filters: Filters) -> tuple:
    """The pack, its PPTX and PDF and the who's who for a case, made once per test run and saved
    to test-artifacts/ under the names the app gives them."""
    if (lang, filters) not in _BUILT:
        view = apply(data, filters)
        pack = briefing.build(data, view, lang)
        made = {"pptx": briefing_files.pptx_bytes(pack), "pdf": briefing_files.pdf_bytes(pack),
                "whos": whos_who.pdf_bytes(data, view, lang)}
        ARTIFACTS.mkdir(exist_ok=True)
        for kind, extension in (("pptx", "pptx"), ("pdf", "pdf"), ("whos", "pdf")):
            name = briefing.file_name("whos-who" if kind == "whos" else "briefing", lang, filters, extension)
            (ARTIFACTS / name).write_bytes(made[kind])
        _BUILT[(lang, filters)] = (lang, view, pack, made)
    return _BUILT[(lang, filters)]


def _case_id(case: tuple[str, Filters]) -> str:
    return f"{case[0]}-{'-'.join(case[1].themes) or 'all'}"


@pytest.fixture(params=CASES, ids=_case_id)
def files(request, data):
    return built(data, *request.param)


@pytest.fixture(params=[c for c in CASES if c[0] == "vi"], ids=_case_id)
def vietnamese_files(request, data):
    return built(data, *request.param)


def shape_text(shape) -> str:
    """The text of a text box, placeholder or table (every cell)."""
    if shape.has_text_frame:
        text = shape.text_frame.text
    elif shape.has_table:
        text = " ".join(cell.text for row in shape.table.rows for cell in row.cells)
    else:
        return ""
    return text.replace("\u2011", "-")  # a name's non-breaking hyphen reads as its hyphen


def slide_texts(deck) -> list[str]:
    return [" ".join(shape_text(shape) for shape in s.shapes) for s in deck.slides]


@needs_chromium
def test_every_slide_has_a_title_placeholder_with_text(files):
    _, _, pack, made = files
    deck = Presentation(io.BytesIO(made["pptx"]))
    assert len(deck.slides) == len(pack.slides)
    for slide, planned in zip(deck.slides, pack.slides, strict=True):
        assert slide.shapes.title is not None and slide.shapes.title.is_placeholder
        assert slide.shapes.title.text == planned.title


@needs_chromium
def test_every_delegation_slide_names_head_relation_and_a_sourced_priority(files, data):
    lang, view, _, made = files
    texts = slide_texts(Presentation(io.BytesIO(made["pptx"])))
    head, relation = ("Head of delegation:", "Relation to Ho Chi Minh City:") if lang == "en" else (
        "Trưởng đoàn:", "Quan hệ với TP.HCM:")
    for locality_id in view.ids:
        name = data.localities.set_index("id").loc[locality_id, f"name_{lang}"]
        first = next(text for text in texts if f"{name} · " in text and head in text)  # a shared slide too
        assert relation in first
        if (data.priorities["locality_id"] == locality_id).any():
            assert re.search(r"\[\d+(, \d+)*\]", " ".join(t for t in texts if name in t))


@needs_chromium
def test_body_text_is_readable_from_the_back_of_the_room(files):
    _, _, pack, made = files
    deck = Presentation(io.BytesIO(made["pptx"]))
    for slide, planned in zip(deck.slides, pack.slides, strict=True):
        if planned.flag:  # a delegation slide
            sizes = [run.font.size.pt for shape in slide.shapes if shape.has_text_frame and shape != slide.shapes.title
                     and shape.top > 90 * 12700 and shape.top < 480 * 12700
                     for p in shape.text_frame.paragraphs for run in p.runs if run.font.size]
            assert sizes and min(sizes) >= 18
            assert slide.shapes.title.text_frame.paragraphs[0].runs[0].font.size.pt >= 28


@needs_chromium
@pytest.mark.parametrize("kind", ["pdf", "whos"])
def test_no_text_runs_off_a_pdf_page(files, tmp_path, kind):
    """Each page rendered by pdftoppm has nothing but paper in its outer margin, bar the band the
    design puts across the top of a slide."""
    _, _, _, made = files
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(made[kind])
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(PdfReader(io.BytesIO(made[kind])).pages)
    for page in pages:
        image = Image.open(page).convert("L")
        w, h = image.size
        edge = max(int(w * 0.012), 3)
        top = int(h * 0.03) if kind == "pdf" else 0
        strips = [(0, top, edge, h), (w - edge, top, w, h), (0, h - edge, w, h)]
        if kind == "whos":
            strips.append((0, 0, w, edge))
        for box in strips:
            assert image.crop(box).getextrema()[0] > 235, (page.name, box)


def test_the_whos_who_fits_one_page_for_the_shipped_delegations_and_repeats_its_header_beyond(data, tmp_path):
    assert len(PdfReader(io.BytesIO(whos_who.pdf_bytes(data, apply(data, Filters()), "vi"))).pages) == 1
    from bench.synthetic import generate
    from components.dataset import load_dataset

    many = load_dataset(generate(tmp_path / "data", localities=60, statements_each=2, events=5))
    reader = PdfReader(io.BytesIO(whos_who.pdf_bytes(many, apply(many, Filters()), "en")))
    assert len(reader.pages) > 1
    assert all("What it asked for" in page.extract_text() for page in reader.pages)


def test_protocol_order_is_vietnamese_alphabetical_by_country_then_evidence(data):
    order = whos_who.protocol_order(data, apply(data, Filters()))
    countries = data.localities.set_index("id").loc[order, "country"].map(
        dict(zip(data.countries["code"], data.countries["name_vi"], strict=True)))
    assert list(dict.fromkeys(countries)) == ["Bê-la-rút", "Bồ Đào Nha", "Đức", "Hàn Quốc", "Hoa Kỳ", "Italia", "Lào",
                                              "Nhật Bản", "Trung Quốc", "U-ru-goay"]
    assert order.index("lao-localities") < order.index("vientiane")  # A before B
    assert sorted(["Ấn Độ", "Australia", "Anh"], key=whos_who.vietnamese_key) == ["Anh", "Australia", "Ấn Độ"]


@needs_chromium
def test_a_vietnamese_pack_holds_no_english_sentence_from_the_data(vietnamese_files, data):
    _, _, _, made = vietnamese_files
    english = set()
    for table in (data.localities, data.priorities, data.programme, data.figures, data.key_facts, data.host,
                  data.themes, data.countries):
        for column in [c for c in table.columns if c.endswith("_en") and c != "name_en"]:  # names: both scripts
            twin = column[:-3] + "_vi"
            for en, vi in zip(table[column], table[twin], strict=True):
                if isinstance(en, str) and en != vi and len(en) > 24 and " " in en:
                    english.add(en)
    pptx_text = " ".join(slide_texts(Presentation(io.BytesIO(made["pptx"]))))
    pdf_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(made["pdf"])).pages)
    whos_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(made["whos"])).pages)
    for text in (pptx_text, re.sub(r"\s+", " ", pdf_text), re.sub(r"\s+", " ", whos_text)):
        assert [e for e in english if e in text] == []


@needs_chromium
def test_metadata_says_what_the_file_holds(files):
    _, _, pack, made = files
    for kind in ("pdf", "whos"):
        meta = PdfReader(io.BytesIO(made[kind])).metadata
        assert meta.title and meta.author and meta.subject == pack.subject and meta.get("/Keywords")
    core = Presentation(io.BytesIO(made["pptx"])).core_properties
    assert core.title == pack.title and core.subject == pack.subject and core.keywords and core.author


def test_file_names_carry_language_and_filter():
    assert briefing.file_name("briefing", "vi", Filters(themes=("green",)), "pptx") == (
        "friendship-atlas-briefing-vi-theme-green.pptx")
    assert briefing.file_name("whos-who", "en", Filters(themes=("green", "digital"), match="all", countries=("JP",),
                                                        query="Trùng Khánh"), "pdf") == (
        "friendship-atlas-whos-who-en-theme-green-digital-country-jp-all-q-trung-khanh.pdf")
    assert briefing.file_name("briefing", "en", Filters(), "pdf") == "friendship-atlas-briefing-en.pdf"


def test_charts_on_slides_carry_no_title_of_their_own(data):
    from components import charts

    figure = briefing._untitled(charts.theme_counts(data, apply(data, Filters()), "en").figure)
    assert not figure.layout.title.text
    assert not any("Source:" in str(a.text) for a in figure.layout.annotations)


def test_long_delegations_continue_on_a_second_slide_rather_than_shrink(data):
    pack = briefing.plan(data, apply(data, Filters(countries=("BY",))), "en")
    minsk = [s for s in pack.slides if s.title.startswith("Minsk")]
    assert len(minsk) >= 2 and minsk[1].title.endswith("(continued)")
    assert all(s.size >= 18 for s in minsk)
    for slide in minsk:
        for column in slide.columns:
            used = sum(briefing.height_of(line, slide.size, slide.column_width, slide.leading) for line in column)
            assert used <= briefing.BODY_BOTTOM - briefing.BODY_TOP


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_no_continuation_slide_is_less_than_half_full(data, lang):
    budget = briefing.BODY_BOTTOM - briefing.BODY_TOP
    pack = briefing.plan(data, apply(data, Filters()), lang)
    for slide in pack.slides:
        if slide.columns and slide.title.endswith(("(continued)", "(tiếp theo)")):
            used = sum(briefing.height_of(line, slide.size, slide.column_width, slide.leading)
                       for column in slide.columns for line in column)
            assert used >= 0.5 * budget * len(slide.columns), slide.title
    tables = [s for s in pack.slides if s.table]
    assert all(sum(s.row_heights) >= 0.5 * budget for s in tables[1:])


def test_delegation_slides_follow_the_whos_who_protocol_order(data):
    view = apply(data, Filters())
    pack = briefing.plan(data, view, "en")
    names = data.localities.set_index("id")["name_en"]
    shown = [s.delegations for s in pack.slides if s.flag and "(continued)" not in s.title]
    assert [i for ids in shown for i in ids] == whos_who.protocol_order(data, view)
    for slide in (s for s in pack.slides if s.flag):
        assert slide.title.startswith(" · ".join(names[i] for i in slide.delegations) + " · ")


def test_a_delegations_events_are_in_date_and_time_order(data):
    from components import profiles

    for locality_id in ("minsk", "torino"):
        p = profiles.profile(data, locality_id, "en")
        lines = briefing.delegation_lines(data, p, locality_id, "en", {})
        events = lines[[line.text for line in lines].index("In the programme") + 1:]
        days = [int(re.search(r"(\d+) Sep", line.lead).group(1)) for line in events]
        assert days == sorted(days), locality_id
        page_days = [int(re.search(r"(\d+) September", e.date).group(1)) for e in p.events]
        assert page_days == sorted(page_days), locality_id  # the profile page too


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_year_is_written_as_a_year(data, lang):
    from components import profiles

    values = [f.value for f in profiles.profile(data, "minsk", lang).figures]
    assert "2011" in values and not any("2,011" in v or "2.011" in v for v in values)


def test_references_are_listed_in_number_order(data):
    pack = briefing.plan(data, apply(data, Filters()), "en")
    for slide in pack.slides:
        for line in slide.lines:
            for refs in re.findall(r"\[(\d+(?:,\s\d+)+)\]", line.text):
                numbers = [int(n) for n in re.findall(r"\d+", refs)]
                assert numbers == sorted(numbers)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_sources_slides_give_publisher_date_and_address_in_the_files_language(data, lang):
    pack = briefing.plan(data, apply(data, Filters()), lang)
    entries = [line.text.replace("\u00a0", " ") for s in pack.slides if s.title.startswith(("Sources", "Nguồn"))
               for line in s.lines]
    assert entries and all(len(entry.split(" · ")) >= 3 for entry in entries)
    assert all(" — " in entry for entry in entries)  # a publisher, or words saying none was recorded
    if lang == "en":
        assert not any("Bài báo" in entry for entry in entries)  # no Vietnamese description in English


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_match_slide_states_its_rule_in_one_line_and_names_who_it_leaves_out(data, lang):
    from components.typeface import lines_needed

    pack = briefing.plan(data, apply(data, Filters()), lang)
    match = next(s for s in pack.slides if s.image == "host-match")
    assert match.notes[0].startswith(("Each bar:", "Mỗi thanh:"))
    assert lines_needed(match.notes[0], briefing.NOTE_PT, briefing.BODY_WIDTH) == 1
    assert "Leipzig" in match.notes[1] and ("Vientiane" in match.notes[1] or "Viêng Chăn" in match.notes[1])
    assert "no report gives what they want" in match.notes[1] or "chưa có báo cáo nêu" in match.notes[1]


def test_pictures_are_drawn_at_their_placed_size_with_type_of_at_least_12_pt(data):
    view = apply(data, Filters())
    pack = briefing.plan(data, view, "en")
    sizes = {s.image: s.image_size for s in pack.slides if s.image}
    drawn = {}

    def render(figure, size):
        fonts = [figure.layout.font.size, figure.layout.legend.font.size]
        fonts += [a.font.size for a in figure.layout.annotations] + [
            size for trace in figure.data if "textfont" in trace and trace.textfont.size is not None
            for size in (trace.textfont.size if isinstance(trace.textfont.size, tuple) else [trace.textfont.size])]
        drawn[len(drawn)] = (size, [f for f in fonts if f is not None])
        return b""

    briefing.pictures(data, view, "en", sizes, render=render)
    assert sorted(size for size, _ in drawn.values()) == sorted(sizes.values())
    for size, fonts in drawn.values():
        assert size[0] == briefing.BODY_WIDTH and min(fonts) >= 12
    assert all(h >= 300 for _, h in sizes.values())  # the picture fills the body, not a third of it


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_whos_who_is_set_in_at_least_9_pt_on_one_page(data, lang):
    reader = PdfReader(io.BytesIO(whos_who.pdf_bytes(data, apply(data, Filters()), lang)))
    assert len(reader.pages) == 1
    sizes = []
    reader.pages[0].extract_text(visitor_text=lambda text, cm, tm, font, size: sizes.append(size) if text.strip()
                                 else None)
    footer = 7
    assert min(s for s in sizes if s != footer) >= 9


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_whos_who_line_is_a_request_or_offer_or_says_none_was_reported(data, lang):
    from components import profiles

    none = whos_who.t("pack.no_request", lang)
    for locality_id in whos_who.protocol_order(data, apply(data, Filters())):
        line = whos_who.asked(data, profiles.card(data, locality_id, lang), lang)
        own = data.priorities[data.priorities["locality_id"] == locality_id]
        english = dict(zip(own[f"statement_{lang}"], own["statement_en"], strict=True))
        assert line == none or line not in english or whos_who.REQUEST.search(english[line]) or (
            whos_who.SHARED.search(english[line])), (locality_id, line)
        assert (line == none) == own.empty, locality_id  # 'none asked' only beside 'no theme'
        assert not line.endswith("…")
    minsk = whos_who.asked(data, profiles.card(data, "minsk", "en"), "en")
    assert not minsk.startswith("Its high-tech park")
    osaka = whos_who.asked(data, profiles.card(data, "osaka", "en"), "en")
    assert osaka.startswith("Proposed")  # a request comes before experience shared


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_whos_who_gives_requests_worded_alike_in_one_sentence(data, lang):
    """Montevideo seeks investment in five sectors; the row showed one."""
    from components import profiles

    line = whos_who.asked(data, profiles.card(data, "montevideo", lang), lang)
    if lang == "en":
        assert line == "Seeks investment in biotechnology, agriculture, innovation, tourism and infrastructure."
    own = data.priorities.loc[data.priorities["locality_id"] == "montevideo", f"statement_{lang}"]
    assert len(own) == 5 and all(text.rstrip(".").split(" ")[-1] in line for text in own)


def test_the_whos_who_sets_theme_names_in_ink_after_a_disc_of_their_colour(data):
    """Theme names in their pale palette colours were hard to read in print."""
    cell = whos_who.themes_cell(data, "torino", "en")
    discs = re.findall(r"<font color='(#[0-9A-Fa-f]{6})'>\u25cf</font>", cell)
    assert len(discs) == data.priorities.loc[data.priorities["locality_id"] == "torino", "theme_id"].nunique()
    assert "<font" not in re.sub(r"<font color='#[0-9A-Fa-f]{6}'>\u25cf</font>", "", cell)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_whos_who_uses_its_page(data, lang):
    """The table in the largest type that fits one page: the page's lower part is used."""
    reader = PdfReader(io.BytesIO(whos_who.pdf_bytes(data, apply(data, Filters()), lang)))
    lows = []
    reader.pages[0].extract_text(visitor_text=lambda text, cm, tm, font, size: lows.append(
        cm[5] + tm[5]) if text.strip() and size > 8 else None)  # the footer is set in 7 pt
    assert len(reader.pages) == 1 and min(lows) < 0.12 * float(reader.pages[0].mediabox.height)


@needs_chromium
def test_the_pptx_names_arial_as_its_theme_font(files):
    from pptx.opc.constants import RELATIONSHIP_TYPE

    deck = Presentation(io.BytesIO(files[3]["pptx"]))
    theme = deck.slide_master.part.part_related_by(RELATIONSHIP_TYPE.THEME).blob
    assert re.findall(rb'<a:(?:major|minor)Font>\s*<a:latin typeface="([^"]+)"', theme) == [b"Arial", b"Arial"]


@needs_chromium
def test_the_master_gives_titles_the_atlas_navy_with_one_fill(files):
    """A run property holds one fill; a second makes PowerPoint offer to repair the file."""
    _, _, _, made = files
    master = Presentation(io.BytesIO(made["pptx"])).slide_master.element
    namespaces = {"p": "http://schemas.openxmlformats.org/presentationml/2006/main",
                  "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    for level in master.findall(".//p:titleStyle/a:lvl1pPr/a:defRPr", namespaces):
        fills = level.findall("a:solidFill", namespaces)
        assert len(fills) == 1 and fills[0].find("a:srgbClr", namespaces).get("val") == "1B2733"


def _words(text: str) -> collections.Counter:
    """The words of a text, ignoring layout: pypdf and python-pptx break lines differently."""
    return collections.Counter(re.findall(r"\w[\w'’.,:;/%–-]*", text))


@needs_chromium
def test_every_pdf_page_holds_every_word_of_its_slide(files):
    """Slide for slide: a table row or paragraph the PDF could not fit must not vanish."""
    made = files[3]
    deck = Presentation(io.BytesIO(made["pptx"]))
    pages = PdfReader(io.BytesIO(made["pdf"])).pages
    assert len(pages) == len(deck.slides)
    for number, (slide, page) in enumerate(zip(slide_texts(deck), pages, strict=True), start=1):
        text = page.extract_text()
        joined = re.sub(r"\s+", "", text)  # an address too long for a line is broken inside
        missing = [w for w in _words(slide) - _words(text) if w not in joined]
        assert not missing, (number, sorted(missing)[:12])


@needs_chromium
def test_every_event_of_the_filter_is_on_the_programme_pages_of_both_files(files, data):
    lang, _, pack, made = files
    numbers = [n for n, s in enumerate(pack.slides) if s.table]
    deck = slide_texts(Presentation(io.BytesIO(made["pptx"])))
    pages = PdfReader(io.BytesIO(made["pdf"])).pages
    pptx_text = re.sub(r"\s+", " ", " ".join(deck[n] for n in numbers))
    pdf_text = re.sub(r"\s+", " ", " ".join(pages[n].extract_text() for n in numbers))
    for title in data.programme[f"title_{lang}"]:
        assert title in pptx_text
        assert title in pdf_text, title


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_each_programme_event_cites_its_sources_by_number_as_other_slides_do(data, lang):
    from components.typeface import keep_together

    pack = briefing.plan(data, apply(data, Filters()), lang)
    listed = [line.text for s in pack.slides if s.title.startswith(("Sources", "Nguồn")) for line in s.lines]
    sources_of = {keep_together(r[f"title_{lang}"]): set(r["source_id"]) for r in data.programme.to_dict("records")}
    cells = [row[2] for s in pack.slides if s.table for row in s.table[1:]]
    assert len(cells) == len(sources_of)
    for cell in cells:
        title, refs = re.fullmatch(r"(.*)\u00a0(\[[\d,\s]+\])", cell).groups()
        numbers = [int(n) for n in re.findall(r"\d+", refs)]
        assert {listed[n - 1] for n in numbers} == {keep_together(briefing.source_entry(data, s, lang))
                                                     for s in sources_of[title]}


def test_a_vietnamese_pack_names_each_delegation_in_vietnamese_only(data):
    """'Osaka City' under 'Thành phố Osaka' read as English left in the Vietnamese pack (issue 20)."""
    pack = briefing.plan(data, apply(data, Filters()), "vi")
    names = data.localities.set_index("name_vi")["name_en"]
    delegation_slides = [s for s in pack.slides if s.flag]
    assert delegation_slides
    for slide in delegation_slides:
        name_vi = slide.title.split(" · ")[0]
        assert names[name_vi] == name_vi or names[name_vi] not in slide.subtitle, slide.subtitle


def test_an_english_pack_and_whos_who_never_give_the_vietnamese_name_as_a_second_name(data):
    """'Thành phố Porto · City' under 'Porto': in English a second name is never the Vietnamese one."""
    view = apply(data, Filters())
    vietnamese = [v for n, v in zip(data.localities["name_en"], data.localities["name_vi"], strict=True) if n != v]
    subtitles = [s.subtitle for s in briefing.plan(data, view, "en").slides if s.flag]
    assert subtitles and [s for s in subtitles if any(v in s for v in vietnamese)] == []
    text = " ".join(PdfReader(io.BytesIO(whos_who.pdf_bytes(data, view, "en"))).pages[0].extract_text().split())
    assert [v for v in vietnamese if v in text] == []


def test_the_vietnamese_whos_who_names_each_delegation_in_vietnamese_only(data):
    """The who's who gave 'Osaka City' under 'Thành phố Osaka' as the pack did (issue 20)."""
    text = " ".join(PdfReader(io.BytesIO(whos_who.pdf_bytes(data, apply(data, Filters()), "vi"))).pages[0]
                    .extract_text().split())
    english_only = [n for n, v in zip(data.localities["name_en"], data.localities["name_vi"], strict=True)
                    if n != v and n not in v]
    assert english_only
    assert [n for n in english_only if n in text] == []


#: What a wrapped line must not start with (a separator left over from the line before), and
#: what it must not end with (a name cut at its hyphen, an ordinal without its number).
_STARTS_BADLY = re.compile(r"^[·–—/;,]")
_ENDS_BADLY = re.compile(r"(?:\b[A-Z]\w*-|\b(?:thứ|số)|\[[\d,\s]*,)$")


def badly_broken(lines: list[str]) -> list[str]:
    """The lines of a page that start with a separator or end where a word must not break."""
    lines = [line.strip(" \u00a0\u200d") for line in lines]
    return [line for line in lines if _STARTS_BADLY.search(line) or _ENDS_BADLY.search(line)]


def test_text_is_glued_where_a_line_must_not_break():
    from components.typeface import keep_together, lines_needed, unbroken_names

    assert keep_together("Nhật – Việt") == "Nhật\u00a0–\u00a0Việt"
    assert unbroken_names("Kim Young-hwan") == "Kim Young\u2011hwan"
    assert unbroken_names("work-study") == "work-study"  # a common word may break at its hyphen
    assert keep_together("lần thứ 5 · TP.HCM") == "lần thứ\u00a05\u00a0· TP.HCM"
    assert lines_needed("a\u00a0" * 60, 18, 100) > 1  # held together, measured as one long word


@needs_chromium
def test_no_line_of_a_file_starts_with_a_separator_or_breaks_a_name_or_number(files):
    """'· Named public services…', '– Việt', 'Young-/hwan', 'lần thứ/5', '[18,/19]' read wrong at a line's edge."""
    _, _, _, made = files
    for kind in ("pdf", "whos"):
        for number, page in enumerate(PdfReader(io.BytesIO(made[kind])).pages, start=1):
            assert badly_broken(page.extract_text().splitlines()) == [], (kind, number)
    for number, slide in enumerate(Presentation(io.BytesIO(made["pptx"])).slides, start=1):
        paragraphs = [p.text for shape in slide.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs]
        assert badly_broken(paragraphs) == [], ("pptx", number)


def _map_key(data, view, lang: str) -> dict[str, int]:
    """Delegation name -> the number the pack's world map gives it in its key."""
    from components import world_static
    from components.style import colouring

    size = next(s.image_size for s in briefing.plan(data, view, lang).slides if s.image == "world-map")
    chart = world_static.world_figure(data, view, colouring(data, view, "theme", lang), lang,
                                      size=(round(size[0]), round(size[1])), titled=False)
    return dict(zip(chart.data["name"], map(int, chart.data["#"]), strict=True))


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("filters", [Filters(), Filters(themes=("green",)), Filters(countries=("JP", "LA"))])
def test_the_number_beside_each_delegation_is_its_map_number(data, lang, filters):
    """The who's who numbered 1..13 in protocol order while the map numbers west to east: '7'
    named two delegations. Both now print the map's number, in a disc labelled as the map's."""
    view = apply(data, filters)
    key = _map_key(data, view, lang)
    names = data.localities.set_index("id")[f"name_{lang}"]
    pack = briefing.plan(data, view, lang)
    for slide in (s for s in pack.slides if s.flag):
        assert slide.markers == tuple(key[names[i]] for i in slide.delegations), slide.title
    text = " ".join(PdfReader(io.BytesIO(whos_who.pdf_bytes(data, view, lang))).pages[0].extract_text().split())
    for locality_id in whos_who.protocol_order(data, view):
        assert f"{key[names[locality_id]]} {names[locality_id]} · " in text, locality_id
    assert ("The number in a disc is the delegation's marker on the world map." in text) == (lang == "en")


@needs_chromium
def test_the_pptx_prints_the_map_number_in_a_disc_labelled_map(files, data):
    from pptx.enum.shapes import MSO_SHAPE

    lang, view, pack, made = files
    key = _map_key(data, view, lang)
    names = data.localities.set_index("id")[f"name_{lang}"]
    deck = Presentation(io.BytesIO(made["pptx"]))
    for slide, planned in zip(deck.slides, pack.slides, strict=True):
        if planned.flag:
            discs = [s.text_frame.text for s in slide.shapes
                     if s.shape_type == 1 and s.auto_shape_type == MSO_SHAPE.OVAL]
            assert discs == [str(key[names[i]]) for i in planned.delegations], planned.title
            assert any(s.has_text_frame and s.text_frame.text == ("map" if lang == "en" else "bản đồ")
                       for s in slide.shapes)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_short_section_is_never_cut_between_slides(data, lang):
    """Minsk's 'Key figures' heading and first figure ended one slide, its second figure opened the
    next. A section (a heading and its paragraphs) that fits half a slide stays on one."""
    pack = briefing.plan(data, apply(data, Filters()), lang)
    budget = briefing.BODY_BOTTOM - briefing.BODY_TOP
    suffix = f" ({briefing.t('briefing.continued', lang)})"
    runs: dict[str, list[tuple[int, briefing.Line, float]]] = {}
    for number, slide in enumerate(pack.slides):
        for line in slide.lines:
            height = briefing.height_of(line, slide.size, slide.column_width, slide.leading)
            runs.setdefault(slide.title.removesuffix(suffix), []).append((number, line, height))
    for title, run in runs.items():
        starts = [n for n, (_, line, _) in enumerate(run) if line.heading] + [len(run)]
        for start, end in itertools.pairwise(starts):
            section = run[start:end]
            if sum(h for _, _, h in section) <= budget / 2:
                assert len({number for number, _, _ in section}) == 1, (title, section[0][1].text)


@needs_chromium
def test_the_cover_says_who_prepared_it_for_which_programme_and_as_of_which_data(files, data):
    """The cover said only the filter and a date: no maker, no programme, no data date."""
    from components.i18n import format_date, t

    lang, _, _, made = files
    cover = slide_texts(Presentation(io.BytesIO(made["pptx"])))[0]
    page = " ".join(PdfReader(io.BytesIO(made["pdf"])).pages[0].extract_text().split())
    for text in (cover, page):
        assert t("briefing.author", lang) in text and t("briefing.programme", lang) in text
        assert format_date(data.data_as_of, lang) in text


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_short_delegations_of_a_country_share_a_slide_and_no_section_is_empty(data, lang):
    """Vientiane (and Leipzig) had a slide holding one sentence under an empty 'Stated priorities'."""
    pack = briefing.plan(data, apply(data, Filters()), lang)
    names = data.localities.set_index("id")[f"name_{lang}"]
    shared = next(s for s in pack.slides if "vientiane" in s.delegations)
    assert shared.delegations == ("lao-localities", "vientiane")
    assert [column[0].text for column in shared.columns] == [names["lao-localities"], names["vientiane"]]
    assert all(column[0].heading for column in shared.columns)
    for slide in pack.slides:
        for column in slide.columns:
            for line, after in zip(column, [*column[1:], None], strict=True):
                assert not line.heading or (after is not None and not after.heading), (slide.title, line.text)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_map_column_header_stands_on_one_line(lang):
    """'Bản / đồ' over the narrow map column read as two headers."""
    from reportlab.lib.pagesizes import A4

    from components.typeface import text_width

    room = (A4[0] - 48) * whos_who.COLUMNS[0] - 6  # the column less its cell padding
    assert text_width(whos_who.t("whos_who.map", lang), max(whos_who.TYPE_SIZES), bold=True) <= room


@pytest.mark.parametrize(("lang", "where"), [("en", "Sources page"), ("vi", "trang Nguồn")])
def test_the_whos_who_footer_says_where_each_lines_sources_are(data, lang, where):
    """'every line sourced in the atlas' was a claim a reader could not check on the page: the
    footer now says where the sources are, and still fits its one line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from components.i18n import t
    from components.typeface import fonts

    text = PdfReader(io.BytesIO(whos_who.pdf_bytes(data, apply(data, Filters()), lang))).pages[0].extract_text()
    footer = t("whos_who.footer", lang, n=99, total=data.fact("delegations_reported"))
    assert where in footer and "every line" not in footer and footer.split(" · ")[-1] in text
    assert stringWidth(footer, fonts()[0], 7) < A4[0] - 2 * 24 - 20  # clear of the page number

