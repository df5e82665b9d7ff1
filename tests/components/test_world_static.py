"""The SVG drawing of the map plan (light map and files): offline outlines, the plan's size and
numbers, a click names its delegation."""

from __future__ import annotations

import pytest

from components import maps, world_static
from components.dataset import DATA_DIR
from components.filters import Filters, apply
from components.style import colouring

ROOT = DATA_DIR.parent


def test_the_outlines_the_app_serves_are_the_shipped_ones():
    """The browser reads the outlines from static/topojson (Streamlit serves only real files
    under static/); they must be byte for byte those in data/topojson that the files use."""
    for name in ("world_110m.json", "LICENSE"):
        assert (ROOT / "static" / "topojson" / name).read_bytes() == (DATA_DIR / "topojson" / name).read_bytes()
    assert world_static.TOPOJSON_URL == "/app/static/topojson/"


def test_light_map_is_drawn_at_the_plans_size_with_every_number_and_a_clickable_id(data):
    view = apply(data, Filters(themes=("green",)))
    built, figure = world_static.light_map(data, view, "vi", "theme", "normal", None, "wide")
    assert (figure.layout.width, figure.layout.height) == maps.MAP_SIZES["wide"]
    clickable = {i for trace in figure.data if trace.customdata is not None for i in trace.customdata}
    assert clickable == set(view.ids)
    texts = [tr for tr in figure.data if tr.type == "scattergeo" and tr.mode == "text"]
    numbers = next(tr for tr in texts if all(x.isdigit() for x in tr.text))
    assert sorted(int(n) for n in numbers.text) == sorted(built.points["number"])
    names = next(tr for tr in texts if "TP. Hồ Chí Minh" in tr.text)
    assert set(names.text) - {"TP. Hồ Chí Minh"} == set(built.points.loc[built.points["side"] != "", "name"])


def test_light_map_ranges_keep_the_plans_shape(data):
    """plotly fits lon/lat ranges whose top and bottom edges bow as great circles: the ranges
    chosen make that bowed box exactly the map's shape, centred on the plan."""
    built, figure = world_static.light_map(data, apply(data, Filters()), "en", "theme", "normal", None, "wide")
    geo = figure.layout.geo
    west, east = geo.lonaxis.range
    assert east - west == 360 * built.frame.width / built.frame.world_width
    assert geo.center.lat == built.frame.latitude and geo.center.lon == built.frame.longitude


@pytest.mark.parametrize(("size", "titled", "text_px"), [(world_static.FILE_SIZE, True, 15), ((880, 387), False, 12)],
                         ids=["download", "pack"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_map_file_is_planned_at_the_pixels_it_is_drawn_at_and_fills_them(data, size, titled, text_px, lang):
    """Issues 20 and 21: the pack's map was planned for the screen and drawn smaller (names
    crowded and cut, white bands, a 5 pt key). The map part of the picture is exactly the plan's
    size and fills the height under the title; every text is at least ``text_px``."""
    view = apply(data, Filters())
    chosen = colouring(data, view, "theme", lang)
    figure = world_static.world_figure(data, view, chosen, lang, size=size, titled=titled, text_px=text_px).figure
    margin = figure.layout.margin
    assert (figure.layout.width, figure.layout.height) == size and margin.autoexpand is False
    area = (size[0] - margin.l - margin.r, size[1] - margin.t - margin.b)
    assert area[0] >= size[0] * 0.5 and area[1] >= size[1] - (200 if titled else 10)
    planned = maps.plan(data, view, chosen, lang, size=area)
    assert list(figure.layout.geo.lonaxis.range) == pytest.approx(world_static._bounds(planned)[:2])
    fonts = [figure.layout.legend.font.size, *(a.font.size for a in figure.layout.annotations if a.font.size)]
    fonts += [s for trace in figure.data if "textfont" in trace and trace.textfont.size is not None
              for s in (trace.textfont.size if isinstance(trace.textfont.size, tuple) else [trace.textfont.size])]
    assert min(fonts) >= min(text_px, 12)
