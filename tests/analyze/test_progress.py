"""A progress bar on long files only; analysis time grows linearly with the text."""

from __future__ import annotations

import io
import subprocess
import sys
import time
from contextlib import contextmanager

from medialit.analyze import analyze_file, analyze_text
from medialit.analyze.progress import LONG, terminal_bar

PARAGRAPH = (
    "Officials said on Monday that about 40 families had left the valley, and the "
    "regional council could reopen the road within two weeks. “We are not there yet,” "
    "said Ana Ruiz, who leads the council."
)


def long_text(paragraphs: int) -> str:
    return "\n".join(f"{PARAGRAPH} Paragraph {i} ends here." for i in range(paragraphs))


def test_short_text_shows_no_bar():
    stream = io.StringIO()
    with terminal_bar(LONG - 1, stream) as update:
        assert update is None
    assert stream.getvalue() == ""


def test_long_text_draws_a_bar_on_the_stream():
    stream = io.StringIO()
    with terminal_bar(LONG, stream) as update:
        for share in (0.1, 0.5, 1.0):
            update(share)
    assert "analyzing" in stream.getvalue()


def test_analyze_file_reports_progress_up_to_the_end(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(long_text(1200), encoding="utf-8")
    seen: list[float] = []
    sizes: list[int] = []

    @contextmanager
    def recorder(total: int):
        sizes.append(total)
        yield seen.append

    report = analyze_file(path, progress=recorder)
    assert sizes == [len(report.text)]
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 3


def test_cli_bar_goes_to_stderr_and_leaves_stdout_alone(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(long_text(1200), encoding="utf-8")
    assert path.stat().st_size > LONG
    done = subprocess.run(
        [sys.executable, "-m", "medialit.cli", "analyze", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "analyzing" in done.stderr
    assert "analyzing" not in done.stdout
    assert done.stdout.startswith("Article: long.txt")


def cpu_time(text: str) -> float:
    """The best of three analyses of ``text``, in CPU time of this process."""
    times = []
    for _ in range(3):
        t0 = time.process_time()
        analyze_text(text)
        times.append(time.process_time() - t0)
    return min(times)


def test_time_grows_linearly():
    """Four times the text costs well under ten times the CPU time (a step that is
    quadratic in the text would cost sixteen). CPU time of this process, best of three,
    so other work on a shared machine does not count."""

    small, large = long_text(300), long_text(1200)
    analyze_text(small)  # warm up
    assert cpu_time(large) < 10 * cpu_time(small)


def test_time_grows_linearly_in_one_long_paragraph():
    """A text with no line breaks is one paragraph of thousands of sentences, with quotes
    and brackets: each sentence must still cost the same (looking back over the whole
    paragraph from every sentence made 32,000 sentences on one line take minutes)."""
    one = (
        "Officials said about 40 families had left the valley (the north side). "
        "“We are not there yet,” said Ana Ruiz, who leads the council of Dr. med. Ruiz. "
    )

    analyze_text(one * 10)  # warm up
    assert cpu_time(one * 2000) < 10 * cpu_time(one * 500)


def test_notebook_helper_analyzes_a_long_file_with_its_bar(tmp_path, capsys):
    """Outside Jupyter, tqdm.auto falls back to the text bar on stderr."""
    from medialit.analyze.notebook import read_article
    from medialit.analyze.report import Report

    path = tmp_path / "long.txt"
    path.write_text(long_text(1200), encoding="utf-8")
    result = read_article(path)
    assert isinstance(result, Report) and result.counts.sentences == 3600
    assert "analyzing" in capsys.readouterr().err
