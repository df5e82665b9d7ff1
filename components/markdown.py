"""Data text in Markdown: escaped so it shows literally, and source citations as links. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from components.dataset import Dataset
from components.sourcing import publisher_or_title, source_url

_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>#|~$:]")


def escape_md(text: str) -> str:
    """Escape what Markdown and Streamlit would interpret (emphasis, links, `:red[…]` and
    `:emoji:` directives, headings, tables, maths), so data text shows literally."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\g<0>", text)
    return "\\" + escaped if escaped[:1] in ("-", "+", "=") else escaped


def source_links(data: Dataset, source_ids: Sequence[str], lang: str) -> str:
    """Markdown links to the sources: '[Publisher](url)'; a source without an address stays text."""
    parts = []
    for source_id in source_ids:
        label = escape_md(publisher_or_title(data, source_id, lang))
        url = source_url(data, source_id)
        parts.append(f"[{label}]({url.replace('(', '%28').replace(')', '%29')})" if url else label)
    return " · ".join(parts)
