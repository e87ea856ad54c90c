"""The analyzer as a learner meets it in a notebook: a message, never a traceback.

``analyze_file`` raises :class:`InputError` so that scripts and the command line
can decide what to do; a learner who has not saved their article yet, or saved
the wrong kind of file, should instead read what to do next.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from medialit.analyze.core import analyze_file
from medialit.analyze.inputs import InputError
from medialit.analyze.progress import notebook_bar
from medialit.analyze.report import Report
from medialit.content.problems import ContentError

SAVE_HINT = (
    "Save the article's page in the same folder as this notebook (in your browser: File > "
    "Save Page As..., 'Web Page, HTML only'), or paste its text into a .txt file there, "
    "then run this cell again."
)


@dataclass(frozen=True)
class AnalysisProblem:
    """Why a file could not be analyzed, shown where the report would have been."""

    file: str
    message: str

    def __repr__(self) -> str:
        return f"Could not analyze {self.file}: {self.message}"

    def _repr_html_(self) -> str:
        return (
            '<div class="medialit-analyze-problem" role="status">'
            f"<strong>⚠ Could not analyze {escape(self.file)}.</strong> {escape(self.message)}"
            "</div>"
        )


def read_article(path: str | Path, rules: str | Path | None = None) -> Report | AnalysisProblem:
    """Analyze a saved article, or explain in words why it cannot be analyzed."""
    name = Path(path).name
    if not Path(path).is_file():
        return AnalysisProblem(name, f"there is no such file yet. {SAVE_HINT}")
    try:
        return analyze_file(path, rules=rules, progress=notebook_bar)
    except InputError as exc:
        return AnalysisProblem(name, str(exc))
    except ContentError as exc:
        return AnalysisProblem(
            name, "a rules file has problems: " + "; ".join(map(str, exc.problems))
        )


def worksheet_for(result: Report | AnalysisProblem):
    """The claims worksheet for an analyzed article (or the problem, shown again)."""
    if isinstance(result, AnalysisProblem):
        return result
    from medialit.analyze.worksheet_view import worksheet_widget

    return worksheet_widget(result).widget
