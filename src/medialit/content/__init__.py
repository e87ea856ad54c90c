"""Content: the validated data and lessons every other part of medialit reads."""

from medialit.content.course import (
    Course,
    Lesson,
    Sentence,
    current_course,
    find_root,
    load_course,
)
from medialit.content.problems import ContentError, Problem

__all__ = [
    "ContentError",
    "Course",
    "Lesson",
    "Problem",
    "Sentence",
    "current_course",
    "find_root",
    "load_course",
]
