"""The any-article analyzer: the course's method applied to an article you bring.

    >>> from medialit.analyze import analyze_file
    >>> report = analyze_file("saved-page.html")      # doctest: +SKIP
    >>> report                                        # in a notebook: highlighted view

Reads a saved web page or a text file (never the network), sets page furniture
aside, splits sentences, and flags attributions, direct quotes, hedges and
numbers, each with the rule that fired. Word lists live in ``rules/*.yaml``.
"""

from medialit.analyze.core import analyze_file, analyze_html, analyze_text
from medialit.analyze.inputs import MAX_BYTES, InputError
from medialit.analyze.notebook import AnalysisProblem, read_article, worksheet_for
from medialit.analyze.report import Report
from medialit.analyze.rules import RuleSet, load_rules

__all__ = [
    "MAX_BYTES",
    "AnalysisProblem",
    "InputError",
    "Report",
    "RuleSet",
    "analyze_file",
    "analyze_html",
    "analyze_text",
    "load_rules",
    "read_article",
    "worksheet_for",
]
