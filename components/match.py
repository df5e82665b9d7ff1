"""Which of Ho Chi Minh City's own priority themes (host.csv) each delegation shares, on one scale
everywhere: the count of those themes it also stated, out of the city's ('3 of 8'). A count of
common ground, not a score: the delegations are guests, not candidates. Pure."""

from __future__ import annotations

from collections.abc import Collection, Mapping
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
    shared: tuple[str, ...]  # the city's priority themes it also stated, the city's headline ones first

    @property
    def count(self) -> int:
        return len(self.shared)


def host_weights(data: Dataset) -> dict[str, int]:
    """Each theme the city names, with its weight (the largest if named more than once): 2 marks
    the headline priorities, which are listed first."""
    return {str(k): int(v) for k, v in data.host.groupby("theme_id")["weight"].max().items()}


def rank(themes: Mapping[str, Collection[str]], weights: Mapping[str, int]) -> list[Match]:
    """Each delegation's shared themes; more shared first, then by id. ``themes`` maps a
    delegation to the themes it stated."""
    matches = [Match(locality, tuple(sorted((x for x in set(stated) if x in weights), key=lambda x: (-weights[x], x))))
               for locality, stated in themes.items()]
    return sorted(matches, key=lambda m: (-m.count, m.locality_id))


def ranking(data: Dataset, view: View) -> list[Match]:
    """The delegations of the view, those sharing more of the city's priorities first; those
    sharing none come last."""
    stated = view.priorities.groupby("locality_id")["theme_id"].agg(set)
    return rank({i: stated.get(i, set()) for i in view.ids}, host_weights(data))


def left_out(data: Dataset, view: View, lang: str) -> list[str]:
    """Why a shown delegation has no bar, in plain words: no report gives its priorities, or none
    of those it stated is among the city's. One sentence per reason that applies."""
    names = labels_of(data, lang).delegation
    stated = set(view.priorities["locality_id"])
    none = [m.locality_id for m in ranking(data, view) if not m.count]
    silent = [names[i] for i in none if i not in stated]
    other = [names[i] for i in none if i in stated]
    return ([t("pack.match_none_reported", lang, names=", ".join(silent))] if silent else []) + (
        [t("pack.match_left_out", lang, names=", ".join(other))] if other else [])


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
    """The delegations sharing any of the city's priorities, one line each ('Osaka City — 4 of 8:
    …'), at most ``limit``, and how many more there are."""
    say = labels_of(data, lang)
    total = len(host_weights(data))
    sharing = [m for m in ranking(data, view) if m.count]
    lines = [t("themes.rank_line", lang, name=say.delegation[m.locality_id], n=m.count, total=total,
               themes=", ".join(say.theme[x] for x in m.shared)) for m in sharing[:limit]]
    return lines, len(sharing) - len(lines)
