"""The one filter: theme any/all, countries, kinds, evidence, accent-insensitive search."""

from __future__ import annotations

import pytest

from components.filters import Filters, apply, describe, emptied_by, fold


def stated(data, theme: str) -> set[str]:
    return set(data.priorities.loc[data.priorities["theme_id"] == theme, "locality_id"])


def identified(data) -> set[str]:
    return set(data.localities.loc[data.localities["evidence"].isin(["A", "B", "L"]), "id"])


@pytest.mark.parametrize("theme", ["green", "education", "hightech", "agriculture", "automotive"])
def test_a_theme_lists_exactly_the_delegations_whose_priorities_carry_it(data, theme):
    view = apply(data, Filters(themes=(theme,)))
    assert set(view.ids) == stated(data, theme) & identified(data)


def test_match_any_is_the_union_and_match_all_the_intersection(data):
    any_view = apply(data, Filters(themes=("green", "education"), match="any"))
    all_view = apply(data, Filters(themes=("green", "education"), match="all"))
    assert set(any_view.ids) == (stated(data, "green") | stated(data, "education")) & identified(data)
    assert set(all_view.ids) == stated(data, "green") & stated(data, "education") & identified(data)
    assert set(all_view.ids) < set(any_view.ids)


def test_evidence_c_partners_appear_only_when_asked_for(data):
    default = apply(data, Filters())
    assert "C" not in set(default.localities["evidence"])
    with_c = apply(data, Filters(evidence=("A", "B", "L", "C")))
    assert "budapest" in with_c.ids and "budapest" not in default.ids


def test_country_and_kind_filters(data):
    assert set(apply(data, Filters(countries=("JP",))).ids) == {"japan-vjfpa", "japan-mofa", "osaka"}
    assert set(apply(data, Filters(kinds=("ministry",))).ids) == {"japan-mofa"}


@pytest.mark.parametrize(("query", "expected"), [
    ("trung khanh", "chongqing"),   # Vietnamese name typed without diacritics
    ("TRÙNG KHÁNH", "chongqing"),
    ("takahashi", "osaka"),         # head of delegation
    ("JCM", "osaka"),               # words of a statement
    ("đô trưởng", "vientiane"),     # Vietnamese title with đ
])
def test_search_finds_names_people_and_statements_without_diacritics(data, query, expected):
    assert expected in apply(data, Filters(query=query)).ids


def test_priorities_of_the_view_belong_to_its_delegations(data):
    view = apply(data, Filters(themes=("tourism",)))
    assert set(view.priorities["locality_id"]) <= set(view.ids)


def test_an_empty_result_names_the_filters_that_emptied_it(data):
    filters = Filters(themes=("automotive",), countries=("US",))
    assert apply(data, filters).empty
    assert set(emptied_by(data, filters)) == {"themes", "countries"}


def test_applying_a_filter_leaves_the_dataset_unchanged(data):
    before = data.localities.copy()
    apply(data, Filters(themes=("green",), query="osaka"))
    assert data.localities.equals(before)


def test_filter_in_words_in_both_languages(data):
    filters = Filters(themes=("green", "digital"), match="all", countries=("JP",))
    assert describe(data, filters, "en") == (
        "Cooperation themes: Green transition & climate and Digital transformation · Countries: Japan")
    assert describe(data, filters, "vi").startswith("Lĩnh vực hợp tác: Chuyển đổi xanh & khí hậu và Chuyển đổi số")
    assert describe(data, Filters(), "vi") == "Tất cả các đoàn đã xác định (bằng chứng A, B và L)"


def test_fold_removes_diacritics_and_case():
    assert fold("Thủ đô Viêng Chăn") == "thu do vieng chan"
