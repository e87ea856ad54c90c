"""Course figures kept between kernels: a figure already drawn is shown, not drawn again.

Drawing a course figure costs a tenth of a second to half a second, and a learner
who restarts and runs all draws them all again, unchanged. So the public figure
functions (``figures.map_kursk()`` and the rest) first look in memory and then in
the user's cache (:mod:`medialit.diskcache`) for the figure's PNG and words, under
a key that hashes:

* the data the figure draws, read from the course object as it is (so a course
  changed in memory is drawn afresh too): :data:`DRAWS` says which parts;
* the arguments of the call (which sentence, which trick);
* the figure code (every ``.py`` file in ``medialit/figures/``), matplotlib's and
  medialit's versions. Figures are drawn in matplotlib's defaults plus the course's
  settings (:func:`medialit.figures.display.course_style`), never in the kernel's,
  so the kernel's ``rcParams`` need not be part of the key.

A hit imports neither matplotlib nor the drawing module: the figure's
:attr:`~medialit.figures.display.AccessibleFigure.figure` is drawn only if asked for.
Anything the key cannot be computed for (a stand-in course object of unknown types)
is drawn without the cache.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medialit import diskcache
from medialit.figures.common import MAP_FILE, course_or_default
from medialit.figures.display import AccessibleFigure, DataTable

KIND = "figures"
FORMAT = "medialit-figure-cache-1"
HERE = Path(__file__).resolve().parent


def _context(course: Any) -> tuple[Any, ...]:
    return (course.context, course.citations)


def _sourcing(course: Any) -> tuple[Any, ...]:
    return (course.sentences, course.sources)


@dataclass(frozen=True)
class Draws:
    """Where a figure function lives, and the parts of the course its picture depends on."""

    module: str
    inputs: Callable[[Any], tuple[Any, ...]]


DRAWS: dict[str, Draws] = {
    "map_kursk": Draws(
        "map",
        lambda c: (c.places, c.incursion_area, diskcache.file_digest(c.root / MAP_FILE)),
    ),
    "timeline": Draws("chronology", lambda c: (c.timeline, c.numbers, c.citations)),
    "attribution_chain": Draws("sourcing", _sourcing),
    "sourcing_summary": Draws("sourcing", _sourcing),
    "casualty_context": Draws("numbers", _context),
    "drones": Draws("numbers", _context),
    "strike_casualties": Draws("numbers", _context),
    "chart_pair": Draws("misleading", _context),
}

_code: str | None = None
_memory: dict[str, dict[str, Any]] = {}


def _code_key() -> str:
    global _code
    if _code is None:
        from importlib.metadata import PackageNotFoundError, version

        versions = []
        for dist in ("medialit", "matplotlib"):
            try:
                versions.append(version(dist))
            except PackageNotFoundError:
                versions.append("(not installed)")
        _code = diskcache.digest(FORMAT, diskcache.code_digest(HERE.glob("*.py")), *versions)
    return _code


def figure_key(name: str, course: Any, args: tuple, kwargs: dict[str, Any]) -> str | None:
    """The cache key of ``name(course, *args, **kwargs)``; ``None`` when it cannot be made."""
    try:
        data = diskcache.fingerprint(DRAWS[name].inputs(course))
        call = diskcache.fingerprint((args, sorted(kwargs.items())))
    except (TypeError, AttributeError):
        return None
    return diskcache.digest(_code_key(), name, call, data)


def _entry_prefix(name: str, args: tuple, kwargs: dict[str, Any]) -> str:
    """One entry per figure and call: a redrawn figure replaces its older versions."""
    return f"{name}-{diskcache.digest(repr((args, sorted(kwargs.items()))))[:12]}-"


def _record(figure: AccessibleFigure) -> dict[str, Any]:
    return {"name": figure.name, "png": figure.png(), "alt": figure.alt,
            "caption": figure.caption, "source": figure.source, "table": figure.table}


def _valid(record: dict[str, Any]) -> bool:
    return (isinstance(record.get("png"), bytes) and isinstance(record.get("table"), DataTable)
            and all(isinstance(record.get(k), str)
                    for k in ("name", "alt", "caption", "source")))


def draw(name: str) -> Callable[..., AccessibleFigure]:
    """The uncached figure function ``name`` (imports its module, and so matplotlib)."""
    module = importlib.import_module(f"medialit.figures.{DRAWS[name].module}")
    return getattr(module, name)


def cached_call(name: str, course: Any, args: tuple, kwargs: dict[str, Any]) -> AccessibleFigure:
    """``name(course, *args, **kwargs)``, from the cache when it holds this very figure."""
    course = course_or_default(course)

    def redraw() -> AccessibleFigure:
        return draw(name)(course, *args, **kwargs)

    key = figure_key(name, course, args, kwargs)
    if key is None:
        return redraw()
    prefix = _entry_prefix(name, args, kwargs)
    record = _memory.get(key)
    if record is None:
        found = diskcache.read(KIND, f"{prefix}{key[:40]}.pickle", key, dict)
        if found is not None and _valid(found):
            record = _memory[key] = found
    if record is not None:
        return AccessibleFigure(record["name"], None, record["alt"], record["caption"],
                                record["source"], record["table"], png=record["png"],
                                redraw=redraw)
    figure = redraw()
    record = _memory[key] = _record(figure)
    diskcache.write(KIND, f"{prefix}{key[:40]}.pickle", key, record, stale=prefix)
    return figure


def forget() -> None:
    """Drop the figures kept in memory (the disk cache stays)."""
    _memory.clear()


def public_function(name: str) -> Callable[..., AccessibleFigure]:
    """``figures.<name>``: the figure function, looked up in the cache before drawing.

    Its docstring and signature are read from the drawing module's source, so ``help()``
    shows them without importing matplotlib.
    """

    def figure(*args: Any, **kwargs: Any) -> AccessibleFigure:
        course = args[0] if args else kwargs.pop("course", None)
        return cached_call(name, course, args[1:], kwargs)

    doc, signature = _source_api(DRAWS[name].module, name)
    figure.__name__ = figure.__qualname__ = name
    figure.__module__ = "medialit.figures"
    figure.__doc__ = doc
    if signature is not None:
        figure.__signature__ = signature  # type: ignore[attr-defined]
    return figure


def _source_api(module: str, name: str) -> tuple[str | None, inspect.Signature | None]:
    try:
        tree = ast.parse((HERE / f"{module}.py").read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return None, None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return ast.get_docstring(node), _signature(node.args)
    return None, None


def _signature(args: ast.arguments) -> inspect.Signature | None:
    """Positional-or-keyword parameters with literal defaults: all a figure function has."""
    if args.posonlyargs or args.vararg or args.kwonlyargs or args.kwarg:
        return None
    params = []
    defaults = [inspect.Parameter.empty] * (len(args.args) - len(args.defaults))
    for node in args.defaults:
        try:
            defaults.append(ast.literal_eval(node))
        except ValueError:
            return None
    for arg, default in zip(args.args, defaults, strict=True):
        annotation = ast.unparse(arg.annotation) if arg.annotation else inspect.Parameter.empty
        params.append(inspect.Parameter(arg.arg, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                        default=default, annotation=annotation))
    return inspect.Signature(params, return_annotation="AccessibleFigure")

