"""Hedges and numbers of a long text, found in a second process while this one finds
its sources.

Why: on a long file the largest costs are the pattern scan with the hedges and numbers
read from it, and finding the sources sentence by sentence; neither needs the other's
result. On a machine with a second core, a forked child finds the hedges and numbers
while this process finds the sources; the child's findings come back through a pipe.
They are the same findings: the child runs the same code on the same text and rules (a
test checks this on every annotated text).

Used only where it pays and is known to be safe; elsewhere everything runs here, as
before:
- texts of at least :data:`LONG_ENOUGH` characters (a fork costs milliseconds; a short
  article is analysed in less than that);
- Linux, where a forked child that runs only pure Python is safe (macOS is not, in
  general), with a second core to run it on;
- the child takes no lock another thread may hold: it imports nothing, writes only to
  its own pipe and leaves with ``os._exit``, so a Jupyter kernel's threads, its output
  streams, its widgets and the progress database's open connection are never used, or
  closed, from the child (a test runs it inside a real kernel).

If the child fails or is killed, the caller finds them here: a report is never lost.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from medialit.analyze.detectors import PatternScan, find_hedges, find_numbers
from medialit.analyze.report import Hedge, NumberFinding
from medialit.analyze.rules import RuleSet

LONG_ENOUGH = 1_000_000  # characters: about two seconds of analysis

Found = list[tuple[list[Hedge], list[NumberFinding]]]


def worth_it(length: int) -> bool:
    """Whether a text this long is shared out between two processes on this machine."""
    if length < LONG_ENOUGH or not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except (AttributeError, OSError):
        return (os.cpu_count() or 1) > 1


def hedges_and_numbers(rules: RuleSet, text: str, spans: list[tuple[int, int]]) -> Found:
    """Each sentence's hedges and numbers, from one pattern scan of the whole text."""
    scan = PatternScan(rules, text, spans)
    return [
        (
            find_hedges(text[a:b], a, rules, (scan, i)),
            find_numbers(text[a:b], a, rules, (scan, i)),
        )
        for i, (a, b) in enumerate(spans)
    ]


@contextmanager
def in_background(
    rules: RuleSet, text: str, spans: list[tuple[int, int]], parallel: bool
) -> Iterator[Callable[[], Found | None]]:
    """Yields a function that returns :func:`hedges_and_numbers`, found in a child
    process started now if ``parallel`` (see :func:`worth_it`); it returns None when
    there is no child or the child failed, and the caller finds them itself. Leaving the
    block reaps the child."""
    if not parallel:
        yield lambda: None
        return
    child = _Child(lambda: hedges_and_numbers(rules, text, spans))
    try:
        yield child.result
    finally:
        child.stop()


class _Child:
    """A forked process that runs ``work`` and sends its pickled result back."""

    def __init__(self, work: Callable[[], Any]) -> None:
        self.pid: int | None = None
        read, write = os.pipe()
        with warnings.catch_warnings():
            # Python 3.12+ warns that forking a process with threads may deadlock the
            # child; this child takes no lock a thread may hold (see the module's doc)
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:  # the child
            code = 1
            try:
                os.close(read)
                signal.signal(signal.SIGINT, signal.SIG_DFL)  # stopped with its parent
                view = memoryview(pickle.dumps(work(), pickle.HIGHEST_PROTOCOL))
                while view:
                    view = view[os.write(write, view) :]
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        self.pid, self.read = pid, read

    def result(self) -> Any | None:
        """The child's result; None if it failed."""
        chunks = []
        try:
            while chunk := os.read(self.read, 1 << 20):
                chunks.append(chunk)
            return pickle.loads(b"".join(chunks))
        except Exception:  # a child killed mid-write leaves a truncated payload
            return None
        finally:
            self.stop()

    def stop(self) -> None:
        """Kill the child if it still runs, reap it and close the pipe; once only."""
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        try:
            if os.waitpid(pid, os.WNOHANG) == (0, 0):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        os.close(self.read)
