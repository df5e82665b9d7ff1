"""How well each delegation's stated priorities fit Ho Chi Minh City's own, by a rule simple
enough to say in one sentence: every theme a delegation shares with the city scores that
theme's weight in the city's priorities (host.csv: 2 for the headline priorities, 1 for the
others), and the score is the sum. Ties go to more statements on the shared themes. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from components.dataset import Dataset
from components.filters import View
from components.i18n import field, t
from components.labels import labels_of
from components.memo import remember
from components.schema import IDENTIFIED_EVIDENCE


@dataclass(frozen=True)
class Match:
    locality_id: str
    score: int
    share: float  # score / the most any delegation could score
    shared: tuple[str, ...]  # theme ids, heaviest first
    statements: int  # statements on the shared themes


def host_weights(data: Dataset) -> dict[str, int]:
    """Each theme the city names, with its weight (the largest if named more than once)."""
    return {str(k): int(v) for k, v in data.host.groupby("theme_id")["weight"].max().items()}


def rank(themes: Mapping[str, Mapping[str, int]], weights: Mapping[str, int]) -> list[Match]:
    """Rank delegations. ``themes`` maps a delegation to {theme: number of statements}."""
    best = sum(weights.values()) or 1
    matches = []
    for locality, stated in themes.items():
        shared = sorted((t for t in stated if t in weights), key=lambda t: (-weights[t], t))
        score = sum(weights[t] for t in shared)
        matches.append(Match(locality, score, score / best, tuple(shared), sum(stated[t] for t in shared)))
    return sorted(matches, key=lambda m: (-m.score, -m.statements, m.locality_id))


def ranking(data: Dataset, view: View) -> list[Match]:
    """The delegations of the view, best-matched first; those sharing nothing come last."""
    counts = view.priorities.groupby(["locality_id", "theme_id"]).size()
    themes: dict[str, dict[str, int]] = {i: {} for i in view.ids}
    for (locality, theme), n in counts.items():
        themes[locality][theme] = int(n)
    return rank(themes, host_weights(data))


def _theme_sets(data: Dataset) -> tuple[dict[str, set[str]], set[str]]:
    """Each delegation's set of themes, and the identified delegations (cached per dataset)."""
    stated = {k: set(v) for k, v in data.priorities.groupby("locality_id")["theme_id"]}
    return stated, set(data.localities.loc[data.localities["evidence"].isin(IDENTIFIED_EVIDENCE), "id"])


def similar(data: Dataset, locality_id: str, limit: int = 3) -> list[tuple[str, tuple[str, ...]]]:
    """Other identified delegations sharing the most themes with one delegation (ties: fewer themes
    in all, i.e. the closer fit, then id)."""
    stated, identified = remember(_theme_sets, data)
    mine = stated.get(locality_id, set())
    if not mine:
        return []
    scored = [(other, tuple(sorted(mine & theirs)), len(theirs)) for other, theirs in stated.items()
              if other != locality_id and other in identified and mine & theirs]
    scored.sort(key=lambda x: (-len(x[1]), x[2], x[0]))
    return [(other, shared) for other, shared, _ in scored[:limit]]


def host_lines(data: Dataset, lang: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """The city's stated priorities as the Themes page lists them, one line per theme (its
    statements together, so a theme is not named twice): (theme, statements, sources)."""
    say = labels_of(data, lang)
    lines: dict[str, tuple[list[str], dict[str, None]]] = {}
    for theme, statement, ids in zip(data.host["theme_id"], data.host[field(lang, "statement")],
                                     data.host["source_id"], strict=True):
        said, sources = lines.setdefault(theme, ([], {}))
        said.append(statement)
        sources.update(dict.fromkeys(ids))
    return [(say.theme[theme], " ".join(said), tuple(sources)) for theme, (said, sources) in lines.items()]


def rank_lines(data: Dataset, view: View, lang: str, limit: int = 12) -> tuple[list[str], int]:
    """The best-matched delegations with any shared theme, one line each ('1. Osaka City — 5 points,
    40% of its themes: …'), at most ``limit``, and how many more there are."""
    say = labels_of(data, lang)
    ranked = [m for m in ranking(data, view) if m.score > 0]
    lines = [t("themes.rank_line", lang, rank=position, name=say.delegation[m.locality_id], score=m.score,
               share=round(100 * m.share), themes=", ".join(say.theme[x] for x in m.shared))
             for position, m in enumerate(ranked[:limit], start=1)]
    return lines, len(ranked) - len(lines)
