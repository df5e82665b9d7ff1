"""Shared fixtures: the shipped dataset, and editable copies of data/ for broken-data tests."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from components.dataset import DATA_DIR, Dataset, load_dataset


@pytest.fixture(scope="session")
def data() -> Dataset:
    return load_dataset(DATA_DIR)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may break."""
    return Path(shutil.copytree(DATA_DIR, tmp_path / "data"))


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


HOSTILE_TEXT = ("<script>alert('atlas')</script> **bold** [link](javascript:alert(1)) :red[red] "
                "<img src=x onerror=alert(2)>")


@pytest.fixture
def hostile_copy(data_copy: Path) -> Path:
    """A copy of data/ whose free-text fields hold HTML, script, Markdown and Streamlit directives,
    and a very long summary: everything must show it as plain text."""
    fields = {
        "localities.csv": ("name_en", "name_vi", "summary_en", "summary_vi", "head_name", "head_title_en"),
        "priorities.csv": ("statement_en", "statement_vi"),
        "programme.csv": ("title_en", "description_en", "participants_en", "venue_en"),
        "themes.csv": ("label_en", "description_en"),
        "sources.csv": ("title", "publisher"),
        "figures.csv": ("label_en",),
    }
    for file, columns in fields.items():
        header, rows = read_rows(data_copy, file)
        for row in rows:
            for column in columns:
                if row[column]:
                    row[column] = f"{row[column]} {HOSTILE_TEXT}"
                    twin = column[:-3] + "_vi"  # both languages, so they still state the same numbers
                    if column.endswith("_en") and twin in row and twin not in columns and row[twin]:
                        row[twin] = f"{row[twin]} {HOSTILE_TEXT}"
        if file == "localities.csv":
            rows[0]["summary_en"] = rows[0]["summary_vi"] = "long " * 2000
        write_rows(data_copy, file, header, rows)
    return data_copy
