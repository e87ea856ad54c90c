"""A progress bar for long files: the command line's stderr, or the notebook's own widget.

Analysis takes about 2 s a megabyte in one process (1.5 s where a long text is shared
out between two, see :mod:`medialit.analyze.background`), so a 5 MB page is a wait
worth showing. Short
files, the usual case, show nothing: a bar that flashes by is noise. ``tqdm`` draws
the bar (``tqdm.auto`` picks the Jupyter widget inside a notebook).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

LONG = 200_000  # characters; about a tenth of a second of analysis below this

Progress = Callable[[float], None]  # told the share of the work done, 0.0 to 1.0
ProgressFactory = Callable[[int], "contextmanager[Progress | None]"]  # given the text's length


@contextmanager
def terminal_bar(total: int, stream: TextIO | None = None) -> Iterator[Progress | None]:
    """A bar on stderr for a text of ``total`` characters, or None for a short one."""
    if total < LONG:
        yield None
        return
    from tqdm import tqdm

    with tqdm(
        total=STEPS, desc="analyzing", file=stream or sys.stderr, leave=False, **_LOOK
    ) as bar:
        yield _updater(bar)


@contextmanager
def notebook_bar(total: int) -> Iterator[Progress | None]:
    """The same bar as a Jupyter progress widget (plain text outside a notebook)."""
    if total < LONG:
        yield None
        return
    from tqdm.auto import tqdm

    with tqdm(total=STEPS, desc="analyzing", leave=False, **_LOOK) as bar:
        yield _updater(bar)


STEPS = 1000
_LOOK = {"bar_format": "{desc}: {percentage:3.0f}%|{bar}| {elapsed}<{remaining}"}


def _updater(bar) -> Progress:
    done = 0

    def update(share: float) -> None:
        nonlocal done
        step = min(STEPS, int(share * STEPS))
        if step > done:
            bar.update(step - done)
            done = step

    return update
