"""Framing the world map for a room: the view that fits the delegations shown (Asia-Pacific-centred
when that costs little), longitudes unwrapped so every arc takes the short way, arcs as computed
curves, and label placement that keeps names inside the map and clear of arcs, markers and each
other. Everything is in deck.gl's Web Mercator pixels, so what is placed here is what is drawn.
Pure; no Streamlit, no pydeck."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

#: Centre longitudes of an Asia-Pacific-centred view. Such a view is taken when it is at most
#: ``ASIA_PACIFIC_SLACK`` degrees wider than the narrowest view of the same places.
ASIA_PACIFIC = (60.0, 180.0)
ASIA_PACIFIC_SLACK = 60.0
MIN_ZOOM, MAX_ZOOM = 0.0, 4.2
#: Room kept free at each edge of the map, in pixels, for markers and the first letters of labels.
EDGE = 44.0
#: Labels never come closer than this to the map's edge.
INSET = 4.0
#: Pixels of a label line per pixel of font size, and of width per character (bold sans, Latin
#: and Vietnamese letters); slightly generous, so a drawn label never exceeds its box.
LINE_HEIGHT, CHAR_WIDTH = 1.3, 0.6


@dataclass(frozen=True)
class Frame:
    """A view of the map: where it is centred, how far it is zoomed, the map's size in pixels it
    was fitted for, and the western longitude from which longitudes are counted (``west`` to
    ``west + 360``), so that the delegations shown lie on one continuous stretch."""

    longitude: float
    latitude: float
    zoom: float
    width: float
    height: float
    west: float

    @property
    def world_width(self) -> float:
        """The width in pixels of the whole world (360° of longitude) at this zoom: a map drawn
        wider than this shows some places twice."""
        return 512 * 2**self.zoom

    def unwrap(self, lon: float) -> float:
        return (lon - self.west) % 360.0 + self.west

    def screen(self, lon: float, lat: float) -> tuple[float, float]:
        """Pixel position on the map (0, 0 at its top left) of a place (longitude unwrapped)."""
        return self.screen_raw(self.unwrap(lon), lat)

    def screen_raw(self, lon: float, lat: float) -> tuple[float, float]:
        """Pixel position of a longitude as given (an arc's vertex may lie in a world copy)."""
        x, y = pixel(lon, lat, self.zoom)
        cx, cy = pixel(self.longitude, self.latitude, self.zoom)
        return x - cx + self.width / 2, y - cy + self.height / 2

    def screen_many(self, lons: np.ndarray, lats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``screen_raw`` for arrays of longitudes and latitudes."""
        scale = 512 * 2**self.zoom
        cx, cy = pixel(self.longitude, self.latitude, self.zoom)
        lats = np.radians(np.clip(lats, -85.0, 85.0))
        xs = (lons + 180) / 360 * scale
        ys = (1 - np.log(np.tan(np.pi / 4 + lats / 2)) / np.pi) / 2 * scale
        return xs - cx + self.width / 2, ys - cy + self.height / 2

    def place(self, x: float, y: float) -> tuple[float, float]:
        """The (unwrapped) longitude and latitude drawn at pixel (x, y) of the map."""
        cx, cy = pixel(self.longitude, self.latitude, self.zoom)
        return _lonlat(x + cx - self.width / 2, y + cy - self.height / 2, self.zoom)


def pixel(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web Mercator position in deck.gl pixels (a 512-pixel world at zoom 0); any longitude."""
    scale = 512 * 2**zoom
    lat = max(min(lat, 85.0), -85.0)
    x = (lon + 180) / 360 * scale
    y = (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2 * scale
    return x, y


def _lonlat(x: float, y: float, zoom: float) -> tuple[float, float]:
    scale = 512 * 2**zoom
    lon = x / scale * 360 - 180
    lat = math.degrees(2 * math.atan(math.exp(math.pi * (1 - 2 * y / scale))) - math.pi / 2)
    return lon, lat


def _west_edge(lons: Sequence[float]) -> float:
    """Where the view begins: in the middle of an empty stretch of longitude (so a marker nudged
    aside stays on its side of the cut).
    The widest stretch gives the narrowest view; a view centred on Asia and the Pacific is taken
    instead when it is at most ``ASIA_PACIFIC_SLACK`` degrees wider."""
    ring = sorted({((lon + 180) % 360) - 180 for lon in lons})
    if len(ring) == 1:
        return ring[0] - 180
    cuts = []  # (span of the view, its centre, its western edge)
    for i, start in enumerate(ring):
        gap = (ring[(i + 1) % len(ring)] - start) % 360
        west = ring[(i + 1) % len(ring)]
        centre = ((west + (360 - gap) / 2 + 180) % 360) - 180
        cuts.append((360 - gap, centre if centre > -180 else 180.0, west - gap / 2))
    narrowest = min(cuts)
    asian = [c for c in cuts if ASIA_PACIFIC[0] <= c[1] <= ASIA_PACIFIC[1] or
             ASIA_PACIFIC[0] <= c[1] + 360 <= ASIA_PACIFIC[1]]
    chosen = min(asian) if asian and min(asian)[0] - narrowest[0] <= ASIA_PACIFIC_SLACK else narrowest
    return chosen[2]


def fit(lons: Sequence[float], lats: Sequence[float], width: float, height: float) -> Frame:
    """The view that shows every place, with ``EDGE`` pixels free on each side of a map of
    ``width`` × ``height`` pixels."""
    west = _west_edge(lons)
    unwrapped = [(lon - west) % 360.0 + west for lon in lons]
    xs, ys = zip(*(pixel(lon, lat, 0) for lon, lat in zip(unwrapped, lats, strict=True)), strict=True)
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    room_x, room_y = max(width - 2 * EDGE, 1.0), max(height - 2 * EDGE, 1.0)
    zoom = min(math.log2(room_x / span_x) if span_x else MAX_ZOOM,
               math.log2(room_y / span_y) if span_y else MAX_ZOOM, MAX_ZOOM)
    # never so far out that the world is narrower than the map: it would show some places twice
    zoom = max(zoom, MIN_ZOOM, math.log2(width / 512))
    lon, lat = _lonlat((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2, 0)
    return Frame(longitude=lon, latitude=lat, zoom=zoom, width=width, height=height, west=west)


#: How far a marker may be moved aside, in marker radii, and the steps tried up to there.
SPREAD_REACH, SPREAD_STEP, SPREAD_ANGLES = 4.0, 1.0, 48


def spread(positions: Sequence[tuple[float, float]], radius: float,
           fixed: Sequence[tuple[float, float, float]] = (),
           cost: Callable[[int, float, float], float] = lambda i, x, y: 0.0) -> list[tuple[float, float]]:
    """Markers set down one by one in the order given, each at the spot nearest its true place
    where it covers no marker set down before it and no ``fixed`` circle (x, y, radius: the
    host's dot), so each stays visible and clickable: a marker that touches nothing stays where
    it is, one that does is set beside the others, as close as it fits (a tight stack around the
    place, never a chain pushed across the map). ``cost(i, x, y)`` adds pixels to a spot for
    marker ``i`` (one over a neighbouring country costs more than the sea by its own coast); the
    spot with the least distance plus cost wins. Pixel positions in, pixel positions out."""
    reach = 2 * radius + 4  # white rims apart by a pixel
    rings = _rings(radius)
    circles = np.array([(fx, fy, radius + fr + 4) for fx, fy, fr in fixed]).reshape(-1, 3)
    placed = np.empty((0, 2))
    for i, (x, y) in enumerate(positions):
        spots = rings[:, :2] + (x, y)
        clear = np.ones(len(spots), dtype=bool)
        for (px, py), need in [*((p, reach) for p in placed), *((c[:2], c[2]) for c in circles)]:
            clear &= np.hypot(spots[:, 0] - px, spots[:, 1] - py) >= need
        best, best_score = (x, y), math.inf
        for k in np.flatnonzero(clear):
            distance = rings[k, 2]
            if distance >= best_score:
                break
            score = distance + cost(i, *spots[k])
            if score < best_score:
                best, best_score = (float(spots[k, 0]), float(spots[k, 1])), score
        placed = np.vstack([placed, best])
    return [(float(px), float(py)) for px, py in placed]


@functools.lru_cache(maxsize=8)
def _rings(radius: float) -> np.ndarray:
    """Offsets (dx, dy, distance) round a point, nearest first, out to ``SPREAD_REACH`` radii."""
    distance = np.repeat(np.arange(1, int(SPREAD_REACH * radius / SPREAD_STEP) + 1) * SPREAD_STEP, SPREAD_ANGLES)
    angle = np.tile(np.arange(SPREAD_ANGLES) * 2 * math.pi / SPREAD_ANGLES, len(distance) // SPREAD_ANGLES)
    rings = np.column_stack([distance * np.cos(angle), distance * np.sin(angle), distance])
    return np.vstack([[0.0, 0.0, 0.0], rings])


def curve(start: tuple[float, float], end: tuple[float, float], steps: int = 24) -> list[list[float]]:
    """A gentle arc from ``start`` to ``end`` (lon, lat) the short way round, bowed to the north,
    as [lon, lat] vertices: deck.gl draws straight pixels between them. The end is taken in the
    world copy nearest the start, so an arc may leave the map at one edge."""
    end = (end[0] + 360 * round((start[0] - end[0]) / 360), end[1])
    (x0, y0), (x1, y1) = (pixel(p[0], p[1], 0) for p in (start, end))
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy)
    nx, ny = (-dy / length, dx / length) if length else (0.0, 0.0)
    if ny > 0:  # bow north (smaller y) so arcs into the host fan out above it
        nx, ny = -nx, -ny
    cx, cy = (x0 + x1) / 2 + nx * length * 0.18, (y0 + y1) / 2 + ny * length * 0.18
    points = []
    for k in range(steps + 1):
        s = k / steps
        x = (1 - s) ** 2 * x0 + 2 * (1 - s) * s * cx + s**2 * x1
        y = (1 - s) ** 2 * y0 + 2 * (1 - s) * s * cy + s**2 * y1
        lon, lat = _lonlat(x, y, 0)
        points.append([round(lon, 4), round(lat, 4)])
    return points


Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Placement:
    """Where a name goes: ``side`` is one of ``SIDES`` (e.g. 'right', 'below-left'), or '' for no
    name on the map (the numbered key names it). ``at`` is the pixel point the text hangs from on
    that side: the marker's centre when the name stands beside it, else the far end of a leader
    line from the marker (``leader`` true)."""

    side: str
    box: Box | None
    at: tuple[float, float] | None = None
    leader: bool = False


def label_box(x: float, y: float, text: str, size: float, gap: float, side: str) -> Box:
    """The pixel box a label of ``size`` px takes on ``side`` of a marker at (x, y)."""
    dx, dy = offset(side, gap)
    return text_box(x + dx, y + dy, text, size, *ANCHORS[side])


def text_box(x: float, y: float, text: str, size: float, anchor: str, baseline: str) -> Box:
    """The pixel box of ``text`` at ``size`` px drawn at (x, y) with deck.gl's text anchor and
    alignment baseline."""
    width, height = len(text) * size * CHAR_WIDTH, size * LINE_HEIGHT
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    top = {"center": y - height / 2, "top": y, "bottom": y - height}[baseline]
    return left, top, left + width, top + height


#: Where a label may go, in the order tried, with the text anchor and baseline deck.gl draws it by.
ANCHORS = {"right": ("start", "center"), "left": ("end", "center"), "above": ("middle", "bottom"),
           "below": ("middle", "top"), "below-left": ("end", "top"), "below-right": ("start", "top"),
           "above-left": ("end", "bottom"), "above-right": ("start", "bottom"), "": ("start", "center")}
SIDES = tuple(side for side in ANCHORS if side)
_DIAGONAL = 0.72


def offset(side: str, gap: float) -> tuple[float, float]:
    """The label's pixel offset from the marker's centre for ``side``."""
    d = gap * _DIAGONAL
    return {"right": (gap, 0.0), "left": (-gap, 0.0), "above": (0.0, -gap), "below": (0.0, gap),
            "below-left": (-d, d), "below-right": (d, d), "above-left": (-d, -d), "above-right": (d, -d)
            }.get(side, (0.0, 0.0))


def _overlaps(a: Box, b: Box) -> bool:
    return not (a[2] < b[0] or a[0] > b[2] or a[3] < b[1] or a[1] > b[3])


def _segment_hits_box(p: tuple[float, float], q: tuple[float, float], box: Box) -> bool:
    """Liang–Barsky clipping: does the segment p–q pass through the box?"""
    (x0, y0), (x1, y1) = p, q
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for edge_p, edge_q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if edge_p == 0:
            if edge_q < 0:
                return False
            continue
        ratio = edge_q / edge_p
        if edge_p < 0:
            low = max(low, ratio)
        else:
            high = min(high, ratio)
        if low > high:
            return False
    return True


def crosses(path: Sequence[tuple[float, float]], box: Box) -> bool:
    return any(_segment_hits_box(path[i], path[i + 1], box) for i in range(len(path) - 1))


def drawn_arcs(frame: Frame, paths: Sequence[Sequence[Sequence[float]]]) -> list[list[tuple[float, float]]]:
    """Each arc as the pixel polyline the map draws (an arc the short way round may leave the map
    at one edge; it is drawn as given, not wrapped)."""
    return [[frame.screen_raw(lon, lat) for lon, lat in path] for path in paths if path]


#: Leader lines: lengths tried (in marker radii, shortest first) and directions (degrees from east,
#: clockwise on screen), when no side next to the marker is free.
LEADER_LENGTHS = (2.5, 3.5, 5.0, 7.0, 9.5, 12.5)
LEADER_ANGLES = (0, 180, -30, 30, 150, -150, -60, 60, -120, 120, -90, 90)


def _side_of(angle: float) -> str:
    """The side a name takes at the end of a leader line pointing at ``angle`` degrees."""
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    if abs(cos) >= 0.5:
        horizontal = "right" if cos > 0 else "left"
        return horizontal if abs(sin) < 0.2 else f"{'below' if sin > 0 else 'above'}-{horizontal}"
    return "below" if sin > 0 else "above"


def _candidates(x: float, y: float, name: str, size: float, gap: float, radius: float
                ) -> Iterator[tuple[Placement, list[tuple[float, float]] | None, float]]:
    """Where a name may go, best first: each side beside the marker, then at the end of ever longer
    leader lines (with the line, from the marker's rim to its end, and its length in radii; 0
    beside the marker)."""
    for side in SIDES:
        yield Placement(side, label_box(x, y, name, size, gap, side), (x, y)), None, 0.0
    for length in LEADER_LENGTHS:
        for angle in LEADER_ANGLES:
            cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
            reach = max(gap, radius * length)
            end = (x + reach * cos, y + reach * sin)
            side = _side_of(angle)
            yield (Placement(side, label_box(*end, name, size, 3.0, side), end, leader=True),
                   [(x + (radius + 1) * cos, y + (radius + 1) * sin), end], length)


def _fits(box: Box | None, leader: list[tuple[float, float]] | None, inside: Box, blocking: Sequence[Box],
          own: Box, leaders: Sequence[Sequence[tuple[float, float]]], arcs: Sequence[Sequence[tuple[float, float]]],
          nearest: tuple[float, float, float, Sequence[tuple[float, float, float]]] | None) -> bool:
    """Whether a name's box stays ``inside`` the map, touches nothing ``blocking`` (markers other than
    its own, names placed before), no leader line nor any of ``arcs``, its own leader line crosses
    nothing, and (given ``nearest``: its mark's x, y, radius and every dot) no dot but its own is
    nearer to it."""
    assert box is not None
    if not (inside[0] <= box[0] and box[2] <= inside[2] and inside[1] <= box[1] and box[3] <= inside[3]):
        return False
    if any(_overlaps(box, o) for o in blocking) or any(crosses(p, box) for p in [*leaders, *arcs]):
        return False
    if leader and (_overlaps(box, own) or any(crosses(leader, o) for o in blocking)):
        return False
    return nearest is None or nearest_is_own(box, nearest[:3], nearest[3])


def _first_fit(candidates: Iterator[tuple[Placement, list[tuple[float, float]] | None, float]],
               ground: Callable[[Box], int], worst: int = 1
               ) -> tuple[Placement, list[tuple[float, float]] | None] | None:
    """The first of the fitting ``candidates`` over the sea or its own country; failing that, among
    the candidates as near (the sides, or leader lines of one length), the first over land no
    guest comes from, rather than a longer leader line; failing all, the first at a ``ground``
    level of at most ``worst`` (2 lets a ringed name cross a guest's country as a last resort)."""
    fallback = last_resort = None
    reach_tried = None
    for candidate, leader, reach in candidates:
        if reach != reach_tried:
            if fallback:
                return fallback
            reach_tried = reach
        assert candidate.box is not None
        level = ground(candidate.box)
        if level == 0:
            return candidate, leader
        if level == 1 and fallback is None:
            fallback = candidate, leader
        if level <= worst and last_resort is None:
            last_resort = candidate, leader
    return fallback or last_resort


def box_gap(box: Box, x: float, y: float) -> float:
    """Distance in pixels from a point to a box (0 inside it)."""
    return math.hypot(max(box[0] - x, 0, x - box[2]), max(box[1] - y, 0, y - box[3]))


#: How much nearer (pixels) a name must be to its own dot's rim than to any other's: a name about
#: as near two dots is read as the wrong one's half the time.
CLEARLY_NEARER = 6.0


def nearest_is_own(box: Box, own: tuple[float, float, float], dots: Sequence[tuple[float, float, float]]) -> bool:
    """Whether the label's box is clearly nearer the rim of its own dot (x, y, radius; a focused
    one's ring) than the rim of any other dot: a reader takes a name for the dot nearest to it."""
    mine = box_gap(box, own[0], own[1]) - own[2]
    return all(box_gap(box, x, y) - r > mine + CLEARLY_NEARER for x, y, r in dots
               if math.hypot(x - own[0], y - own[1]) > 1e-6)


#: How far over foreign land a name may lie: ``ground(n, box)`` says 0 (the sea or its own country),
#: 1 (over a country no delegation shown comes from) or 2 (over another delegation's country).
Ground = Callable[[int, Box], int]


def place_labels(frame: Frame, places: Sequence[tuple[float, float, str]], size: float, radius: float,
                 markers: Sequence[Box], arcs: Sequence[Sequence[tuple[float, float]]], limit: int,
                 first_gap: float | None = None, dots: Sequence[tuple[float, float, float]] = (),
                 ground: Ground = lambda n, box: 0) -> list[Placement]:
    """Place the names of ``places`` (lon, lat, name; in priority order, the name as long as the
    longest it is drawn in): beside the marker where the label stays ``INSET`` px inside the map
    and touches no marker, arc or label placed before it; failing that, at the end of a short
    leader line that crosses no marker or label; failing that, the same allowing arcs (a name's
    outline keeps it readable over a thin arc). A name never covers a marker: ``markers`` are the
    boxes of every marker (a label may touch its own). Only the first ``limit`` places are tried.
    ``first_gap`` overrides the gap of the first place (a focused name clears its ring). A name
    goes only where its own mark (the marker, or the ring ``first_gap`` clears) is the nearest of
    ``dots`` (x, y, radius: every dot, the host's too), so a leader line never carries it next to
    another place; only a focused name, marked by its ring, may go elsewhere when that fails.
    A name never lies over another delegation's country (``ground`` 2: a reader would take the
    name for that country's), and over the sea or its own country before other land; again only
    a ringed name may, when nothing else is free."""
    labels: list[Box] = []
    leaders: list[list[tuple[float, float]]] = []
    inside = (INSET, INSET, frame.width - INSET, frame.height - INSET)
    result = []
    for n, (lon, lat, name) in enumerate(places):
        chosen = Placement("", None)
        if n < limit and name:
            x, y = frame.screen(lon, lat)
            gap = first_gap if n == 0 and first_gap is not None else radius + 4
            own = (x - radius - 2, y - radius - 2, x + radius + 2, y + radius + 2)
            blocking = [*labels, *(m for m in markers if m != own)]
            ringed = n == 0 and first_gap is not None
            for clear_of_arcs, nearest in ((True, True), (False, True), *(((False, False),) if ringed else ())):
                fitting = ((candidate, leader, reach) for candidate, leader, reach in
                           _candidates(x, y, name, size, gap, radius) if _fits(
                               candidate.box, leader, inside, blocking, own, leaders, arcs if clear_of_arcs else (),
                               (x, y, gap - 4, dots) if nearest else None))
                found = _first_fit(fitting, functools.partial(ground, n), worst=1 if nearest else 2)
                if found:
                    chosen, leader = found
                    leaders.extend([leader] if leader else [])
                    labels.append(chosen.box)
                    break
        result.append(chosen)
    return result
