"""Headline figures and the small tables of the Overview page. Pure functions, no Streamlit."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.dataset import Dataset
from components.i18n import field, format_quantity, t
from components.schema import IDENTIFIED_EVIDENCE


@dataclass(frozen=True)
class Headline:
    identified: int
    on_list: int  # of those, the ones known only from the organisers' list (evidence L)
    reported: int
    countries_identified: int
    countries_reported: int
    themes: int  # in the list of themes (themes.csv)
    themes_stated: int  # of those, the ones an identified delegation stated: what the theme charts draw
    events: int


def identified(data: Dataset) -> pd.DataFrame:
    """Delegations with evidence A, B or L: the ones counted against the reported total."""
    return data.localities[data.localities["evidence"].isin(IDENTIFIED_EVIDENCE)]


def headline(data: Dataset) -> Headline:
    named = identified(data)
    return Headline(
        identified=len(named),
        on_list=int((named["evidence"] == "L").sum()),
        reported=data.fact("delegations_reported"),
        countries_identified=named["country"].nunique(),
        countries_reported=data.fact("countries_reported"),
        themes=len(data.themes),
        themes_stated=data.priorities.loc[data.priorities["locality_id"].isin(named["id"]), "theme_id"].nunique(),
        events=len(data.programme),
    )


def gap_note(figures: Headline, lang: str) -> str:
    """What the count of identified delegations rests on, and what is still not known."""
    if not figures.on_list:
        return t("overview.gap_note", lang, n=figures.identified, total=figures.reported)
    rest = figures.reported - figures.identified
    return t("overview.gap_note_list", lang, reports=figures.identified - figures.on_list, listed=figures.on_list,
             n=figures.identified, total=figures.reported, rest=t("overview.gap_rest", lang, rest=rest) if rest else "")


@dataclass(frozen=True)
class KeyFact:
    label: str
    value: str  # formatted in the language, with its qualifier ("about 250")
    source_ids: tuple[str, ...]


def key_facts(data: Dataset, fact_ids: tuple[str, ...], lang: str) -> tuple[KeyFact, ...]:
    """Figures from key_facts.csv as a page shows them, in the order asked."""
    facts = data.key_facts.set_index("id")
    return tuple(KeyFact(facts.loc[i, field(lang, "label")],
                         format_quantity(facts.loc[i, "value"], facts.loc[i, "qualifier"], lang),
                         tuple(facts.loc[i, "source_id"])) for i in fact_ids)


def countries_overview(data: Dataset, lang: str) -> pd.DataFrame:
    """One row per reported country: the delegations named from it, with their evidence level."""
    named = identified(data)
    rows = []
    for country in data.countries.itertuples():
        members = named[named["country"] == country.code]
        listed = "; ".join(f"{n} ({e})" for n, e in zip(members[field(lang, "name")], members["evidence"], strict=True))
        rows.append({
            t("col.country", lang): getattr(country, field(lang, "name")),
            t("col.delegation", lang): listed or t("overview.country_none", lang),
            "_named": len(members),
        })
    table = pd.DataFrame(rows).sort_values(["_named", t("col.country", lang)], ascending=[False, True])
    return table.drop(columns="_named").reset_index(drop=True)
