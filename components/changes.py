"""Proposed changes to the data tables, as plain text cells: read, merge, compare, write back.

The editor works on the CSV text, not on the typed ``Dataset``: what it writes is what an
editor would have typed in the file, and rows nobody touched keep their exact line. Pure; the
rules that decide whether a change is valid stay in ``dataset.py``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from components.dataset import DataError, Problem, csv_records, load_dataset
from components.schema import TABLES_BY_NAME, Table

Row = Mapping[str, str]


@dataclass(frozen=True)
class Origin:
    """Where a proposed row came from, to name it in a problem: an upload's sheet or file, or
    the editor's grid, with the row as the user sees it there."""

    place: str
    row: int


@dataclass(frozen=True)
class Rows:
    """One table as text cells. ``lines`` keeps the file's own line for each row as read, so an
    unchanged row is written back byte for byte; ``origins`` names the rows a change brought."""

    table: Table
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    lines: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    origins: Mapping[int, Origin] = field(default_factory=dict)  # index in rows → origin

    def key(self, row: Row) -> tuple[str, ...]:
        return tuple(row.get(c, "").strip() for c in self.table.key)

    def cells(self, row: Row) -> tuple[str, ...]:
        return tuple(row.get(c, "") for c in self.header)

    def render(self) -> str:
        """The CSV text: the header and unchanged rows as they were, the rest quoted as needed."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        header_line = self.lines.get(self.header)
        if header_line is None:
            writer.writerow(self.header)
        else:
            out.write(header_line + "\n")
        for row in self.rows:
            cells = self.cells(row)
            if cells in self.lines:
                out.write(self.lines[cells] + "\n")
            else:
                writer.writerow(cells)
        return out.getvalue()


def parse(table: Table, text: str) -> Rows:
    """A CSV file of the data folder as ``Rows``, its records read as the loader reads them."""
    try:
        records = list(csv_records(text))
    except csv.Error:  # the loader reports it; the editor then offers only the history
        records = []
    if not records:
        return Rows(table, table.column_names, ())
    header = tuple(h.strip() for h in records[0][0])
    kept: dict[tuple[str, ...], str] = {tuple(records[0][0]): records[0][1]}
    rows = []
    for cells, line in records[1:]:
        if not any(c.strip() for c in cells) or len(cells) != len(header):
            continue
        kept[tuple(cells)] = line
        rows.append(dict(zip(header, cells, strict=True)))
    return Rows(table, header, tuple(rows), kept)


def read(folder: Path, names: Iterable[str]) -> dict[str, Rows]:
    """The named tables of a data folder."""
    return {name: parse(TABLES_BY_NAME[name], (folder / TABLES_BY_NAME[name].file).read_text(encoding="utf-8-sig"))
            for name in names}


def dated(folder: Path, day: date) -> dict[str, str]:
    """meta.csv with ``data_as_of`` set to ``day``: the date under every chart follows the last
    change to the data."""
    meta = read(folder, ["meta"])["meta"]
    rows = tuple({**r, "value": day.isoformat()} if r.get("key") == "data_as_of" else r for r in meta.rows)
    return {meta.table.file: replace(meta, rows=rows).render()}


def upsert(current: Rows, incoming: Iterable[tuple[Origin, Row]]) -> Rows:
    """Rows added, or replacing the row with the same key; the others stay where they were."""
    rows = list(current.rows)
    where = {current.key(r): i for i, r in enumerate(rows)}
    origins = dict(current.origins)
    for origin, row in incoming:
        complete = {c: row.get(c, "") for c in current.header}
        key = current.key(complete)
        if key in where:
            rows[where[key]] = complete
        else:
            where[key] = len(rows)
            rows.append(complete)
        origins[where[key]] = origin
    return Rows(current.table, current.header, tuple(rows), current.lines, origins)


def replace_all(current: Rows, incoming: Iterable[tuple[Origin, Row]]) -> Rows:
    """The table as the editor's grid shows it: rows deleted there are removed."""
    pairs = list(incoming)
    rows = tuple({c: row.get(c, "") for c in current.header} for _, row in pairs)
    return Rows(current.table, current.header, rows, current.lines, {i: o for i, (o, _) in enumerate(pairs)})


@dataclass(frozen=True)
class CellChange:
    column: str
    old: str
    new: str


@dataclass(frozen=True)
class TableDiff:
    """What a change does to one table, compared by key."""

    table: str
    added: tuple[Row, ...] = ()
    changed: tuple[tuple[tuple[str, ...], tuple[CellChange, ...]], ...] = ()
    removed: tuple[Row, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def diff(old: Rows, new: Rows) -> TableDiff:
    before = {old.key(r): r for r in old.rows}
    after = {new.key(r): r for r in new.rows}
    changed = []
    for key, row in after.items():
        if key in before:
            cells = tuple(CellChange(c, before[key].get(c, ""), row.get(c, ""))
                          for c in new.header if before[key].get(c, "") != row.get(c, ""))
            if cells:
                changed.append((key, cells))
    return TableDiff(
        new.table.name,
        added=tuple(r for k, r in after.items() if k not in before),
        changed=tuple(changed),
        removed=tuple(r for k, r in before.items() if k not in after),
    )


def check(folder: Path, proposed: Mapping[str, Rows]) -> list[Problem]:
    """Every problem of the data as it would be, by the rules of ``make check-data``; a problem
    in a row the change brought is named where the user typed it."""
    try:
        load_dataset(folder, replacing={r.table.file: r.render() for r in proposed.values()})
    except DataError as error:
        by_file = {r.table.file: r for r in proposed.values()}
        return [_located(p, by_file.get(p.file)) for p in error.problems]
    return []


def _located(found: Problem, rows: Rows | None) -> Problem:
    if rows is None or found.row is None:
        return found
    origin = rows.origins.get(found.row - 2)  # the header is row 1
    if origin is None:
        return found
    return Problem(origin.place, found.key, origin.row, found.column, found.values)
