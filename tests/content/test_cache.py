"""The course cache: a warm start reads it, any edit misses it, a broken cache is rebuilt."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from medialit import diskcache
from medialit.content import ContentError, current_course, load_course
from medialit.content import cache as course_cache

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test starts with an empty cache folder and nothing kept in memory."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(diskcache.ENV, str(folder))
    course_cache.forget()
    yield folder
    course_cache.forget()


class Counting:
    """``load_course``, counting how often the course is really read and checked."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, root: Path):
        self.calls += 1
        return load_course(root)


def entries(folder: Path) -> list[Path]:
    return sorted((folder / course_cache.KIND).glob("*.pickle"))


def test_second_load_comes_from_disk(full_course: Path, own_cache: Path):
    build = Counting()
    first = course_cache.load(full_course, build)
    assert build.calls == 1 and len(entries(own_cache)) == 1
    second = course_cache.load(full_course, build)  # as a restarted kernel would
    assert build.calls == 1
    assert second is not first
    assert second == first


def test_a_warm_kernel_parses_no_yaml(full_course: Path, own_cache: Path):
    """In a fresh interpreter, a warm start answers from the cache: YAML is never imported."""
    script = (
        "import sys\n"
        "from medialit.content import current_course\n"
        "from medialit.notebook import start\n"
        f"print(start('01-provenance', current_course({str(full_course)!r})).heading)\n"
        "print('yaml' in sys.modules)\n"
    )
    env = {**os.environ, diskcache.ENV: str(own_cache), "PYTHONPATH": str(REPO / "src")}
    runs = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                           text=True, check=True).stdout.split("\n") for _ in range(2)]
    assert runs[0][0] == runs[1][0] != ""
    assert runs[0][1] == "True"  # cold: read and checked the YAML
    assert runs[1][1] == "False"  # warm: read the pickle


def test_an_edit_is_seen_at_once_in_the_same_kernel(data_course: Path):
    """Same size and same time stamp (as on a file system with a coarse clock): only the
    content can tell, and it is read because the time stamp is too recent to trust."""
    assert current_course(data_course).meta.title == "test copy"
    course_file = data_course / "course.yaml"
    stamp = course_file.stat()
    course_file.write_text(course_file.read_text().replace("test copy", "test cop2"))
    os.utime(course_file, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert course_file.stat().st_size == stamp.st_size
    assert current_course(data_course).meta.title == "test cop2"


def test_an_old_unchanged_course_is_not_read_again(data_course: Path, monkeypatch):
    """Files last changed long ago: their sizes and times are trusted, nothing is hashed."""
    for path in course_cache.content_files(data_course):
        os.utime(path, (1_600_000_000, 1_600_000_000))
    first = current_course(data_course)
    monkeypatch.setattr(course_cache, "content_key", lambda *a: pytest.fail("hashed again"))
    assert current_course(data_course) is first


def test_an_edit_is_seen_by_the_next_kernel(full_course: Path, own_cache: Path):
    build = Counting()
    before = course_cache.load(full_course, build)
    guide = full_course / "lessons" / "01-provenance" / "guide.md"
    old = before.lesson("01-provenance").title
    guide.write_text(guide.read_text(encoding="utf-8").replace(old, old + " (edited)", 1),
                     encoding="utf-8")
    after = course_cache.load(full_course, build)
    assert build.calls == 2
    assert after.lesson("01-provenance").title == old + " (edited)"
    assert len(entries(own_cache)) == 1, "the older version of the course is left behind"


def test_a_new_file_under_data_changes_the_key(data_course: Path):
    before = course_cache.content_key(data_course)
    (data_course / "data" / "record" / "new-note.md").write_text("a new document\n")
    assert course_cache.content_key(data_course) != before


def test_the_content_code_is_part_of_the_key(data_course: Path, monkeypatch):
    before = course_cache.content_key(data_course)
    monkeypatch.setattr(course_cache, "_code", "a changed schema")
    assert course_cache.content_key(data_course) != before


def test_the_code_key_reads_the_content_source(tmp_path: Path):
    source = Path(course_cache.__file__).parent
    copy = tmp_path / "content"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__"))
    same = diskcache.code_digest(copy.glob("*.py"))
    assert same == diskcache.code_digest(source.glob("*.py"))
    (copy / "annotations.py").write_text((copy / "annotations.py").read_text() + "\n# x\n")
    assert diskcache.code_digest(copy.glob("*.py")) != same


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"not a pickle at all", id="garbage"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: pickle.dumps(("another key", "a string")), id="wrong-key"),
    ],
)
def test_a_damaged_entry_is_rebuilt_not_raised(data_course: Path, own_cache: Path, damage):
    build = Counting()
    course_cache.load(data_course, build)
    [entry] = entries(own_cache)
    entry.write_bytes(damage(entry.read_bytes()))
    course = course_cache.load(data_course, build)
    assert build.calls == 2
    assert course.meta.title == "test copy"
    course_cache.load(data_course, build)
    assert build.calls == 2, "the rebuilt entry is stored again"


def test_an_entry_holding_the_wrong_type_is_ignored(data_course: Path, own_cache: Path):
    build = Counting()
    course_cache.load(data_course, build)
    [entry] = entries(own_cache)
    key, _ = pickle.loads(entry.read_bytes())
    entry.write_bytes(pickle.dumps((key, {"not": "a course"})))
    assert course_cache.load(data_course, build).meta.title == "test copy"
    assert build.calls == 2


def test_a_folder_others_can_write_is_not_used(data_course: Path, own_cache: Path):
    build = Counting()
    course_cache.load(data_course, build)
    (own_cache / course_cache.KIND).chmod(0o777)
    course_cache.load(data_course, build)
    assert build.calls == 2, "a pickle in a shared folder is never loaded"


def test_broken_content_is_never_cached(data_course: Path, own_cache: Path):
    (data_course / "data" / "sources.yaml").write_text("sources: [", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ContentError) as caught:
            current_course(data_course)
        assert "data/sources.yaml" in str(caught.value)
    assert entries(own_cache) == []


def _mount_tmpfs(target: Path, options: str) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a real read-only or full file system needs root")
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)],
                          capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot mount tmpfs here: {done.stderr.strip()}")


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[Path]:
    target = tmp_path / "mnt"
    yield target
    subprocess.run(["umount", str(target)], check=False, capture_output=True)


def test_a_read_only_cache_folder_means_no_cache(data_course: Path, mounted: Path,
                                                  monkeypatch):
    _mount_tmpfs(mounted, "ro,size=1m")
    monkeypatch.setenv(diskcache.ENV, str(mounted / "medialit"))
    build = Counting()
    for _ in range(2):
        assert course_cache.load(data_course, build).meta.title == "test copy"
    assert build.calls == 2
    assert not (mounted / "medialit").exists()


def test_a_full_cache_folder_means_no_cache(data_course: Path, mounted: Path, monkeypatch):
    _mount_tmpfs(mounted, "size=4k")  # one page: the course pickle is far larger
    monkeypatch.setenv(diskcache.ENV, str(mounted))
    build = Counting()
    for _ in range(2):
        assert course_cache.load(data_course, build).meta.title == "test copy"
    assert build.calls == 2
    assert list((mounted / course_cache.KIND).iterdir()) == [], "no half-written entry is left"


def test_an_entry_that_cannot_be_read_is_a_miss_not_an_error(data_course: Path, own_cache):
    """The entry's name taken by a folder: it can be neither read nor replaced."""
    build = Counting()
    course_cache.load(data_course, build)
    [entry] = entries(own_cache)
    entry.unlink()
    entry.mkdir()
    for _ in range(2):
        assert course_cache.load(data_course, build).meta.title == "test copy"
    assert build.calls == 3
    assert entry.is_dir()
