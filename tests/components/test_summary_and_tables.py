"""Headline figures count only identified delegations; display tables follow the language."""

from __future__ import annotations

import pandas as pd

from components import summary, tables
from components.i18n import t
from tests.support.tables import read_table


def test_headline_counts_evidence_a_and_b_but_never_c(data):
    figures = summary.headline(data)
    expected = int(data.localities["evidence"].isin(["A", "B", "L"]).sum())
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
    table = tables.delegations_table(data, "en").set_index("Name")
    assert table.loc["Leipzig", "Head of delegation"] == "not reported"
    assert table.loc["San Francisco", "Relation to HCMC"] == "Sister city since 1995"


def test_tables_show_no_ids_and_cite_sources_by_publisher(data):
    for build in (tables.delegations_table, tables.programme_table, tables.sources_table, tables.priorities_table,
                  tables.facts_table):
        table = build(data, "en")
        cells = " ".join(map(str, table.to_numpy().ravel()))
        assert "ID" not in table.columns
        for source_id in ("nld-2409-briefing", "vov-green-hr", "sggp-laos", "yonhap-chungbuk"):
            assert source_id not in cells, (build.__name__, source_id)
    facts = tables.facts_table(data, "en").set_index("Figure")
    assert facts.loc["Delegations reported at the Friendship Dialogue 2024", "Sources"] == "Người Lao Động; VOV"


def test_vietnamese_sources_table_describes_every_source_in_vietnamese(data):
    table = tables.sources_table(data, "vi")
    english = set(data.sources["note_en"].dropna()) | {x for x in data.sources["title"] if x.startswith("[")
                                                        and not x.startswith("[Bài")}
    cells = set(map(str, table.to_numpy().ravel()))
    assert not english & cells


def test_programme_table_shows_part_of_day_when_no_time_was_reported(data):
    table = tables.programme_table(data, "vi").set_index("Sự kiện")
    opening = "Khai mạc Đối thoại Hữu nghị TP.HCM lần thứ 2 và Hội nghị Thị trưởng 2024"
    assert table.loc[opening, "Thời gian"] == "Buổi sáng"
    assert table.loc["Phiên khai mạc Diễn đàn Kinh tế TP.HCM lần thứ 5", "Thời gian"] == "08:00"
    assert table.loc["Phó Thị trưởng Osaka chào xã giao Phó Chủ tịch UBND TP.HCM Võ Văn Hoan", "Thời gian"] == (
        "Chưa rõ thời gian")


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


def test_html_table_shows_data_text_as_text_and_links_as_links():
    frame = pd.DataFrame({"Name": ["<script>alert(1)</script> & *bold*"], "Link": ["https://example.org/?a=1&b=2"]})
    body = tables.html_table(frame, ["Link"], "open")
    assert "<script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *bold*" in body
    assert 'href="https://example.org/?a=1&amp;b=2"' in body and ">open</a>" in body


def test_html_table_of_many_columns_runs_long_text_across_the_row(data):
    frame = tables.delegations_table(data, "en")
    body = tables.html_table(frame)
    summary = t("col.summary", "en")
    assert f">{summary}</th>" not in body  # not squeezed into a column of its own
    assert body.count(f"<b>{summary}:</b>") == len(frame)
    assert read_table(body)[summary].tolist() == frame[summary].tolist()


def test_a_vietnamese_page_names_every_country_in_vietnamese(data):
    """The Overview's country table read 'Australia', 'Cuba', 'Hungary' in Vietnamese: every
    country needs a Vietnamese name of its own, and the Vietnamese table uses it."""
    english = set(data.countries["name_en"])
    assert not english & set(data.countries["name_vi"])
    shown = " ".join(summary.countries_overview(data, "vi").astype(str).to_numpy().ravel())
    assert not [name for name in english if name in shown]
