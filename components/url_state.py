"""The URL contract: read every query parameter into one ``UrlState``, drop what is not
understood (each drop becomes a notice), and write the state back as a canonical, readable URL.
Pure; ``components/ui.py`` connects it to ``st.query_params``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from components.dataset import Dataset
from components.filters import DEFAULT_EVIDENCE, MATCH_MODES, Filters
from components.i18n import LANGUAGES
from components.schema import EVENT_KINDS, EVIDENCE_LEVELS, LOCALITY_KINDS, SERIES

COLOR_MODES = ("theme", "country", "evidence")
#: The two drawings of the world map: SVG (plotly geo) and WebGL (pydeck). Absent: chosen by the
#: renderer the browser reports.
MAP_KINDS = ("light", "webgl")
#: The orders of the Themes page's delegation × theme matrix (``?order=``), the first the default.
MATRIX_ORDERS = ("country", "themes", "match")
#: Parameters that Streamlit itself reads; they pass through untouched.
STREAMLIT_PARAMETERS = ("embed", "embed_options")
MAX_VALUE_LENGTH = 200
COMPARE_MIN, COMPARE_MAX = 2, 4


@dataclass(frozen=True)
class Dropped:
    """A parameter value the app could not use; ``reason`` is a strings.toml key."""

    name: str
    value: str
    reason: str


@dataclass(frozen=True)
class UrlState:
    lang: str | None = None  # None: not in the URL, take the browser's language
    filters: Filters = field(default_factory=Filters)
    delegation: str | None = None
    compare: tuple[str, ...] = ()
    color: str = "theme"
    order: str = MATRIX_ORDERS[0]
    present: bool = False
    series: tuple[str, ...] = ()
    event_kinds: tuple[str, ...] = ()
    event: str | None = None
    map: str | None = None


def _values(raw: Sequence[str]) -> list[str]:
    """Comma-separated and repeated values alike, trimmed, empty ones and repeats removed."""
    seen: dict[str, None] = {}
    for chunk in raw:
        for value in chunk.split(","):
            if value.strip():
                seen.setdefault(value.strip(), None)
    return list(seen)


def parse(params: Mapping[str, Sequence[str]], data: Dataset) -> tuple[UrlState, tuple[Dropped, ...]]:
    """Read query parameters (each name with all its values) into a state and the list of drops."""
    dropped: list[Dropped] = []
    state: dict[str, object] = {}
    filters: dict[str, object] = {}

    def choose(name: str, raw: Sequence[str], allowed: Sequence[str], normalise=str) -> tuple[str, ...]:
        kept = []
        for value in _values(raw):
            candidate = normalise(value)
            if candidate in allowed:
                kept.append(candidate)
            else:
                dropped.append(Dropped(name, value, "notice.reason.unknown"))
        return tuple(kept)

    def one(name: str, raw: Sequence[str], allowed: Sequence[str]) -> str | None:
        values = _values(raw)
        if not values:
            return None
        if len(values) == 1 and values[0] in allowed:
            return values[0]
        dropped.append(Dropped(name, ",".join(values), "notice.reason.unknown"))
        return None

    locality_ids = list(data.localities["id"])
    for name, raw in params.items():
        joined = ",".join(raw)
        if name in STREAMLIT_PARAMETERS:
            continue
        if len(joined) > MAX_VALUE_LENGTH:
            dropped.append(Dropped(name, joined, "notice.reason.too_long"))
            continue
        if name == "lang":
            state["lang"] = one(name, raw, LANGUAGES)
        elif name == "theme":
            filters["themes"] = choose(name, raw, list(data.themes["id"]))
        elif name == "match":
            filters["match"] = one(name, raw, MATCH_MODES) or "any"
        elif name == "country":
            filters["countries"] = choose(name, raw, list(data.countries["code"]), str.upper)
        elif name == "kind":
            filters["kinds"] = choose(name, raw, LOCALITY_KINDS)
        elif name == "evidence":
            filters["evidence"] = choose(name, raw, EVIDENCE_LEVELS, str.upper) or DEFAULT_EVIDENCE
        elif name == "q":
            filters["query"] = " ".join(v.strip() for v in raw if v.strip())
        elif name == "delegation":
            state["delegation"] = one(name, raw, locality_ids)
        elif name == "compare":
            chosen = choose(name, raw, locality_ids)
            if chosen and not COMPARE_MIN <= len(chosen) <= COMPARE_MAX:
                dropped.append(Dropped(name, ",".join(chosen), "notice.reason.compare_count"))
                chosen = ()
            state["compare"] = chosen
        elif name == "color":
            state["color"] = one(name, raw, COLOR_MODES) or "theme"
        elif name == "order":
            state["order"] = one(name, raw, MATRIX_ORDERS) or MATRIX_ORDERS[0]
        elif name == "present":
            state["present"] = one(name, raw, ("1", "0")) == "1"
        elif name == "series":
            state["series"] = choose(name, raw, SERIES)
        elif name == "event_kind":
            state["event_kinds"] = choose(name, raw, EVENT_KINDS)
        elif name == "event":
            state["event"] = one(name, raw, list(data.programme["id"]))
        elif name == "map":
            state["map"] = one(name, raw, MAP_KINDS)
        else:
            dropped.append(Dropped(name, joined, "notice.reason.unknown_parameter"))
    return UrlState(filters=Filters(**filters), **state), tuple(dropped)  # type: ignore[arg-type]


def to_params(state: UrlState) -> dict[str, str]:
    """The canonical query parameters for a state; defaults are left out to keep links short."""
    f = state.filters
    params = {
        "lang": state.lang or "",
        "theme": ",".join(f.themes),
        "match": f.match if f.themes and f.match != "any" else "",
        "country": ",".join(f.countries),
        "kind": ",".join(f.kinds),
        "evidence": ",".join(f.evidence) if f.evidence != DEFAULT_EVIDENCE else "",
        "q": f.query.strip(),
        "delegation": state.delegation or "",
        "compare": ",".join(state.compare),
        "color": state.color if state.color != "theme" else "",
        "order": state.order if state.order != MATRIX_ORDERS[0] else "",
        "present": "1" if state.present else "",
        "series": ",".join(state.series),
        "event_kind": ",".join(state.event_kinds),
        "event": state.event or "",
        "map": state.map or "",
    }
    return {k: v for k, v in params.items() if v}
