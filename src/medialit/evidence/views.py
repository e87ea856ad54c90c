"""HTML for excerpts of the record: the words, who said them, where and when.

Shared by the explorer's card, the packet search box and the "check the checker"
exercise, so a learner meets the same layout wherever the course shows evidence.
All text is escaped: the packet is edited by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from html import escape

from medialit.content.packet import Quote

STYLE = """<style>
.medialit-evidence-view{line-height:1.5;white-space:normal;overflow-wrap:anywhere;max-width:100%}
.medialit-excerpt{margin:0.5em 0 0.8em 0;padding:0 0 0 0.8em;border-left:4px solid #555;
  line-height:1.5;overflow-wrap:anywhere;max-width:100%}
.medialit-excerpt blockquote{margin:0;font-style:normal}
.medialit-excerpt figcaption{margin-top:0.2em}
.medialit-excerpt details{margin-top:0.2em}
.medialit-excerpt .medialit-excerpt-id{font-family:ui-monospace,monospace}
</style>"""


def day(value: dt.date | None, approximate: bool = False) -> str:
    if value is None:
        return "undated"
    text = f"{value.day} {value:%B %Y}"
    return f"about {text}" if approximate else text


def _link(url: str) -> str:
    if url.startswith(("https://", "http://")):
        return (f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer" '
                f'target="_blank">{escape(url)}</a>')
    return escape(url)


def citation_line(quote: Quote) -> str:
    """``Sabrina Singh, in US Department of Defense, "Title" (transcript), 28 October 2024``."""
    doc = quote.document
    speaker = f"{escape(quote.excerpt.speaker)}, in " if quote.excerpt.speaker else ""
    return (f"{speaker}{escape(doc.publisher)}, “{escape(doc.title)}” "
            f"({escape(doc.kind.label)}), {escape(day(doc.date, doc.approximate))}. "
            f"{_link(doc.url)}")


def excerpt_html(quote: Quote, show_provenance: bool = True) -> str:
    doc = quote.document
    provenance = (f"<details><summary>How the course obtained this document</summary>"
                  f"<p>{escape(doc.obtained)} Rights: {escape(doc.rights.label)}. Excerpt "
                  f'<span class="medialit-excerpt-id">{escape(quote.id)}</span>.</p></details>'
                  if show_provenance else "")
    return (f'<figure class="medialit-excerpt medialit-excerpt-{escape(quote.id)}">'
            f'<blockquote cite="{escape(doc.url, quote=True)}">{escape(quote.excerpt.text)}'
            f"</blockquote><figcaption>{citation_line(quote)}{provenance}</figcaption></figure>")


def excerpts_html(quotes: Iterable[Quote], show_provenance: bool = True) -> str:
    items = [excerpt_html(q, show_provenance) for q in quotes]
    if not items:
        return "<p>No excerpt of the record.</p>"
    return STYLE + '<div class="medialit-evidence-view">' + "".join(items) + "</div>"


__all__ = ["STYLE", "citation_line", "day", "excerpt_html", "excerpts_html"]
