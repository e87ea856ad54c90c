"""Time to build and render every course figure, against one bare matplotlib figure.

Run: ``.venv/bin/python benchmarks/figures.py [--repeat N]``. The baseline (one
line plot saved as PNG) is measured in the same run, so the ratios hold on any
machine. Each figure is timed twice: drawn (the drawing module's function, no
cache: what a first run pays) and from the figure cache (``figures.<name>()`` with
the memory cache emptied each time, so each call reads the disk cache, as a new
kernel does). Course loading is timed separately, checked (``load_course``) and
from the course cache. Caches live in a temporary folder.
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import sys
import tempfile
import time

import matplotlib

matplotlib.use("Agg")

from _timing import timed
from matplotlib.figure import Figure


def baseline() -> None:
    fig = Figure(figsize=(6, 4), dpi=100)
    ax = fig.add_subplot()
    ax.plot([0, 1, 2, 3], [3, 1, 4, 1], marker="o")
    fig.savefig(io.BytesIO(), format="png")



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    os.environ["MEDIALIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="medialit-bench-cache-")
    from medialit import figures
    from medialit.content import ContentError, find_root, load_course
    from medialit.content import cache as course_cache
    from medialit.figures import cache as figure_cache
    from medialit.figures.misleading import TRICKS

    try:
        start = time.perf_counter()
        course = load_course()
        load_s = time.perf_counter() - start
    except ContentError as exc:
        print(f"cannot load the course:\n{exc}", file=sys.stderr)
        return 1
    root = find_root()
    course_cache.load(root, load_course)  # store it

    def warm_course() -> None:
        course_cache.forget()
        course_cache.remembered(root, load_course)

    warm_s = timed(warm_course, max(args.repeat, 5))

    baseline()  # warm up fonts and the Agg backend before timing anything
    base = timed(baseline, max(args.repeat, 5))
    calls: dict[str, tuple[str, tuple]] = {
        "map_kursk": ("map_kursk", ()),
        "timeline": ("timeline", ()),
        "sourcing_summary": ("sourcing_summary", ()),
        "attribution_chain": ("attribution_chain", ("s18",)),
        "casualty_context": ("casualty_context", ()),
        "drones": ("drones", ()),
        "strike_casualties": ("strike_casualties", ()),
        **{f"chart_pair[{t}]": ("chart_pair", (t,)) for t in TRICKS},
    }
    print(f"baseline (one plot + savefig PNG): {base * 1000:.1f} ms")
    print(f"load_course(): {load_s * 1000:.0f} ms (checked: what a cold start pays)")
    print(f"the course from the course cache: {warm_s * 1000:.1f} ms (a warm start)")
    print(f"{'figure':28} {'drawn ms':>9} {'x base':>7} {'cached ms':>10} {'x base':>7}")
    total = total_cached = 0.0
    for label, (name, args_) in calls.items():
        module = importlib.import_module(f"medialit.figures.{figure_cache.DRAWS[name].module}")
        drawn = getattr(module, name)
        cached = getattr(figures, name)
        t = timed(lambda d=drawn, a=args_: d(course, *a).png(), args.repeat)
        cached(course, *args_)  # store it

        def from_cache(c=cached, a=args_) -> None:
            figure_cache.forget()
            c(course, *a).to_html()

        tc = timed(from_cache, args.repeat)
        total += t
        total_cached += tc
        print(f"{label:28} {t * 1000:9.1f} {t / base:7.1f} {tc * 1000:10.1f} {tc / base:7.2f}")
    print(f"{'all figures':28} {total * 1000:9.1f} {total / base:7.1f} "
          f"{total_cached * 1000:10.1f} {total_cached / base:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
