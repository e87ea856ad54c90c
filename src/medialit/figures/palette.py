"""Colours, hatches and markers that survive colour blindness and greyscale printing.

Okabe & Ito (2008) chose eight colours that stay distinct for the common forms
of colour-vision deficiency. Colour is never the only cue in a course figure:
every series also gets a hatch or a marker and a direct label, so these tables
hand out all three together.
"""

from __future__ import annotations

from dataclasses import dataclass

# Okabe-Ito, in their published order.
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#999999"
LIGHT_GREY = "#DDDDDD"
WATER = "#EAF4FB"

OKABE_ITO: tuple[str, ...] = (
    ORANGE, SKY_BLUE, BLUISH_GREEN, YELLOW, BLUE, VERMILLION, REDDISH_PURPLE, BLACK,
)
HATCHES: tuple[str, ...] = ("", "//", "..", "xx", "\\\\", "oo", "--", "++")
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*")


@dataclass(frozen=True)
class Style:
    """One series' look: a colour plus a non-colour cue (hatch and marker)."""

    color: str
    hatch: str
    marker: str


def style(index: int) -> Style:
    """The ``index``-th distinguishable style (cycles after eight)."""
    i = index % len(OKABE_ITO)
    return Style(OKABE_ITO[i], HATCHES[i], MARKERS[i])


# Statement kinds (explorer and sourcing figures): colour plus a text tag.
KIND_COLORS: dict[str, str] = {
    "fact_claim": SKY_BLUE,
    "opinion": ORANGE,
    "prediction": REDDISH_PURPLE,
    "direct_quote": BLUISH_GREEN,
    "paraphrase": YELLOW,
    "background": LIGHT_GREY,
}

# Verdicts: a word and a symbol always travel with the colour.
VERDICT_SYMBOLS: dict[str, str] = {
    "confirmed": "✓",
    "partly": "◐",
    "wrong": "✗",
    "unconfirmed": "?",
}
VERDICT_COLORS: dict[str, str] = {
    "confirmed": BLUISH_GREEN,
    "partly": ORANGE,
    "wrong": VERMILLION,
    "unconfirmed": GREY,
}


def kind_label(kind: str) -> str:
    """``fact_claim`` -> ``fact claim``: the words learners see."""
    return kind.replace("_", " ")
