"""The shipped dataset is valid, holds the seed facts, and every broken copy is reported precisely."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest

from components.dataset import DATA_DIR, DataError, load_dataset
from tests.support.data_files import read_rows, repeat_column, row_of, set_cell, write_rows
from tests.support.seed import SEED_DELEGATIONS


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    return [str(p) for p in caught.value.problems]


# --- the shipped data ------------------------------------------------------------------------


def test_shipped_data_loads_without_problems(data):
    assert len(data.localities) > 0


def test_headline_totals_are_the_sourced_36_delegations_and_16_countries(data):
    assert data.fact("delegations_reported") == 36
    assert data.fact("countries_reported") == 16
    assert len(data.countries) == 16


@pytest.mark.parametrize("locality_id", sorted(SEED_DELEGATIONS))
def test_seed_delegation_has_its_head_title_and_stated_priorities(data, locality_id):
    head, themes = SEED_DELEGATIONS[locality_id]
    row = data.localities.set_index("id").loc[locality_id]
    assert row["head_name"] == head
    assert row["head_title_en"] and row["head_title_vi"]
    assert row["evidence"] == "A"
    stated = set(data.priorities.loc[data.priorities["locality_id"] == locality_id, "theme_id"])
    assert themes <= stated


@pytest.mark.parametrize(("locality_id", "label_part", "value"), [
    ("osaka", "JCM", 13),
    ("chongqing", "cooperates with", 54),
])
def test_seed_key_figures_are_in_the_data(data, locality_id, label_part, value):
    figures = data.figures[data.figures["locality_id"] == locality_id]
    match = figures[figures["label_en"].str.contains(label_part)]
    assert list(match["value"]) == [value]


def test_host_priorities_hold_the_23_to_40_percent_high_tech_target(data):
    statements = data.host.loc[data.host["theme_id"] == "hightech", "statement_en"].str.cat()
    assert "23%" in statements and "40%" in statements
    assert {"green", "digital"} <= set(data.host["theme_id"])


@pytest.mark.parametrize(("event_id", "day", "part"), [
    ("flower-offering", date(2024, 9, 23), "evening"),
    ("fd-opening-mayors-conference", date(2024, 9, 24), "morning"),
    ("friendship-symbol", date(2024, 9, 24), "afternoon"),
    ("city-walk-egg-coffee", date(2024, 9, 24), "afternoon"),
    ("c4ir-launch", date(2024, 9, 25), "afternoon"),  # 12:00 in the cited day-of programme
    ("hef-policy-dialogue", date(2024, 9, 25), "afternoon"),
])
def test_programme_events_from_the_research_are_dated_as_reported(data, event_id, day, part):
    event = data.programme.set_index("id").loc[event_id]
    assert event["date"] == day
    assert event["part_of_day"] == part


def test_only_the_reported_clock_times_are_in_the_data(data):
    timed = data.programme[data.programme["start"].notna()]
    assert dict(zip(timed["id"], timed["start"], strict=True)) == {"hef-opening-plenary": time(8, 0),
                                                                   "c4ir-launch": time(12, 0)}


def test_every_statement_figure_host_line_and_event_cites_a_known_source(data):
    known = set(data.sources["id"])
    for table in (data.priorities, data.figures, data.host, data.programme, data.key_facts):
        for ids in table["source_id"]:
            assert ids and set(ids) <= known


def test_every_delegation_has_an_evidence_level_and_a_source_for_it(data):
    assert set(data.localities["evidence"]) <= {"A", "B", "L", "C"}
    assert all(len(ids) > 0 for ids in data.localities["evidence_source_id"])


def test_evidence_c_rows_have_no_invented_heads_or_priorities(data):
    partners = data.localities[data.localities["evidence"] == "C"]
    assert partners["head_name"].isna().all()
    assert not set(partners["id"]) & set(data.priorities["locality_id"])


def test_dataset_frames_are_not_changed_by_loading_twice(data):
    again = load_dataset(DATA_DIR)
    assert again.localities.equals(data.localities)


# --- validation: one broken copy per rule ----------------------------------------------------


def test_missing_file_is_named(data_copy):
    (data_copy / "figures.csv").unlink()
    assert "figures.csv: file is missing" in problems_of(data_copy)


def test_missing_required_column_is_named(data_copy):
    header, rows = read_rows(data_copy, "themes.csv")
    header.remove("color")
    for r in rows:
        del r["color"]
    write_rows(data_copy, "themes.csv", header, rows)
    assert "themes.csv row 1, column color: required column is missing" in problems_of(data_copy)


def test_unknown_column_is_named(data_copy):
    header, rows = read_rows(data_copy, "host.csv")
    write_rows(data_copy, "host.csv", [*header, "colour"], [{**r, "colour": ""} for r in rows])
    assert "host.csv row 1, column colour: unknown column (check the spelling)" in problems_of(data_copy)


#: One broken cell per rule: (file, row or (column, value) that finds it, column, new value, the
#: column the problem names when it is another, the message).
BROKEN_CELLS = [
    ("priorities.csv", 14, "source_id", "vov-2409", None, "'vov-2409' is not in sources.csv"),
    ("programme.csv", ("id", "porto-meeting"), "locality_ids", "porto;lisbon", None,
     "'lisbon' is not in localities.csv"),
    ("localities.csv", 3, "id", "chungcheongbuk", None, "'chungcheongbuk' is a duplicate of row 2"),
    ("localities.csv", 5, "lat", "123", None, "123 is out of range (-90 to 90)"),
    ("localities.csv", 5, "lon", "east", None, "'east' is not a number"),
    ("programme.csv", 2, "date", "2023-09-24", None,
     "2023-09-24 is outside the programme week (2024-09-22 to 2024-09-28)"),
    ("programme.csv", 2, "date", "24/09/2024", None, "'24/09/2024' is not a date (YYYY-MM-DD)"),
    ("programme.csv", ("id", "hef-opening-plenary"), "end", "07:30", None, "end 07:30 is not after start 08:00"),
    ("programme.csv", 2, "end", "10:00", None, "has an end time but no start time"),
    ("programme.csv", 2, "start", "9am", None, "'9am' is not a time (HH:MM, 24-hour)"),
    ("programme.csv", ("id", "hef-opening-plenary"), "part_of_day", "evening", None,
     "'evening' does not match the start time 08:00"),
    ("programme.csv", ("id", "friendship-symbol"), "venue_lon", "", "venue_lat",
     "venue_lat and venue_lon must both be given or both be empty"),
    ("localities.csv", 2, "evidence", "D", None, "'D' is not one of: A, B, L, C"),
    ("themes.csv", 2, "color", "green", None, "'green' is not a colour like #1A2B3C"),
    ("sources.csv", 2, "url", "nld.com.vn/article", None,
     "'nld.com.vn/article' is not a web address starting with http:// or https://"),
    ("themes.csv", 2, "id", "green transition", None,
     "'green transition' is not a valid id (letters, digits, '-' and '_')"),
    ("localities.csv", 3, "name_vi", "  ", None, "is empty but required"),
    ("priorities.csv", 3, "statement_en", "  ", None, "is empty but required"),
    ("programme.csv", 3, "title_vi", "  ", None, "is empty but required"),
    ("themes.csv", 3, "label_en", "  ", None, "is empty but required"),
    ("localities.csv", ("id", "san-francisco"), "relation_source_id", "", None,
     "a relation to HCMC needs a relation_source_id"),
    ("localities.csv", ("id", "lao-localities"), "relation_since", "2010", None,
     "relation 'unknown' cannot have a year"),
    ("localities.csv", 2, "relation_since", "2026", None, "2026 is out of range (1900 to 2024)"),
    ("meta.csv", 2, "value", "yesterday", None, "'yesterday' is not a date (YYYY-MM-DD)"),
    ("meta.csv", ("key", "programme_last_day"), "value", "27 Sept", None, "'27 Sept' is not a date (YYYY-MM-DD)"),
    ("countries.csv", 2, "iso3", "XXX", None, "'XXX' has no outline in world_countries.geojson"),
    ("localities.csv", ("id", "osaka"), "country", "Japan", None, "'Japan' is not in countries.csv; closest: JP"),
    ("sources.csv", 2, "kind", "blog", None, "'blog' is not one of: report, organisers_list"),
    # the cell rules every writer shares: no line break or control character, no formula
    ("localities.csv", 3, "summary_en", "Line one\nLine two", None, "holds a line break; write the text on one line"),
    ("priorities.csv", 4, "statement_en", "One\r\nTwo", None, "holds a line break; write the text on one line"),
    ("localities.csv", 3, "summary_en", "Line one\u2028Line two", None,
     "holds the invisible character U+2028 (Line Separator), which can end a row or turn text around; remove it"),
    ("localities.csv", 4, "summary_vi", "Dòng một\x85Dòng hai", None,
     "holds the invisible character U+0085 (Control), which can end a row or turn text around; remove it"),
    ("programme.csv", 2, "title_en", "Forum\u2029", None,
     "holds the invisible character U+2029 (Paragraph Separator), which can end a row or turn text around; "
     "remove it"),
    ("localities.csv", 2, "name_en", "Osaka\u202egpj.exe", None,
     "holds the invisible character U+202E (Right-To-Left Override), which can end a row or turn text around; "
     "remove it"),
    ("sources.csv", 2, "publisher", "Tuổi\tTrẻ", None,
     "holds the invisible character U+0009 (Control), which can end a row or turn text around; remove it"),
    ("localities.csv", 2, "name_en", "=HYPERLINK(\"http://evil.example\",\"Osaka\")", None,
     "'=HYPERLINK(\"http://evil.example\",\"Osaka\"…' looks like a spreadsheet formula; type the text without the "
     "leading character"),
    ("localities.csv", 2, "head_name", "=cmd|' /C calc'!A0", None,
     "\"=cmd|' /C calc'!A0\" looks like a spreadsheet formula; type the text without the leading character"),
    ("sources.csv", 2, "title", "@SUM(A1)", None,
     "'@SUM(A1)' looks like a spreadsheet formula; type the text without the leading character"),
    ("priorities.csv", 2, "statement_en", "+1 more", None,
     "'+1 more' looks like a spreadsheet formula; type the text without the leading character"),
    ("figures.csv", 2, "label_en", "-2+3", None,
     "'-2+3' looks like a spreadsheet formula; type the text without the leading character"),
]


@pytest.mark.parametrize(("file", "where", "column", "value", "named", "message"), BROKEN_CELLS,
                         ids=[f"{c[0]}:{c[2]}={c[3]!r}" for c in BROKEN_CELLS])
def test_a_broken_cell_is_named_by_file_row_and_column(data_copy, file, where, column, value, named, message):
    row = where if isinstance(where, int) else row_of(data_copy, file, *where)
    set_cell(data_copy, file, row, column, value)
    assert f"{file} row {row}, column {named or column}: {message}" in problems_of(data_copy)


def test_a_negative_number_is_a_number_not_a_formula(data_copy):
    set_cell(data_copy, "localities.csv", 2, "lon", "-122.4193")
    load_dataset(data_copy)


def test_a_repeated_column_is_refused_not_silently_taken(data_copy):
    """A second lat column (negated) must not put a delegation in the other hemisphere."""
    repeat_column(data_copy, "localities.csv", "lat")
    assert problems_of(data_copy) == ["localities.csv row 1, column lat: this column appears 2 times; keep one (the "
                                      "atlas will not guess which holds the right values)"]


def test_after_a_line_break_in_a_cell_later_problems_keep_their_spreadsheet_row(data_copy):
    set_cell(data_copy, "localities.csv", 3, "summary_en", "Line one\nLine two")
    set_cell(data_copy, "localities.csv", 5, "lat", "123")
    found = problems_of(data_copy)
    assert "localities.csv row 3, column summary_en: holds a line break; write the text on one line" in found
    assert "localities.csv row 5, column lat: 123 is out of range (-90 to 90)" in found
    assert not any("cells but the header" in m for m in found)


@pytest.mark.parametrize("damage", ["missing", "cp1258", "no header", "header only"])
def test_an_unreadable_localities_table_is_reported_alone(data_copy, damage):
    """Not 85 follow-on errors (every priority, figure and event pointing to an unknown delegation)."""
    path = data_copy / "localities.csv"
    if damage == "missing":
        path.unlink()
    elif damage == "cp1258":
        path.write_bytes(path.read_text(encoding="utf-8").encode("cp1258", errors="replace") + b"\xff")
    elif damage == "no header":
        path.write_text("", encoding="utf-8")
    else:
        path.write_text("id,name_en\n", encoding="utf-8")
    found = problems_of(data_copy)
    assert all(m.startswith("localities.csv") for m in found) and len(found) <= 16, found


def test_row_with_an_unquoted_comma_is_named(data_copy):
    path = data_copy / "figures.csv"
    text = path.read_text(encoding="utf-8")
    row = text.count("\n") + 1  # the appended line, counted like a spreadsheet
    path.write_text(text + "osaka,Tests, with comma,x,1,exact,,,plo-cities-act\n", encoding="utf-8")
    messages = problems_of(data_copy)
    assert any(m.startswith(f"figures.csv row {row}: has 9 cells but the header has 8") for m in messages)


def test_more_identified_delegations_than_reported_is_refused(data_copy):
    row = row_of(data_copy, "key_facts.csv", "id", "delegations_reported")
    set_cell(data_copy, "key_facts.csv", row, "value", "5")
    assert any("more than the 5 reported" in m for m in problems_of(data_copy))


def test_missing_headline_fact_is_named(data_copy):
    header, rows = read_rows(data_copy, "key_facts.csv")
    write_rows(data_copy, "key_facts.csv", header, [r for r in rows if r["id"] != "countries_reported"])
    assert "key_facts.csv: the fact 'countries_reported' is missing" in problems_of(data_copy)


def test_file_that_is_not_utf8_is_named(data_copy):
    (data_copy / "host.csv").write_bytes("theme_id,weight\nxanh,1,Chuyển\n".encode("cp1258", errors="replace")
                                         + b"\xff\xfe")
    assert any(m.startswith("host.csv: is not UTF-8 text") for m in problems_of(data_copy))


def test_all_problems_are_reported_together(data_copy):
    set_cell(data_copy, "localities.csv", 5, "lat", "123")
    set_cell(data_copy, "programme.csv", 2, "date", "2023-09-24")
    set_cell(data_copy, "priorities.csv", 14, "source_id", "vov-2409")
    assert len(problems_of(data_copy)) == 3


# --- the command -----------------------------------------------------------------------------


def run_check(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "components.check_data", str(folder)],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2], check=False)


def test_check_data_passes_on_the_shipped_data():
    result = run_check(DATA_DIR)
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout


def test_check_data_fails_and_names_each_problem(data_copy):
    set_cell(data_copy, "localities.csv", 5, "lat", "123")
    set_cell(data_copy, "localities.csv", 3, "id", "chungcheongbuk")
    set_cell(data_copy, "programme.csv", 2, "date", "2023-09-24")
    set_cell(data_copy, "priorities.csv", 14, "source_id", "vov-2409")
    result = run_check(data_copy)
    assert result.returncode == 1
    for expected in ("localities.csv row 5, column lat", "localities.csv row 3, column id",
                     "programme.csv row 2, column date", "priorities.csv row 14, column source_id"):
        assert expected in result.stderr


# --- English and Vietnamese state the same numbers -------------------------------------------


def test_a_number_changed_in_one_language_only_is_named(data_copy):
    row = row_of(data_copy, "priorities.csv", "statement_en",
                 "Asked HCMC to keep improving the investment climate for Japanese companies, more than 2,000 "
                 "of which operate in the city.")
    header, rows = read_rows(data_copy, "priorities.csv")
    rows[row - 2]["statement_vi"] = rows[row - 2]["statement_vi"].replace("2.000", "200")
    write_rows(data_copy, "priorities.csv", header, rows)
    assert problems_of(data_copy) == [
        f"priorities.csv row {row}, column statement_vi: statement_en and statement_vi state different numbers "
        "(2000 against 200)"]


def test_a_figure_missing_from_the_vietnamese_label_is_named(data_copy):
    row = row_of(data_copy, "key_facts.csv", "id", "bodies_korean_report")
    set_cell(data_copy, "key_facts.csv", row, "label_vi", "Số địa phương và tổ chức theo báo chí Hàn Quốc")
    assert problems_of(data_copy) == [
        f"key_facts.csv row {row}, column label_vi: label_en and label_vi state different numbers (13 against –)"]


@pytest.mark.parametrize(("en", "vi"), [
    ("more than 2,000 companies", "hơn 2.000 công ty"),
    ("received on 26 Sept", "tiếp ngày 26/9"),
    ("signed on 23 Sept 2024", "ký ngày 23/9/2024"),
    ("confirmed in early September", "xác nhận đầu tháng 9"),
    ("about 1.5 trillion", "khoảng 1,5 nghìn tỷ"),
])
def test_numbers_written_the_local_way_count_as_the_same(en, vi):
    from components.dataset import numbers_in
    assert numbers_in(en, "en") == numbers_in(vi, "vi")


def test_an_unknown_reference_is_offered_the_closest_ids_by_id_or_name(data_copy):
    row = row_of(data_copy, "localities.csv", "id", "osaka")
    set_cell(data_copy, "localities.csv", row, "country", "Japan")
    row2 = row_of(data_copy, "priorities.csv", "locality_id", "osaka")
    set_cell(data_copy, "priorities.csv", row2, "theme_id", "inovation")
    assert problems_of(data_copy) == [
        f"localities.csv row {row}, column country: 'Japan' is not in countries.csv; closest: JP",
        f"priorities.csv row {row2}, column theme_id: 'inovation' is not in themes.csv; closest: innovation",
    ]


def test_a_problem_reads_in_vietnamese_with_the_same_place(data_copy):
    row = row_of(data_copy, "programme.csv", "id", "flower-offering")
    set_cell(data_copy, "programme.csv", row, "date", "2024-13-01")
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    (found,) = caught.value.problems
    assert found.text("vi") == f"programme.csv dòng {row}, cột date: '2024-13-01' không phải ngày (YYYY-MM-DD)"


def test_evidence_l_and_the_organisers_list_source_go_together(data_copy):
    row = row_of(data_copy, "localities.csv", "id", "osaka")
    set_cell(data_copy, "localities.csv", row, "evidence", "L")
    source_row = row_of(data_copy, "sources.csv", "id", "sggp-osaka")
    assert problems_of(data_copy) == [
        f"localities.csv row {row}, column evidence: evidence L is for a delegation known only from the "
        "organisers' list: its evidence_source_id must be sources of kind organisers_list, and no report"]
    set_cell(data_copy, "sources.csv", source_row, "kind", "organisers_list")
    found = problems_of(data_copy)
    assert f"sources.csv row {source_row}, column supplied_by: the organisers' list needs who supplied it " \
           "(supplied_by) and its date (published)" in found
    set_cell(data_copy, "localities.csv", row, "evidence", "A")
    set_cell(data_copy, "localities.csv", row, "evidence_source_id", "sggp-osaka")  # only the list: must say L
    assert f"localities.csv row {row}, column evidence: cites only the organisers' list as evidence, so its " \
           "evidence level is L" in problems_of(data_copy)


def test_a_delegation_in_a_report_and_on_the_list_keeps_its_level(data_copy):
    """Osaka is named in a report; the organisers' list naming it too does not make it L."""
    with (data_copy / "sources.csv").open("a", encoding="utf-8") as handle:
        handle.write("org-list,Danh sách các đoàn,,,,2024-09-20,vi,organisers_list,Test office,,\n")
    row = row_of(data_copy, "localities.csv", "id", "osaka")
    header, rows = read_rows(data_copy, "localities.csv")
    rows[row - 2]["evidence_source_id"] += ";org-list"
    write_rows(data_copy, "localities.csv", header, rows)
    assert load_dataset(data_copy).localities.set_index("id").loc["osaka", "evidence"] == "A"


@pytest.mark.parametrize(("lang", "capital", "small"), [("en", "capital", "small"), ("vi", "Thủ đô", "nhỏ")])
def test_guests_are_described_as_their_sources_describe_them(data, lang, capital, small):
    """Montevideo is Uruguay's capital (a cited source says so), not only its 'gateway'; the
    governor's modest framing of his own province is not the atlas's to repeat as 'small'."""
    places = data.localities.set_index("id")
    assert capital in places.loc["montevideo", f"summary_{lang}"]
    assert "rel-montevideo-capital" in places.loc["montevideo", "relation_source_id"]
    assert small not in places.loc["chungcheongbuk", f"summary_{lang}"]
