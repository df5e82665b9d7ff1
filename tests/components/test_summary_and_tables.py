"""Headline figures count only identified delegations; display tables follow the language."""

from __future__ import annotations

from components import summary, tables
from components.i18n import t


def test_headline_counts_evidence_a_and_b_but_never_c(data):
    figures = summary.headline(data)
    expected = int(data.localities["evidence"].isin(["A", "B"]).sum())
    assert figures.identified == expected
    assert figures.identified < len(data.localities)  # the C partners exist but are not counted
    assert figures.reported == 36 and figures.countries_reported == 16


def test_countries_overview_lists_all_16_and_says_when_none_is_named(data):
    table = summary.countries_overview(data, "en")
    assert len(table) == 16
    cambodia = table[table["Country"] == "Cambodia"].iloc[0]
    assert cambodia["Delegation"] == t("overview.country_none", "en")
    italy = table[table["Country"] == "Italy"].iloc[0]
    assert "Turin (Torino) (A)" in italy["Delegation"]


def test_vietnamese_tables_have_vietnamese_headers_and_names(data):
    table = tables.delegations_table(data, "vi")
    assert "Trưởng đoàn" in table.columns
    assert "Thành phố Trùng Khánh" in set(table["Tên"])


def test_missing_head_of_delegation_shows_not_reported(data):
    table = tables.delegations_table(data, "en").set_index("ID")
    assert table.loc["leipzig", "Head of delegation"] == "not reported"
    assert table.loc["san-francisco", "Relation to HCMC"] == "Sister city since 1995"


def test_programme_table_shows_part_of_day_when_no_time_was_reported(data):
    table = tables.programme_table(data, "vi").set_index("Mã")
    assert table.loc["fd-opening-mayors-conference", "Thời gian"] == "Buổi sáng"
    assert table.loc["hef-opening-plenary", "Thời gian"] == "08:00"
    assert table.loc["osaka-courtesy-call", "Thời gian"] == "Chưa rõ thời gian"


def test_compare_table_ticks_exactly_the_themes_each_delegation_stated(data):
    ids = ("osaka", "torino")
    table = tables.compare_table(data, ids, "en")
    stated = {i: set(data.priorities.loc[data.priorities["locality_id"] == i, "theme_id"]) for i in ids}
    labels = dict(zip(data.themes["id"], data.themes["label_en"], strict=True))
    expected_rows = [labels[x] for x in data.themes["id"] if x in stated["osaka"] | stated["torino"]]
    assert list(table[t("col.theme", "en")]) == expected_rows
    by_label = {v: k for k, v in labels.items()}
    for i, name in zip(ids, ("Osaka City", "Turin (Torino)"), strict=True):
        ticked = {by_label[row] for row, mark in zip(table[t("col.theme", "en")], table[name], strict=True) if mark}
        assert ticked == stated[i]
    assert stated["osaka"] != stated["torino"]  # otherwise the test could not tell the columns apart


def test_key_facts_come_in_the_order_asked_with_their_sources(data):
    facts = summary.key_facts(data, ("hef_delegates_expected", "delegations_reported"), "en")
    assert [f.value for f in facts][1] == "36"
    assert all(f.source_ids and set(f.source_ids) <= set(data.sources["id"]) for f in facts)
    assert facts[0].label != facts[1].label
