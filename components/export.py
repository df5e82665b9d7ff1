"""Files for briefings: figures as PNG/SVG/PDF through one kaleido server (Debian's Chromium),
tables as CSV/XLSX, and the whole dataset as a ZIP. No Streamlit.

kaleido's sync server is not thread-safe: Streamlit runs each session in its own thread, and
without the lock two sessions exporting at once can receive each other's images."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import threading
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from components.dataset import DATA_DIR, FORMULA_STARTS, Dataset
from components.i18n import t
from components.memo import remember

#: plotly fetches world outlines from a CDN by default; point it at the copy shipped in data/.
pio.defaults.topojson = (DATA_DIR / "topojson").resolve().as_uri() + "/"

SLIDE = (1920, 1080)
PRINT_WIDTH = 1200
PRINT_SCALE = 3
FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "csv": "text/csv",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "zip": "application/zip",
           "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}

_lock = threading.Lock()
_server: dict[str, bool] = {"started": False}


class ExportUnavailable(RuntimeError):
    """Image export cannot run on this machine (no Chromium)."""


def chromium() -> str | None:
    """The browser kaleido will drive, if there is one."""
    return remember(_find_chromium, os.environ.get("BROWSER_PATH"))


def _find_chromium(named: str | None) -> str | None:
    """Looked up once per process (every download row asks)."""
    if named:
        return named if Path(named).exists() else None
    return next((path for name in ("chromium", "chromium-browser", "google-chrome") if (path := shutil.which(name))),
                None)


def available() -> bool:
    return chromium() is not None


def _start() -> None:
    if _server["started"]:
        return
    if not available():
        raise ExportUnavailable("Chart images need Chromium, which is not installed here. "
                                "`make run` installs it (Debian package 'chromium').")
    import kaleido

    kaleido.start_sync_server(mathjax=False, silence_warnings=True)
    _server["started"] = True


def figure_bytes(fig: go.Figure, fmt: str, width: int | None = None, height: int | None = None,
                 scale: float = 1) -> bytes:
    """One figure as PNG, SVG or PDF; every call goes through the one lock."""
    with _lock:
        _start()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="The kopts argument")
            return fig.to_image(format=fmt, width=width, height=height, scale=scale)


def slide_png(fig: go.Figure) -> bytes:
    """1920×1080 for a slide: laid out at 1280×720 and drawn at 1.5×, so text stays readable."""
    return figure_bytes(fig, "png", width=SLIDE[0] * 2 // 3, height=SLIDE[1] * 2 // 3, scale=1.5)


def print_png(fig: go.Figure) -> bytes:
    """Three times the on-screen size, for print (a figure laid out at its own width keeps it:
    the world map is planned for its pixels)."""
    return figure_bytes(fig, "png", width=fig.layout.width or PRINT_WIDTH, height=fig.layout.height,
                        scale=PRINT_SCALE)


def vector(fig: go.Figure, fmt: str) -> bytes:
    return figure_bytes(fig, fmt, width=fig.layout.width or PRINT_WIDTH, height=fig.layout.height)


def flag_png(svg: Path, height: int = 120) -> bytes | None:
    """A flag as PNG for slides (PowerPoint places no SVG), drawn by Debian's rsvg-convert
    (librsvg2-bin, installed by the Makefile); None where it is missing."""
    tool = shutil.which("rsvg-convert")
    if tool is None or not svg.is_file():
        return None
    done = subprocess.run([tool, "--height", str(height), "--keep-aspect-ratio", str(svg)], capture_output=True,
                          check=False, timeout=20)
    return done.stdout if done.returncode == 0 and done.stdout.startswith(b"\x89PNG") else None


def safe_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula (=HYPERLINK(…) in a name would open a
    link) gets a leading apostrophe; numbers and other text stay as they are."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def formula_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """The table, header row included (a comparison's columns are delegation names), with every
    text cell that a spreadsheet would read as a formula made plain text."""
    return frame.map(safe_cell).rename(columns=safe_cell)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs keep the Vietnamese letters; formulas
    neutralised."""
    return formula_safe(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, about: dict[str, str], lang: str) -> bytes:
    """The table on the first sheet; title, filter, source and date on a second sheet; sheet
    names in the language; formulas neutralised."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        formula_safe(frame).to_excel(writer, sheet_name=t("downloads.sheet_data", lang), index=False)
        formula_safe(pd.DataFrame({"": list(about), " ": list(about.values())})).to_excel(
            writer, sheet_name=t("downloads.sheet_about", lang), index=False)
    return buffer.getvalue()


def dataset_zip(data: Dataset) -> bytes:
    """Every CSV of the dataset with the data README, byte for byte as checked: the files are
    the data itself, to be checked and loaded again, so they are not altered; the check refuses
    formula-looking text in any cell, so none is in them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in [*sorted(data.folder.glob("*.csv")), data.folder / "README.md"]:
            if path.is_file():
                archive.write(path, f"friendship-atlas-data/{path.name}")
    return buffer.getvalue()
