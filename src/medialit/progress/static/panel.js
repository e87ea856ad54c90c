// The name picker and the progress panel of the course, as anywidget components.
// Python stores the name and draws the progress; the browser only shows them.

const QUIET = "data-lm-suppress-shortcuts";

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) el.append(c);
  el.setAttribute(QUIET, "true");
  return el;
}

function renderName(model, el) {
  const input = h("input", { type: "text", autocomplete: "nickname",
    placeholder: "a name or nickname", maxlength: "80" });
  input.value = model.get("value");
  const form = h("form", { class: "medialit-name-form" },
    h("label", {}, h("span", { text: "Your name" }), input),
    h("button", { type: "submit", class: "medialit-button medialit-check", text: "Save name" }));
  const status = h("div", { class: "medialit-name-status", role: "status", "aria-live": "polite" });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    model.send({ type: "save", name: input.value });
  });
  el.append(form, status);
  const update = () => {
    status.innerHTML = model.get("status");
    if (document.activeElement !== input) input.value = model.get("value");
  };
  update();
  model.on("change:status", update);
  model.on("change:value", update);
  return () => { model.off("change:status", update); model.off("change:value", update); };
}

function renderProgress(model, el) {
  const refresh = h("button", { type: "button", class: "medialit-button", text: "Refresh" });
  const panel = h("div", { class: "medialit-progress-panel" });
  refresh.addEventListener("click", () => model.send({ type: "refresh" }));
  el.append(refresh, panel);
  const update = () => { panel.innerHTML = model.get("html"); };
  update();
  model.on("change:html", update);
  return () => model.off("change:html", update);
}

function render({ model, el }) {
  el.classList.add("medialit-component", "medialit-panel");
  el.setAttribute(QUIET, "true");
  el.addEventListener("keydown", (e) => e.stopPropagation());
  el.addEventListener("focusin", (e) => e.target.scrollIntoView && e.target.scrollIntoView({ block: "nearest" }));
  return model.get("kind") === "name" ? renderName(model, el) : renderProgress(model, el);
}

export default { render };
