"""A figure a screen reader can read, and a notebook can diff.

Course figures are returned as :class:`AccessibleFigure`. In Jupyter its HTML
is one ``<figure>``: the PNG with real ``alt`` text, a caption that names the
source, and the numbers behind the picture as a table (so a learner who cannot
see the chart, or wants to check it, gets the data). Its ``text/plain`` form is
the alt text, so a strict nbval run compares words, never ``<Figure size ...>``.

The matplotlib figure is built with :class:`matplotlib.figure.Figure`, not
``pyplot``: pyplot never learns of it, so the inline backend cannot display it a
second time, and nothing needs closing.

Figures are drawn in :func:`course_style`: matplotlib's defaults plus the course's own
settings, whatever the kernel's ``rcParams`` say (a style a notebook set, or a
backend's), so a figure looks the same everywhere and the figure cache need not
know the kernel's settings. matplotlib itself is imported only to draw: a figure
read from the cache never loads it.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# The course's type scale, for a classroom projector (see :mod:`.legibility`): at 100 dpi
# 9 pt is 12.5 CSS px and 8 pt, the smallest allowed, 11.1 px. Figures are drawn at most
# WIDTH inches (600 px) wide and shown at their own size, never scaled down.
DPI = 100
WIDTH = 6.0
FONT_SIZE = 9
SMALL = 8
TITLE = 10.5
RC = {
    "svg.hashsalt": "medialit",
    "svg.fonttype": "none",
    "font.size": FONT_SIZE,
    "axes.titlesize": TITLE,
    "axes.labelsize": FONT_SIZE,
    "xtick.labelsize": FONT_SIZE,
    "ytick.labelsize": FONT_SIZE,
    "legend.fontsize": FONT_SIZE,
    "hatch.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def course_style() -> AbstractContextManager[Any]:
    """matplotlib's default settings with the course's :data:`RC` on top, for one figure."""
    import matplotlib.style

    return matplotlib.style.context(["default", RC])


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


class AccessibleFigure:
    """A matplotlib figure with its alt text, caption, source and data table.

    ``name`` is a slug (``map-kursk``) used for a stable CSS class, so browser
    tests and stylesheets can find the figure without random ids.

    A figure from the figure cache (:mod:`medialit.figures.cache`) arrives as its PNG and
    words only, with ``redraw`` to build the matplotlib figure again should anyone ask
    for :attr:`figure` (to save it as SVG, or to inspect its artists).
    """

    def __init__(
        self,
        name: str,
        figure: Figure | None,
        alt: str,
        caption: str,
        source: str,
        table: DataTable,
        *,
        png: bytes | None = None,
        redraw: Callable[[], AccessibleFigure] | None = None,
    ) -> None:
        if figure is None and (png is None or redraw is None):
            raise ValueError("an AccessibleFigure needs its figure, or its PNG and a redraw")
        self.name = name
        self.alt = alt
        self.caption = caption
        self.source = source
        self.table = table
        self._figure = figure
        self._png = png
        self._redraw = redraw

    @property
    def figure(self) -> Figure:
        """The matplotlib figure (drawn again on first use for a figure from the cache)."""
        if self._figure is None:
            assert self._redraw is not None
            self._figure = self._redraw().figure
        return self._figure

    def png(self) -> bytes:
        """The figure as PNG bytes, rendered once."""
        if self._png is None:
            self._png = render_png(self.figure)
        return self._png

    def save(self, path: str | Path) -> Path:
        """Write the figure (format from the suffix: .png, .svg, .pdf)."""
        path = Path(path)
        if path.suffix.lower() == ".png":
            path.write_bytes(self.png())
        else:
            with course_style():
                self.figure.savefig(path, dpi=DPI, metadata={"Date": None}
                                    if path.suffix.lower() in {".svg", ".pdf"} else None)
        return path

    def to_html(self) -> str:
        """The figure at the size it was drawn, in a frame that scrolls if the column is
        narrower: shrinking it to fit would shrink its type below what a class can read
        (:mod:`.legibility`). The frame is focusable so a keyboard can scroll it too."""
        png = self.png()
        image = base64.b64encode(png).decode("ascii")
        width, height = png_size(png)
        slug = html.escape(self.name, quote=True)
        return (
            f'<figure class="medialit-figure medialit-figure-{slug}"'
            ' style="margin:0 0 1em 0;max-width:100%">'
            '<div class="medialit-figure-frame" style="overflow-x:auto;max-width:100%"'
            f' tabindex="0" role="group" aria-label="Figure: {html.escape(self.name, quote=True)}">'
            f'<img src="data:image/png;base64,{image}" alt="{html.escape(self.alt, quote=True)}"'
            f' width="{width}" height="{height}"'
            f' style="width:{width}px;height:{height}px;max-width:none"></div>'
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


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG's header (no image library needed)."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def render_png(figure: Figure) -> bytes:
    """The figure as PNG bytes, laid out and drawn once.

    ``savefig`` on a figure with a layout engine draws it twice: once with rendering
    switched off, only to run the layout, then for real. Drawing on an Agg canvas runs
    the same constrained layout inside the one real draw, and the pixels are then
    written exactly as ``savefig`` writes them (``matplotlib.image.imsave``).
    """
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.image import imsave

    buffer = io.BytesIO()
    with course_style():
        rc = matplotlib.rcParams
        if rc["savefig.transparent"] or (rc["savefig.facecolor"], rc["savefig.edgecolor"]) != (
            "auto", "auto"
        ):
            # A matplotlibrc that recolours saved figures: let savefig apply it.
            figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
            return buffer.getvalue()
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        imsave(buffer, canvas.buffer_rgba(), format="png", origin="upper", dpi=figure.dpi,
               metadata={"Software": None})
    return buffer.getvalue()


def new_figure(width: float, height: float) -> Figure:
    """A pyplot-free figure with the course's type sizes and room for a source line."""
    from matplotlib.figure import Figure

    with course_style():
        figure = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    # Room for the boxes round panel labels, which the layout does not measure.
    figure.get_layout_engine().set(h_pad=0.08, w_pad=0.06)
    return figure


def chars_per_line(fontsize: float, share: float = 1.0) -> int:
    """About how many characters of ``fontsize`` fit in ``share`` of a figure's width:
    for wrapping labels before the layout, so a longer text (another article's) wraps
    rather than runs off the picture. DejaVu Sans averages about 0.6 em a character."""
    return max(12, int(WIDTH * DPI * share / (fontsize * DPI / 72 * 0.6)))


def source_line(figure: Figure, source: str, key: str = "") -> None:
    """Name the source inside the image, so it travels with a screenshot.

    It is the figure's bottom label, so the constrained layout makes room for every line
    of it; it is wrapped here, at the figure's width, because matplotlib's own wrapping
    happens only while drawing and the layout would not know the height. A ``key`` to
    the marks, when the figure needs one, goes on the line above.
    """
    import textwrap

    chars = int(figure.get_figwidth() * DPI / (SMALL * DPI / 72 * 0.55))
    lines = [textwrap.fill(key, chars)] if key else []
    lines.append(textwrap.fill(f"Source: {source}", chars))
    figure.supxlabel(
        "\n".join(lines), x=0.005, ha="left", fontsize=SMALL,
        color="#333333", linespacing=1.25,
    )
