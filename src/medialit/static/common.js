// Shared by every medialit component. medialit joins this file in front of each
// component's module (see medialit/components.py), because anywidget loads a module on
// its own and it cannot import a sibling file.

// JupyterLab and Notebook 7 run notebook shortcuts (arrows, Enter) for a focused
// element unless it, or an element on its way up, carries this attribute.
const QUIET = "data-lm-suppress-shortcuts";
const CONTROLS = ["INPUT", "SELECT", "TEXTAREA", "BUTTON"];

function quiet(el) {
  el.setAttribute(QUIET, "true");
  return el;
}

// An element with attributes ("text" and "html" set its content) and children; every
// form control is marked quiet.
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k === "html") el.innerHTML = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) el.append(c);
  if (CONTROLS.includes(el.tagName)) quiet(el);
  return el;
}

// A component's root: keys pressed inside stay inside (no notebook shortcut runs from
// it), and the focused control is scrolled into view.
function settle(el, ...classes) {
  el.classList.add("medialit-component", ...classes);
  quiet(el);
  el.addEventListener("keydown", (e) => e.stopPropagation());
  el.addEventListener("focusin", (e) => {
    if (e.target && e.target.scrollIntoView) e.target.scrollIntoView({ block: "nearest", inline: "nearest" });
  });
}
