"""Shared fixtures: the shipped dataset, and editable copies of data/ for broken-data tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from components.dataset import DATA_DIR, Dataset, load_dataset
from tests.support.data_files import HOSTILE_TEXT, read_rows, write_rows


@pytest.fixture(scope="session")
def data() -> Dataset:
    return load_dataset(DATA_DIR)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may break."""
    return Path(shutil.copytree(DATA_DIR, tmp_path / "data"))


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
