"""How sources are cited in the interface: short labels, links and the chart source line."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from components.dataset import Dataset
from components.i18n import format_date, t

#: Letters only Vietnamese writes (with its tone marks): how a title shows it is in Vietnamese.
_VIETNAMESE = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
#: Publishers recorded under an English name that Vietnamese readers know by another.
_PUBLISHER_KEYS = {"Vietnam News Agency (VietnamPlus)": "publisher.vna"}
#: "Yonhap via Daum", "Báo Công an TP.HCM (via Baomoi)": the report read on another site.
_VIA = re.compile(r"(?<=[\s(])via(?=\s)")


def in_vietnamese(text: str) -> bool:
    return bool(_VIETNAMESE.search(text))


def language_name(row: Mapping[str, Any], lang: str) -> str:
    """The language of the copy that was read, named in the page's language; 'read from a
    translated copy' when the title is Vietnamese but the copy was another language (vietnam.vn
    serves machine translations of Vietnamese articles)."""
    name = t(f"language.{row['language']}", lang)
    translated = row["language"] != "vi" and in_vietnamese(str(row["title"])) and not _described(row)
    return t("sources.translated_copy", lang, language=name) if translated else name


def _described(row: Mapping[str, Any]) -> bool:
    """The title was not recorded: the data holds a description in [brackets]."""
    return str(row["title"]).startswith("[")


def untitled(row: Mapping[str, Any], lang: str) -> str:
    """A source described in neither the page's language nor with a title: its publisher and date,
    and its language ('Báo Tuổi Trẻ, 24 September 2024 (in Vietnamese)')."""
    said = [publisher_name(_publisher(row), lang)]
    if isinstance(row.get("published"), str) and row["published"]:
        said.append(format_published(row["published"], lang))
    said = [x for x in said if x]
    return f"{', '.join(said) if said else t('sources.a_report', lang)} {_in_language(row, lang)}"


def _in_language(row: Mapping[str, Any], lang: str) -> str:
    language = t(f"language.{row['language']}", lang)
    return t("sources.in_language", lang, language=language[:1].lower() + language[1:] if lang == "vi" else language)


def source_title(row: Mapping[str, Any], lang: str) -> str:
    """A source's title as published; a description in [brackets] (the title was not recorded)
    in the page's language with the report's language when it is another, or, when the data has
    no description in the page's language, the publisher, date and language."""
    if not _described(row):
        return row["title"]
    described = row.get("title_vi")
    if lang == "vi" and isinstance(described, str) and described:
        title = described
    elif in_vietnamese(row["title"]) == (lang == "vi"):
        title = row["title"]
    else:
        return untitled(row, lang)
    return title if row["language"] == lang else f"{title} {_in_language(row, lang)}"


def format_published(text: str, lang: str) -> str:
    """A publication date, as precise as recorded (day, month or year), in the page's format:
    '12 September 2024' / '12/09/2024', 'August 2023' / 'tháng 8/2023', '2023'."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return format_date(date(*parts), lang)
    if len(parts) == 2:
        return t("sources.month", lang, month=f"{date(*parts, 1):%B}" if lang == "en" else parts[1], year=parts[0])
    return str(parts[0])


def publisher_name(name: str, lang: str) -> str:
    """A publisher as the page's readers know it, 'via' (the site the report was read on) in the
    page's language."""
    if name in _PUBLISHER_KEYS:
        return t(_PUBLISHER_KEYS[name], lang)
    return _VIA.sub(t("sources.via", lang), name)


def _publisher(row: Mapping[str, Any]) -> str:
    """Who stands behind a source: the publisher of a report, whoever supplied the organisers' list."""
    for column in ("publisher", "supplied_by"):
        if isinstance(row[column], str) and row[column]:
            return row[column]
    return ""


def source_label(data: Dataset, source_id: str, lang: str) -> str:
    """'Publisher — Title', or just the title when the publisher was not recorded."""
    row = data.source_rows[source_id]
    publisher, title = publisher_name(_publisher(row), lang), source_title(row, lang)
    return f"{publisher} — {title}" if publisher else title


def publisher_or_title(data: Dataset, source_id: str, lang: str) -> str:
    """The publisher, or the title when no publisher was recorded: a short link text."""
    row = data.source_rows[source_id]
    return publisher_name(_publisher(row), lang) or source_title(row, lang)


def source_url(data: Dataset, source_id: str) -> str | None:
    url = data.source_rows[source_id]["url"]
    return url if isinstance(url, str) and url else None


def publishers(data: Dataset, source_ids: Iterable[str], lang: str) -> list[str]:
    """Distinct publishers of the given sources, in first-seen order."""
    seen: dict[str, None] = {}
    for source_id in source_ids:
        publisher = publisher_name(_publisher(data.source_rows[source_id]), lang)
        if publisher:
            seen.setdefault(publisher, None)
    return list(seen)


def source_line(data: Dataset, lang: str, source_ids: Iterable[str] | None = None) -> str:
    """'Source: Friendship Atlas, compiled from N published reports · data as of 23 November 2026'."""
    ids = list(data.sources["id"]) if source_ids is None else list(dict.fromkeys(source_ids))
    names = [] if source_ids is None else publishers(data, ids, lang)  # the whole list is only counted
    if source_ids is None or len(names) > 3:
        lists = sum(1 for i in ids if data.source_rows[i]["kind"] == "organisers_list")
        sources = t("common.compiled_from", lang, n=len(ids) - lists)
        if lists:
            sources += t("common.and_lists", lang, lists=lists)
    else:
        sources = ", ".join(names) or t("common.not_reported", lang)
    return t("common.source_line", lang, sources=sources, date=format_date(data.data_as_of, lang))
