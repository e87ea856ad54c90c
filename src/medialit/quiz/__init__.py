"""Quizzes: pure checking (``check``), ipywidgets views, and the student edition.

Notebook authors call :func:`quiz`; everything else is for tests and tools.
"""

from medialit.quiz.check import Detail, Verdict, check
from medialit.quiz.display import QuizProblem, load_quiz_file, quiz

__all__ = ["Detail", "QuizProblem", "Verdict", "check", "load_quiz_file", "quiz"]
