"""The editor's pure parts: the template, reading an upload, merging, the diff, and the check
that uses the rules of make check-data."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from components import briefing, changes, data_store, export, summary, tables, whos_who, workbook
from components.dataset import DATA_DIR, DataError, load_dataset
from components.filters import Filters, apply
from components.schema import TABLES, TABLES_BY_NAME
from components.sourcing import publishers, source_line
from tests.components.test_dataset import BROKEN_CELLS
from tests.support.bad_uploads import BAD_WORKBOOKS
from tests.support.data_files import read_rows, repeat_column, row_of, set_cell
from tests.support.organisers_list import LIST_SOURCE, filled_template


def proposal(folder: Path, upload: workbook.Upload) -> dict[str, changes.Rows]:
    current = changes.read(folder, upload.rows)
    return {name: changes.upsert(current[name], rows) for name, rows in upload.rows.items()}


def apply_upload(folder: Path, content: bytes, name: str = "list.xlsx") -> None:
    upload = workbook.read_upload([(name, content)])
    assert upload.problems == []
    proposed = proposal(folder, upload)
    assert changes.check(folder, proposed) == []
    data_store.apply(folder, {r.table.file: r.render() for r in proposed.values()}, "test",
                     data_store.fingerprint(folder))


# --- the template ----------------------------------------------------------------------------


def test_template_has_a_guide_one_sheet_per_table_bilingual_headers_and_an_example(data):
    book = load_workbook(io.BytesIO(workbook.template_xlsx(data)))
    assert book.sheetnames == [workbook.GUIDE_SHEET, workbook.LISTS_SHEET, *workbook.EDITABLE]
    sheet = book["localities"]
    header = [c.value for c in sheet[1]]
    assert header[1] == "name_en\nTên (tiếng Anh) · Name (English)"
    assert [c.value.split("\n")[0] for c in sheet[1]] == list(TABLES_BY_NAME["localities"].column_names)
    assert [c.value or "" for c in sheet[2]] == [workbook.example("localities")[c]
                                                 for c in TABLES_BY_NAME["localities"].column_names]


def test_template_offers_drop_downs_for_theme_country_kind_and_evidence(data):
    book = load_workbook(io.BytesIO(workbook.template_xlsx(data)))

    def lists(sheet: str) -> dict[str, str]:
        ws = book[sheet]
        header = [c.value.split("\n")[0] for c in ws[1]]
        found = {}
        for rule in ws.data_validations.dataValidation:
            column = header[next(iter(rule.sqref.ranges)).min_col - 1]
            found[column] = rule.formula1
        return found

    localities = lists("localities")
    assert localities["evidence"] == '"A,B,L,C"'
    assert localities["kind"].startswith('"city,province')
    assert localities["country"].startswith(f"'{workbook.LISTS_SHEET}'!$A$2:$A$17")
    assert lists("priorities")["theme_id"].endswith(f"${len(data.themes) + 1}")
    assert "locality_id" not in lists("priorities")  # a new delegation's id must be typeable


def test_the_untouched_template_proposes_nothing(data):
    for content, name in ((workbook.template_xlsx(data), "template.xlsx"),):
        upload = workbook.read_upload([(name, content)])
        assert upload.problems == [] and all(rows == [] for rows in upload.rows.values())
    with zipfile.ZipFile(io.BytesIO(workbook.template_csv_zip(data))) as archive:
        files = [(n, archive.read(n)) for n in archive.namelist() if n.endswith(".csv")]
    upload = workbook.read_upload(files)
    assert upload.problems == [] and sorted(upload.rows) == sorted(workbook.EDITABLE)
    assert all(rows == [] for rows in upload.rows.values())


# --- 23 delegations on the organisers' list: 36 everywhere ----------------------------------


def test_23_delegations_from_the_organisers_list_make_36_of_36(data_copy):
    before = summary.headline(load_dataset(data_copy))
    apply_upload(data_copy, filled_template(load_dataset(data_copy)))
    data = load_dataset(data_copy)
    figures = summary.headline(data)
    assert (figures.identified, figures.reported, figures.on_list) == (36, 36, 23)
    assert figures.identified == before.identified + 23
    assert len(data.priorities) == len(load_dataset(DATA_DIR).priorities) + 23
    note = summary.gap_note(figures, "en")
    assert note.startswith(f"{before.identified} of the 36 delegations are named in public reports and 23 more "
                           "are on the organisers' list: 36 of 36 in all.")
    assert "not known" not in note
    assert summary.gap_note(figures, "vi").startswith(f"{before.identified} trên 36 đoàn được báo chí công khai")
    reports = len(load_dataset(DATA_DIR).sources)
    assert source_line(data, "en").startswith(
        f"Source: Friendship Atlas, compiled from {reports} published reports and the organisers' list · ")
    assert publishers(data, [LIST_SOURCE], "en") == ["Test office"]  # a list is cited by who supplied it


def test_the_briefing_pack_and_the_downloads_count_the_imported_delegations(data_copy):
    apply_upload(data_copy, filled_template(load_dataset(data_copy)))
    data = load_dataset(data_copy)
    view = apply(data, Filters())
    assert len(view.ids) == 36
    table = export.csv_bytes(tables.delegations_table(data, "en", view.localities)).decode("utf-8-sig")
    assert len(table.strip().splitlines()) == 1 + 36 and "Test City 23" in table
    who = PdfReader(io.BytesIO(whos_who.pdf_bytes(data, view, "en")))
    text = " ".join(page.extract_text() for page in who.pages)
    assert "Test City 01" in text and "Test City 23" in text and len(whos_who.protocol_order(data, view)) == 36
    pack = briefing.plan(data, view, "en")
    cover = pack.slides[0].subtitle
    assert "36 delegations in this briefing · reports count 36 delegations in all" in cover
    assert any("Test City 23 · " in slide.title for slide in pack.slides if slide.flag)  # alone or sharing


# --- what an upload may not bring ------------------------------------------------------------


def test_an_unchanged_row_is_written_back_byte_for_byte():
    for table in TABLES:
        text = (DATA_DIR / table.file).read_text(encoding="utf-8")
        assert changes.parse(table, text).render() == text, table.file


def test_a_changed_row_is_shown_cell_by_cell(data_copy):
    osaka = next(r for r in changes.read(data_copy, ["localities"])["localities"].rows if r["id"] == "osaka")
    upload = workbook.Upload(rows={"localities": [(changes.Origin("list.xlsx › localities", 3),
                                                   {**osaka, "head_name": "Someone Else"})]})
    proposed = proposal(data_copy, upload)
    found = changes.diff(changes.read(data_copy, ["localities"])["localities"], proposed["localities"])
    assert (len(found.added), len(found.removed)) == (0, 0)
    assert found.changed == ((("osaka",), (changes.CellChange("head_name", osaka["head_name"], "Someone Else"),)),)


def _broken(data, sheet: str, **cells: str) -> list[str]:
    upload = workbook.read_upload([("list.xlsx", filled_template(data, **{sheet: cells}))])
    if upload.problems:
        return [str(p) for p in upload.problems]
    return [str(p) for p in changes.check(DATA_DIR, proposal(DATA_DIR, upload))]


@pytest.mark.parametrize(("sheet", "cells", "expected"), [
    ("localities", {"country": "Japan"},
     "list.xlsx › localities row 3, column country: 'Japan' is not in countries.csv; closest: JP"),
    ("priorities", {"theme_id": "educaton"},
     "list.xlsx › priorities row 3, column theme_id: 'educaton' is not in themes.csv; closest: education"),
    ("sources", {"published": "20/09/2024"},
     "list.xlsx › sources row 3, column published: '20/09/2024' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("localities", {"evidence_source_id": ""},
     "list.xlsx › localities row 3, column evidence_source_id: is empty but required"),
    ("priorities", {"source_id": "organisers-lst"},
     "list.xlsx › priorities row 3, column source_id: 'organisers-lst' is not in sources.csv; "
     f"closest: {LIST_SOURCE}"),
    ("localities", {"id": "test-city-02"},
     "list.xlsx › localities row 4, column id: 'test-city-02' is a duplicate of row 3"),
    ("localities", {"summary_en": '=HYPERLINK("http://x.example","click here now")'},
     "list.xlsx › localities row 3, column summary_en: '=HYPERLINK(\"http://x.example\",\"click her…' looks like a "
     "spreadsheet formula; type the text without the leading character"),
    ("localities", {"name_en": "@SUM(A1)"},
     "list.xlsx › localities row 3, column name_en: '@SUM(A1)' looks like a spreadsheet formula; type the text "
     "without the leading character"),
    ("localities", {"summary_en": "<script>alert(1)</script>"},
     "list.xlsx › localities row 3, column summary_en: '<script>alert(1)</script>' contains HTML; the atlas takes "
     "plain text only"),
    ("localities", {"example": "x", "id": "example-town"},
     "list.xlsx › localities row 3, column id: ids beginning with example- belong to the template's example row; "
     "give this row its own id or delete it"),
])
def test_each_kind_of_error_is_named_by_sheet_row_and_column(data, sheet, cells, expected):
    assert expected in _broken(data, sheet, **{k: v for k, v in cells.items() if k != "example"})


def test_a_negative_longitude_is_a_number_not_a_formula(data):
    assert _broken(data, "localities", lon="-58.4") == []


def test_a_file_over_the_limit_is_refused_before_it_is_read():
    content = b"PK\x03\x04" + b"\0" * (50 * 1024 * 1024)
    upload = workbook.read_upload([("big.xlsx", content)])
    assert [str(p) for p in upload.problems] == ["big.xlsx: the file is 50.0 MB; the limit is 5.0 MB"]
    assert upload.problems[0].text("vi") == "big.xlsx: tệp có dung lượng 50.0 MB; giới hạn là 5.0 MB"


@pytest.mark.parametrize("content", [b"%PDF-1.7 not a workbook", b"PK\x03\x04broken zip", b""])
def test_a_file_renamed_xlsx_is_refused(content):
    upload = workbook.read_upload([("list.xlsx", content)])
    assert [str(p) for p in upload.problems] == ["list.xlsx: is named .xlsx but is not an Excel workbook"]


@pytest.mark.parametrize("damage", BAD_WORKBOOKS)
def test_a_workbook_the_reader_cannot_parse_gets_one_plain_message(data, damage):
    upload = workbook.read_upload([("list.xlsx", BAD_WORKBOOKS[damage](filled_template(data)))])
    assert [str(p) for p in upload.problems] == ["list.xlsx: is named .xlsx but is not an Excel workbook"]
    assert upload.rows == {}  # not a row of it is taken, not even from the sheets read before


def test_a_zip_that_unpacks_to_far_more_than_a_list_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/huge.xml", b"\0" * (60 * 1024 * 1024))
    upload = workbook.read_upload([("bomb.xlsx", out.getvalue())])
    assert [p.key for p in upload.problems] == ["upload_unpacks_too_big"]


def test_other_files_and_unknown_sheets_are_refused(data):
    upload = workbook.read_upload([("notes.txt", b"hello"), ("delegations.csv", b"id\n"),
                                   ("localities.csv", "id,name_en\nx,\u0000\n".encode())])
    assert [p.key for p in upload.problems] == ["upload_type", "upload_unknown_csv", "upload_not_csv"]
    book = load_workbook(io.BytesIO(workbook.template_xlsx(data)))
    book.create_sheet("Sheet1")
    out = io.BytesIO()
    book.save(out)
    (found,) = workbook.read_upload([("list.xlsx", out.getvalue())]).problems
    assert str(found).startswith("list.xlsx › Sheet1: is not a table of the atlas")


def test_a_line_break_in_a_cell_is_refused(data):
    found = _broken(data, "localities", summary_en="First line\nsecond line")
    assert found == ["list.xlsx › localities row 3, column summary_en: holds a line break; write the text on one line"]


def test_the_grid_replaces_the_table_so_a_deleted_row_is_removed(data_copy):
    current = changes.read(data_copy, ["priorities"])["priorities"]
    kept = [(changes.Origin("grid", n), dict(r)) for n, r in enumerate(current.rows[1:], start=1)]
    proposed = changes.replace_all(current, kept)
    found = changes.diff(current, proposed)
    assert found.removed == (current.rows[0],) and not found.added and not found.changed
    assert changes.check(data_copy, {"priorities": proposed}) == []
    assert proposed.render() == "".join(  # the other rows keep their exact lines
        line + "\n" for i, line in enumerate((data_copy / "priorities.csv").read_text(encoding="utf-8").splitlines())
        if i != 1)


# --- one rule set: whatever make check-data refuses, the editor refuses alike ----------------


STRUCTURAL_BREAKS = {
    "repeated column": lambda folder: repeat_column(folder, "localities.csv", "lat"),
    "missing localities.csv": lambda folder: (folder / "localities.csv").unlink(),
    "localities.csv not UTF-8": lambda folder: (folder / "localities.csv").write_bytes(
        (folder / "localities.csv").read_text(encoding="utf-8").encode("cp1258", errors="replace")),
    "quoted line break": lambda folder: set_cell(folder, "localities.csv", 3, "summary_en", "Line one\nLine two"),
    "unquoted comma": lambda folder: (folder / "figures.csv").write_text(
        (folder / "figures.csv").read_text(encoding="utf-8") + "osaka,a, b,x,1,exact,,,plo-cities-act\n",
        encoding="utf-8"),
}
BREAKS = [*(f"cell:{n}" for n in range(len(BROKEN_CELLS))), *STRUCTURAL_BREAKS]


def _break(folder: Path, case: str) -> tuple[str, int, str] | None:
    """Damage ``folder`` as the case says; for a broken cell, (file, row, column named)."""
    if case in STRUCTURAL_BREAKS:
        STRUCTURAL_BREAKS[case](folder)
        return None
    file, where, column, value, named, _ = BROKEN_CELLS[int(case.split(":")[1])]
    row = where if isinstance(where, int) else row_of(folder, file, *where)
    set_cell(folder, file, row, column, value)
    return file, row, named or column


@pytest.mark.parametrize("case", BREAKS)
def test_every_broken_copy_is_refused_alike_by_the_check_and_the_editor(data_copy, case):
    """Each case of the broken-data table: `make check-data` refuses it; where the editor can
    read the tables as rows it finds the very same problems (an unreadable file or row it never
    reads: the page shows the check's report and the history); a broken cell typed into an upload
    is refused with the same words in both languages."""
    cell = _break(data_copy, case)
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    if not {p.key for p in caught.value.problems} & {"missing_file", "not_utf8", "cell_count"}:
        current = changes.read(data_copy, workbook.EDITABLE)
        assert changes.check(data_copy, current) == list(caught.value.problems)
    if cell is not None and cell[0][:-4] in workbook.EDITABLE:
        file, row, column = cell
        rule = next(p for p in caught.value.problems if (p.file, p.row, p.column) == (file, row, column))
        header, rows = read_rows(data_copy, file)
        sheet = io.StringIO()
        writer = csv.DictWriter(sheet, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerow(rows[row - 2])
        upload = workbook.read_upload([(file, sheet.getvalue().encode())])
        if rule.key in ("line_break", "control_char", "formula"):
            assert [(p.key, p.message(lang)) for p in upload.problems for lang in ("en", "vi")] == [
                (rule.key, rule.message(lang)) for lang in ("en", "vi")]


def test_whatever_passes_the_check_opens_in_the_editor_unchanged(data_copy):
    set_cell(data_copy, "localities.csv", 2, "lon", "-122.4193")
    load_dataset(data_copy)
    current = changes.read(data_copy, workbook.EDITABLE)
    assert changes.check(data_copy, current) == []
    for rows in current.values():
        assert rows.render() == (data_copy / rows.table.file).read_text(encoding="utf-8")
