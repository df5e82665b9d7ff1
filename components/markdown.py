"""Data text in Markdown: escaped so it shows literally, and source citations as links. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from components.dataset import Dataset
from components.sourcing import publisher_or_title, source_url

#: Markdown and Streamlit syntax, and the '&' of a character reference ('&#x202E;').
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>#|~$:@]|&(?=#?\w+;)")
#: Where GitHub-flavoured Markdown makes a link of bare text ('http://…', 'www.…', 'a@b.org'): it
#: finds them in the text after escapes are read, so only an invisible word joiner breaks them.
_BARE_LINK = re.compile(r"(?i)(?<=www)(?=\.)|(?<=:)(?=//)|(?=@)")
WORD_JOINER = "\u2060"
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")
#: Bidirectional controls: an override turns the rest of a line around ('gpj.exe' shown as 'exe.jpg').
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: Line and paragraph breaks and other control characters: in Markdown a break starts a new
#: block (a heading, a list, a table) where the text was meant to continue.
_BREAKS = re.compile("[\u0000-\u001f\u007f-\u009f\u2028\u2029]+")


def plain(text: str) -> str:
    """Text as one line with no direction controls: what the atlas echoes of a link or a search."""
    return _BREAKS.sub(" ", _BIDI.sub("", text))


def escape_md(text: str) -> str:
    """Escape what Markdown and Streamlit would interpret (emphasis, links and bare addresses,
    images, `:red[…]` and `:emoji:` directives, headings, lists, tables, maths, HTML and its
    character references), so data text or a search shows literally, on one line."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\g<0>", _BARE_LINK.sub(WORD_JOINER, plain(text)))
    escaped = _LIST_NUMBER.sub(r"\1\\\2", escaped)
    return "\\" + escaped if escaped[:1] in ("-", "+", "=") else escaped


def source_links(data: Dataset, source_ids: Sequence[str], lang: str) -> str:
    """Markdown links to the sources: '[Publisher](url)'; a source without an address stays text."""
    parts = []
    for source_id in source_ids:
        label = escape_md(publisher_or_title(data, source_id, lang))
        url = source_url(data, source_id)
        parts.append(f"[{label}]({url.replace('(', '%28').replace(')', '%29')})" if url else label)
    return " · ".join(parts)
