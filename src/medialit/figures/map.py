"""The Kursk map: where the article's places are, and where "eastern Russia" is not.

Drawn from Natural Earth outlines (``data/map/countries-50m.json``) and the
course's ``places``. Every choice a map maker makes is visible here, because
the lesson is that maps encode choices:

* Crimea sits inside Russia's polygon in the outline data. It is cut out and
  drawn as Ukrainian territory occupied by Russia since 2014 (hatched, labelled).
* Other occupied areas (parts of Donbas held since 2014, the areas taken since
  2022) and the 2024 front line are not drawn; the caption says so.
* The August 2024 incursion is a dashed circle of the radius the course data
  gives (``places.yaml: incursion_area``): a schematic area, labelled as such.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.patches import Ellipse, PathPatch, Rectangle
from matplotlib.path import Path as MplPath

from medialit import diskcache
from medialit.figures import palette
from medialit.figures.common import MAP_FILE, course_or_default
from medialit.figures.display import (
    DPI,
    FONT_SIZE,
    SMALL,
    WIDTH,
    AccessibleFigure,
    DataTable,
    course_style,
    new_figure,
    source_line,
)
from medialit.figures.topojson import Country, load_countries, ring_contains

OUTLINE_SOURCE = "Natural Earth outlines (public domain) via npm world-atlas 2.0.2"

# The map's frame (degrees): Ukraine, western Russia up to Moscow, and neighbours.
EXTENT = (21.0, 43.5, 42.5, 57.0)  # lon_min, lat_min, lon_max, lat_max
# A point inside Crimea, used only to pick Crimea's ring out of Russia's polygons
# when the course data has no place of kind "occupied" (Simferopol).
CRIMEA_PROBE = (34.10, 44.95)
KM_PER_DEGREE = 111.32
# The zoom panel's frame around the border near Kursk.
ZOOM = (33.4, 50.2, 38.4, 52.6)

# The lower panel shows all of Russia at about 2.4 pixels a degree of longitude and 4.7 of
# latitude: its outline is simplified to half a pixel there (lon, lat degrees). The upper
# panels (24 pixels a degree and more) draw the outlines as they are, leaving out only the
# rings that lie wholly outside their frame.
SPAN_TOLERANCE = (0.2, 0.1)
OUTLINES_FORMAT = "medialit-map-outlines-1"

NEIGHBOURS = (
    "Belarus", "Poland", "Moldova", "Romania", "Lithuania", "Latvia", "Estonia",
    "Slovakia", "Hungary", "Georgia", "Turkey", "Bulgaria", "Kazakhstan", "Finland",
)


def rings_path(rings: Iterable[np.ndarray]) -> MplPath:
    """One compound matplotlib Path from closed rings (outer rings and holes alike)."""
    vertices, codes = [], []
    for ring in rings:
        if len(ring) < 3:
            continue
        vertices.append(ring)
        ring_codes = np.full(len(ring), MplPath.LINETO, dtype=MplPath.code_type)
        ring_codes[0] = MplPath.MOVETO
        ring_codes[-1] = MplPath.CLOSEPOLY
        codes.append(ring_codes)
    if not vertices:
        return MplPath(np.zeros((0, 2)))
    return MplPath(np.concatenate(vertices), np.concatenate(codes))


def unwrap_antimeridian(rings: Iterable[np.ndarray]) -> list[np.ndarray]:
    """Count western-hemisphere longitudes as 180-360°E where a ring crosses the date line.

Natural Earth rings that cross 180° jump from +180 to -180; shifting the
negative side keeps Russia's far east (Chukotka) contiguous at about 190°E.
"""
    out = []
    for ring in rings:
        lon = ring[:, 0]
        if lon.max() < 0 or lon.max() - lon.min() > 180:
            ring = ring.copy()
            ring[lon < 0, 0] += 360.0
        out.append(ring)
    return out


def _add(ax: Axes, patch: Any) -> None:
    """Add a patch without autoscaling: the frame is fixed, and scanning every bezier of a
    1:50m outline for data limits costs about a second per map."""
    ax.add_artist(patch)


def split_occupied(country: Country, lon: float, lat: float) -> tuple[list, list]:
    """Rings of ``country`` without, and with, the polygon containing (lon, lat)."""
    kept, taken = [], []
    for polygon in country.polygons:
        (taken if ring_contains(polygon[0], lon, lat) else kept).extend(polygon)
    return kept, taken


def _find_place(places: Sequence[Any], key: str) -> Any:
    key = key.lower()
    for place in places:
        if place.id.lower() == key or place.name.lower() == key:
            return place
    for place in places:
        if place.id.lower().startswith(key) or place.name.lower().startswith(key):
            return place
    names = ", ".join(sorted(p.id for p in places)) or "none"
    raise LookupError(f"places: no place {key!r} (known: {names})")


def _by_kind(places: Sequence[Any], *kinds: str) -> Any | None:
    for place in places:
        if (getattr(place, "kind", "") or "").lower() in kinds:
            return place
    return None


def _visible_point(country: Country, extent: tuple[float, float, float, float]) -> tuple:
    """A label position inside the visible part of a country (grid median, snapped)."""
    lon0, lat0, lon1, lat1 = extent
    xs, ys = np.meshgrid(np.linspace(lon0, lon1, 60), np.linspace(lat0, lat1, 40))
    grid = np.column_stack([xs.ravel(), ys.ravel()])
    inside = np.zeros(len(grid), dtype=bool)
    for polygon in country.polygons:
        ring = polygon[0]
        if len(ring) < 3 or not _intersects(_ring_bounds(ring), extent):
            continue
        inside |= MplPath(ring).contains_points(grid)
    if inside.sum() < 6:  # too little of it shows to carry a label
        return None
    pts = grid[inside]
    centre = np.median(pts, axis=0)
    return tuple(pts[np.argmin(((pts - centre) ** 2).sum(axis=1))])


def _ring_bounds(ring: np.ndarray) -> tuple[float, float, float, float]:
    return (float(ring[:, 0].min()), float(ring[:, 1].min()),
            float(ring[:, 0].max()), float(ring[:, 1].max()))


def _intersects(bounds: tuple[float, float, float, float], extent) -> bool:
    a0, b0, a1, b1 = bounds
    lon0, lat0, lon1, lat1 = extent
    return a0 <= lon1 and a1 >= lon0 and b0 <= lat1 and b1 >= lat0


def simplify(ring: np.ndarray, tolerance: float | tuple[float, float]) -> np.ndarray:
    """The ring without the vertices that fall in the same grid cell (``tolerance`` degrees
    wide and high) as the vertex before them: with cells under a pixel it draws the same,
    with fewer points. A ring that shrinks to less than a triangle fits in one cell: ``[]``."""
    if len(ring) < 4:
        return ring
    cells = np.floor(ring / np.asarray(tolerance, dtype=float))
    keep = np.ones(len(ring), dtype=bool)
    keep[1:] = (cells[1:] != cells[:-1]).any(axis=1)
    keep[-1] = True  # the closing vertex
    out = ring[keep]
    return out if len(out) >= 4 else ring[:0]


def _near(rings: Iterable[np.ndarray], extent: tuple[float, float, float, float],
          margin: float = 0.5) -> list[np.ndarray]:
    """The rings that reach into ``extent`` (widened by ``margin`` degrees for line widths):
    the others are clipped away entirely, so drawing them would only cost time."""
    lon0, lat0, lon1, lat1 = extent
    wide = (lon0 - margin, lat0 - margin, lon1 + margin, lat1 + margin)
    return [r for r in rings if len(r) and _intersects(_ring_bounds(r), wide)]


@dataclass(frozen=True)
class Outlines:
    """What the map draws from its outline file, worked out once per file.

    Decoding the 756 KB TopoJSON, finding where each country's name fits and simplifying
    Russia for the lower panel take longer than drawing; the result is kept in memory and
    in the figure cache folder, keyed by the file's bytes and this module's code.
    """

    countries: dict[str, Country]  # those the map draws, at full resolution
    labels: dict[str, tuple[float, float] | None]  # where each name fits inside EXTENT
    span: tuple[float, float]  # Russia's west and east extremes, °E (full resolution)
    span_rings: tuple[np.ndarray, ...]  # Russia, date line unwrapped, simplified


def prepare_outlines(countries: dict[str, Country]) -> Outlines:
    drawn = {name: countries[name] for name in (*NEIGHBOURS, "Ukraine", "Russia")
             if name in countries}
    labels = {name: _visible_point(country, EXTENT) for name, country in drawn.items()
              if _intersects(country.bounds(), EXTENT)}
    russia = drawn.get("Russia")
    span, span_rings = (0.0, 0.0), ()
    if russia is not None:
        span = russia_span(russia)
        unwrapped = unwrap_antimeridian(r for p in russia.polygons for r in p)
        span_rings = tuple(r for r in (simplify(r, SPAN_TOLERANCE) for r in unwrapped) if len(r))
    return Outlines(drawn, labels, span, span_rings)


def outlines(map_file: Path) -> Outlines:
    """:class:`Outlines` of ``map_file``: from memory, else the cache folder, else decoded."""
    try:
        data = Path(map_file).read_bytes()
    except OSError:
        data = None  # load_countries says what is wrong with the file
    key = diskcache.digest(OUTLINES_FORMAT, data or b"", np.__version__,
                           diskcache.code_digest([Path(__file__), Path(__file__).with_name(
                               "topojson.py")]))
    return _outlines(Path(map_file), key, data is not None)


@lru_cache(maxsize=4)
def _outlines(map_file: Path, key: str, readable: bool) -> Outlines:
    name = f"map-outlines-{key[:40]}.pickle"
    found = diskcache.read("figures", name, key, Outlines) if readable else None
    if found is not None:
        return found
    prepared = prepare_outlines(load_countries(map_file))
    diskcache.write("figures", name, key, prepared, stale="map-outlines-")
    return prepared


def _draw_regional(ax: Axes, countries: dict[str, Country], places: Sequence[Any],
                   crimea_rings: list, russia_rings: list, incursion: Any,
                   labels: dict[str, tuple[float, float] | None]) -> list[str]:
    lon0, lat0, lon1, lat1 = EXTENT
    ax.set_facecolor(palette.WATER)
    callout = None  # where the Crimea callout goes: no country's name under it
    if crimea_rings:
        pts = np.concatenate(crimea_rings)
        callout = (pts[:, 0].min() - 8.5, lat0 + 0.6)
        px_per_degree = WIDTH * DPI * 0.85 / (lon1 - lon0)
        line = SMALL * DPI / 72 * 1.25 / px_per_degree
        covered = (callout[0] - 0.5, callout[1] - 0.4,
                   callout[0] + 30 * SMALL * DPI / 72 * 0.6 / px_per_degree + 0.5,
                   callout[1] + 3 * line + 0.6)
    neighbours_shown, shapes = [], []
    for name in NEIGHBOURS:
        country = countries.get(name)
        if country is None or name not in labels:  # not in the frame
            continue
        rings = _near((r for poly in country.polygons for r in poly), EXTENT)
        shapes.append(PathPatch(rings_path(rings)))
        spot = labels[name] and _inward(labels[name], name, EXTENT)
        if spot and callout and (covered[0] <= spot[0] <= covered[2]
                                 and covered[1] <= spot[1] <= covered[3]):
            spot = None
        if spot:
            ax.text(*spot, name, ha="center", va="center",
                    fontsize=SMALL, color="#444444", style="italic", clip_on=True)
        neighbours_shown.append(name)
    # One collection for every neighbour: they share a style, so they draw as one artist.
    ax.add_collection(PatchCollection(shapes, facecolor="#F2F2F2", edgecolor="#888888",
                                      linewidth=0.5), autolim=False)

    ukraine = countries["Ukraine"]
    _add(ax, PathPatch(rings_path(_near((r for p in ukraine.polygons for r in p), EXTENT)),
                           facecolor=palette.SKY_BLUE, alpha=0.45, edgecolor=palette.BLUE,
                           linewidth=0.9))
    _add(ax, PathPatch(rings_path(_near(russia_rings, EXTENT)), facecolor=palette.ORANGE,
                       alpha=0.35, edgecolor="#8A5A00", linewidth=0.9, hatch=".."))
    _add(ax, PathPatch(rings_path(crimea_rings), facecolor=palette.SKY_BLUE, alpha=0.45,
                           edgecolor=palette.BLUE, linewidth=0.9))
    _add(ax, PathPatch(rings_path(crimea_rings), facecolor="none",
                           edgecolor=palette.VERMILLION, linewidth=0.0, hatch="////"))
    for name, size in (("UKRAINE", 12), ("RUSSIA", 12)):
        spot = labels.get(name.title())
        if spot is not None:
            ax.text(*spot, name, ha="center", va="center", fontsize=size, weight="bold",
                    color="#333333", alpha=0.8)
    if callout:
        pts = np.concatenate(crimea_rings)
        ax.annotate(
            "Crimea: Ukrainian territory\noccupied by Russia since 2014\n(hatched)",
            xy=(pts[:, 0].mean(), pts[:, 1].mean()), xytext=callout,
            fontsize=SMALL, arrowprops={"arrowstyle": "->", "color": "#333333", "lw": 0.8},
            bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": palette.VERMILLION},
        )

    if incursion is not None:
        _add(ax, Rectangle((ZOOM[0], ZOOM[1]), ZOOM[2] - ZOOM[0], ZOOM[3] - ZOOM[1],
                               facecolor="none", edgecolor=palette.BLACK, linewidth=0.8,
                               linestyle=":"))
        ax.text(ZOOM[0], ZOOM[3] + 0.1, "see zoom", fontsize=SMALL, va="bottom")

    _mark_places(ax, places, (lon0, lat0, lon1, lat1))
    ax.set_xlabel("longitude (°E)")
    ax.set_ylabel("latitude (°N)")
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(True)
    return neighbours_shown


def _inward(spot: tuple[float, float], name: str,
            frame: tuple[float, float, float, float]) -> tuple[float, float]:
    """A label's spot moved inside ``frame`` far enough for the whole word to show.

    The outline data puts a country's label at a point inside the country, which for a
    country cut by the frame can sit on the frame's edge, and half the word is lost.
    The margin is the word's half-width at the small type size on a map drawn
    :data:`WIDTH` inches wide, in degrees.
    """
    lon0, lat0, lon1, lat1 = frame
    px_per_degree = WIDTH * DPI * 0.85 / (lon1 - lon0)
    half = len(name) * SMALL * DPI / 72 * 0.62 / 2 / px_per_degree + 0.2
    tall = SMALL * DPI / 72 / px_per_degree + 0.2
    return (min(max(spot[0], lon0 + half), lon1 - half),
            min(max(spot[1], lat0 + tall), lat1 - tall))


def _mark_places(ax: Axes, places: Sequence[Any],
                 frame: tuple[float, float, float, float]) -> None:
    """Marked, labelled places inside ``frame`` (lon0, lat0, lon1, lat1), then the frame
    itself with a cos(latitude) aspect so distances look right at that latitude."""
    lon0, lat0, lon1, lat1 = frame
    for place in places:
        if not (lon0 <= place.lon <= lon1 and lat0 <= place.lat <= lat1):
            continue
        marker, size, color = _place_style(place)
        ax.plot(place.lon, place.lat, marker=marker, markersize=size, color=color,
                markeredgecolor="white", markeredgewidth=0.8, linestyle="none", zorder=5)
        ax.annotate(place.name, (place.lon, place.lat), xytext=(5, 4),
                    textcoords="offset points", fontsize=FONT_SIZE, weight="bold", zorder=6,
                    bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none",
                          "alpha": 0.75})
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect(1 / math.cos(math.radians((lat0 + lat1) / 2)))


def _draw_zoom(ax: Axes, countries: dict[str, Country], places: Sequence[Any],
               russia_rings: list, incursion: Any, radius_km: float, label: str) -> None:
    """The border near Kursk at a scale where the incursion area is visible."""
    lon0, lat0, lon1, lat1 = ZOOM
    ax.set_facecolor(palette.WATER)
    ukraine = countries["Ukraine"]
    _add(ax, PathPatch(rings_path(_near((r for p in ukraine.polygons for r in p), ZOOM)),
                           facecolor=palette.SKY_BLUE, alpha=0.45, edgecolor=palette.BLUE,
                           linewidth=1.2))
    _add(ax, PathPatch(rings_path(_near(russia_rings, ZOOM)), facecolor=palette.ORANGE,
                       alpha=0.35, edgecolor="#8A5A00", linewidth=1.2, hatch=".."))
    radius = radius_km / KM_PER_DEGREE
    aspect = 1 / math.cos(math.radians(incursion.lat))
    _add(ax, Ellipse((incursion.lon, incursion.lat), 2 * radius * aspect, 2 * radius,
                         facecolor=palette.VERMILLION, alpha=0.18, edgecolor="none"))
    _add(ax, Ellipse((incursion.lon, incursion.lat), 2 * radius * aspect, 2 * radius,
                         facecolor="none", edgecolor=palette.VERMILLION, linestyle="--",
                         linewidth=1.5))
    ax.annotate(textwrap.fill(label + " (dashed circle)", 40),
                xy=(incursion.lon - radius * aspect * 0.7, incursion.lat - radius * 0.7),
                xytext=(lon0 + 0.15, lat0 + 0.15), fontsize=SMALL,
                arrowprops={"arrowstyle": "->", "color": palette.VERMILLION, "lw": 0.8},
                bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": palette.VERMILLION,
                      "ls": "--"})
    for name, spot in (("RUSSIA", (lon1 - 0.9, lat1 - 0.3)), ("UKRAINE", (lon0 + 0.9, lat0 + 1.4))):
        ax.text(*spot, name, ha="center", fontsize=FONT_SIZE, weight="bold", color="#333333",
                alpha=0.8)
    _mark_places(ax, places, (lon0, lat0, lon1, lat1))
    ax.set_title("Zoom: the border near Kursk", loc="left")
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(True)


def _place_style(place: Any) -> tuple[str, float, str]:
    kind = (getattr(place, "kind", "") or "").lower()
    if "capital" in kind:
        return "*", 12, palette.BLACK
    if "town" in kind or "incursion" in kind:
        return "s", 7, palette.VERMILLION
    if "site" in kind or "base" in kind:
        return "^", 8, palette.BLACK
    return "o", 8, palette.BLACK


def russia_span(russia: Country) -> tuple[float, float]:
    """West and east extremes of Russia in °E, its far east counted past 180°."""
    pts = np.concatenate(unwrap_antimeridian(r for p in russia.polygons for r in p))
    return float(pts[:, 0].min()), float(pts[:, 0].max())


def _draw_span(ax: Axes, rings: Sequence[np.ndarray], kursk: Any,
               span: tuple[float, float]) -> float:
    _add(ax, PathPatch(rings_path(rings), facecolor=palette.ORANGE, alpha=0.35,
                           edgecolor="#8A5A00", linewidth=0.4, hatch=".."))
    west, east = span
    share = (kursk.lon - west) / (east - west)
    ax.axvline(kursk.lon, color=palette.BLACK, linewidth=1.2)
    ax.plot(kursk.lon, kursk.lat, marker="o", color=palette.BLACK, markersize=6)
    ax.annotate(f"{kursk.name}, {kursk.lon:.0f}°E: in the westernmost {share:.0%}\n"
                f"of Russia's east-west span ({west:.0f}°E to {east:.0f}°E)",
                (kursk.lon, kursk.lat), xytext=(kursk.lon + 12, 44), fontsize=SMALL,
                arrowprops={"arrowstyle": "->", "lw": 0.8})
    ax.annotate("", xy=(west, 40), xytext=(east, 40),
                arrowprops={"arrowstyle": "<->", "lw": 0.8, "color": "#333333"})
    ax.text(west, 38, "west", ha="left", va="top", fontsize=SMALL)
    ax.text(east, 38, "east", ha="right", va="top", fontsize=SMALL)
    ax.set_xlim(west - 4, east + 4)
    ax.set_ylim(34, 80)
    ax.set_aspect(1 / math.cos(math.radians(60)))
    ax.set_title('The article: Kursk is "a border area in eastern Russia".\n'
                 "All of Russia, same longitude scale:", loc="left")
    ax.set_xlabel("longitude (°E; past 180 = Russia's far east\nacross the date line)")
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    return share


def map_kursk(course: Any | None = None) -> AccessibleFigure:
    """The regional map with Kursk, the incursion area, Crimea, and Russia's east-west span."""
    course = course_or_default(course)
    return draw_map(course.places, course.root / MAP_FILE,
                    f"{OUTLINE_SOURCE}; places: course data (data/places.yaml)",
                    incursion_area=course.incursion_area)


def draw_map(places: Sequence[Any], map_file: Path, source: str,
             incursion_area: Any | None = None) -> AccessibleFigure:
    """Build the map from outlines and places (no course object needed, for tests)."""
    prepared = outlines(Path(map_file))
    countries = prepared.countries
    for needed in ("Russia", "Ukraine"):
        if needed not in countries:
            raise LookupError(f"{map_file}: no country named {needed!r}")
    kursk = _find_place(places, "kursk")
    incursion = _find_place(places, incursion_area.around) if incursion_area else None
    occupied = _by_kind(places, "occupied", "occupied_territory")
    probe = (occupied.lon, occupied.lat) if occupied is not None else CRIMEA_PROBE
    russia_rings, crimea_rings = split_occupied(countries["Russia"], *probe)
    if not crimea_rings:
        raise LookupError(f"{map_file}: no Russian polygon contains the Crimea probe point")

    with course_style():
        fig = new_figure(WIDTH, 13.2)
        grid = fig.add_gridspec(3, 1, height_ratios=(5.6, 3.4, 2.6))
        ax = fig.add_subplot(grid[0])
        neighbours = _draw_regional(ax, countries, places, crimea_rings, russia_rings,
                                    incursion, prepared.labels)
        ax.set_title("Kursk region: on Ukraine's border,\nin the west of Russia", loc="left")
        if incursion is not None:
            _draw_zoom(fig.add_subplot(grid[1]), countries, places, russia_rings, incursion,
                       incursion_area.radius_km, incursion_area.label)
        span = prepared.span
        share = _draw_span(fig.add_subplot(grid[2]), prepared.span_rings, kursk, span)
        source_line(fig, source)

    lon0, lat0, lon1, lat1 = EXTENT
    shown = [p for p in places if lon0 <= p.lon <= lon1 and lat0 <= p.lat <= lat1]
    incursion_text = (
        f"A zoom panel shows the border near {kursk.name}; a dashed circle of "
        f"{incursion_area.radius_km:g} km around {incursion.name} marks the schematic area of "
        "Ukraine's August 2024 incursion, not a front line. " if incursion is not None else "")
    alt = (
        f"Map of Ukraine, western Russia and neighbours ({', '.join(neighbours)}). "
        f"Marked: {', '.join(p.name for p in shown)}. "
        f"{kursk.name} lies at {kursk.lat:.1f}°N {kursk.lon:.1f}°E, next to Ukraine's "
        f"north-eastern border. A lower panel shows all of Russia, from {span[0]:.0f}°E to "
        f"{span[1]:.0f}°E: {kursk.name} is in its westernmost {share:.0%}: western Russia, "
        "not 'eastern Russia' as the article says. "
        + incursion_text
        + "Crimea is hatched and labelled as Ukrainian territory occupied by Russia since 2014."
    )
    caption = (
        "Where the article's places are. Maps encode choices: the outline data puts Crimea "
        "inside Russia; this map draws it as Ukrainian territory occupied by Russia since 2014. "
        "It does not show the other occupied areas of Ukraine (parts of Donbas, held by "
        "Russian-backed forces since 2014, and the areas taken since 2022) or the 2024 front "
        "line, and the incursion circle is schematic."
    )
    rows = [(p.name, round(p.lat, 2), round(p.lon, 2), p.kind,
             "shown on the regional map" if p in shown else "outside the regional map")
            for p in places]
    if incursion is not None:
        rows.append((incursion_area.label, round(incursion.lat, 2), round(incursion.lon, 2),
                     f"circle, radius {incursion_area.radius_km:g} km", "zoom panel"))
    rows.append(("Russia, westernmost point", "", round(span[0], 1), "outline", "lower panel"))
    rows.append(("Russia, easternmost point", "", round(span[1], 1), "outline",
                 "lower panel; past 180 = across the date line"))
    table = DataTable.of(("place", "latitude °N", "longitude °E", "kind", "on the map"), rows)
    return AccessibleFigure("map-kursk", fig, alt, caption, source, table)
