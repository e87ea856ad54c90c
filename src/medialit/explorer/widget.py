"""The article explorer as ipywidgets: a filter, a keyboard-operable sentence list, the
article and the selected sentence's card.

All content comes from :mod:`medialit.explorer.render`; this module only wires
events. Tests drive it without a browser: set ``explorer.selector.value`` (or
``explorer.kind_filter.value``) and read ``explorer.card.value``.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from medialit.explorer.cards import ExplorerError, filter_sentences, kinds_in, options
from medialit.explorer.gate import for_learner
from medialit.explorer.render import EMPTY_CARD, article_html, card_for
from medialit.figures.common import course_or_default
from medialit.figures.palette import kind_label
from medialit.keyboard import make_keyboard_operable

ALL = "all"


class ArticleExplorer(widgets.VBox):
    """Select a sentence (arrow keys in the list) to see its card; filter by kind."""

    def __init__(self, course: Any | None = None, kind: str | None = None,
                 selected: str | None = None) -> None:
        self.course = for_learner(course_or_default(course))  # sealed fields wait
        kinds = kinds_in(self.course)
        self.kind_filter = widgets.Dropdown(
            options=[("all kinds", ALL)] + [(kind_label(k), k) for k in kinds],
            value=ALL, description="Show", style={"description_width": "initial"},
        )
        self.selector = widgets.Select(
            options=options(self.course.sentences), value=None, rows=8,
            description="Sentence", style={"description_width": "initial"},
            layout=widgets.Layout(width="100%"),
        )
        self.article = widgets.HTML(article_html(self.course))
        self.card = widgets.HTML(EMPTY_CARD)
        help_text = widgets.HTML(
            "<p>Use Tab to reach the list and the arrow keys to move through the sentences; "
            "the card below the article follows the selection.</p>")
        super().__init__([help_text, self.kind_filter, self.selector, self.article, self.card])
        self.add_class("medialit-explorer-widget")
        make_keyboard_operable(self)
        self.kind_filter.observe(self._on_kind, names="value")
        self.selector.observe(self._on_select, names="value")
        if kind is not None:
            self.kind_filter.value = kind if kind in kinds else self._bad_kind(kind, kinds)
        if selected is not None:
            self.select(selected)

    @staticmethod
    def _bad_kind(kind: str, kinds: list[str]) -> str:
        raise ExplorerError(f"unknown kind {kind!r}; this course has: {', '.join(kinds)}")

    def select(self, sentence_id: str) -> None:
        """Select a sentence by id (as a learner would in the list)."""
        ids = [value for _, value in self.selector.options]
        if sentence_id not in ids:
            known = ", ".join(ids) or "none"
            raise ExplorerError(f"sentence {sentence_id!r} is not in the list; shown: {known}")
        self.selector.value = sentence_id

    def _visible(self) -> list[Any]:
        kind = self.kind_filter.value
        return filter_sentences(self.course, None if kind == ALL else [kind])

    def _on_kind(self, change: dict) -> None:
        visible = self._visible()
        current = self.selector.value
        self.selector.options = options(visible)
        ids = [s.id for s in visible]
        self.selector.value = current if current in ids else None
        self._refresh()

    def _on_select(self, change: dict) -> None:
        self._refresh()

    def _refresh(self) -> None:
        chosen = self.selector.value
        self.article.value = article_html(self.course, self._visible(), selected=chosen)
        self.card.value = card_for(self.course, chosen) if chosen else EMPTY_CARD

    def __repr__(self) -> str:
        chosen = self.selector.value
        shown = len(self.selector.options)
        return (f"Article explorer: {shown} of {len(self.course.sentences)} sentences shown"
                + (f", sentence {chosen} selected" if chosen else "") + ".")


def explore(course: Any | None = None, kind: str | None = None,
            selected: str | None = None) -> ArticleExplorer:
    """The one call notebooks use: ``from medialit.explorer import explore; explore()``."""
    return ArticleExplorer(course, kind=kind, selected=selected)
