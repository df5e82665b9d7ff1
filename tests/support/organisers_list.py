"""A filled-in editor template for tests: the shipped 13 plus 23 delegations on an organisers'
list make 36. The 23 are test rows (Test City 01 …), never shipped: the atlas does not invent
delegations; an office brings its own list."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from components import workbook
from components.dataset import Dataset

LIST_SOURCE = "organisers-list-test"
NEW_DELEGATIONS = 23


def filled_template(data: Dataset, count: int = NEW_DELEGATIONS, **overrides: dict[str, str]) -> bytes:
    """The template with a list source and ``count`` delegations (evidence L), one priority each.
    ``overrides`` maps a sheet to cells that replace those of its first row (to break it)."""
    book = load_workbook(io.BytesIO(workbook.template_xlsx(data)))
    countries = list(data.countries["code"])

    def put(sheet: str, row: int, values: dict[str, str]) -> None:
        ws = book[sheet]
        header = [str(c.value).split("\n")[0] for c in ws[1]]
        for number, name in enumerate(header, start=1):
            ws.cell(row, number, values.get(name, ""))

    put("sources", 3, {"id": LIST_SOURCE, "title": "Danh sách các đoàn quốc tế (thử)", "published": "2024-09-20",
                       "language": "vi", "kind": "organisers_list", "supplied_by": "Test office",
                       **overrides.get("sources", {})})
    for n in range(count):
        put("localities", 3 + n, {
            "id": f"test-city-{n + 1:02d}", "name_en": f"Test City {n + 1:02d}",
            "name_vi": f"Thành phố Thử {n + 1:02d}",
            "country": countries[n % len(countries)], "kind": "city", "lat": f"{10 + n:.1f}", "lon": f"{100 + n:.1f}",
            "relation": "unknown", "evidence": "L", "evidence_source_id": LIST_SOURCE,
            "summary_en": "On the organisers' list.", "summary_vi": "Có trong danh sách của ban tổ chức.",
            **(overrides.get("localities", {}) if n == 0 else {})})
        put("priorities", 3 + n, {"locality_id": f"test-city-{n + 1:02d}", "theme_id": "education",
                                  "statement_en": "Student exchanges.", "statement_vi": "Trao đổi sinh viên.",
                                  "source_id": LIST_SOURCE, **(overrides.get("priorities", {}) if n == 0 else {})})
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
