"""Data text in Markdown: every character Markdown or Streamlit would act on is escaped, and
citations link to their reports."""

from __future__ import annotations

import re

import pytest

from components.markdown import escape_md, source_links


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
