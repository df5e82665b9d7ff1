"""One visual style, decided once: theme colours from themes.csv, the colours of countries and
evidence levels, and which colour each delegation gets on the map. Pure; no Streamlit."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.dataset import Dataset
from components.filters import View
from components.i18n import t
from components.labels import labels_of
from components.schema import SERIES

NO_THEME_COLOR = "#8C8C8C"
HOST_COLOR = "#A50026"
EVIDENCE_COLORS = {"A": "#0072B2", "B": "#C26A00", "L": "#117733", "C": "#8C8C8C"}
#: 16 colours for the 16 countries: Okabe–Ito and Paul Tol's colour-blind-safe sets, darkened
#: where needed so each keeps 3:1 contrast on white. Countries get them in countries.csv order.
COUNTRY_PALETTE = (
    "#0072B2", "#D55E00", "#117733", "#AA4499", "#332288", "#8F6B00", "#CC3311", "#007F73",
    "#882255", "#5F7A1F", "#1F4E79", "#B5477A", "#7A5C3E", "#3D3D3D", "#6A3D9A", "#B15928",
)
#: The interface's neutral colours: text, secondary text, gridlines and rules, paper.
INK = "#1B2733"
PRIMARY = "#0072B2"  # bars and links; the theme's primaryColor in .streamlit/config.toml
MUTED = "#5A6670"
GRID = "#EEF2F5"
RULE = "#C9D3DB"
PAPER = "#FFFFFF"
#: The ring around the delegation the tour or a card focuses on.
FOCUS_RING = "#FFC20A"
#: Programme series: Friendship Dialogue, Economic Forum, C4IR, bilateral, other.
SERIES_COLORS = dict(zip(SERIES, ("#0072B2", "#D55E00", "#117733", "#AA4499", MUTED), strict=True))
FONT_FAMILY = "'Source Sans 3', 'Source Sans Pro', 'Noto Sans', sans-serif"


@dataclass(frozen=True)
class MapStyle:
    ocean: str
    land: str
    participating: str
    border: str
    label: str
    label_outline: str
    label_px: int
    radius_px: int
    outline_px: float
    arc_alpha: int


NORMAL = MapStyle(ocean="#D4E4F0", land="#F7F7F4", participating="#DDBF7E", border="#9FB2C1",
                  label=INK, label_outline=PAPER, label_px=14, radius_px=8, outline_px=1.5,
                  arc_alpha=120)
#: For projectors: dark sea, light labels at 26 px, bigger markers with a white ring.
PRESENTATION = MapStyle(ocean="#0B1B2B", land="#23364A", participating="#7D6A43", border="#6C8AA3",
                        label=PAPER, label_outline="#0B1B2B", label_px=26, radius_px=13, outline_px=3,
                        arc_alpha=170)


def rgb(hex_colour: str, alpha: int = 255) -> list[int]:
    """'#0072B2' → [0, 114, 178, alpha], the form deck.gl layers take."""
    return [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)] + [alpha]


def theme_colors(data: Dataset) -> dict[str, str]:
    return dict(zip(data.themes["id"], data.themes["color"], strict=True))


def country_colors(data: Dataset) -> dict[str, str]:
    return dict(zip(data.countries["code"], COUNTRY_PALETTE, strict=False))


def lead_themes(data: Dataset, view: View) -> pd.Series:
    """Each delegation's theme for colouring: the theme it made most statements in, among the
    chosen themes when themes are filtered (ties: the earlier one); None if it stated none."""
    counts = (view.priorities.groupby(["locality_id", "theme_id"]).size().unstack(fill_value=0)
              .reindex(index=view.localities["id"], columns=data.themes["id"], fill_value=0))
    if view.filters.themes:
        counts = counts[list(view.filters.themes)]
    lead = counts.idxmax(axis=1).where(counts.max(axis=1) > 0)
    return lead.astype(object).where(lead.notna(), None)


@dataclass(frozen=True)
class Colouring:
    """The colour of each delegation (by id) and the legend that explains it."""

    colors: dict[str, str]
    legend: tuple[tuple[str, str], ...]  # (label, colour), in legend order


def colouring(data: Dataset, view: View, mode: str, lang: str) -> Colouring:
    ids = view.localities["id"]
    if mode == "country":
        palette = country_colors(data)
        names = labels_of(data, lang).country
        colors = dict(zip(ids, view.localities["country"].map(palette), strict=True))
        present = set(view.localities["country"])
        shown = [c for c in data.countries["code"] if c in present]
        return Colouring(colors, tuple((names[c], palette[c]) for c in shown))
    if mode == "evidence":
        colors = dict(zip(ids, view.localities["evidence"].map(EVIDENCE_COLORS), strict=True))
        present = set(view.localities["evidence"])
        shown = [e for e in EVIDENCE_COLORS if e in present]
        return Colouring(colors, tuple((t(f"evidence.{e}.label", lang), EVIDENCE_COLORS[e]) for e in shown))
    palette = theme_colors(data)
    labels = labels_of(data, lang).theme
    lead = lead_themes(data, view)
    colors = {i: palette.get(theme, NO_THEME_COLOR) if theme else NO_THEME_COLOR for i, theme in lead.items()}
    leading = set(lead.dropna())
    used = [th for th in data.themes["id"] if th in leading]
    legend = [(labels[th], palette[th]) for th in used]
    if lead.isna().any():
        legend.append((t("map.legend.no_theme", lang), NO_THEME_COLOR))
    return Colouring(colors, tuple(legend))



Legend = tuple[tuple[str, str], ...]  # (label, colour)


def with_card(legend: Legend, card_themes: Legend) -> Legend:
    """A map's legend and the themes of the card shown beside it, each colour once: the card
    lists every theme its delegation stated in the theme's colour, the marker shows one."""
    shown = {colour for _, colour in legend}
    return legend + tuple(entry for entry in card_themes if entry[1] not in shown)
