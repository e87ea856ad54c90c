"""Read one YAML file into one validated model, or say precisely what is wrong with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from medialit.content.problems import ContentError, Problem, field_path

Model = TypeVar("Model", bound=BaseModel)


def display_name(path: Path, root: Path | None = None) -> str:
    """The path as a teacher would type it: relative to the course root when possible."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def read_yaml(path: Path, root: Path | None = None) -> Any:
    """Parse YAML safely; syntax errors name the line and column."""
    name = display_name(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError([Problem(name, "(file)", "file is missing")]) from None
    except UnicodeDecodeError as exc:
        raise ContentError(
            [Problem(name, "(file)", f"not UTF-8 text (byte {exc.start}): save it as UTF-8")]
        ) from None
    except OSError as exc:
        raise ContentError([Problem(name, "(file)", f"cannot be read: {exc.strerror}")]) from None
    import yaml  # here, not at the top: a kernel reading cached content never parses YAML

    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(yaml)"
        raise ContentError([Problem(name, where, f"YAML syntax: {exc.problem}")]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(name, "(yaml)", f"YAML syntax: {exc}")]) from None


def problems_from_validation(name: str, exc: ValidationError, data: Any) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        message = error["msg"]
        if error["type"] == "missing":
            message = "required field is missing"
        elif error["type"] == "extra_forbidden":
            message = "unknown field (check its spelling)"
        problems.append(Problem(name, field_path(error["loc"], data), message))
    return problems


def validate(model: type[Model], data: Any, name: str) -> Model:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ContentError(problems_from_validation(name, exc, data)) from None


def load_model(model: type[Model], path: Path, root: Path | None = None) -> Model:
    """Load ``path`` as ``model``; every failure is a :class:`ContentError`."""
    data = read_yaml(path, root)
    return validate(model, data, display_name(path, root))
