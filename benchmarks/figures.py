"""Time to build and render every course figure, against one bare matplotlib figure.

Run: ``.venv/bin/python benchmarks/figures.py [--repeat N]``. The baseline (one
line plot saved as PNG) is measured in the same run, so the ratios hold on any
machine. Course loading is timed separately: figures share one loaded course.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure


def baseline() -> None:
    fig = Figure(figsize=(6, 4), dpi=100)
    ax = fig.add_subplot()
    ax.plot([0, 1, 2, 3], [3, 1, 4, 1], marker="o")
    fig.savefig(io.BytesIO(), format="png")


def timed(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from medialit import figures
    from medialit.content import ContentError, load_course
    from medialit.figures.misleading import TRICKS

    try:
        start = time.perf_counter()
        course = load_course()
        load_s = time.perf_counter() - start
    except ContentError as exc:
        print(f"cannot load the course:\n{exc}", file=sys.stderr)
        return 1

    baseline()  # warm up fonts and the Agg backend before timing anything
    base = timed(baseline, max(args.repeat, 5))
    cases: dict[str, Callable[[], object]] = {
        "map_kursk": lambda: figures.map_kursk(course).png(),
        "timeline": lambda: figures.timeline(course).png(),
        "sourcing_summary": lambda: figures.sourcing_summary(course).png(),
        "attribution_chain": lambda: figures.attribution_chain(course, "s18").png(),
        "casualty_context": lambda: figures.casualty_context(course).png(),
        "drones": lambda: figures.drones(course).png(),
        "strike_casualties": lambda: figures.strike_casualties(course).png(),
        **{f"chart_pair[{t}]": (lambda t=t: figures.chart_pair(course, t).png())
           for t in TRICKS},
    }
    print(f"baseline (one plot + savefig PNG): {base * 1000:.1f} ms")
    print(f"load_course(): {load_s * 1000:.0f} ms (once, shared by all figures)")
    print(f"{'figure':28} {'ms':>8} {'x baseline':>11}")
    total = 0.0
    for name, fn in cases.items():
        t = timed(fn, args.repeat)
        total += t
        print(f"{name:28} {t * 1000:8.1f} {t / base:11.1f}")
    print(f"{'all figures':28} {total * 1000:8.1f} {total / base:11.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
