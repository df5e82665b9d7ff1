"""Data text in Markdown: every character Markdown or Streamlit would act on is escaped, and
citations link to their reports."""

from __future__ import annotations

import re

import pytest

from components.markdown import WORD_JOINER, escape_md, plain, source_links
from tests.support.hostile import HOSTILE_STRINGS


@pytest.mark.parametrize(("text", "escaped"), [
    ("**bold**", r"\*\*bold\*\*"),
    ("[link](javascript:alert(1))", r"\[link\](javascript\:alert(1))"),
    (":red[red] :smile:", r"\:red\[red\] \:smile\:"),
    ("# heading | cell ~x~ $x$ `code` <b>", r"\# heading \| cell \~x\~ \$x\$ \`code\` \<b\>"),
    ("- a list", r"\- a list"), ("+ plus", r"\+ plus"), ("= sum", r"\= sum"),
    ("Thành phố Hồ Chí Minh, 2,000", "Thành phố Hồ Chí Minh, 2,000"),
])
def test_markdown_and_streamlit_directives_are_escaped(text, escaped):
    assert escape_md(text) == escaped
    assert re.sub(r"\\(.)", r"\1", escape_md(text)) == text  # nothing lost: unescaping gives the text back


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
def test_hostile_text_is_escaped_on_one_line_without_direction_controls(text):
    escaped = escape_md(text)
    bare = re.sub(r"\\.", "", escaped)  # what Markdown still reads as syntax
    assert not re.search(r"[\\`*_\[\]<>#|~$:@]|(?i:www\.|https?://|\w@)|&#?\w+;|^\d+[.)]|^[-+=]", bare), escaped
    assert not re.search("[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]", escaped)
    shown = re.sub(r"\\(.)", r"\1", escaped).replace(WORD_JOINER, "")
    assert shown == plain(text)  # shown literally, nothing else lost


def test_source_links_name_the_publisher_and_link_its_report(data):
    linked = data.sources[data.sources["url"].notna()].iloc[0]
    unlinked = data.sources[data.sources["url"].isna()].iloc[0]
    text = source_links(data, [linked["id"], unlinked["id"]], "en")
    first, second = text.split(" · ")
    assert first == f"[{escape_md(linked['publisher'])}]({linked['url']})"
    assert "](" not in second and second == escape_md(unlinked["publisher"] or unlinked["title"])


def test_parentheses_in_an_address_do_not_end_the_link(data_copy):
    from components.dataset import load_dataset
    from tests.support.data_files import set_cell
    set_cell(data_copy, "sources.csv", 2, "url", "https://example.org/a_(b)")
    data = load_dataset(data_copy)
    assert source_links(data, [data.sources.iloc[0]["id"]], "en").endswith("(https://example.org/a_%28b%29)")
