"""A long text's hedges and numbers are found in a forked child while the sources are
found here. The findings must be those of one process, whatever happens to the child."""

from __future__ import annotations

import os
import signal
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from medialit.analyze import analyze_file, analyze_text, background, detectors

HERE = Path(__file__).parent
TEXTS = sorted((HERE / "govnews").glob("*.txt")) + sorted(
    p for p in (HERE / "articles").iterdir() if p.suffix in {".txt", ".html"}
)

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the child process is used on Linux only"
)


def findings(report) -> list:
    return [
        (
            s.start,
            s.speech,
            [h.model_dump() for h in s.hedges],
            [n.model_dump() for n in s.numbers],
            [a.model_dump() for a in s.attributions],
        )
        for s in report.sentences
    ]


@pytest.fixture
def children(monkeypatch):
    """Every child forked, by pid; and two processors, whatever this machine has."""
    forked: list[int] = []
    fork = os.fork

    def recording_fork() -> int:
        pid = fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recording_fork)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})
    monkeypatch.setattr(background, "LONG_ENOUGH", 0)
    return forked


def gone(pid: int) -> bool:
    """Reaped: no such process any more (a zombie would still answer)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_two_processes_find_what_one_finds(path, rules, children, monkeypatch):
    shared = findings(analyze_file(path, rules))
    assert children and all(gone(pid) for pid in children)
    monkeypatch.setattr(background, "LONG_ENOUGH", 10**12)
    assert findings(analyze_file(path, rules)) == shared


def test_a_child_that_fails_loses_nothing(rules, children, monkeypatch):
    text = (HERE / "articles").joinpath(sorted(os.listdir(HERE / "articles"))[0]).read_text()
    alone = findings(analyze_text(text, rules))  # forked too: the fixture is on

    def fail(*_args):
        raise RuntimeError("the child's work broke")

    monkeypatch.setattr(background, "hedges_and_numbers", fail)
    assert findings(analyze_text(text, rules)) == alone
    assert all(gone(pid) for pid in children)


def test_a_killed_child_loses_nothing(rules, children, monkeypatch):
    """The child is killed by a real signal, as the kernel's out-of-memory killer would."""
    text = "Officials said about 40 families left, and 3 of them came back on Monday. " * 40
    alone = findings(analyze_text(text, rules))

    def killed(*_args):
        os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(background, "hedges_and_numbers", killed)
    report = analyze_text(text, rules)
    assert findings(report) == alone and report.counts.numbers == 80
    assert all(gone(pid) for pid in children)


def test_an_error_here_leaves_no_child_behind(rules, children, monkeypatch):
    """A learner's interrupt (or any error) while the sources are found: the child is
    stopped and reaped, and the error is the caller's to see."""

    def slow(*_args):
        time.sleep(60)

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(background, "hedges_and_numbers", slow)
    monkeypatch.setattr(detectors, "find_attributions", interrupted)
    t0 = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        analyze_text("The minister said the road would reopen. " * 10, rules)
    assert time.monotonic() - t0 < 30
    assert children and all(gone(pid) for pid in children)


def test_short_texts_and_single_processors_stay_in_one_process(monkeypatch):
    assert not background.worth_it(background.LONG_ENOUGH - 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0})
    assert not background.worth_it(background.LONG_ENOUGH)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})
    assert background.worth_it(background.LONG_ENOUGH)


def test_progress_still_runs_to_the_end(tmp_path, children):
    seen: list[float] = []

    @contextmanager
    def recorder(_total: int):
        yield seen.append

    path = tmp_path / "long.txt"
    path.write_text("The council said 40 roads were shut. " * 20_000, encoding="utf-8")
    analyze_file(path, progress=recorder)
    assert children and seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 10
