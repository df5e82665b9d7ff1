"""The display labels of one dataset in one language: ids to names, and the few rules for how a
missing fact, a relation, a head of delegation and an event's time read. Every builder asks
here, so the map's tooltip, the card, the tables and the files cannot say it differently. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time

from components.dataset import Dataset
from components.i18n import field, t


@dataclass(frozen=True)
class Labels:
    lang: str
    theme: Mapping[str, str]  # theme id → label
    country: Mapping[str, str]  # country code → name
    delegation: Mapping[str, str]  # locality id → name
    not_reported: str

    def or_not_reported(self, value: object) -> str:
        return value if isinstance(value, str) and value else self.not_reported

    def relation(self, relation: str, since: object) -> str:
        """'Sister city since 1995', 'Cooperation partner', 'Not reported'."""
        label = t(f"relation.{relation}", self.lang)
        if not isinstance(since, int | float) or since != since:  # None or NaN: no year reported
            return label
        return t("relation.since", self.lang, relation=label, year=int(since))

    def head(self, name: object, title: object) -> str:
        """'Kim Young-hwan, Governor'; 'Vice Mayor (name not reported)' when only the title is."""
        if isinstance(name, str) and name:
            return f"{name}, {title}" if isinstance(title, str) and title else name
        if isinstance(title, str) and title:
            return f"{title} ({t('common.name_not_reported', self.lang)})"
        return self.not_reported

    def when(self, event: Mapping[str, object]) -> str:
        """An event's time: '08:00–10:00', '08:00', 'Morning' or 'Time not reported'."""
        start, end, part_of_day = event["start"], event["end"], event["part_of_day"]
        if isinstance(start, time):
            return f"{start:%H:%M}" + (f"–{end:%H:%M}" if isinstance(end, time) else "")
        return t(f"part_of_day.{part_of_day}" if isinstance(part_of_day, str) else "part_of_day.unknown", self.lang)


def labels_of(data: Dataset, lang: str) -> Labels:
    return Labels(
        lang=lang,
        theme=dict(zip(data.themes["id"], data.themes[field(lang, "label")], strict=True)),
        country=dict(zip(data.countries["code"], data.countries[field(lang, "name")], strict=True)),
        delegation=dict(zip(data.localities["id"], data.localities[field(lang, "name")], strict=True)),
        not_reported=t("common.not_reported", lang),
    )


def colour_rule(mode: str, lang: str, short: bool = False) -> str | None:
    """How the map picks a delegation's one colour, in words, for the screen (or ``short``, for
    the legend's title); None where the colour needs no rule (country, evidence). The rule
    itself is ``style.lead_themes``."""
    if mode != "theme":
        return None
    return t("map.legend.theme_rule" if short else "map.color.theme_rule", lang)
