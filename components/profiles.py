"""What a delegation's card and profile say, assembled from the data. Pure; no Streamlit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from components.dataset import Dataset
from components.i18n import field, t
from components.style import theme_colors
from components.tables import relation_text


@dataclass(frozen=True)
class Card:
    id: str
    name: str
    flag: Path
    country: str
    kind: str
    head: str
    relation: str
    evidence: str
    evidence_label: str
    summary: str
    themes: tuple[tuple[str, str], ...]  # (label, colour) in taxonomy order


def card(data: Dataset, locality_id: str, lang: str) -> Card:
    row = data.localities.loc[data.localities["id"] == locality_id].iloc[0]
    country = data.countries.loc[data.countries["code"] == row["country"]].iloc[0]
    stated = set(data.priorities.loc[data.priorities["locality_id"] == locality_id, "theme_id"])
    colours = theme_colors(data)
    themes = tuple((label, colours[theme]) for theme, label in
                   zip(data.themes["id"], data.themes[field(lang, "label")], strict=True) if theme in stated)
    name, title = row["head_name"], row[field(lang, "head_title")]
    if isinstance(name, str) and isinstance(title, str):
        head = f"{name}, {title}"
    elif isinstance(title, str):
        head = f"{title} ({t('common.not_reported', lang)})"
    else:
        head = t("common.not_reported", lang)
    return Card(
        id=locality_id, name=row[field(lang, "name")], flag=data.flag_path(row["country"]),
        country=country[field(lang, "name")], kind=t(f"kind.{row['kind']}", lang), head=head,
        relation=relation_text(row["relation"], row["relation_since"], lang), evidence=row["evidence"],
        evidence_label=t(f"evidence.{row['evidence']}.label", lang), summary=row[field(lang, "summary")],
        themes=themes,
    )
