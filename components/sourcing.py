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


def source_label(data: Dataset, source_id: str, lang: str) -> str:
    """'Publisher — Title', or just the title when the publisher was not recorded."""
    row = data.source_rows[source_id]
    publisher, title = row["publisher"], source_title(row, lang)
    return f"{publisher} — {title}" if isinstance(publisher, str) and publisher else title


def publisher_or_title(data: Dataset, source_id: str) -> str:
    """The publisher, or the title when no publisher was recorded: a short link text."""
    row = data.source_rows[source_id]
    return row["publisher"] if isinstance(row["publisher"], str) and row["publisher"] else row["title"]


def source_url(data: Dataset, source_id: str) -> str | None:
    url = data.source_rows[source_id]["url"]
    return url if isinstance(url, str) and url else None


def publishers(data: Dataset, source_ids: Iterable[str]) -> list[str]:
    """Distinct publishers of the given sources, in first-seen order."""
    seen: dict[str, None] = {}
    for source_id in source_ids:
        publisher = data.source_rows[source_id]["publisher"]
        if isinstance(publisher, str) and publisher:
            seen.setdefault(publisher, None)
    return list(seen)


def source_line(data: Dataset, lang: str, source_ids: Iterable[str] | None = None) -> str:
    """'Source: Friendship Atlas, compiled from N published reports · data as of 23 November 2026'."""
    if source_ids is None:
        sources = t("common.compiled_from", lang, n=len(data.sources))
    else:
        ids = list(dict.fromkeys(source_ids))
        names = publishers(data, ids)
        sources = (t("common.compiled_from", lang, n=len(ids)) if len(names) > 3
                   else ", ".join(names) or t("common.not_reported", lang))
    return t("common.source_line", lang, sources=sources, date=format_date(data.data_as_of, lang))
