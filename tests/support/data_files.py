"""Editing copies of data/ in tests: read and write a table, set one cell, find a row."""

from __future__ import annotations

import csv
from pathlib import Path


def read_rows(folder: Path, file: str) -> tuple[list[str], list[dict[str, str]]]:
    with (folder / file).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(folder: Path, file: str, header: list[str], rows: list[dict[str, str]]) -> None:
    with (folder / file).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def set_cell(folder: Path, file: str, row: int, column: str, value: str) -> None:
    """Set one cell; ``row`` counts like a spreadsheet (the header is row 1)."""
    header, rows = read_rows(folder, file)
    rows[row - 2][column] = value
    write_rows(folder, file, header, rows)


def row_of(folder: Path, file: str, column: str, value: str) -> int:
    """The spreadsheet row where ``column`` equals ``value``."""
    _, rows = read_rows(folder, file)
    return next(i for i, r in enumerate(rows, start=2) if r[column] == value)


def repeat_column(folder: Path, file: str, column: str) -> None:
    """Append a second ``column`` holding the negated values of the first (a spreadsheet keeps
    both; a reader by name would take one)."""
    path = folder / file
    _, rows = read_rows(folder, file)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([f"{lines[0]},{column}", *(
        f"{line},-{row[column]}" for line, row in zip(lines[1:], rows, strict=True))]) + "\n", encoding="utf-8")


HOSTILE_TEXT = ("<script>alert('atlas')</script> **bold** [link](javascript:alert(1)) :red[red] "
                "<img src=x onerror=alert(2)>")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes (history included): 'unchanged byte for byte'."""
    return {str(f.relative_to(folder)): f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file()}
