"""Hypothesis drives every page through AppTest with random and hostile links: no exception,
every dropped parameter announced. And random filter combinations keep their invariants."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components import url_state
from components.dataset import DATA_DIR, load_dataset
from components.filters import Filters, apply
from components.markdown import escape_md
from components.schema import EVENT_KINDS, EVIDENCE_LEVELS, LOCALITY_KINDS, SERIES
from components.ui.state import _clip

DATA = load_dataset(DATA_DIR)
PAGES = ("overview", "map", "themes", "delegations", "programme", "sources")
KNOWN = ("lang", "theme", "match", "country", "kind", "evidence", "q", "delegation", "compare", "color", "present",
         "series", "event_kind", "event")
GOOD = (*DATA.themes["id"], *DATA.countries["code"], *DATA.localities["id"], *DATA.programme["id"], *LOCALITY_KINDS,
        *EVIDENCE_LEVELS, *SERIES, *EVENT_KINDS, "any", "all", "en", "vi", "theme", "country", "1", "0")
HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "**bold** [x](javascript:alert(1))",
           ":red[hi] :smile:", "' OR 1=1 --", "../../etc/passwd", "\u202etxt", "😀🇻🇳", "Đà Nẵng", "%00", "a,b,,c",
           "\n\n# heading", "$x^2$", "x" * 250)
values = st.one_of(st.sampled_from(GOOD), st.sampled_from(HOSTILE), st.text(max_size=30),
                   st.lists(st.sampled_from(GOOD), min_size=1, max_size=4).map(",".join))
names = st.one_of(st.sampled_from(KNOWN), st.sampled_from(("utm_source", "foo", "<b>", "évidence", "*", "[x]")),
                  st.text(min_size=1, max_size=8))
links = st.dictionaries(names, st.lists(values, min_size=1, max_size=3), max_size=5)


@settings(max_examples=1020, deadline=None, suppress_health_check=list(HealthCheck))
@given(page=st.sampled_from(PAGES), params=links)
def test_any_link_gives_a_working_page_and_announces_every_drop(run_app, page, params):
    params = {k: v for k, v in params.items() if k.strip() and "\x00" not in k}
    app = run_app(page, **{k: v if len(v) > 1 else v[0] for k, v in params.items()})
    assert not app.exception, app.exception
    _, dropped = url_state.parse(params, DATA)
    shown = " ".join(w.value for w in app.warning)
    for drop in dropped:
        assert f"“{escape_md(_clip(drop.name))}=" in shown


@settings(max_examples=400, deadline=None)
@given(themes=st.lists(st.sampled_from(list(DATA.themes["id"])), max_size=4, unique=True),
       countries=st.lists(st.sampled_from(list(DATA.countries["code"])), max_size=3, unique=True),
       kinds=st.lists(st.sampled_from(LOCALITY_KINDS), max_size=3, unique=True),
       evidence=st.lists(st.sampled_from(EVIDENCE_LEVELS), min_size=1, max_size=3, unique=True),
       query=st.one_of(st.just(""), st.sampled_from(HOSTILE), st.text(max_size=12)))
def test_filter_combinations_keep_their_invariants(themes, countries, kinds, evidence, query):
    base = Filters(themes=tuple(themes), countries=tuple(countries), kinds=tuple(kinds), evidence=tuple(evidence),
                   query=query)
    any_ids = set(apply(DATA, base).ids)
    all_ids = set(apply(DATA, Filters(**{**base.__dict__, "match": "all"})).ids)
    assert all_ids <= any_ids
    shown = DATA.localities.set_index("id").loc[sorted(any_ids)]
    assert set(shown["evidence"]) <= set(evidence)
    assert not countries or set(shown["country"]) <= set(countries)
