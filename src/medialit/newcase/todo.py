"""A case's drafts as the teacher's to-do list: every field still to review, by sentence.

Read from the YAML files themselves (not the validated models) so each item can name
the file and the field exactly as `medialit check` names problems: ``file: field: ...``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Todo:
    group: str  # "sentence s3", "sources"
    file: str
    field: str
    rule: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: draft ({self.rule})"


def _read(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}  # a broken file is `medialit check`'s to report, not the to-do list's


def todo_items(root: Path) -> list[Todo]:
    """Every draft field in annotations, numbers and sources, grouped by sentence."""
    data = Path(root) / "data"
    notes = _read(data / "annotations.yaml").get("sentences") or []
    numbers = _read(data / "numbers.yaml").get("numbers") or []
    sources = _read(data / "sources.yaml").get("sources") or []
    items: list[Todo] = []
    for k, s in enumerate(notes):
        if not isinstance(s, dict):
            continue
        sid = s.get("id", f"#{k}")
        group = f"sentence {sid}"
        for name, rule in (s.get("draft") or {}).items():
            if name == "verdict":
                rating = str((s.get("verdict") or {}).get("rating", "")).upper()
                rule = f"{rating}: {rule}"
            items.append(Todo(group, "data/annotations.yaml", f"sentences[{k}]({sid}).{name}",
                              str(rule)))
        for j, n in enumerate(numbers):
            if isinstance(n, dict) and n.get("sentence") == sid:
                for name, rule in (n.get("draft") or {}).items():
                    items.append(Todo(group, "data/numbers.yaml",
                                      f"numbers[{j}]({n.get('id')}).{name}", str(rule)))
    for k, src in enumerate(sources):
        if isinstance(src, dict):
            for name, rule in (src.get("draft") or {}).items():
                items.append(Todo("sources", "data/sources.yaml",
                                  f"sources[{k}]({src.get('id')}).{name}", str(rule)))
    return items


def format_todo(items: list[Todo]) -> list[str]:
    """A numbered list with a heading line per sentence (or for the sources)."""
    lines: list[str] = []
    group = None
    for number, item in enumerate(items, start=1):
        if item.group != group:
            group = item.group
            lines.append(f"{group}:")
        lines.append(f"  {number}. {item}")
    return lines


__all__ = ["Todo", "format_todo", "todo_items"]
