"""Files that are not plain saved articles, made for real: a named pipe, a device, a
symbolic-link loop, a name that is not UTF-8, a file that grows while it is read.
Each run of ``medialit analyze`` is a separate process with a timeout, so a hang
fails the test instead of stopping the suite."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SRC = str(Path(__file__).resolve().parents[2] / "src")
ARTICLE = Path(__file__).resolve().parents[2] / "data" / "article" / "article-as-scraped.txt"


def analyze(path: Path | str | bytes, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SRC}
    env.pop("MEDIALIT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "medialit.cli", "analyze", path], env=env,
        capture_output=True, timeout=timeout,
    )


def one_clear_error(done: subprocess.CompletedProcess, words: str) -> None:
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 1, err
    assert "Traceback" not in err and "unexpected error" not in err, err
    assert len(err.strip().splitlines()) == 1 and words in err, err


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: os.mkfifo(p), "named pipe"),
        (lambda p: os.symlink("/dev/zero", p), "is a device"),
        (lambda p: os.symlink(p.name, p), "points back to itself"),
        (lambda p: os.symlink("gone.txt", p), "does not exist"),
    ],
    ids=["fifo", "dev-zero", "symlink-loop", "dangling-link"],
)
def test_not_a_regular_file_is_refused_at_once(tmp_path: Path, make, words: str) -> None:
    path = tmp_path / "article.txt"
    make(path)
    started = time.monotonic()
    one_clear_error(analyze(path, timeout=30), words)
    assert time.monotonic() - started < 30


def test_device_named_directly_is_refused(tmp_path: Path) -> None:
    one_clear_error(analyze("/dev/zero", timeout=30), "is a device")


def test_name_that_is_not_utf8_is_analyzed(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as out:
        out.write(ARTICLE.read_bytes())
    done = analyze(name)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr
    done = subprocess.run(
        [sys.executable, "-m", "medialit.cli", "analyze", "--json", name],
        env={**os.environ, "PYTHONPATH": SRC}, capture_output=True, timeout=60,
    )
    assert done.returncode == 0 and '"file": "caf\ufffd.txt"' in done.stdout.decode()


GROWER = """
import sys
with open(sys.argv[1], "ab", buffering=0) as out:
    print("go", flush=True)
    while True:
        out.write(b"The minister said the troops were reportedly moving. " * 2000)
"""


def test_file_growing_while_read_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "growing.txt"
    path.write_bytes(b"")
    grower = subprocess.Popen([sys.executable, "-c", GROWER, str(path)], stdout=subprocess.PIPE)
    try:
        assert grower.stdout is not None and grower.stdout.readline().strip() == b"go"
        while path.stat().st_size < 4_500_000:
            time.sleep(0.01)
        done = analyze(path, timeout=60)
    finally:
        grower.kill()
        grower.wait(10)
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "unexpected error" not in err, err
    if done.returncode == 1:  # it grew past the cap while read, or before the first look
        one_clear_error(done, "MB")
    else:
        assert done.returncode == 0, err
