"""How sources are cited in the interface: short labels, links and the chart source line."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from components.dataset import Dataset
from components.i18n import format_date, t


def source_title(row: Mapping[str, Any], lang: str) -> str:
    """A source's title; a description in [brackets] (the title was not recorded) in the language."""
    described = row.get("title_vi")
    return described if lang == "vi" and isinstance(described, str) and described else row["title"]


def title_in(row: Mapping[str, Any], lang: str) -> str:
    """A source's title for a file in ``lang``: the title as published; where none was recorded
    (a [bracketed] description, written in the source's language, with a Vietnamese twin in
    title_vi), that description in ``lang`` if there is one, else words in ``lang`` saying the
    title was not recorded."""
    title = source_title(row, lang)
    if not title.startswith("[") or lang == "vi" or row.get("language") != "vi":
        return title
    return t("pack.untitled", lang)  # described in Vietnamese only


def _publisher(row: Mapping[str, Any]) -> str:
    """Who stands behind a source: the publisher of a report, whoever supplied the organisers' list."""
    for column in ("publisher", "supplied_by"):
        if isinstance(row[column], str) and row[column]:
            return row[column]
    return ""


def source_label(data: Dataset, source_id: str, lang: str) -> str:
    """'Publisher — Title', or just the title when the publisher was not recorded."""
    row = data.source_rows[source_id]
    publisher, title = _publisher(row), source_title(row, lang)
    return f"{publisher} — {title}" if publisher else title


def publisher_or_title(data: Dataset, source_id: str) -> str:
    """The publisher, or the title when no publisher was recorded: a short link text."""
    row = data.source_rows[source_id]
    return _publisher(row) or row["title"]


def source_url(data: Dataset, source_id: str) -> str | None:
    url = data.source_rows[source_id]["url"]
    return url if isinstance(url, str) and url else None


def publishers(data: Dataset, source_ids: Iterable[str]) -> list[str]:
    """Distinct publishers of the given sources, in first-seen order."""
    seen: dict[str, None] = {}
    for source_id in source_ids:
        publisher = _publisher(data.source_rows[source_id])
        if publisher:
            seen.setdefault(publisher, None)
    return list(seen)


def source_line(data: Dataset, lang: str, source_ids: Iterable[str] | None = None) -> str:
    """'Source: Friendship Atlas, compiled from N published reports · data as of 23 November 2026'."""
    ids = list(data.sources["id"]) if source_ids is None else list(dict.fromkeys(source_ids))
    names = [] if source_ids is None else publishers(data, ids)  # the whole list is only counted
    if source_ids is None or len(names) > 3:
        lists = sum(1 for i in ids if data.source_rows[i]["kind"] == "organisers_list")
        sources = t("common.compiled_from", lang, n=len(ids) - lists)
        if lists:
            sources += t("common.and_lists", lang, lists=lists)
    else:
        sources = ", ".join(names) or t("common.not_reported", lang)
    return t("common.source_line", lang, sources=sources, date=format_date(data.data_as_of, lang))
