"""What a delegation's card and profile say, assembled from the data. Pure; no Streamlit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from components import programme
from components.dataset import Dataset
from components.i18n import field, format_date, format_figure, t
from components.labels import labels_of
from components.match import host_weights, similar
from components.memo import remember
from components.style import theme_colors


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
    no_priorities: str  # why no priority is shown, said in words (empty when there are some)


def card(data: Dataset, locality_id: str, lang: str) -> Card:
    row = data.localities.loc[data.localities["id"] == locality_id].iloc[0]
    stated = set(data.priorities.loc[data.priorities["locality_id"] == locality_id, "theme_id"])
    colours = theme_colors(data)
    themes = tuple((label, colours[theme]) for theme, label in
                   zip(data.themes["id"], data.themes[field(lang, "label")], strict=True) if theme in stated)
    say = labels_of(data, lang)
    return Card(
        id=locality_id, name=row[field(lang, "name")], flag=data.flag_path(row["country"]),
        country=say.country[row["country"]], kind=t(f"kind.{row['kind']}", lang),
        head=say.head(row["head_name"], row[field(lang, "head_title")]),
        relation=say.relation(row["relation"], row["relation_since"]), evidence=row["evidence"],
        evidence_label=t(f"evidence.{row['evidence']}.label", lang), summary=row[field(lang, "summary")],
        themes=themes, no_priorities="" if themes else t(f"priorities.none.{row['evidence']}", lang),
    )


@dataclass(frozen=True)
class Statement:
    text: str
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class ThemeStatements:
    theme_id: str
    label: str
    colour: str
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class Event:
    id: str
    date: str
    title: str


@dataclass(frozen=True)
class Profile:
    card: Card
    evidence_meaning: str
    evidence_sources: tuple[str, ...]
    relation_sources: tuple[str, ...]
    priorities: tuple[ThemeStatements, ...]
    figures: tuple[Figure, ...]
    events: tuple[Event, ...]
    shared_with_host: tuple[str, ...]  # theme labels
    similar: tuple[tuple[str, str, tuple[str, ...]], ...]  # (id, name, shared theme labels)


def profile(data: Dataset, locality_id: str, lang: str) -> Profile:
    """Everything the profile page shows about one delegation, each fact with its sources."""
    row = data.localities.loc[data.localities["id"] == locality_id].iloc[0]
    say = labels_of(data, lang)
    colours = theme_colors(data)
    own = data.priorities[data.priorities["locality_id"] == locality_id]
    own_themes = set(own["theme_id"])
    priorities = tuple(
        ThemeStatements(theme, say.theme[theme], colours[theme], tuple(
            Statement(text, ids) for text, ids in
            zip(own.loc[own["theme_id"] == theme, field(lang, "statement")],
                own.loc[own["theme_id"] == theme, "source_id"], strict=True)))
        for theme in data.themes["id"] if theme in own_themes
    )
    figures = data.figures[data.figures["locality_id"] == locality_id]
    figure_rows = tuple(
        Figure(label, format_figure(value, qualifier, unit_en, unit, lang), ids)
        for label, value, qualifier, unit_en, unit, ids in zip(
            figures[field(lang, "label")], figures["value"], figures["qualifier"], figures["unit_en"],
            figures[field(lang, "unit")], figures["source_id"], strict=True))
    timed = remember(programme.events, data)  # in the order they happened, as everywhere
    linked = timed[timed["locality_ids"].map(lambda ids: locality_id in ids)]
    events = tuple(Event(i, format_date(d, lang, weekday=True), title) for i, d, title in
                   zip(linked["id"], linked["date"], linked[field(lang, "title")], strict=True))
    weights = host_weights(data)
    shared = tuple(say.theme[x] for x in sorted(set(own["theme_id"]) & set(weights), key=lambda x: (-weights[x], x)))
    alike = tuple((other, say.delegation[other], tuple(say.theme[x] for x in themes)) for other, themes in
                  similar(data, locality_id))
    return Profile(
        card=card(data, locality_id, lang),
        evidence_meaning=t(f"evidence.{row['evidence']}.meaning", lang),
        evidence_sources=tuple(row["evidence_source_id"]), relation_sources=tuple(row["relation_source_id"]),
        priorities=priorities, figures=figure_rows, events=events, shared_with_host=shared, similar=alike,
    )


def choices(data: Dataset, evidence: tuple[str, ...], current: str | None, lang: str) -> dict[str, str]:
    """The delegations a picker offers, id to label: in English the English name only (a second,
    Vietnamese name reads as a translation left in); in Vietnamese the English name after it, where
    it differs, so either can be typed ('Thành phố Osaka · Osaka City'). Partners (evidence C) only
    when the filter shows them, and the open delegation always."""
    say, english = labels_of(data, lang), labels_of(data, "en")
    shown = data.localities if "C" in evidence else data.localities[data.localities["evidence"] != "C"]
    ids = list(shown["id"]) + ([current] if current and current not in set(shown["id"]) else [])
    return {i: say.delegation[i] if say.delegation[i] == english.delegation[i]
            else f"{say.delegation[i]} · {english.delegation[i]}" for i in ids}
