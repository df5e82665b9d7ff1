"""The shared filter: one ``Filters`` value, applied by one function, giving the ``View`` that
every count, chart, map, table and download reads. Pure and vectorised; no Streamlit."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

import pandas as pd

from components.dataset import Dataset
from components.i18n import t
from components.labels import labels_of
from components.memo import remember
from components.schema import IDENTIFIED_EVIDENCE

MATCH_MODES = ("any", "all")
DEFAULT_EVIDENCE = IDENTIFIED_EVIDENCE
FILTER_NAMES = ("themes", "countries", "kinds", "evidence", "query")


@dataclass(frozen=True)
class Filters:
    themes: tuple[str, ...] = ()
    match: str = "any"
    countries: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    evidence: tuple[str, ...] = DEFAULT_EVIDENCE
    query: str = ""

    def without(self, name: str) -> Filters:
        """The same filter with one part reset to its default."""
        return replace(self, **{name: Filters.__dataclass_fields__[name].default})

    @property
    def active(self) -> tuple[str, ...]:
        """Names of the parts that differ from the default."""
        return tuple(n for n in FILTER_NAMES if getattr(self, n) != Filters.__dataclass_fields__[n].default)


@dataclass(frozen=True)
class View:
    """The filtered delegations and all their stated priorities."""

    filters: Filters
    localities: pd.DataFrame
    priorities: pd.DataFrame

    @property
    def ids(self) -> list[str]:
        return list(self.localities["id"])

    @property
    def empty(self) -> bool:
        return self.localities.empty


def fold(text: str) -> str:
    """Lower case without diacritics, so 'trung khanh' finds 'Trùng Khánh'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def theme_matrix(data: Dataset) -> pd.DataFrame:
    """Boolean locality × theme table: True where the locality stated a priority in that theme."""
    matrix = pd.crosstab(data.priorities["locality_id"], data.priorities["theme_id"]).astype(bool)
    return matrix.reindex(index=data.localities["id"], columns=data.themes["id"], fill_value=False)


def search_text(data: Dataset) -> pd.Series:
    """Folded names, heads and their titles, summaries and statements of each locality, for the free-text search."""
    places = data.localities
    own = places["name_en"].str.cat(
        [places[c].fillna("") for c in ("name_vi", "head_name", "head_title_en", "head_title_vi", "summary_en",
                                        "summary_vi")], sep=" ")
    said = (data.priorities["statement_en"] + " " + data.priorities["statement_vi"]).groupby(
        data.priorities["locality_id"]).agg(" ".join)
    text = pd.Series(own.to_numpy(), index=places["id"]) + " " + said.reindex(places["id"]).fillna("")
    return text.map(fold)


def apply(data: Dataset, filters: Filters) -> View:
    """Filter the delegations; every output of the app reads the result."""
    places = data.localities
    keep = places["evidence"].isin(filters.evidence).to_numpy()
    if filters.countries:
        keep = keep & places["country"].isin(filters.countries).to_numpy()
    if filters.kinds:
        keep = keep & places["kind"].isin(filters.kinds).to_numpy()
    if filters.themes:
        chosen = remember(theme_matrix, data)[list(filters.themes)]
        keep = keep & (chosen.all(axis=1) if filters.match == "all" else chosen.any(axis=1)).to_numpy()
    if filters.query.strip():
        keep = keep & remember(search_text, data).str.contains(fold(filters.query.strip()), regex=False).to_numpy()
    localities = places[keep]
    priorities = data.priorities[data.priorities["locality_id"].isin(localities["id"])]
    return View(filters=filters, localities=localities, priorities=priorities)


def emptied_by(data: Dataset, filters: Filters) -> tuple[str, ...]:
    """For an empty result: the filter parts that, reset alone, would bring delegations back."""
    return tuple(n for n in filters.active if not apply(data, filters.without(n)).empty)


def describe(data: Dataset, filters: Filters, lang: str) -> str:
    """The filter in words, for empty states, captions and export subtitles."""
    parts: list[str] = []
    if filters.themes:
        labels = labels_of(data, lang).theme
        joiner = t(f"filters.joiner.{filters.match}", lang)
        parts.append(f"{t('filters.themes', lang)}: {joiner.join(labels[x] for x in filters.themes)}")
    if filters.countries:
        names = labels_of(data, lang).country
        parts.append(f"{t('filters.countries', lang)}: {', '.join(names[c] for c in filters.countries)}")
    if filters.kinds:
        parts.append(f"{t('filters.kinds', lang)}: {', '.join(t(f'kind.{k}', lang) for k in filters.kinds)}")
    if filters.evidence != DEFAULT_EVIDENCE:
        parts.append(f"{t('filters.evidence', lang)}: {', '.join(filters.evidence)}")
    if filters.query.strip():
        parts.append(f"{t('filters.query', lang)}: “{filters.query.strip()}”")
    return " · ".join(parts) if parts else t("filters.none", lang)
