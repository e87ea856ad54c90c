// The name picker and the progress panel of the course, as anywidget components.
// Python stores the name and draws the progress; the browser only shows them.

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
  settle(el, "medialit-panel", "medialit-box");
  return model.get("kind") === "name" ? renderName(model, el) : renderProgress(model, el);
}

export default { render };
