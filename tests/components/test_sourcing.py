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
    english = sourcing.source_title(row, "en")
    assert not sourcing.in_vietnamese(english) and "Untitled" not in english
    assert english.endswith("(in Vietnamese)")  # what the reader would open
    assert sourcing.source_title(row, "vi") == row["title_vi"]
    assert not sourcing.in_vietnamese(sourcing.publisher_or_title(data, "seed-mayors-statement", "en"))
    yonhap = data.source_rows["yonhap-chungbuk"]
    assert sourcing.source_title(yonhap, "vi") == f"{yonhap['title_vi']} (tiếng Hàn)"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_no_source_is_cited_as_untitled(data, lang):
    """Each described source says what it is about, not that a title is missing."""
    titles = [sourcing.source_title(r, lang) for r in data.source_rows.values()]
    assert not [x for x in titles if "Untitled" in x or "chưa ghi tên" in x]
    if lang == "en":
        assert not [x for x in titles if x.startswith("[") and sourcing.in_vietnamese(x)]


def test_a_source_with_no_title_in_either_language_is_described_by_publisher_date_and_language():
    row = {"title": "[Bài báo về Hội nghị]", "title_vi": "", "publisher": "Báo Tuổi Trẻ", "supplied_by": "",
           "published": "2024-09-24", "language": "vi"}
    assert sourcing.source_title(row, "en") == "Báo Tuổi Trẻ, 24 September 2024 (in Vietnamese)"
    assert sourcing.source_title({**row, "publisher": "", "published": ""}, "en") == "A report (in Vietnamese)"


def test_via_in_a_publisher_name_reads_in_vietnamese_on_vietnamese_pages(data):
    cited = " ".join(tables.sources_table(data, "vi")[t("col.publisher", "vi")])
    assert "via" not in cited.split() and "(via" not in cited and "(qua Baomoi)" in cited
    assert "(via Baomoi)" in " ".join(tables.sources_table(data, "en")[t("col.publisher", "en")])


def test_vietnam_news_agency_is_named_in_vietnamese_on_vietnamese_pages(data):
    cited = " ".join(tables.facts_table(data, "vi")[t("col.sources", "vi")])
    assert "Thông tấn xã Việt Nam" in cited and "Vietnam News Agency" not in cited
