"""The editor's spreadsheets: the template an office fills in, and reading what it uploads back.

The template has one sheet per editable table (headers in both languages, an example row,
drop-down lists for the fixed choices), a guide and the lists of valid ids. Reading an upload
turns it into text cells per table and refuses what a spreadsheet can smuggle in: formulas,
HTML, line breaks in a cell, a file too big or not what its name says. Pure; no Streamlit.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from components.changes import Origin
from components.dataset import Dataset, Problem, header_problems, problem
from components.dataset import cell_problem as data_cell_problem
from components.export import safe_cell
from components.i18n import t
from components.schema import TABLES_BY_NAME, Column, Table

#: The tables an office can bring in or correct; the taxonomy, countries and headline figures
#: stay as shipped (a country needs its outline and flag, a headline figure its report).
EDITABLE = ("localities", "priorities", "figures", "programme", "sources")
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
#: What an .xlsx may unpack to: a zip a thousand times its size is an attack, not a list.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
GUIDE_SHEET = "Guide · Hướng dẫn"
LISTS_SHEET = "Lists · Danh mục"
EXAMPLE_PREFIX = "example-"
#: Rows of each sheet made ready for typing (text format, drop-downs).
TEMPLATE_ROWS = 500
_XLSX_MAGIC = b"PK\x03\x04"
_HTML = re.compile(r"<\s*[A-Za-z!/?]")

_EXAMPLES: dict[str, dict[str, str]] = {
    "sources": {"id": "example-organisers-list", "title": "List of foreign delegations (example)",
                "title_vi": "", "publisher": "", "url": "", "published": "2024-09-20", "language": "vi",
                "kind": "organisers_list", "supplied_by": "Example office", "note_en": "", "note_vi": ""},
    "localities": {"id": "example-city", "name_en": "Example City", "name_vi": "Thành phố Ví dụ", "country": "JP",
                   "kind": "city", "lat": "35.0", "lon": "135.0", "head_name": "", "head_title_en": "",
                   "head_title_vi": "", "relation": "unknown", "relation_since": "", "evidence": "L",
                   "evidence_source_id": "example-organisers-list", "relation_source_id": "",
                   "summary_en": "On the organisers' list.", "summary_vi": "Có trong danh sách của ban tổ chức."},
    "priorities": {"locality_id": "example-city", "theme_id": "education", "statement_en": "Student exchanges.",
                   "statement_vi": "Trao đổi sinh viên.", "source_id": "example-organisers-list"},
    "figures": {"locality_id": "example-city", "label_en": "Students sent", "label_vi": "Số sinh viên gửi sang",
                "value": "20", "qualifier": "about", "unit_en": "", "unit_vi": "",
                "source_id": "example-organisers-list"},
    "programme": {"id": "example-meeting", "date": "2024-09-24", "part_of_day": "afternoon", "start": "", "end": "",
                  "series": "bilateral", "kind": "meeting", "title_en": "Example meeting",
                  "title_vi": "Buổi làm việc ví dụ", "venue_en": "", "venue_vi": "", "venue_lat": "",
                  "venue_lon": "", "participants_en": "", "participants_vi": "", "locality_ids": "example-city",
                  "description_en": "An example row.", "description_vi": "Một dòng ví dụ.",
                  "source_id": "example-organisers-list"},
}


def example(table: str) -> dict[str, str]:
    """The template's example row of a table (skipped on upload while left as it is)."""
    return dict(_EXAMPLES[table])


def column_label(column: str, lang: str) -> str:
    """'Name (English)', 'Tên (tiếng Việt)': the second line of a template header."""
    for suffix in ("_en", "_vi"):
        if column.endswith(suffix) and column != "title_vi":
            return f"{t(f'column.{column[:-3]}', lang)} ({t(f'column.in{suffix}', lang)})"
    return t(f"column.{column}", lang)


# --- the template ----------------------------------------------------------------------------


def choices(data: Dataset, column: Column) -> tuple[str, ...]:
    """The fixed values a drop-down offers; references to tables an upload can add to get none."""
    if column.kind == "enum":
        return column.choices
    if column.ref == "themes":
        return tuple(data.themes["id"])
    if column.ref == "countries":
        return tuple(data.countries["code"])
    return ()


def template_xlsx(data: Dataset) -> bytes:
    """The template workbook: guide, one sheet per editable table, the lists of valid ids."""
    book = Workbook()
    guide = book.active
    guide.title = GUIDE_SHEET
    for number, key in enumerate(("intro", "rows", "example", "ids", "sources", "check"), start=1):
        guide.cell(number, 1, t(f"template.guide.{key}", "vi"))
        guide.cell(number, 2, t(f"template.guide.{key}", "en"))
    guide.column_dimensions["A"].width = guide.column_dimensions["B"].width = 90
    for row in guide.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    lists = _lists_sheet(book, data)
    for name in EDITABLE:
        _table_sheet(book, TABLES_BY_NAME[name], data, lists)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _lists_sheet(book: Workbook, data: Dataset) -> dict[str, str]:
    """Columns of valid ids with their names; returns each list's cell range for the drop-downs."""
    sheet = book.create_sheet(LISTS_SHEET)
    ranges: dict[str, str] = {}
    countries, themes = data.countries, data.themes
    columns: list[tuple[str, list[str], list[str]]] = [
        ("country", list(countries["code"]), list(countries["name_vi"] + " · " + countries["name_en"])),
        ("theme_id", list(themes["id"]), list(themes["label_vi"] + " · " + themes["label_en"])),
        ("locality_id", list(data.localities["id"]), list(data.localities["name_vi"])),
        ("source_id", list(data.sources["id"]), list(data.sources["title"])),
    ]
    for position, (name, ids, names) in enumerate(columns):
        id_col, name_col = get_column_letter(2 * position + 1), get_column_letter(2 * position + 2)
        sheet[f"{id_col}1"] = f"{name}\n{column_label(name, 'vi')} · {column_label(name, 'en')}"
        sheet[f"{id_col}1"].font = Font(bold=True)
        for row, (value, label) in enumerate(zip(ids, names, strict=True), start=2):
            sheet[f"{id_col}{row}"], sheet[f"{name_col}{row}"] = safe_cell(value), safe_cell(label)
        sheet.column_dimensions[id_col].width, sheet.column_dimensions[name_col].width = 22, 40
        ranges[name] = f"'{LISTS_SHEET}'!${id_col}$2:${id_col}${len(ids) + 1}"
    return ranges


def _table_sheet(book: Workbook, table: Table, data: Dataset, lists: dict[str, str]) -> None:
    sheet = book.create_sheet(table.name)
    sample = _EXAMPLES[table.name]
    for number, column in enumerate(table.columns, start=1):
        letter = get_column_letter(number)
        needed = "" if column.required else f" · {t('template.optional', 'vi')} / {t('template.optional', 'en')}"
        cell = sheet.cell(1, number, f"{column.name}\n{column_label(column.name, 'vi')} · "
                                     f"{column_label(column.name, 'en')}{needed}")
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        example_cell = sheet.cell(2, number, sample[column.name])
        example_cell.font = Font(italic=True, color="666666")
        example_cell.fill = PatternFill("solid", fgColor="F2F2F2")
        example_cell.number_format = "@"  # text: a date or a code stays as typed
        sheet.column_dimensions[letter].width = 28 if column.kind == "text" else 16
        allowed = choices(data, column)
        if allowed:
            source = lists.get(column.name) if column.ref else '"' + ",".join(allowed) + '"'
            rule = DataValidation(type="list", formula1=source, allow_blank=not column.required,
                                  showErrorMessage=True, errorTitle=t("template.choice_title", "en"),
                                  error=f"{t('template.choice_error', 'vi')} / {t('template.choice_error', 'en')}")
            rule.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
            sheet.add_data_validation(rule)
        else:
            for row in range(2, TEMPLATE_ROWS + 2):
                sheet.cell(row, number).number_format = "@"
    sheet.row_dimensions[1].height = 64
    sheet.freeze_panes = "A2"


def template_csv_zip(data: Dataset) -> bytes:
    """The same template as CSV files (one per table, header and example row) in a zip."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in EDITABLE:
            table = TABLES_BY_NAME[name]
            text = io.StringIO()
            writer = csv.writer(text, lineterminator="\n")
            writer.writerow(table.column_names)
            writer.writerow([_EXAMPLES[name][c] for c in table.column_names])
            archive.writestr(table.file, text.getvalue())
        archive.writestr("README.txt", "\n\n".join(
            f"{t(f'template.guide.{key}', 'vi')}\n{t(f'template.guide.{key}', 'en')}"
            for key in ("intro", "rows", "example", "ids", "sources", "check")) + "\n")
    return out.getvalue()


# --- reading an upload -----------------------------------------------------------------------


@dataclass
class Upload:
    """What an upload proposes: per table, the rows with where each was typed; or problems."""

    rows: dict[str, list[tuple[Origin, dict[str, str]]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_upload(files: Iterable[tuple[str, bytes]]) -> Upload:
    """An .xlsx workbook or table CSVs (``localities.csv`` …), each checked before it is read."""
    upload = Upload()
    for name, content in files:
        if len(content) > MAX_UPLOAD_BYTES:
            upload.problems.append(problem(name, "upload_too_big", size=_megabytes(len(content)),
                                           limit=_megabytes(MAX_UPLOAD_BYTES)))
        elif name.lower().endswith(".xlsx"):
            _read_xlsx(name, content, upload)
        elif name.lower().endswith(".csv"):
            _read_csv(name, content, upload)
        else:
            upload.problems.append(problem(name, "upload_type"))
    return upload


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _read_xlsx(name: str, content: bytes, upload: Upload) -> None:
    if not content.startswith(_XLSX_MAGIC):
        upload.problems.append(problem(name, "upload_not_xlsx"))
        return
    found = Upload()
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED_BYTES:
                upload.problems.append(problem(name, "upload_unpacks_too_big", limit=_megabytes(MAX_UNPACKED_BYTES)))
                return
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        try:  # sheets are parsed as they are read: a bad entry or XML fails here, not above
            for sheet in book.worksheets:
                if sheet.title in (GUIDE_SHEET, LISTS_SHEET):
                    continue
                place = f"{name} › {sheet.title}"
                if sheet.title not in EDITABLE:
                    found.problems.append(problem(place, "upload_unknown_sheet", tables=", ".join(EDITABLE)))
                    continue
                grid = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
                _read_grid(place, TABLES_BY_NAME[sheet.title], grid, found)
        finally:
            book.close()
    except Exception:  # a damaged zip (bad CRC, cut short), XML with entities, not a workbook:
        upload.problems.append(problem(name, "upload_not_xlsx"))  # one answer, nothing of it taken
        return
    for table, rows in found.rows.items():
        upload.rows.setdefault(table, []).extend(rows)
    upload.problems.extend(found.problems)


def _cell_text(value: object) -> str:
    """A spreadsheet value as the text a CSV cell would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_csv(name: str, content: bytes, upload: Upload) -> None:
    stem = name.rsplit("/", 1)[-1][: -len(".csv")]
    if stem not in EDITABLE:
        upload.problems.append(problem(name, "upload_unknown_csv", tables=", ".join(f"{t}.csv" for t in EDITABLE)))
        return
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        upload.problems.append(problem(name, "not_utf8", byte=exc.start))
        return
    if "\0" in text:
        upload.problems.append(problem(name, "upload_not_csv"))
        return
    _read_grid(name, TABLES_BY_NAME[stem], list(csv.reader(io.StringIO(text))), upload)


def _read_grid(place: str, table: Table, grid: list[list[str]], upload: Upload) -> None:
    """Header (first line of each cell: the column's id), then rows; every cell checked."""
    if not grid:
        upload.problems.append(problem(place, "no_header"))
        return
    header = [h.split("\n", 1)[0].strip() for h in grid[0]]
    while header and header[-1] == "":
        header.pop()
    header_problems(place, table, header, upload.problems)
    if any(p.file == place for p in upload.problems):
        return
    rows = upload.rows.setdefault(table.name, [])
    seen: dict[tuple[str, ...], int] = {}
    for number, cells in enumerate(grid[1:], start=2):
        given = {c: (cells[i] if i < len(cells) else "") for i, c in enumerate(header)}
        record = {c: v.strip() for c, v in given.items()}
        if not any(record.values()) or record == _EXAMPLES[table.name]:
            continue
        bad = [cell_problem(place, number, c, v) for c, v in given.items()]
        found = [p for p in bad if p is not None]
        key = tuple(record.get(k, "") for k in table.key)
        if any(part.startswith(EXAMPLE_PREFIX) for part in key):
            found.append(problem(place, "upload_example", number, table.key[0]))
        elif key in seen:  # in the data, a repeated key would silently replace the first row
            found.append(problem(place, "duplicate", number, table.key[0], value=repr(", ".join(key)),
                                 first=seen[key]))
        seen.setdefault(key, number)
        upload.problems.extend(found)
        if not found:
            rows.append((Origin(place, number), record))


def cell_problem(place: str, row: int, column: str, value: str) -> Problem | None:
    """The data's own cell rules (``dataset.cell_problem``), and no HTML: an upload comes from
    outside the office's own files."""
    found = data_cell_problem(place, row, column, value)
    if found is None and _HTML.search(value):
        return problem(place, "upload_html", row, column, value=repr(_clip(value)))
    return found


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
