"""Display tables of the dataset, one per kind of record, in the chosen language.

They feed the Sources page and the CSV/XLSX downloads, so a table on screen and its file match.
Pure functions, no Streamlit.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd

from components.dataset import Dataset
from components.i18n import field, format_date, format_figure, format_quantity, t
from components.labels import labels_of
from components.sourcing import format_published, language_name, publisher_name, publisher_or_title, source_title
from components.style import GRID, INK, MUTED, PRIMARY, RULE

_CELL = "padding:.4em .6em;text-align:left;vertical-align:top;overflow-wrap:break-word"
#: A table of more columns than this draws its long-text columns (a summary) as a line across the
#: whole row under the others: squeezed into one of many columns it would read a word a line.
_SIDE_BY_SIDE = 5


def _spanned(frame: pd.DataFrame) -> list[str]:
    """The long-text columns drawn across the row (none in a narrow table)."""
    long = [c for c in frame.columns if len(frame) and frame[c].astype(str).str.len().max() > 120]
    return long if len(frame.columns) - len(long) >= _SIDE_BY_SIDE else []


def html_table(frame: pd.DataFrame, link_columns: Sequence[str] = (), link_text: str = "") -> str:
    """The table as HTML text that wraps between words: every cell escaped (data text shows as
    text), links in ``link_columns`` as ``link_text``. The browser shares the width among the
    columns (none leaves the screen, no cell is cut); in a table of many columns, long text runs
    across the row under the short columns, its column named in front of it."""
    def cell(column: str, value: object) -> str:
        text = "" if value is None or value != value else str(value)  # NaN: an empty cell
        if column in link_columns and text:
            return (f'<a href="{html.escape(text)}" target="_blank" rel="noopener noreferrer" '
                    f'style="color:{PRIMARY}">{html.escape(link_text)}</a>')
        return html.escape(text)

    across = _spanned(frame)
    columns = [c for c in frame.columns if c not in across]
    head = "".join(f'<th scope="col" style="{_CELL};border-bottom:2px solid {RULE};font-weight:600;'
                   f'vertical-align:bottom">{html.escape(str(c))}</th>' for c in columns)
    rows = []
    for record in frame.to_dict("records"):
        line = f"border-bottom:1px solid {GRID}" if not across else ""
        cells = "".join(f'<td style="{_CELL};{line}">{cell(c, record[c])}</td>' for c in columns)
        rows.append(f"<tr>{cells}</tr>")
        rows += [f'<tr><td colspan="{len(columns)}" style="{_CELL};padding-top:0;border-bottom:1px solid {GRID};'
                 f'color:{MUTED}"><b>{html.escape(str(c))}:</b> {cell(c, record[c])}</td></tr>' for c in across]
    return (f'<div data-testid="atlas-table" style="width:100%"><table style="width:100%;border-collapse:collapse;'
            f'color:{INK};font-size:.95rem;line-height:1.45"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _cite(data: Dataset, ids: tuple[str, ...] | None, lang: str) -> str:
    """The sources of a row as a reader knows them: their publishers (or titles), not their ids."""
    return "; ".join(dict.fromkeys(publisher_or_title(data, i, lang) for i in ids or ()))


def sources_table(data: Dataset, lang: str) -> pd.DataFrame:
    s, say = data.sources, labels_of(data, lang)
    records = s.to_dict("records")
    return pd.DataFrame({
        t("col.title", lang): [source_title(r, lang) for r in records],
        t("col.publisher", lang): [say.or_not_reported(p if not isinstance(p, str) else publisher_name(p, lang))
                                   for p in s["publisher"]],
        t("col.published", lang): [format_published(p, lang) if isinstance(p, str) and p else say.not_reported
                                   for p in s["published"]],
        t("col.language", lang): [language_name(r, lang) for r in records],
        t("col.source_kind", lang): [t(f"source_kind.{k}", lang) for k in s["kind"]],
        t("col.supplied_by", lang): s["supplied_by"].fillna(""),
        t("col.url", lang): s["url"],
        t("col.note", lang): s[field(lang, "note")].fillna(""),
    })


def delegations_table(data: Dataset, lang: str, localities: pd.DataFrame | None = None) -> pd.DataFrame:
    rows = data.localities if localities is None else localities
    say = labels_of(data, lang)
    relations = [say.relation(r, s) for r, s in zip(rows["relation"], rows["relation_since"], strict=True)]
    sources = [_cite(data, e + r, lang)
               for e, r in zip(rows["evidence_source_id"], rows["relation_source_id"], strict=True)]
    return pd.DataFrame({
        t("col.name", lang): rows[field(lang, "name")],
        t("col.country", lang): rows["country"].map(say.country),
        t("col.kind", lang): [t(f"kind.{k}", lang) for k in rows["kind"]],
        t("col.head", lang): [say.or_not_reported(h) for h in rows["head_name"]],
        t("col.head_title", lang): [say.or_not_reported(h) for h in rows[field(lang, "head_title")]],
        t("col.relation", lang): relations,
        t("col.evidence", lang): rows["evidence"],
        t("col.sources", lang): sources,
        t("col.summary", lang): rows[field(lang, "summary")],
    }).reset_index(drop=True)


def priorities_table(data: Dataset, lang: str, priorities: pd.DataFrame | None = None) -> pd.DataFrame:
    rows = data.priorities if priorities is None else priorities
    return pd.DataFrame({
        t("col.delegation", lang): rows["locality_id"].map(labels_of(data, lang).delegation),
        t("col.theme", lang): rows["theme_id"].map(labels_of(data, lang).theme),
        t("col.statement", lang): rows[field(lang, "statement")],
        t("col.sources", lang): rows["source_id"].map(lambda ids: _cite(data, ids, lang)),
    }).reset_index(drop=True)


def figures_table(data: Dataset, lang: str) -> pd.DataFrame:
    f = data.figures
    values = [format_figure(v, q, e, u, lang) for v, q, e, u in
              zip(f["value"], f["qualifier"], f["unit_en"], f[field(lang, "unit")], strict=True)]
    return pd.DataFrame({
        t("col.delegation", lang): f["locality_id"].map(labels_of(data, lang).delegation),
        t("col.figure", lang): f[field(lang, "label")],
        t("col.value", lang): values,
        t("col.sources", lang): f["source_id"].map(lambda ids: _cite(data, ids, lang)),
    })


def programme_table(data: Dataset, lang: str) -> pd.DataFrame:
    p = data.programme
    say = labels_of(data, lang)

    return pd.DataFrame({
        t("col.date", lang): [format_date(d, lang, weekday=True) for d in p["date"]],
        t("col.time", lang): [say.when(r) for r in p.to_dict("records")],
        t("col.series", lang): [t(f"series.{s}", lang) for s in p["series"]],
        t("col.event", lang): p[field(lang, "title")],
        t("col.venue", lang): [say.or_not_reported(v) for v in p[field(lang, "venue")]],
        t("col.participants", lang): [say.or_not_reported(v) for v in p[field(lang, "participants")]],
        t("col.delegation", lang): ["; ".join(say.delegation[i] for i in ids) for ids in p["locality_ids"]],
        t("col.description", lang): p[field(lang, "description")],
        t("col.sources", lang): p["source_id"].map(lambda ids: _cite(data, ids, lang)),
    })


def host_table(data: Dataset, lang: str) -> pd.DataFrame:
    h = data.host
    return pd.DataFrame({
        t("col.theme", lang): h["theme_id"].map(labels_of(data, lang).theme),
        t("col.statement", lang): h[field(lang, "statement")],
        t("col.weight", lang): h["weight"],
        t("col.sources", lang): h["source_id"].map(lambda ids: _cite(data, ids, lang)),
    })


def facts_table(data: Dataset, lang: str) -> pd.DataFrame:
    k = data.key_facts
    return pd.DataFrame({
        t("col.figure", lang): k[field(lang, "label")],
        t("col.value", lang): [format_quantity(v, q, lang) for v, q in zip(k["value"], k["qualifier"], strict=True)],
        t("col.sources", lang): k["source_id"].map(lambda ids: _cite(data, ids, lang)),
    })


def themes_table(data: Dataset, lang: str) -> pd.DataFrame:
    th = data.themes
    return pd.DataFrame({
        t("col.theme", lang): th[field(lang, "label")],
        t("col.group", lang): [t(f"group.{g}", lang) for g in th["group"]],
        t("col.description", lang): th[field(lang, "description")],
        t("col.colour", lang): th["color"],
    })


def compare_table(data: Dataset, locality_ids: tuple[str, ...], lang: str) -> pd.DataFrame:
    """Delegations side by side: every theme stated by at least one of them (in theme order), one
    column per delegation, ✓ where that delegation stated the theme."""
    say = labels_of(data, lang)
    stated = {i: set(data.priorities.loc[data.priorities["locality_id"] == i, "theme_id"]) for i in locality_ids}
    themes = [x for x in data.themes["id"] if any(x in s for s in stated.values())]
    grid = {say.delegation[i]: ["✓" if x in stated[i] else "" for x in themes] for i in locality_ids}
    return pd.DataFrame({t("col.theme", lang): [say.theme[x] for x in themes], **grid})
