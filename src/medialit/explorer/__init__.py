"""The article explorer: every sentence tagged by kind; select one to see its card.

In a notebook::

    from medialit.explorer import explore
    explore()                      # or explore(kind="prediction", selected="s01")

Pure logic lives in :mod:`.cards`, HTML in :mod:`.render`, the widget in :mod:`.widget`.
"""

from medialit.explorer.cards import Card, ExplorerError, build_card, filter_sentences
from medialit.explorer.render import article_html, card_html


def explore(course=None, kind=None, selected=None):
    from medialit.explorer.widget import explore as _explore

    return _explore(course, kind=kind, selected=selected)


__all__ = ["Card", "ExplorerError", "article_html", "build_card", "card_html", "explore",
           "filter_sentences"]
