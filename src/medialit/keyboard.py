"""Keyboard use of medialit's widgets inside JupyterLab.

In JupyterLab 4 command mode, arrow keys and Enter pressed on a focused control in
a cell's output are taken as notebook shortcuts (move to the next cell, edit the
cell) before the control sees them, so a radio group, a listbox or a button
cannot be used from the keyboard. Lumino leaves alone any focused element that
carries ``data-lm-suppress-shortcuts``; ipywidgets does not set it, so every
medialit widget carries a hidden output that marks its own controls (and any
added later). The script is idempotent and holds no course content.
"""

from __future__ import annotations

import ipywidgets as widgets

KEYBOARD_CLASS = "medialit-keyboard"

SCRIPT = """
(() => {
  const selector = '.__CLASS__ input, .__CLASS__ button, .__CLASS__ select, .__CLASS__ textarea';
  const mark = (root) => {
    if (root.matches && root.matches(selector)) {
      root.setAttribute('data-lm-suppress-shortcuts', 'true');
    }
    if (root.querySelectorAll) {
      root.querySelectorAll(selector).forEach(
        (el) => el.setAttribute('data-lm-suppress-shortcuts', 'true'));
    }
  };
  mark(document);
  if (window.__medialitKeyboard) { return; }
  window.__medialitKeyboard = new MutationObserver((changes) => changes.forEach(
    (change) => change.addedNodes.forEach((node) => { if (node.nodeType === 1) { mark(node); } })));
  window.__medialitKeyboard.observe(document.body, {childList: true, subtree: true});
})();
""".replace("__CLASS__", KEYBOARD_CLASS)


def keyboard_support() -> widgets.Output:
    """A hidden output whose script lets the keyboard reach the controls next to it.

    The outputs are set directly rather than captured with ``with output:``, so the
    same widget tree builds in a plain test without a kernel.
    """
    output = widgets.Output(layout=widgets.Layout(display="none"))
    output.outputs = (
        {
            "output_type": "display_data",
            "data": {"application/javascript": SCRIPT, "text/plain": ""},
            "metadata": {},
        },
    )
    return output


def make_keyboard_operable(box: widgets.Box) -> widgets.Box:
    """Mark ``box`` as a medialit widget and give it the keyboard script."""
    box.add_class(KEYBOARD_CLASS)
    box.children = (*box.children, keyboard_support())
    return box
