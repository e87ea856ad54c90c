// One quiz question as an anywidget component.
//
// The model holds what a learner may see (`spec`) and, after a check, the verdict
// (`feedback`, `state`, `marks`, `explanation`). The answer key never reaches the
// browser: "Check answer" (or Enter in a text box) sends the response read from the
// controls at that moment, and Python judges it.

let serial = 0;

function choiceRow(type, name, value, label) {
  const input = quiet(h("input", { type, name, value }));
  return h("label", { class: "medialit-option" }, input,
    h("span", { class: "medialit-option-text", text: label }),
    h("span", { class: "medialit-mark", "aria-hidden": "true" }));
}

function buildInputs(spec, name) {
  const box = h("div", { class: "medialit-inputs" });
  const rows = {};
  const t = spec.type;
  if (t === "single" || t === "multiple") {
    for (const text of spec.options) {
      const row = choiceRow(t === "single" ? "radio" : "checkbox", name, text, text);
      rows[text] = row;
      box.append(row);
    }
  } else if (t === "numeric" || t === "text") {
    const input = quiet(h("input", {
      type: "text", name, autocomplete: "off", spellcheck: "false",
      inputmode: t === "numeric" ? "decimal" : null, placeholder: spec.placeholder,
    }));
    const label = h("label", { class: "medialit-entry" },
      h("span", { class: "medialit-entry-label", text: "Your answer" }), input);
    if (spec.unit) label.append(h("span", { class: "medialit-unit", text: spec.unit }));
    box.append(label);
  } else if (t === "classify") {
    spec.items.forEach((item, i) => {
      const group = h("fieldset", { class: "medialit-row", "data-key": item.key },
        h("legend", {},
          h("span", { class: "medialit-num", text: `${i + 1}.` }), " ",
          h("span", { text: item.label }),
          h("span", { class: "medialit-mark", "aria-hidden": "true" })));
      const chips = h("div", { class: "medialit-chips" });
      for (const cat of spec.categories) {
        const input = quiet(h("input", { type: "radio", name: `${name}-${i}`, value: cat }));
        chips.append(h("label", { class: "medialit-chip" }, input,
          h("span", { class: "medialit-tick", "aria-hidden": "true", text: "✓" }),
          h("span", { text: cat })));
      }
      group.append(chips);
      rows[item.key] = group;
      box.append(group);
    });
  } else if (t === "match") {
    spec.items.forEach((item, i) => {
      const select = quiet(h("select", { "data-key": item.key }));
      select.append(h("option", { value: "", text: spec.placeholder }));
      for (const c of spec.choices) select.append(h("option", { value: c, text: c }));
      const row = h("div", { class: "medialit-row medialit-match-row", "data-key": item.key },
        h("label", {},
          h("span", { class: "medialit-match-left", text: item.label }),
          h("span", { class: "medialit-match-pick" }, select,
            h("span", { class: "medialit-mark", "aria-hidden": "true" }))));
      rows[item.key] = row;
      box.append(row);
    });
  } else if (t === "highlight") {
    const words = h("p", { class: "medialit-words", role: "group",
      "aria-label": "Words of the passage: press the ones asked for" });
    const toggles = [];
    for (const seg of spec.segments) {
      if (!seg.ref) { words.append(document.createTextNode(seg.text)); continue; }
      const b = quiet(h("button", { type: "button", class: "medialit-word",
        "aria-pressed": "false", "data-ref": seg.ref, tabindex: "-1" },
        h("span", { class: "medialit-tick", "aria-hidden": "true", text: "✓" }),
        h("span", { text: seg.text }),
        h("span", { class: "medialit-mark", "aria-hidden": "true" })));
      b.addEventListener("click", () => {
        b.setAttribute("aria-pressed", b.getAttribute("aria-pressed") === "true" ? "false" : "true");
      });
      toggles.push(b);
      rows[seg.ref] = b;
      words.append(b);
    }
    // One Tab stop for the passage; the arrow keys move between its words.
    if (toggles.length) toggles[0].setAttribute("tabindex", "0");
    words.addEventListener("keydown", (e) => {
      const at = toggles.indexOf(document.activeElement);
      if (at < 0) return;
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
      let next = null;
      if (step) next = (at + step + toggles.length) % toggles.length;
      if (e.key === "Home") next = 0;
      if (e.key === "End") next = toggles.length - 1;
      if (next === null) return;
      e.preventDefault();
      toggles[at].setAttribute("tabindex", "-1");
      toggles[next].setAttribute("tabindex", "0");
      toggles[next].focus();
    });
    box.append(words);
  }
  return { box, rows };
}

function readResponse(spec, box) {
  const t = spec.type;
  if (t === "single") {
    const c = box.querySelector("input[type=radio]:checked");
    return c ? c.value : null;
  }
  if (t === "multiple") {
    return [...box.querySelectorAll("input[type=checkbox]:checked")].map((c) => c.value);
  }
  if (t === "numeric" || t === "text") return box.querySelector("input[type=text]").value;
  if (t === "classify") {
    const out = {};
    for (const row of box.querySelectorAll("fieldset.medialit-row")) {
      const c = row.querySelector("input:checked");
      out[row.dataset.key] = c ? c.value : null;
    }
    return out;
  }
  if (t === "match") {
    const out = {};
    for (const s of box.querySelectorAll("select")) out[s.dataset.key] = s.value || null;
    return out;
  }
  return [...box.querySelectorAll("button[aria-pressed=true]")].map((b) => b.dataset.ref);
}

function applyResponse(spec, box, response) {
  if (response === null || response === undefined) return;
  const t = spec.type;
  if (t === "single") {
    for (const c of box.querySelectorAll("input[type=radio]")) c.checked = c.value === response;
  } else if (t === "multiple" && Array.isArray(response)) {
    for (const c of box.querySelectorAll("input[type=checkbox]")) c.checked = response.includes(c.value);
  } else if ((t === "numeric" || t === "text") && typeof response !== "object") {
    box.querySelector("input[type=text]").value = String(response);
  } else if (t === "classify" && typeof response === "object") {
    for (const row of box.querySelectorAll("fieldset.medialit-row")) {
      for (const c of row.querySelectorAll("input")) c.checked = response[row.dataset.key] === c.value;
    }
  } else if (t === "match" && typeof response === "object") {
    for (const s of box.querySelectorAll("select")) {
      const v = response[s.dataset.key];
      if ([...s.options].some((o) => o.value === v)) s.value = v;
    }
  } else if (t === "highlight" && Array.isArray(response)) {
    for (const b of box.querySelectorAll("button[data-ref]")) {
      b.setAttribute("aria-pressed", response.includes(b.dataset.ref) ? "true" : "false");
    }
  }
}

function render({ model, el }) {
  const spec = model.get("spec");
  const name = `medialit-${++serial}-${Math.random().toString(36).slice(2, 8)}`;
  settle(el, ...model.get("classes"));

  const form = h("form", { class: "medialit-form", novalidate: true });
  const fieldset = h("fieldset", { class: "medialit-question" });
  const legend = h("legend", { class: "medialit-legend" },
    h("span", { class: "medialit-title", text: spec.title }),
    h("span", { class: "medialit-prompt", html: spec.prompt }));
  fieldset.append(legend, h("p", { class: "medialit-instructions", text: spec.instructions }));
  if (spec.passage) fieldset.append(h("blockquote", { class: "medialit-passage", text: spec.passage }));
  const { box, rows } = buildInputs(spec, name);
  fieldset.append(box);

  const check = quiet(h("button", { type: "submit", class: "medialit-button medialit-check",
    text: "Check answer" }));
  const buttons = h("div", { class: "medialit-buttons" }, check);
  let hintButton = null;
  if (spec.has_hint) {
    hintButton = quiet(h("button", { type: "button", class: "medialit-button", text: "Show hint" }));
    hintButton.addEventListener("click", () => model.send({ type: "hint" }));
    buttons.append(hintButton);
  }
  const explain = quiet(h("button", { type: "button", class: "medialit-button",
    text: "Show explanation", title: "Shows the explanation (it gives the answer away)" }));
  explain.addEventListener("click", () => model.send({ type: "explain" }));
  buttons.append(explain);

  const hint = h("div", { class: "medialit-hint-box" });
  const feedback = h("div", { class: "medialit-feedback-box", role: "status", "aria-live": "polite" });
  const explanation = h("div", { class: "medialit-explanation-box" });
  const status = h("p", { class: "medialit-status" });
  fieldset.append(buttons, hint, feedback, explanation, status);
  form.append(fieldset);
  el.append(form);

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    model.send({ type: "check", response: readResponse(spec, box) });
  });

  const update = () => {
    feedback.innerHTML = model.get("feedback");
    explanation.innerHTML = model.get("explanation");
    hint.innerHTML = model.get("hint");
    status.textContent = model.get("status");
    explain.hidden = !model.get("can_explain");
    el.dataset.state = model.get("state");
    const marks = model.get("marks") || {};
    for (const [key, row] of Object.entries(rows)) {
      const mark = row.querySelector(".medialit-mark");
      if (!mark) continue;
      const ok = marks[key];
      mark.textContent = ok === true ? "✓" : ok === false ? "✗" : "";
      row.classList.toggle("medialit-ok", ok === true);
      row.classList.toggle("medialit-wrong", ok === false);
    }
  };
  applyResponse(spec, box, model.get("response"));
  update();
  for (const trait of ["feedback", "explanation", "hint", "status", "can_explain", "state", "marks"]) {
    model.on(`change:${trait}`, update);
  }
  return () => {
    for (const trait of ["feedback", "explanation", "hint", "status", "can_explain", "state", "marks"]) {
      model.off(`change:${trait}`, update);
    }
  };
}

export default { render };
