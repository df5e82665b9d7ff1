"""Which country a point of the map lies in, from the outlines the map draws (data/): a marker
moved aside must stay over its own country or the sea beside it, never over a neighbour; a name
must not lie over another delegation's country. Pure."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Outline:
    """One country's polygons (outer rings and holes alike: the even–odd rule tells them apart)
    and the box around them, to skip it quickly."""

    iso3: str
    rings: tuple[Ring, ...]
    box: tuple[float, float, float, float]  # west, south, east, north


def outlines(world: Mapping[str, Any]) -> tuple[Outline, ...]:
    """The countries of a GeoJSON FeatureCollection (Polygon and MultiPolygon features)."""
    found = []
    for feature in world.get("features", ()):
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        rings = tuple(tuple((float(x), float(y)) for x, y, *_ in ring) for polygon in polygons for ring in polygon)
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        found.append(Outline(feature["properties"]["iso_a3"], rings, (min(xs), min(ys), max(xs), max(ys))))
    return tuple(found)


def _inside(rings: Sequence[Ring], lon: float, lat: float) -> bool:
    """Even–odd ray casting over all rings of a country."""
    inside = False
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
    return inside


def country_at(countries: Sequence[Outline], lon: float, lat: float) -> str:
    """The ISO 3166 alpha-3 code of the country at (lon, lat), any longitude; '' for the sea."""
    lon = (lon + 180) % 360 - 180
    for country in countries:
        west, south, east, north = country.box
        if west <= lon <= east and south <= lat <= north and _inside(country.rings, lon, lat):
            return country.iso3
    return ""


Projection = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


def country_mask(countries: Sequence[Outline], project: Projection, width: int, height: int) -> np.ndarray:
    """Which country each pixel of a ``width`` × ``height`` map shows: 1 + its index in
    ``countries``, 0 for the sea. ``project(lons, lats)`` gives the pixel x and y of longitudes as
    given; a map may show longitudes beyond ±180, so every ring is also drawn 360° east and west.
    Holes are painted as land: a name over a lake reads as over the country anyway."""
    image = Image.new("I", (width, height), 0)
    draw = ImageDraw.Draw(image)
    for number, country in enumerate(countries, start=1):
        for ring in country.rings:
            points = np.asarray(ring)
            for shift in (-360.0, 0.0, 360.0):
                xs, ys = project(points[:, 0] + shift, points[:, 1])
                if xs.max() < 0 or xs.min() > width or ys.max() < 0 or ys.min() > height:
                    continue
                draw.polygon(list(zip(xs.tolist(), ys.tolist(), strict=True)), fill=number)
    return np.asarray(image)
