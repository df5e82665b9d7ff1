"""How sources read: language names with the translated copies said, dates in the page's format,
untitled sources described in the page's language, publishers as readers know them."""

from __future__ import annotations

import re

import pytest

from components import sourcing, tables
from components.i18n import t


def test_sources_table_names_languages_and_says_which_copies_were_translated(data):
    en = tables.sources_table(data, "en").set_index(data.sources["id"])[t("col.language", "en")]
    vi = tables.sources_table(data, "vi").set_index(data.sources["id"])[t("col.language", "vi")]
    assert en["vnvn-hef-guests"] == "German (read from a translated copy of a Vietnamese article)"
    assert vi["vnvn-hef-guests"].startswith("Tiếng Đức (đọc từ bản dịch")
    assert en["sggp-fd-opens"] == "English" and vi["nld-2409-briefing"] == "Tiếng Việt"
    assert not any(re.fullmatch(r"[a-z]{2}", value) for value in [*en, *vi])  # no bare codes


@pytest.mark.parametrize(("lang", "pattern"), [("en", r"\d{1,2} [A-Z][a-z]+ \d{4}"), ("vi", r"\d{2}/\d{2}/\d{4}")])
def test_publication_dates_read_in_the_page_format(data, lang, pattern):
    published = tables.sources_table(data, lang)[t("col.published", lang)]
    days = [p for p, raw in zip(published, data.sources["published"], strict=True) if isinstance(raw, str)
            and len(raw) == 10]
    assert days and all(re.fullmatch(pattern, p) for p in days)


def test_a_source_without_a_recorded_title_is_described_in_the_page_language(data):
    row = data.source_rows["seed-mayors-statement"]
    assert sourcing.source_title(row, "en") == ("[Untitled report in Vietnamese: its title and publisher were not "
                                                "recorded]")
    assert sourcing.source_title(row, "vi") == row["title"]  # the recorded description is Vietnamese
    assert not sourcing.in_vietnamese(sourcing.publisher_or_title(data, "seed-mayors-statement", "en"))
    yonhap = data.source_rows["yonhap-chungbuk"]
    assert sourcing.source_title(yonhap, "vi") == yonhap["title_vi"]


def test_vietnam_news_agency_is_named_in_vietnamese_on_vietnamese_pages(data):
    cited = " ".join(tables.facts_table(data, "vi")[t("col.sources", "vi")])
    assert "Thông tấn xã Việt Nam" in cited and "Vietnam News Agency" not in cited
