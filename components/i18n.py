"""Interface strings in English and Vietnamese, and language-aware formatting.

Every UI string lives in strings.toml as ``[key] en = … vi = …``; a test fails when either
language is missing. Data text comes from the ``_en``/``_vi`` columns instead.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

LANGUAGES = ("en", "vi")
DEFAULT_LANGUAGE = "en"
STRINGS_FILE = Path(__file__).with_name("strings.toml")

_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"),
}
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def _read_catalogue() -> dict[str, dict[str, str]]:
    flat: dict[str, dict[str, str]] = {}

    def walk(prefix: str, node: dict[str, Any]) -> None:
        if node and all(isinstance(value, str) for value in node.values()):
            flat[prefix] = node
            return
        if any(isinstance(value, str) for value in node.values()):
            raise ValueError(f"strings.toml: [{prefix}] holds both strings and sub-tables; rename one")
        for key, child in node.items():
            walk(f"{prefix}.{key}" if prefix else key, child)

    walk("", tomllib.loads(STRINGS_FILE.read_text(encoding="utf-8")))
    return flat


_CATALOGUE = _read_catalogue()  # read once, when the module is imported


def catalogue() -> dict[str, dict[str, str]]:
    """All strings, flattened to dotted keys: ``{"nav.map": {"en": "Map", "vi": "Bản đồ"}}``."""
    return _CATALOGUE


def t(key: str, lang: str, **values: Any) -> str:
    """The string ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``. An entry may
    hold a singular, ``en_one``, used when its counted placeholder (``count``, else ``n``) is 1;
    Vietnamese marks no plural, so one ``vi`` serves every number."""
    entry = catalogue()[key]
    counted = values.get(entry.get("count", "n"))
    text = entry.get(f"{lang}_one", entry[lang]) if counted == 1 else entry[lang]
    return text.format(**values) if values else text


def language_from_locale(locale: str | None) -> str:
    """Vietnamese for a Vietnamese browser, English otherwise."""
    return "vi" if (locale or "").lower().startswith("vi") else DEFAULT_LANGUAGE


def field(lang: str, name: str) -> str:
    """The data column for a bilingual field: ``field("vi", "name") == "name_vi"``."""
    return f"{name}_{lang}"


def format_date(day: date, lang: str, weekday: bool = False) -> str:
    """'Tuesday, 24 September 2024' or 'Thứ Ba, 24/09/2024'."""
    text = f"{day:%d/%m/%Y}" if lang == "vi" else f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[lang][day.weekday()]}, {text}" if weekday else text


def format_span(first: date, last: date, lang: str) -> str:
    """A run of days, its month and year said once: '23–26 September 2024' or '23–26/9/2024';
    across months '30 September – 2 October 2024' or '30/9–2/10/2024'."""
    if first == last:
        return format_date(first, lang)
    if first.year != last.year:
        return f"{format_date(first, lang)} – {format_date(last, lang)}"
    if lang == "vi":
        start = f"{first.day}" if first.month == last.month else f"{first.day}/{first.month}"
        return f"{start}–{last.day}/{last.month}/{last.year}"
    if first.month == last.month:
        return f"{first.day}–{last.day} {_MONTHS_EN[last.month - 1]} {last.year}"
    return f"{first.day} {_MONTHS_EN[first.month - 1]} – {last.day} {_MONTHS_EN[last.month - 1]} {last.year}"


def format_day_short(day: date, lang: str) -> str:
    """'Tue 24 Sep' or 'T3 24/9': axis ticks."""
    if lang == "vi":
        short = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")[day.weekday()]
        return f"{short} {day.day}/{day.month}"
    return f"{_WEEKDAYS['en'][day.weekday()][:3]} {day.day} {_MONTHS_EN[day.month - 1][:3]}"


def format_number(value: float, lang: str) -> str:
    """Thousands separated the way each language writes them: 2,000 / 2.000."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "vi" else text


def format_quantity(value: float, qualifier: str, lang: str) -> str:
    """A number with its qualifier: 'about 90', 'more than 2,000'."""
    number = format_number(value, lang)
    return number if qualifier == "exact" else t(f"qualifier.{qualifier}", lang, n=number)


#: The unit (figures.csv, unit_en) that makes a key figure a calendar year.
YEAR_UNIT = "year"


def format_figure(value: float, qualifier: str, unit_en: object, unit: object, lang: str) -> str:
    """A key figure as its kind is written: a year as its digits ('2011', never '2,011' or
    '2011 year'), a quantity with its qualifier and unit ('more than 2,000 companies')."""
    if unit_en == YEAR_UNIT:
        year = f"{value:.0f}"
        return year if qualifier == "exact" else t(f"qualifier.{qualifier}", lang, n=year)
    quantity = format_quantity(value, qualifier, lang)
    return f"{quantity} {unit}" if isinstance(unit, str) and unit else quantity
