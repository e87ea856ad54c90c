"""The article explorer as an anywidget component: a kind filter, the article with every
sentence selectable where it stands, and the selected sentence's card.

All content comes from :mod:`medialit.explorer.render` (the article) and
:mod:`medialit.explorer.cards` through ``render.card_for`` (the card); this module
only keeps the filter and the selection, and ``static/explorer.js`` shows them.
Tests drive it without a browser: set ``explorer.selected`` (or ``explorer.kind``),
as the browser does, and read ``explorer.card``.
"""

from __future__ import annotations

import pathlib
from typing import Any

import anywidget
import traitlets

from medialit import components
from medialit.explorer.cards import ExplorerError, filter_sentences, kinds_in
from medialit.explorer.gate import for_learner
from medialit.explorer.render import EMPTY_CARD, article_html, card_for
from medialit.figures.common import course_or_default
from medialit.figures.palette import kind_label

ALL = "all"
STATIC = pathlib.Path(__file__).parent / "static"


class ArticleExplorer(anywidget.AnyWidget):
    """Click a sentence in the article (or reach it with Tab and the arrow keys) to see
    its card; filter by kind."""

    _esm = components.module(STATIC / "explorer.js")
    _css = components.style(STATIC / "explorer.css")

    kinds = traitlets.List().tag(sync=True)  # [[value, label], ...]
    kind = traitlets.Unicode(ALL).tag(sync=True)
    selected = traitlets.Unicode("").tag(sync=True)
    article = traitlets.Unicode("").tag(sync=True)
    card = traitlets.Unicode(EMPTY_CARD).tag(sync=True)

    def __init__(self, course: Any | None = None, kind: str | None = None,
                 selected: str | None = None) -> None:
        self.course = for_learner(course_or_default(course))  # sealed fields wait
        known = kinds_in(self.course)
        super().__init__(kinds=[[ALL, "all kinds"]] + [[k, kind_label(k)] for k in known])
        self._known = known
        self.article = article_html(self.course)
        self.observe(self._on_kind, names="kind")
        self.observe(self._on_select, names="selected")
        if kind is not None:
            self.kind = kind if kind in known else self._bad_kind(kind, known)
        if selected is not None:
            self.select(selected)

    @staticmethod
    def _bad_kind(kind: str, kinds: list[str]) -> str:
        raise ExplorerError(f"unknown kind {kind!r}; this course has: {', '.join(kinds)}")

    def shown(self) -> list[str]:
        """Ids of the sentences the filter shows."""
        return [s.id for s in self._visible()]

    def select(self, sentence_id: str) -> None:
        """Select a sentence by id, as a click on it does."""
        ids = self.shown()
        if sentence_id not in ids:
            known = ", ".join(ids) or "none"
            raise ExplorerError(f"sentence {sentence_id!r} is not shown; shown: {known}")
        self.selected = sentence_id

    def _visible(self) -> list[Any]:
        kind = self.kind
        return filter_sentences(self.course, None if kind in (ALL, "") else [kind])

    def _on_kind(self, change: dict) -> None:
        if change["new"] not in (ALL, "") and change["new"] not in self._known:
            self.kind = change["old"]
            return
        if self.selected and self.selected not in self.shown():
            self.selected = ""  # refreshes through _on_select
            return
        self._refresh()

    def _on_select(self, change: dict) -> None:
        if change["new"] and change["new"] not in self.shown():
            self.selected = change["old"] if change["old"] in self.shown() else ""
            return
        self._refresh()

    def _refresh(self) -> None:
        chosen = self.selected or None
        self.article = article_html(self.course, self._visible(), selected=chosen)
        self.card = card_for(self.course, chosen) if chosen else EMPTY_CARD

    def __repr__(self) -> str:
        chosen = self.selected
        shown = len(self.shown())
        return (f"Article explorer: {shown} of {len(self.course.sentences)} sentences shown"
                + (f", sentence {chosen} selected" if chosen else "") + ".")


def explore(course: Any | None = None, kind: str | None = None,
            selected: str | None = None) -> ArticleExplorer:
    """The one call notebooks use: ``from medialit.explorer import explore; explore()``."""
    return ArticleExplorer(course, kind=kind, selected=selected)
