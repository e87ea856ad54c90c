"""Telling the learner what happened to their answers.

Every problem the store works around (full disk, damaged file, newer schema) is
said once, in plain words, with where the answers are now. Notices go to stderr,
which a notebook shows under the cell, and are kept on the store so a widget can
show them too.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

Notify = Callable[[str], None]


def print_notice(message: str) -> None:
    print(f"medialit: {message}", file=sys.stderr, flush=True)
