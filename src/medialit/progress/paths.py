"""Where the progress database lives.

Three places can decide, strongest first: the ``MEDIALIT_DATA_DIR`` environment
variable (tests, notebooks under nbval, a hub admin), the ``progress_dir:`` key
of the course's ``course.yaml`` (a teacher who wants answers next to the
course), and the operating system's per-user data folder. The course key is read
with plain YAML so that a broken lesson file never stops answers being saved.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from platformdirs import user_data_dir

DB_NAME = "progress.db"
ENV_DATA_DIR = "MEDIALIT_DATA_DIR"
ENV_COURSE_ROOT = "MEDIALIT_COURSE_ROOT"


def find_course_root(start: Path | None = None) -> Path | None:
    """The folder holding ``course.yaml``: ``$MEDIALIT_COURSE_ROOT``, else upward from cwd."""
    env = os.environ.get(ENV_COURSE_ROOT, "").strip()
    if env:
        root = Path(env).expanduser()
        return root if (root / "course.yaml").is_file() else None
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "course.yaml").is_file():
            return folder
    return None


def course_progress_dir(course_root: Path | None) -> Path | None:
    """The ``progress_dir:`` setting of ``course.yaml``, relative to the course root."""
    if course_root is None:
        return None
    try:
        data = yaml.safe_load((course_root / "course.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict):
        return None
    value = data.get("progress_dir")
    if not isinstance(value, str) or not value.strip():
        return None
    folder = Path(value.strip()).expanduser()
    return folder if folder.is_absolute() else course_root / folder


def data_dir(course_root: Path | None = None) -> Path:
    """The folder for this user's progress database (not created here)."""
    env = os.environ.get(ENV_DATA_DIR, "").strip()
    if env:
        return Path(env).expanduser()
    from_course = course_progress_dir(course_root or find_course_root())
    if from_course is not None:
        return from_course
    return Path(user_data_dir("medialit", appauthor=False))


def db_path(course_root: Path | None = None) -> Path:
    return data_dir(course_root) / DB_NAME
