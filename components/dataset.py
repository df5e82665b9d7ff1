"""Load the CSV tables in data/ into one validated, read-only ``Dataset``.

Validation is plain Python rather than pandera or pydantic: the rules are few, the messages must
name file, row and column in words an editor understands, and every problem is collected before
anything is reported. No Streamlit import here.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pandas as pd

from components.i18n import t
from components.schema import (
    FLAGS_DIR,
    IDENTIFIED_EVIDENCE,
    PROGRAMME_MARGIN_DAYS,
    REQUIRED_FACTS,
    REQUIRED_META,
    TABLES,
    TABLES_BY_NAME,
    WORLD_FILE,
    Column,
    Table,
)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DATA_DIR_ENV = "ATLAS_DATA_DIR"

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$")
_URL = re.compile(r"^https?://[^\s<>\"']+$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: A Vietnamese day and month ("26/9", "23/9/2024") or month ("tháng 9"): English names the month
#: in words, so the month's number is left out of the comparison.
_VI_DAY_MONTH = re.compile(r"\b(\d{1,2})/(\d{1,2})\b(/\d{4})?")
_VI_MONTH = re.compile(r"\btháng (\d{1,2})\b")
#: What no cell may hold, whoever writes it: line and paragraph breaks and other control
#: characters (a spreadsheet or a line-by-line reader ends the row there; U+0085 and U+2028 are
#: line ends to some), and the direction controls that turn text around on screen.
_CONTROL = re.compile("[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_TEXT = re.compile(r"^[+-]?\d+(\.\d+)?$")
#: Problems that leave a whole table unread.
_UNREADABLE = frozenset({"missing_file", "not_utf8", "no_header", "not_csv", "missing_column", "repeated_column"})


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located as precisely as it can be. The message is the entry
    ``problem.<key>`` of strings.toml filled with ``values``, so it reads in either language."""

    file: str
    key: str
    row: int | None = None  # spreadsheet row: the header is row 1
    column: str | None = None
    values: tuple[tuple[str, str], ...] = ()

    def text(self, lang: str = "en") -> str:
        """Where, then what: 'localities.csv row 5, column country: 'XX' is not in countries.csv'."""
        where = self.file
        if self.row is not None:
            where = t("problem.at_row", lang, place=where, row=self.row)
        if self.column is not None:
            where = t("problem.at_column", lang, place=where, column=self.column)
        return f"{where}: {self.message(lang)}"

    def message(self, lang: str = "en") -> str:
        return t(f"problem.{self.key}", lang, **dict(self.values))

    def __str__(self) -> str:
        return self.text("en")


def cell_problem(file: str, row: int | None, column: str, raw: str) -> Problem | None:
    """The rules every cell obeys, in ``make check-data``, the app, an upload and the editor's
    grid alike: no line break or control character, nothing a spreadsheet would run as a
    formula (a signed number such as a longitude is a number)."""
    found = _CONTROL.search(raw)
    if found is not None and found.group() in "\n\r":
        return problem(file, "line_break", row, column)
    if found is not None:
        char = found.group()
        return problem(file, "control_char", row, column, char=f"U+{ord(char):04X}",
                       name=unicodedata.name(char, "CONTROL").title())
    value = raw.strip()
    if value.startswith(FORMULA_STARTS) and not _NUMBER_TEXT.match(value):
        return problem(file, "formula", row, column, value=repr(value if len(value) <= 40 else value[:40] + "…"))
    return None


def csv_records(text: str) -> Iterator[tuple[list[str], str]]:
    """The records of a CSV text, each with its own text: lines end only at CR or LF (never at
    U+2028 or U+0085), and a quoted line break stays inside its cell, to be refused there."""
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines)
    start = 0
    for cells in reader:
        yield cells, "".join(lines[start:reader.line_num]).rstrip("\r\n")
        start = reader.line_num


def problem(file: str, key: str, row: int | None = None, column: str | None = None, **values: object) -> Problem:
    """A ``Problem`` whose message values are given as keywords (shown with ``str``)."""
    return Problem(file, key, row, column, tuple((name, str(value)) for name, value in values.items()))


class DataError(Exception):
    """The data in a folder failed validation; ``problems`` lists every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True, eq=False)
class Dataset:
    """All tables, validated. Frames are shared: builders must not modify them in place.

    Compared and hashed by identity, so derived tables can be cached per loaded dataset.
    """

    sources: pd.DataFrame
    countries: pd.DataFrame
    themes: pd.DataFrame
    localities: pd.DataFrame
    priorities: pd.DataFrame
    figures: pd.DataFrame
    programme: pd.DataFrame
    host: pd.DataFrame
    key_facts: pd.DataFrame
    meta: Mapping[str, str]
    world: Mapping[str, Any] = field(repr=False)
    folder: Path = DATA_DIR

    def flag_path(self, country_code: str) -> Path:
        """The shipped SVG flag of a country (data/flags/<code>.svg)."""
        return self.folder / FLAGS_DIR / f"{country_code.lower()}.svg"

    def fact(self, fact_id: str) -> int:
        """A headline figure from key_facts.csv, e.g. ``fact("delegations_reported") == 36``."""
        return int(self._facts[fact_id])

    @property
    def source_rows(self) -> Mapping[str, Mapping[str, Any]]:
        """sources.csv by id: every citation on a page looks its source up here, not in the frame."""
        return self._source_rows

    def __post_init__(self) -> None:  # derived once, when the data is loaded
        object.__setattr__(self, "_source_rows", MappingProxyType(
            self.sources.set_index("id", drop=False).to_dict("index")))
        object.__setattr__(self, "_facts", dict(zip(self.key_facts["id"], self.key_facts["value"], strict=True)))

    @property
    def data_as_of(self) -> date:
        return date.fromisoformat(self.meta["data_as_of"])

    @property
    def programme_days(self) -> tuple[date, ...]:
        """Every day of the programme (meta.csv), a day with no reported event included."""
        first, last = (date.fromisoformat(self.meta[k]) for k in ("programme_first_day", "programme_last_day"))
        return tuple(first + timedelta(days=n) for n in range((last - first).days + 1))

    @property
    def host_position(self) -> tuple[float, float]:
        """(lat, lon) of the host city."""
        return float(self.meta["host_lat"]), float(self.meta["host_lon"])


def data_dir_from_env() -> Path:
    """The data folder: ``$ATLAS_DATA_DIR`` when set (tests, a corrected copy), else data/."""
    return Path(os.environ.get(DATA_DIR_ENV) or DATA_DIR)


def load_dataset(data_dir: Path | str | None = None, replacing: Mapping[str, str] | None = None) -> Dataset:
    """Read and validate every table; raise ``DataError`` listing all problems at once.

    ``replacing`` maps file names to CSV text read instead of the file: the editor checks a
    proposed change with exactly the rules of ``make check-data`` before anything is written."""
    folder = Path(data_dir) if data_dir is not None else data_dir_from_env()
    problems: list[Problem] = []
    rows: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        text = (replacing or {}).get(table.file)
        rows[table.name] = _read_table(folder, table, problems) if text is None else _parse_table(table, text, problems)
    _check_keys(rows, problems)
    _check_numbers(rows, problems)
    if any(p.key in _UNREADABLE for p in problems):  # a table missing or unreadable: checks across
        raise DataError(problems)  # tables would only list every row that points to it
    _check_references(rows, problems)
    _check_rules(rows, problems)
    world = _read_world(folder, rows["countries"], problems)
    for country in rows["countries"]:
        if country["code"] and not (folder / FLAGS_DIR / f"{country['code'].lower()}.svg").is_file():
            problems.append(problem("countries.csv", "no_flag", country["_row"], "code",
                                    path=f"{FLAGS_DIR}/{country['code'].lower()}.svg"))
    if problems:
        raise DataError(problems)
    frames = {t.name: _frame(t, rows[t.name]) for t in TABLES if t.name != "meta"}
    meta = MappingProxyType({r["key"]: r["value"] for r in rows["meta"]})
    return Dataset(meta=meta, world=MappingProxyType(world), folder=folder, **frames)


# --- reading ---------------------------------------------------------------------------------


def _read_table(folder: Path, table: Table, problems: list[Problem]) -> list[dict[str, Any]]:
    path = folder / table.file
    if not path.is_file():
        problems.append(problem(table.file, "missing_file"))
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(problem(table.file, "not_utf8", byte=exc.start))
        return []
    return _parse_table(table, text, problems)


def _parse_table(table: Table, text: str, problems: list[Problem]) -> list[dict[str, Any]]:
    try:
        records = [cells for cells, _ in csv_records(text)]
    except csv.Error as exc:
        problems.append(problem(table.file, "not_csv", error=exc))
        return []
    if not records:
        problems.append(problem(table.file, "no_header"))
        return []
    header = [h.strip() for h in records[0]]
    if not header_problems(table.file, table, header, problems):
        return []
    parsed: list[dict[str, Any]] = []
    for row_number, cells in enumerate(records[1:], start=2):  # as a spreadsheet counts rows
        if not any(c.strip() for c in cells):
            continue  # blank line
        if len(cells) != len(header):
            problems.append(problem(table.file, "cell_count", row_number, cells=len(cells), header=len(header)))
            continue
        raw = dict(zip(header, cells, strict=True))
        record: dict[str, Any] = {"_row": row_number}
        for column in table.columns:
            found = cell_problem(table.file, row_number, column.name, raw[column.name])
            if found is not None:
                problems.append(found)
                record[column.name] = None
            else:
                record[column.name] = _parse_cell(table, column, raw[column.name], row_number, problems)
        parsed.append(record)
    return parsed


def header_problems(place: str, table: Table, header: list[str], problems: list[Problem]) -> bool:
    """Check a header row (column ids, stripped); True when the rows below can be read by it.
    A repeated column is refused: whichever copy won, the other's values would be lost unseen."""
    repeated = list(dict.fromkeys(h for h in header if header.count(h) > 1))
    missing = [c for c in table.column_names if c not in header]
    problems += [problem(place, "repeated_column", 1, name or "?", n=header.count(name)) for name in repeated]
    problems += [problem(place, "missing_column", 1, name) for name in missing]
    problems += [problem(place, "unknown_column", 1, h or "?") for h in header if h not in table.column_names]
    return not (repeated or missing)


def _parse_cell(table: Table, column: Column, raw: str, row: int, problems: list[Problem]) -> Any:
    value = raw.strip()

    def bad(key: str, **values: object) -> None:
        problems.append(problem(table.file, key, row, column.name, value=repr(value), **values))

    if value == "":
        if column.required:
            bad("empty")
        return () if column.kind == "refs" else None
    kind = column.kind
    if kind == "ref":  # its existence is checked across tables, with the closest ids offered
        return value
    if kind == "id":
        if not _ID.match(value):
            bad("not_id")
            return None
        return value
    if kind == "refs":
        parts = tuple(p.strip() for p in value.split(";"))
        if any(not _ID.match(p) for p in parts):
            bad("not_ids")
            return ()
        return parts
    if kind == "enum":
        if value not in column.choices:
            bad("not_choice", choices=", ".join(column.choices))
            return None
        return value
    if kind in ("float", "int", "year"):
        return _parse_number(column, value, bad)
    if kind == "date":
        if not (re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) and _is_date(value)):
            bad("not_date")
            return None
        return date.fromisoformat(value)
    if kind == "partial_date":
        if not _PARTIAL_DATE.match(value) or (len(value) == 10 and not _is_date(value)):
            bad("not_partial_date")
            return None
        return value
    if kind == "time":
        if not _TIME.match(value):
            bad("not_time")
            return None
        return time.fromisoformat(value)
    if kind == "hex":
        if not _HEX.match(value):
            bad("not_colour")
            return None
        return value.upper()
    if kind == "url":
        if not _URL.match(value):
            bad("not_url")
            return None
        return value
    return value


def _parse_number(column: Column, value: str, bad: Any) -> float | int | None:
    integral = column.kind in ("int", "year")
    try:
        number: float | int = int(value) if integral else float(value)
    except ValueError:
        bad("not_whole_number" if integral else "not_number")
        return None
    if isinstance(number, float) and not math.isfinite(number):
        bad("not_finite")
        return None
    low, high = (1900, 2024) if column.kind == "year" else (column.low, column.high)
    if (low is not None and number < low) or (high is not None and number > high):
        bad("out_of_range", number=value, low=low if low is not None else "…", high=high if high is not None else "…")
        return None
    return number


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


# --- checks across rows and tables -----------------------------------------------------------


def _check_keys(rows: dict[str, list[dict[str, Any]]], problems: list[Problem]) -> None:
    for table in TABLES:
        seen: dict[tuple[Any, ...], int] = {}
        for record in rows[table.name]:
            key = tuple(record[c] for c in table.key)
            if None in key:
                continue
            if key in seen:
                shown = ", ".join(str(k) for k in key)
                problems.append(problem(table.file, "duplicate", record["_row"], table.key[0],
                                        value=repr(shown), first=seen[key]))
            else:
                seen[key] = record["_row"]


def _check_references(rows: dict[str, list[dict[str, Any]]], problems: list[Problem]) -> None:
    keys = {t.name: {r[t.key[0]] for r in rows[t.name]} for t in TABLES if len(t.key) == 1}
    names = {name: _names(TABLES_BY_NAME[name], rows[name]) for name in keys}
    for table in TABLES:
        for column in table.columns:
            if column.ref is None:
                continue
            target = TABLES_BY_NAME[column.ref]
            for record in rows[table.name]:
                value = record[column.name]
                for ref in (value if column.kind == "refs" else (value,)):
                    if ref is not None and ref not in keys[column.ref]:
                        near = closest(ref, names[column.ref])
                        problems.append(problem(
                            table.file, "not_in_closest" if near else "not_in", record["_row"], column.name,
                            value=repr(ref), table=target.file, closest=", ".join(near)))


def _names(table: Table, records: list[dict[str, Any]]) -> dict[str, str]:
    """What a user may have typed for each key of a table: the key itself and its names or labels."""
    labels = [c for c in table.column_names if c.startswith(("name_", "label_"))]
    found: dict[str, str] = {}
    for record in records:
        key = record[table.key[0]]
        if key is None:
            continue
        for text in (key, *(record[c] for c in labels)):
            if isinstance(text, str):
                found.setdefault(text.casefold(), key)
    return found


def closest(value: str, names: Mapping[str, str], limit: int = 3) -> list[str]:
    """The valid ids nearest to ``value``, by id or by name: 'Korea' → ['KR'], 'torino2' → ['torino']."""
    near = difflib.get_close_matches(value.casefold(), list(names), n=limit * 3, cutoff=0.6)
    return list(dict.fromkeys(names[n] for n in near))[:limit]


def _check_rules(rows: dict[str, list[dict[str, Any]]], problems: list[Problem]) -> None:
    first, last = _programme_window(rows["meta"])
    for event in rows["programme"]:
        file, row = "programme.csv", event["_row"]
        day, start, end = event["date"], event["start"], event["end"]
        if day is not None and first is not None and not first <= day <= last:
            problems.append(problem(file, "outside_week", row, "date", day=day, first=first, last=last))
        if end is not None and start is None:
            problems.append(problem(file, "end_without_start", row, "end"))
        if start is not None and end is not None and not start < end:
            problems.append(problem(file, "end_before_start", row, "end", end=f"{end:%H:%M}", start=f"{start:%H:%M}"))
        if start is not None and event["part_of_day"] not in (None, part_of_day(start)):
            problems.append(problem(file, "part_of_day", row, "part_of_day", value=repr(event["part_of_day"]),
                                    start=f"{start:%H:%M}"))
        if (event["venue_lat"] is None) != (event["venue_lon"] is None):
            problems.append(problem(file, "venue_pair", row, "venue_lat"))
    for place in rows["localities"]:
        file, row = "localities.csv", place["_row"]
        formal = place["relation"] in ("sister_city", "sister_province", "friendship_cooperation", "partner")
        if (formal or place["relation_since"] is not None) and not place["relation_source_id"]:
            problems.append(problem(file, "relation_source", row, "relation_source_id"))
        if place["relation"] in ("none", "unknown") and place["relation_since"] is not None:
            problems.append(problem(file, "relation_year", row, "relation_since",
                                    relation=repr(place["relation"])))
    listed = {s["id"] for s in rows["sources"] if s["kind"] == "organisers_list"}
    for place in rows["localities"]:
        cited = set(place["evidence_source_id"] or ())
        only_list = bool(cited) and cited <= listed  # a report beside the list keeps its A or B
        if (place["evidence"] == "L") != only_list and place["evidence"] is not None:
            key = "list_needs_list_source" if place["evidence"] == "L" else "list_source_needs_level"
            problems.append(problem("localities.csv", key, place["_row"], "evidence"))
    for source in rows["sources"]:
        file, row = "sources.csv", source["_row"]
        if source["kind"] == "organisers_list":
            for column in ("supplied_by", "published"):
                if not source[column]:
                    problems.append(problem(file, "list_needs", row, column))
        if bool(source["note_en"]) != bool(source["note_vi"]):
            problems.append(problem(file, "note_pair", row,
                                    "note_vi" if source["note_en"] else "note_en"))
        if str(source["title"] or "").startswith("[") and source["language"] != "vi" and not source["title_vi"]:
            problems.append(problem(file, "bracket_title", row,
                                    "title_vi"))
    for fact in REQUIRED_FACTS:
        if fact not in {r["id"] for r in rows["key_facts"]}:
            problems.append(problem("key_facts.csv", "missing_fact", fact=repr(fact)))
    identified = sum(1 for r in rows["localities"] if r["evidence"] in IDENTIFIED_EVIDENCE)
    reported = next((r["value"] for r in rows["key_facts"] if r["id"] == "delegations_reported"), None)
    if reported is not None and identified > reported:
        problems.append(problem("localities.csv", "too_many_identified", n=identified, reported=int(reported)))
    meta = {r["key"]: r for r in rows["meta"]}
    for key, kind in REQUIRED_META.items():
        if key not in meta:
            problems.append(problem("meta.csv", "missing_meta", key=repr(key)))
            continue
        column = Column("value", kind)  # type: ignore[arg-type]
        if kind != "text":
            _parse_cell(TABLES_BY_NAME["meta"], column, meta[key]["value"], meta[key]["_row"], problems)


def _programme_window(meta: list[dict[str, Any]]) -> tuple[date | None, date | None]:
    """The days an event may fall on: the programme's days from meta.csv, with the margin."""
    given = {r["key"]: r["value"] for r in meta}
    if not all(_is_date(str(given.get(k, ""))) for k in ("programme_first_day", "programme_last_day")):
        return None, None  # reported as a meta problem
    margin = timedelta(days=PROGRAMME_MARGIN_DAYS)
    return (date.fromisoformat(given["programme_first_day"]) - margin,
            date.fromisoformat(given["programme_last_day"]) + margin)


def numbers_in(text: str, lang: str) -> list[str]:
    """The numbers a text states, written the same in both languages: separators dropped
    ("2,000" and "2.000" are both 2000); of a Vietnamese date only the day and year count."""
    if lang == "vi":
        text = _VI_DAY_MONTH.sub(lambda m: m.group(1) + (" " + m.group(3)[1:] if m.group(3) else ""), text)
        text = _VI_MONTH.sub("", text)
    return sorted(re.sub(r"[.,]", "", n) for n in _NUMBER.findall(text))


def _check_numbers(rows: dict[str, list[dict[str, Any]]], problems: list[Problem]) -> None:
    """The English and Vietnamese cells of one row state the same numbers: a figure changed in one
    language only is a wrong fact in the other."""
    for table in TABLES:
        pairs = [c[:-3] for c in table.column_names if c.endswith("_en") and f"{c[:-3]}_vi" in table.column_names]
        for record in rows[table.name]:
            for stem in pairs:
                en, vi = record.get(f"{stem}_en"), record.get(f"{stem}_vi")
                if not isinstance(en, str) or not isinstance(vi, str):
                    continue
                in_en, in_vi = numbers_in(en, "en"), numbers_in(vi, "vi")
                if in_en != in_vi:
                    problems.append(problem(
                        table.file, "numbers_differ", record["_row"], f"{stem}_vi", stem=stem,
                        en=", ".join(in_en) or "–", vi=", ".join(in_vi) or "–"))


def part_of_day(start: time) -> str:
    """The part of the day a start time falls in; used to check and to place untimed events."""
    if start.hour < 12:
        return "morning"
    return "afternoon" if start.hour < 18 else "evening"


def _read_world(folder: Path, countries: list[dict[str, Any]], problems: list[Problem]) -> dict[str, Any]:
    path = folder / WORLD_FILE
    try:
        world = json.loads(path.read_text(encoding="utf-8"))
        codes = {f["properties"]["iso_a3"] for f in world["features"]}
    except FileNotFoundError:
        problems.append(problem(WORLD_FILE, "missing_file"))
        return {}
    except (ValueError, KeyError, TypeError) as exc:
        problems.append(problem(WORLD_FILE, "not_geojson", error=exc))
        return {}
    for country in countries:
        if country["iso3"] is not None and country["iso3"] not in codes:
            problems.append(problem("countries.csv", "no_outline", country["_row"], "iso3",
                                    value=repr(country["iso3"]), table=WORLD_FILE))
    return world


def _frame(table: Table, records: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=["_row", *table.column_names])
    return frame.drop(columns="_row")
