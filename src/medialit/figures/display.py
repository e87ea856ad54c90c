"""A figure a screen reader can read, and a notebook can diff.

Course figures are returned as :class:`AccessibleFigure`. In Jupyter its HTML
is one ``<figure>``: the PNG with real ``alt`` text, a caption that names the
source, and the numbers behind the picture as a table (so a learner who cannot
see the chart, or wants to check it, gets the data). Its ``text/plain`` form is
the alt text, so a strict nbval run compares words, never ``<Figure size ...>``.

The matplotlib figure is built with :class:`matplotlib.figure.Figure`, not
``pyplot``: pyplot never learns of it, so the inline backend cannot display it a
second time, and nothing needs closing.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure

DPI = 100
FONT_SIZE = 9
RC = {
    "svg.hashsalt": "medialit",
    "svg.fonttype": "none",
    "font.size": FONT_SIZE,
    "axes.titlesize": FONT_SIZE + 1,
    "hatch.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@dataclass(frozen=True)
class DataTable:
    """The data behind a figure: column names and rows of cells, all shown as text."""

    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]

    @classmethod
    def of(cls, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> DataTable:
        return cls(tuple(columns), tuple(tuple(row) for row in rows))

    def as_dicts(self) -> list[dict[str, object]]:
        return [dict(zip(self.columns, row, strict=False)) for row in self.rows]

    def to_html(self) -> str:
        head = "".join(f'<th scope="col">{_cell(c)}</th>' for c in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>" for row in self.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: object) -> str:
    if value is None:
        return "not reported"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return html.escape(str(value))


@dataclass
class AccessibleFigure:
    """A matplotlib figure with its alt text, caption, source and data table.

    ``name`` is a slug (``map-kursk``) used for a stable CSS class, so browser
    tests and stylesheets can find the figure without random ids.
    """

    name: str
    figure: Figure
    alt: str
    caption: str
    source: str
    table: DataTable
    _png: bytes | None = field(default=None, repr=False)

    def png(self) -> bytes:
        """The figure as PNG bytes, rendered once."""
        if self._png is None:
            buffer = io.BytesIO()
            with matplotlib.rc_context(RC):
                self.figure.savefig(
                    buffer, format="png", dpi=DPI, metadata={"Software": None}
                )
            self._png = buffer.getvalue()
        return self._png

    def save(self, path: str | Path) -> Path:
        """Write the figure (format from the suffix: .png, .svg, .pdf)."""
        path = Path(path)
        if path.suffix.lower() == ".png":
            path.write_bytes(self.png())
        else:
            with matplotlib.rc_context(RC):
                self.figure.savefig(path, dpi=DPI, metadata={"Date": None}
                                    if path.suffix.lower() in {".svg", ".pdf"} else None)
        return path

    def to_html(self) -> str:
        image = base64.b64encode(self.png()).decode("ascii")
        slug = html.escape(self.name, quote=True)
        return (
            f'<figure class="medialit-figure medialit-figure-{slug}">'
            f'<img src="data:image/png;base64,{image}" alt="{html.escape(self.alt, quote=True)}"'
            ' style="max-width:100%;height:auto">'
            f"<figcaption>{html.escape(self.caption)} "
            f'<span class="medialit-figure-source">Source: {html.escape(self.source)}</span>'
            "</figcaption>"
            "<details><summary>Data behind this figure</summary>"
            f"{self.table.to_html()}</details></figure>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return self.alt

    def __str__(self) -> str:
        return self.alt


def new_figure(width: float, height: float) -> Figure:
    """A pyplot-free figure with the course's type sizes and room for a source line."""
    with matplotlib.rc_context(RC):
        figure = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    figure.get_layout_engine().set(rect=(0, 0.045, 1, 0.955))
    return figure


def source_line(figure: Figure, source: str) -> None:
    """Name the source inside the image, so it travels with a screenshot."""
    figure.text(
        0.005, 0.005, f"Source: {source}", ha="left", va="bottom", fontsize=FONT_SIZE - 2,
        color="#333333", wrap=True,
    )
