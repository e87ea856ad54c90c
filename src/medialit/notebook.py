"""The first and last cell of every course notebook: what the lesson asks, and what to keep.

Both are rendered from the lesson's ``guide.md`` front matter, so the teacher
guide and the notebook can never disagree about objectives or key points.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from medialit.content import Course, current_course


@dataclass(frozen=True)
class LessonPanel:
    """A block of lesson text with a stable plain-text form (what nbval compares)."""

    heading: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    note: str = ""

    def __repr__(self) -> str:
        lines = [self.heading]
        if self.note:
            lines.append(self.note)
        for title, items in self.sections:
            lines.append(f"{title}:")
            lines.extend(f"  - {item}" for item in items)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        parts = [f'<section class="medialit-lesson-panel"><h2>{escape(self.heading)}</h2>']
        if self.note:
            parts.append(f"<p>{escape(self.note)}</p>")
        for title, items in self.sections:
            parts.append(f"<h3>{escape(title)}</h3><ul>")
            parts.extend(f"<li>{escape(item)}</li>" for item in items)
            parts.append("</ul>")
        parts.append("</section>")
        return "".join(parts)


def start(lesson_id: str, course: Course | None = None) -> LessonPanel:
    """The opening panel: title, time, the lesson's questions and objectives."""
    course = course or current_course()
    lesson = course.lesson(lesson_id)
    meta = lesson.guide.meta
    number = course.meta.lessons.index(lesson_id)
    note = (
        f"Lesson {number} of {len(course.meta.lessons) - 1} · about {meta.minutes} minutes "
        f"({meta.teaching} reading and discussion, {meta.exercises} exercises)"
    )
    return LessonPanel(
        meta.title,
        (
            ("Questions this lesson answers", tuple(meta.questions)),
            ("By the end you will be able to", tuple(o.text for o in meta.objectives)),
        ),
        note,
    )


def keypoints(lesson_id: str, course: Course | None = None) -> LessonPanel:
    """The closing panel: the key points to take away."""
    course = course or current_course()
    meta = course.lesson(lesson_id).guide.meta
    return LessonPanel(f"Key points: {meta.title}", (("Remember", tuple(meta.keypoints)),))
