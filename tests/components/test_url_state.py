"""The URL contract: what is understood is kept, anything else is dropped with a reason."""

from __future__ import annotations

import pytest

from components.filters import Filters
from components.url_state import UrlState, parse, to_params
from tests.support.links import BAD


def run(data, **params: str | list[str]):
    return parse({k: v if isinstance(v, list) else [v] for k, v in params.items()}, data)


@pytest.mark.parametrize(("params", "name"), BAD, ids=[f"{n}-{i}" for i, (_, n) in enumerate(BAD)])
def test_bad_parameter_is_dropped_with_its_name(data, params, name):
    state, dropped = run(data, **params)
    assert name in {d.name for d in dropped}
    assert to_params(state).get(name, "") == "" or name in ("theme", "evidence")  # the bad part is gone


def test_good_values_survive_beside_a_bad_one(data):
    state, dropped = run(data, theme="green,nope", evidence="A,Z")
    assert state.filters.themes == ("green",)
    assert state.filters.evidence == ("A",)
    assert [d.value for d in dropped] == ["nope", "Z"]


def test_repeated_keys_and_commas_are_read_alike(data):
    state, dropped = run(data, theme=["green", "digital,green"])
    assert state.filters.themes == ("green", "digital") and not dropped


def test_case_is_forgiven_for_codes(data):
    state, dropped = run(data, country="jp", evidence="c")
    assert state.filters.countries == ("JP",) and state.filters.evidence == ("C",) and not dropped


def test_embed_parameters_belong_to_streamlit_and_pass_through(data):
    _, dropped = run(data, embed="true", embed_options="show_toolbar")
    assert dropped == ()


def test_a_full_state_round_trips_through_the_url(data):
    state = UrlState(
        lang="vi", filters=Filters(themes=("green", "digital"), match="all", countries=("JP", "IT"),
                                   kinds=("city",), evidence=("A", "B", "L", "C"), query="Osaka"),
        delegation="osaka", compare=("osaka", "torino"), color="country", order="match", present=True,
        series=("FD",), event_kinds=("ceremony",), event="friendship-symbol",
    )
    params = to_params(state)
    again, dropped = parse({k: [v] for k, v in params.items()}, data)
    assert again == state and dropped == ()


def test_defaults_are_left_out_of_the_url(data):
    assert to_params(UrlState()) == {}
    assert to_params(UrlState(filters=Filters(themes=("green",), match="any"))) == {"theme": "green"}
