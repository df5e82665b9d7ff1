"""Every exported file is opened and checked: images decode at the promised size, tables match
the chart's data, decks have the planned slides, concurrent exports never swap images."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader

from components import charts, export, programme, world_static
from components.filters import Filters, apply
from components.style import colouring

pytestmark = pytest.mark.skipif(not export.available(), reason="needs Chromium (make test installs it)")


@pytest.fixture(scope="module")
def chart(data):
    return charts.theme_counts(data, apply(data, Filters()), "vi")


def test_slide_png_is_1920_by_1080(chart):
    image = Image.open(io.BytesIO(export.slide_png(chart.figure)))
    assert image.format == "PNG" and image.size == (1920, 1080)


def test_print_png_is_three_times_the_size(chart):
    image = Image.open(io.BytesIO(export.print_png(chart.figure)))
    assert image.size == (export.PRINT_WIDTH * 3, chart.figure.layout.height * 3)


def test_svg_keeps_vietnamese_text_and_the_source_line(chart):
    svg = export.vector(chart.figure, "svg").decode("utf-8")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg") and float(root.get("width")) == export.PRINT_WIDTH
    assert "Các đoàn muốn hợp tác trong lĩnh vực nào" in svg
    assert "Nguồn: Bản đồ Hữu nghị" in svg


def test_pdf_is_one_page_of_the_chart(chart):
    reader = PdfReader(io.BytesIO(export.vector(chart.figure, "pdf")))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) > 0 and float(box.height) > 0


def test_csv_has_the_chart_data_with_vietnamese_intact(chart):
    again = pd.read_csv(io.BytesIO(export.csv_bytes(chart.data)), encoding="utf-8-sig")
    assert again.equals(chart.data.reset_index(drop=True))


def test_xlsx_matches_the_filtered_rows(data):
    view = apply(data, Filters(themes=("green",)))
    built = charts.theme_matrix(data, view, "en")
    book = load_workbook(io.BytesIO(export.xlsx_bytes(built.data, {"Title": "x"}, "en")))
    rows = list(book["Data"].values)
    assert rows[0] == tuple(built.data.columns)
    assert len(rows) - 1 == len(built.data)
    assert {r[0] for r in rows[1:]} == set(data.localities.set_index("id").loc[view.ids, "name_en"]) - {
        "Vientiane Capital", "Leipzig"}


def test_static_world_map_for_files_draws_offline(data):
    view = apply(data, Filters())
    built = world_static.world_figure(data, view, colouring(data, view, "theme", "en"), "en")
    image = Image.open(io.BytesIO(export.slide_png(built.figure)))
    assert image.size == (1920, 1080)
    assert len({image.getpixel((x, 540)) for x in range(0, 1920, 40)}) > 3  # outlines were drawn


def test_six_threads_each_get_their_own_image(data):
    view = apply(data, Filters())
    builds = [charts.theme_counts(data, view, "en"), charts.theme_matrix(data, view, "en"),
              charts.match_chart(data, view, "en"), charts.countries_chart(data, view, "en"),
              charts.theme_counts(data, view, "vi"), programme.timeline(data, "en")]
    titles = [b.figure.layout.title.text.split("<br>")[0] for b in builds]
    for _ in range(3):
        with ThreadPoolExecutor(max_workers=6) as pool:
            svgs = list(pool.map(lambda b: export.vector(b.figure, "svg").decode("utf-8"), builds))
        for title, svg in zip(titles, svgs, strict=True):
            assert title.replace("'", "&#39;") in svg or title in svg


def test_dataset_zip_holds_every_csv_and_the_readme(data):
    names = zipfile.ZipFile(io.BytesIO(export.dataset_zip(data))).namelist()
    expected = {f"friendship-atlas-data/{p.name}" for p in data.folder.glob("*.csv")}
    assert expected | {"friendship-atlas-data/README.md"} == set(names)


def test_vietnamese_workbook_names_its_sheets_in_vietnamese(data):
    built = charts.theme_counts(data, apply(data, Filters()), "vi")
    book = load_workbook(io.BytesIO(export.xlsx_bytes(built.data, {"Tiêu đề": "x"}, "vi")))
    assert book.sheetnames == ["Dữ liệu", "Thông tin"]


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"open\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_downloads_never_hand_a_spreadsheet_a_formula(text):
    import pandas as pd

    frame = pd.DataFrame({"Delegation": [text, "Osaka City"], "Delegations": [3, -1]})
    rows = list(csv.reader(io.StringIO(export.csv_bytes(frame).decode("utf-8-sig"))))
    assert rows[1][0] == f"'{text}" and rows[2] == ["Osaka City", "-1"]  # numbers stay numbers
    sheet = load_workbook(io.BytesIO(export.xlsx_bytes(frame, {"Title": text}, "en"))).worksheets
    assert sheet[0]["A2"].value == f"'{text}" and sheet[0]["B3"].value == -1
    assert sheet[1]["B2"].value == f"'{text}"


# --- every CSV and Excel file the atlas hands out, from poisoned data ------------------------

POISON = "=HYPERLINK(\"http://evil.example\",\"{}\")"
#: The text columns a name, label or title comes from; each cell becomes a live formula.
POISONED_COLUMNS = {"localities": ("name_en", "name_vi", "head_name", "summary_en", "summary_vi"),
                    "themes": ("label_en", "label_vi"), "countries": ("name_en", "name_vi"),
                    "sources": ("title", "publisher"), "priorities": ("statement_en", "statement_vi"),
                    "programme": ("title_en", "title_vi"), "figures": ("label_en", "label_vi")}


def _poisoned(data):
    """The shipped data with formulas in every name and label, as no check would let through:
    the files must be safe on their own, not only because the data was checked."""
    import dataclasses

    frames = {}
    for name, columns in POISONED_COLUMNS.items():
        frame = getattr(data, name).copy()
        for column in columns:
            frame[column] = [POISON.format(v) if isinstance(v, str) else v for v in frame[column]]
        frames[name] = frame
    return dataclasses.replace(data, **frames)


def _live_formulas(name: str, content: bytes) -> list[str]:
    """Cells of a CSV, an Excel workbook or a zip of them that a spreadsheet would run."""
    from components.dataset import FORMULA_STARTS

    def live(value: object) -> bool:
        text = str(value)
        return text.startswith(FORMULA_STARTS) and not re.fullmatch(r"[+-]?\d+(\.\d+)?", text)

    if name.endswith(".zip"):
        archive = zipfile.ZipFile(io.BytesIO(content))
        return [f for n in archive.namelist() if n.endswith((".csv", ".xlsx"))
                for f in _live_formulas(n, archive.read(n))]
    if name.endswith(".csv"):
        return [f"{name}: {c}" for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for c in row if live(c)]
    book = load_workbook(io.BytesIO(content))
    return [f"{name} {sheet.title}!{cell.coordinate}: {cell.value}" for sheet in book.worksheets
            for row in sheet.iter_rows() for cell in row if cell.data_type == "f" or live(cell.value or "")]


def _files_offered(data, lang: str) -> dict[str, bytes]:
    """Every CSV and Excel file a page offers: each chart's data (the world map's included), the
    comparison and the tables, and the editor's templates."""
    from components import tables, workbook

    view = apply(data, Filters())
    built = [charts.theme_counts(data, view, lang), charts.theme_matrix(data, view, lang),
             charts.match_chart(data, view, lang), charts.countries_chart(data, view, lang),
             world_static.world_figure(data, view, colouring(data, view, "theme", lang), lang)]
    frames = {b.name: b.data for b in built}
    frames["compare"] = tables.compare_table(data, tuple(data.localities["id"][:4]), lang)
    frames |= {f.__name__: f(data, lang) for f in (tables.sources_table, tables.delegations_table,
                                                   tables.priorities_table, tables.programme_table)}
    files = {f"{n}.csv": export.csv_bytes(f) for n, f in frames.items()}
    files |= {f"{n}.xlsx": export.xlsx_bytes(f, {"Title": POISON.format("title")}, lang) for n, f in frames.items()}
    return files | {"template.xlsx": workbook.template_xlsx(data), "template-csv.zip": workbook.template_csv_zip(data)}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_no_file_the_atlas_offers_holds_a_live_formula_even_from_poisoned_data(data, lang):
    poisoned = _poisoned(data)
    files = _files_offered(poisoned, lang)
    assert len(files) == 22  # 10 tables as CSV and as Excel, two templates
    assert {n: f for n, content in files.items() if (f := _live_formulas(n, content))} == {}
    compare = load_workbook(io.BytesIO(files["compare.xlsx"])).worksheets[0]
    assert str(compare["B1"].value).startswith("'=HYPERLINK")  # a delegation's name as a header, made text


def test_the_dataset_zip_is_byte_for_byte_and_poisoned_data_never_reaches_it(data, data_copy):
    """The ZIP is the data itself (to check and load again), so it is not altered: a formula in
    any cell is refused by the check, and the app does not open such data."""
    from components.dataset import DataError, load_dataset
    from tests.support.data_files import set_cell

    archive = zipfile.ZipFile(io.BytesIO(export.dataset_zip(data)))
    assert all(archive.read(f"friendship-atlas-data/{p.name}") == p.read_bytes() for p in data.folder.glob("*.csv"))
    assert _live_formulas("data.zip", export.dataset_zip(data)) == []
    set_cell(data_copy, "localities.csv", 2, "name_en", POISON.format("Osaka"))
    with pytest.raises(DataError):
        load_dataset(data_copy)
