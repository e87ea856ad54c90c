"""Can a class read a figure on a projector? Measured from matplotlib's own text extents.

A figure is a picture of words as much as of data, and the words are what a class
squinting at a projector loses first. The course's rule: no text smaller than
:data:`MIN_TEXT_PX` CSS pixels where it is shown, no two labels on top of each other,
and no label running off the picture or out of the axes that clip it.

The sizes are checked against the width the figure is *shown* at, not drawn at: a
figure wider than its notebook column is scaled down by the browser, and its type
with it. Course figures are drawn at most :data:`DESIGN_WIDTH_PX` wide and shown at
their own size (:meth:`AccessibleFigure.to_html` never scales them down; a column
narrower than the figure scrolls instead), so the size a learner sees is the size
drawn. The browser suite measures the columns of JupyterLab and Notebook 7 at 800 px
and checks that a figure of this width fits them.

Pure logic over a matplotlib figure: nothing here displays anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# 11 CSS px: the smallest type the course shows (a common floor for legible
# captions on screens; 8 pt at the course's 100 dpi is 11.1 px).
MIN_TEXT_PX = 11.0
# The widest a course figure is drawn, in CSS px: it fits the notebook column of
# Notebook 7 (698 px) and of JupyterLab with its side panels closed (600 px) at an
# 800 px window, as the browser suite measures.
DESIGN_WIDTH_PX = 600
# Labels may touch; they overlap when they share more than this many pixels each way.
OVERLAP_PX = 1.5
EDGE_PX = 1.0


@dataclass(frozen=True)
class TextBox:
    """One drawn piece of text: its words, its box in figure pixels and its type size."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size_px: float

    def overlaps(self, other: TextBox, tolerance: float = OVERLAP_PX) -> bool:
        dx = min(self.x1, other.x1) - max(self.x0, other.x0)
        dy = min(self.y1, other.y1) - max(self.y0, other.y0)
        return dx > tolerance and dy > tolerance

    def short(self) -> str:
        words = " ".join(self.text.split())
        return repr(words if len(words) <= 40 else words[:37] + "...")


def text_boxes(figure: Figure) -> tuple[list[TextBox], list[str]]:
    """Every visible, non-empty text of the figure, drawn once, with its size in px.

    Also returns the texts cut by their clip box (an axes' edge), which the picture
    shows only in part.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else None
    if canvas is None:
        canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    px_per_pt = figure.dpi / 72.0
    boxes: list[TextBox] = []
    cut: list[str] = []
    for text in _visible_texts(figure, Text):
        extent = text.get_window_extent(renderer)
        if extent.width <= 0 or extent.height <= 0:
            continue
        patch = text.get_bbox_patch()
        if patch is not None:  # a boxed label takes the room of its box
            from matplotlib.transforms import Bbox

            extent = Bbox.union([extent, patch.get_window_extent(renderer)])
        box = TextBox(text.get_text(), extent.x0, extent.y0, extent.x1, extent.y1,
                      text.get_fontsize() * px_per_pt)
        boxes.append(box)
        clip = text.get_clip_box() if text.get_clip_on() else None
        if clip is not None and not _inside(extent, clip, EDGE_PX):
            cut.append(f"{box.short()} is cut by the edge of its axes")
    return boxes, cut


def _visible_texts(artist, text_type) -> list:
    """Texts with words, skipping everything under a hidden artist (a hidden legend)."""
    from matplotlib.axis import Axis

    found = []
    for child in artist.get_children():
        if not child.get_visible():
            continue
        if isinstance(child, Axis):
            if not child.axes.axison:  # ax.axis("off"): no ticks or labels drawn
                continue
            # Only the ticks inside the view are drawn; the others keep stale positions.
            drawn = child._update_ticks()
            parts = [t for tick in drawn for t in (tick.label1, tick.label2)]
            parts += [child.label, child.offsetText]
            found.extend(t for t in parts if t.get_visible() and t.get_text().strip())
            continue
        if isinstance(child, text_type):
            alpha = child.get_alpha()
            if child.get_text().strip() and (alpha is None or alpha > 0):
                found.append(child)
        found.extend(_visible_texts(child, text_type))
    return found


def _inside(extent, box, tolerance: float) -> bool:
    return (extent.x0 >= box.x0 - tolerance and extent.x1 <= box.x1 + tolerance
            and extent.y0 >= box.y0 - tolerance and extent.y1 <= box.y1 + tolerance)


def problems(figure: Figure, shown_width_px: float | None = None,
             min_px: float = MIN_TEXT_PX) -> list[str]:
    """What would stop a class reading ``figure`` shown ``shown_width_px`` wide.

    ``None`` means shown at the size it is drawn. Each problem is one sentence naming
    the text, so a test failure says which label to fix.
    """
    width = figure.get_figwidth() * figure.dpi
    scale = 1.0 if shown_width_px is None else shown_width_px / width
    boxes, found = text_boxes(figure)
    height = figure.get_figheight() * figure.dpi
    for box in boxes:
        shown = box.size_px * scale
        if shown < min_px - 0.05:
            found.append(f"{box.short()} is {shown:.1f} px, smaller than {min_px:g} px")
        if (box.x0 < -EDGE_PX or box.y0 < -EDGE_PX or box.x1 > width + EDGE_PX
                or box.y1 > height + EDGE_PX):
            found.append(f"{box.short()} runs off the picture")
    for a, b in combinations(boxes, 2):
        if a.overlaps(b):
            found.append(f"{a.short()} overlaps {b.short()}")
    if width > DESIGN_WIDTH_PX + 0.5:
        found.append(f"drawn {width:.0f} px wide, wider than the {DESIGN_WIDTH_PX} px design width")
    return found
