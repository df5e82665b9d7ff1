"""Every interface string exists in English and Vietnamese; formatting follows each language."""

from __future__ import annotations

import re
from datetime import date

import pytest

from components import schema
from components.i18n import (
    LANGUAGES,
    catalogue,
    format_date,
    format_number,
    format_quantity,
    format_span,
    language_from_locale,
    t,
)


def test_every_key_has_non_empty_english_and_vietnamese():
    for key, entry in catalogue().items():
        assert set(LANGUAGES) <= set(entry) <= {*LANGUAGES, "en_one", "count"}, key
        assert all(entry[lang].strip() for lang in LANGUAGES), key


def test_placeholders_are_the_same_in_both_languages():
    for key, entry in catalogue().items():
        names = {lang: set(re.findall(r"{(\w+)}", entry[lang])) for lang in LANGUAGES}
        assert names["en"] == names["vi"], key
        if "en_one" in entry:  # the singular may spell out the counted 1 but needs every other value
            counted = entry.get("count", "n")
            assert set(re.findall(r"{(\w+)}", entry["en_one"])) - {counted} == names["en"] - {counted}, key


@pytest.mark.parametrize(("n", "en", "vi"), [(1, "1 delegation shown", "Đang hiển thị 1 đoàn"),
                                             (13, "13 delegations shown", "Đang hiển thị 13 đoàn")])
def test_counts_read_as_real_plurals(n, en, vi):
    assert (t("filters.count", "en", n=n), t("filters.count", "vi", n=n)) == (en, vi)
    assert "(s)" not in " ".join(e["en"] for e in catalogue().values())


@pytest.mark.parametrize(("prefix", "values"), [
    ("kind", schema.LOCALITY_KINDS), ("relation", schema.RELATIONS), ("group", schema.THEME_GROUPS),
    ("series", schema.SERIES), ("event_kind", schema.EVENT_KINDS), ("part_of_day", schema.PARTS_OF_DAY),
])
def test_every_allowed_data_value_has_a_label(prefix, values):
    for value in values:
        assert f"{prefix}.{value}" in catalogue()


def test_every_evidence_level_has_a_label_and_a_meaning():
    for level in schema.EVIDENCE_LEVELS:
        assert f"evidence.{level}.label" in catalogue()
        assert f"evidence.{level}.meaning" in catalogue()


def test_dates_are_written_the_way_each_language_writes_them():
    assert format_date(date(2024, 9, 24), "vi", weekday=True) == "Thứ Ba, 24/09/2024"
    assert format_date(date(2024, 9, 24), "en", weekday=True) == "Tuesday, 24 September 2024"


def test_numbers_use_each_languages_thousands_separator():
    assert format_number(2000, "en") == "2,000"
    assert format_number(2000, "vi") == "2.000"
    assert format_quantity(2000, "more_than", "vi") == "hơn 2.000"
    assert format_quantity(90, "about", "en") == "about 90"


def test_vietnamese_browser_gets_vietnamese_and_others_get_english():
    assert language_from_locale("vi-VN") == "vi"
    assert language_from_locale("en-US") == "en"
    assert language_from_locale(None) == "en"


def test_strings_fill_their_placeholders():
    assert t("overview.metric.delegations_value", "en", n=13, total=36) == "13 of 36"


@pytest.mark.parametrize(("key", "not_this"), [
    ("present.play", "Tiếp tục"),  # "continue": the button starts the tour, paused or not yet begun
    ("kind.joint_delegation", "liên ngành"),  # inter-sectoral, not a joint delegation of several bodies
    ("map.kind.light", "nhẹ"), ("map.kind_short.light", "nhẹ"),
    ("map.kind.webgl", "phóng to được"), ("map.kind_short.webgl", "phóng to được"),
])
def test_vietnamese_controls_say_what_they_do(key, not_this):
    assert not_this not in t(key, "vi")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_evidence_level_l_is_defined_in_plain_words(lang):
    meaning = t("evidence.L.meaning", lang)
    assert ("Named only on the list" if lang == "en" else "Chỉ có tên trong danh sách") in meaning
    assert "of kind" not in meaning and "nguồn loại" not in meaning  # the data's jargon, not a reader's words


@pytest.mark.parametrize(("first", "last", "en", "vi"), [
    (date(2024, 9, 23), date(2024, 9, 26), "23–26 September 2024", "23–26/9/2024"),
    (date(2024, 9, 30), date(2024, 10, 2), "30 September – 2 October 2024", "30/9–2/10/2024"),
    (date(2024, 9, 24), date(2024, 9, 24), "24 September 2024", "24/09/2024"),
])
def test_a_run_of_days_says_its_month_and_year_once(first, last, en, vi):
    assert (format_span(first, last, "en"), format_span(first, last, "vi")) == (en, vi)
