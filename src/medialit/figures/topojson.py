"""Decode TopoJSON country outlines with numpy alone.

The course ships one map file (npm ``world-atlas``, Natural Earth outlines) and
draws a regional map from it. A geo stack (geopandas, shapely, GDAL) would be a
heavy install for classrooms, and the format is small enough to decode here:
arcs are delta-encoded integer pairs, turned into coordinates by one cumulative
sum and the file's affine ``transform``; polygons list arcs by index, where a
negative index ``~i`` means arc ``i`` walked backwards.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

Ring = np.ndarray  # shape (n, 2): longitude, latitude


class MapDataError(ValueError):
    """The map file is missing or not the TopoJSON this module understands."""


@dataclass(frozen=True)
class Country:
    """One country: its name, ISO numeric id and its polygons.

    Each polygon is a list of rings: the outer ring first, then holes.
    """

    id: str
    name: str
    polygons: tuple[tuple[Ring, ...], ...]

    def bounds(self) -> tuple[float, float, float, float]:
        points = np.concatenate([ring for poly in self.polygons for ring in poly])
        lon_min, lat_min = points.min(axis=0)
        lon_max, lat_max = points.max(axis=0)
        return float(lon_min), float(lat_min), float(lon_max), float(lat_max)


def decode_arcs(topology: dict) -> list[np.ndarray]:
    """Every arc as absolute (lon, lat) coordinates."""
    arcs = topology.get("arcs")
    if not isinstance(arcs, list):
        raise MapDataError("TopoJSON has no 'arcs' list")
    transform = topology.get("transform")
    decoded = []
    for arc in arcs:
        points = np.asarray(arc, dtype=float).reshape(-1, 2)
        if transform:
            points = np.cumsum(points, axis=0)
            points = points * np.asarray(transform["scale"]) + np.asarray(transform["translate"])
        decoded.append(points)
    return decoded


def ring_from_arcs(indices: list[int], arcs: list[np.ndarray]) -> Ring:
    """Join arcs into one ring; consecutive arcs share their end points, kept once."""
    pieces = []
    for position, index in enumerate(indices):
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        pieces.append(arc if position == 0 else arc[1:])
    return np.concatenate(pieces)


def _polygons(geometry: dict, arcs: list[np.ndarray]) -> tuple[tuple[Ring, ...], ...]:
    kind = geometry.get("type")
    if kind == "Polygon":
        polygons = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return ()
    return tuple(tuple(ring_from_arcs(ring, arcs) for ring in polygon) for polygon in polygons)


def countries(topology: dict, object_name: str = "countries") -> dict[str, Country]:
    """Countries by name, from one GeometryCollection of the topology."""
    try:
        collection = topology["objects"][object_name]["geometries"]
    except (KeyError, TypeError):
        raise MapDataError(f"TopoJSON has no object {object_name!r} with geometries") from None
    arcs = decode_arcs(topology)
    result: dict[str, Country] = {}
    for geometry in collection:
        name = (geometry.get("properties") or {}).get("name")
        if not name:
            continue
        result[name] = Country(
            id=str(geometry.get("id", "")), name=name, polygons=_polygons(geometry, arcs)
        )
    return result


@lru_cache(maxsize=4)
def load_countries(path: Path) -> dict[str, Country]:
    """Read and decode a TopoJSON file once per process (it is 756 KB)."""
    try:
        topology = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MapDataError(f"{path}: map file is missing") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MapDataError(f"{path}: cannot be read as TopoJSON: {exc}") from None
    if not isinstance(topology, dict) or topology.get("type") != "Topology":
        raise MapDataError(f"{path}: not a TopoJSON Topology")
    return countries(topology)


def ring_centroid(ring: Ring) -> tuple[float, float]:
    """Area-weighted centroid of a ring (planar, good enough to tell polygons apart)."""
    x, y = ring[:, 0], ring[:, 1]
    cross = x[:-1] * y[1:] - x[1:] * y[:-1]
    area = cross.sum() / 2
    if abs(area) < 1e-12:
        return float(x.mean()), float(y.mean())
    cx = ((x[:-1] + x[1:]) * cross).sum() / (6 * area)
    cy = ((y[:-1] + y[1:]) * cross).sum() / (6 * area)
    return float(cx), float(cy)


def ring_contains(ring: Ring, lon: float, lat: float) -> bool:
    """Even-odd point-in-ring test."""
    x, y = ring[:, 0], ring[:, 1]
    x2, y2 = np.roll(x, -1), np.roll(y, -1)
    crosses = (y > lat) != (y2 > lat)
    with np.errstate(divide="ignore", invalid="ignore"):
        x_at = x + (lat - y) * (x2 - x) / (y2 - y)
    return bool(np.count_nonzero(crosses & (lon < x_at)) % 2)
