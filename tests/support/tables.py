"""Tables as the page draws them (HTML text, see components.tables.html_table), read back into
frames for AppTest checks: one column per header; a long-text column drawn across the row comes
back as a column of its own."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.header: list[str] = []
        self.rows: list[list[str]] = []
        self.spans: list[tuple[int, str]] = []  # (row index, text) of cells across the row
        self._cell: list[str] | None = None
        self._span = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr" and self._in_body:
            self.rows.append([])
        if tag in ("th", "td"):
            self._cell, self._span = [], any(name == "colspan" for name, _ in attrs)
        if tag == "tbody":
            self._in_body = True

    _in_body = False

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None:
            text = "".join(self._cell).strip()
            if tag == "th":
                self.header.append(text)
            elif self._span:
                self.rows.pop()
                self.spans.append((len(self.rows) - 1, text))
            else:
                self.rows[-1].append(text)
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def read_table(body: str) -> pd.DataFrame:
    reader = _Reader()
    reader.feed(body)
    frame = pd.DataFrame(reader.rows, columns=reader.header)
    for row, text in reader.spans:
        name, _, value = text.partition(": ")
        frame.loc[row, name] = value
    return frame


def tables(app) -> list[pd.DataFrame]:
    """Every table the page drew as text, in page order."""
    return [read_table(h.proto.body) for h in app.get("html") if 'data-testid="atlas-table"' in h.proto.body]
