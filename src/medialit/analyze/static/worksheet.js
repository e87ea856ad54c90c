// The claim-checking worksheet. Each change goes to Python at once (which saves it);
// Export sends every row as it stands on screen, then offers the file as a download.

function field(label, control) {
  return h("label", { class: "medialit-ws-field" }, h("span", { text: label }), control);
}

function render({ model, el }) {
  settle(el, "medialit-worksheet", "medialit-box");

  const heading = h("h4", { text: model.get("heading") });
  const reviewer = h("input", { type: "text", placeholder: "for the export" });
  reviewer.value = model.get("reviewer");
  reviewer.addEventListener("change", () => model.send({ type: "reviewer", value: reviewer.value }));
  const rows = h("div", { class: "medialit-ws-rows" });
  const add = h("button", { type: "button", class: "medialit-button", text: "Add a claim" });
  add.addEventListener("click", () => model.send({ type: "add" }));
  const target = h("input", { type: "text", class: "medialit-ws-target",
    placeholder: "next to this notebook" });
  const csv = h("button", { type: "button", class: "medialit-button medialit-check", text: "Export CSV" });
  const ld = h("button", { type: "button", class: "medialit-button", text: "Export ClaimReview (JSON-LD)" });
  const status = h("div", { class: "medialit-ws-status", role: "status", "aria-live": "polite" });
  el.append(heading, field("Your name", reviewer), rows,
    h("div", { class: "medialit-buttons" }, add),
    field("Export to (a folder or file name; empty: next to this notebook)", target),
    h("div", { class: "medialit-buttons" }, csv, ld), status);

  const snapshot = () => [...rows.querySelectorAll(".medialit-ws-row")].map((row) => {
    const out = {};
    for (const c of row.querySelectorAll("[data-field]")) out[c.dataset.field] = c.value;
    return out;
  });
  const exportAs = (format) => model.send({ type: "export", format, rows: snapshot(),
    reviewer: reviewer.value, target: target.value.trim(), download: true });
  csv.addEventListener("click", () => exportAs("csv"));
  ld.addEventListener("click", () => exportAs("jsonld"));

  model.on("msg:custom", (msg) => {
    if (!msg || msg.type !== "download") return;
    const url = URL.createObjectURL(new Blob([msg.text], { type: msg.mime }));
    const a = h("a", { href: url, download: msg.name, class: "medialit-ws-download",
      text: `Download ${msg.name}` });
    const old = el.querySelector(".medialit-ws-download");
    if (old) old.remove();
    status.after(a);
    a.click();
  });

  const drawRows = () => {
    rows.replaceChildren();
    const verdicts = model.get("verdicts");
    model.get("claims").forEach((claim, index) => {
      const text = h("textarea", { rows: "3", "data-field": "text" });
      text.value = claim.text;
      const source = h("input", { type: "text", "data-field": "source" });
      source.value = claim.source;
      const verdict = h("select", { "data-field": "verdict" },
        h("option", { value: "", text: "Choose a verdict…" }));
      for (const [value, label] of verdicts) verdict.append(h("option", { value, text: label }));
      verdict.value = claim.verdict || "";
      const evidence = h("textarea", { rows: "2", "data-field": "evidence",
        placeholder: "What did you find, and where?" });
      evidence.value = claim.evidence;
      for (const c of [text, source, verdict, evidence]) {
        c.addEventListener("change", () => model.send({ type: "edit", index, field: c.dataset.field, value: c.value }));
      }
      rows.append(h("fieldset", { class: "medialit-ws-row" },
        h("legend", { text: `Claim ${index + 1}` }),
        field("Claim", text), field("Source", source), field("Verdict", verdict),
        field("Evidence", evidence)));
    });
  };
  const update = () => { status.innerHTML = model.get("status"); };
  drawRows();
  update();
  model.on("change:claims", drawRows);
  model.on("change:status", update);
  return () => { model.off("change:claims", drawRows); model.off("change:status", update); };
}

export default { render };
