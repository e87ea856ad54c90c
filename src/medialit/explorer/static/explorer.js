// The article explorer: the article's sentences are the list. One Tab stop for the
// article; the arrow keys move between sentences, Enter or Space (or a click)
// selects one, and its card appears below. Python builds every piece of HTML.

function render({ model, el }) {
  settle(el, "medialit-explorer-widget");

  const help = h("p", { class: "medialit-explorer-help",
    text: "Click a sentence to see its card. From the keyboard: Tab to the article, " +
          "move with the arrow keys, press Enter to choose." });
  const filter = h("select", { [QUIET]: "true" });
  const filterLabel = h("label", { class: "medialit-explorer-filter" },
    h("span", { text: "Show" }), filter);
  const article = h("div", { class: "medialit-explorer-article", role: "group",
    "aria-label": "The article, sentence by sentence" });
  const card = h("div", { class: "medialit-explorer-card", "aria-live": "polite" });
  el.append(help, filterLabel, article, card);

  for (const [value, label] of model.get("kinds")) {
    filter.append(h("option", { value, text: label }));
  }
  filter.addEventListener("change", () => {
    model.set("kind", filter.value);
    model.save_changes();
  });

  const sentences = () => [...article.querySelectorAll(".medialit-sentence")];
  const choose = (s) => {
    model.set("selected", s.dataset.sentence);
    model.save_changes();
  };
  const drawArticle = () => {
    const hadFocus = article.contains(document.activeElement)
      ? document.activeElement.dataset.sentence : null;
    article.innerHTML = model.get("article");
    const selected = model.get("selected");
    const all = sentences();
    let stop = all.find((s) => s.dataset.sentence === (hadFocus || selected)) || all[0];
    for (const s of all) {
      s.setAttribute("role", "button");
      s.setAttribute(QUIET, "true");
      s.setAttribute("aria-pressed", s.dataset.sentence === selected ? "true" : "false");
      s.setAttribute("tabindex", s === stop ? "0" : "-1");
    }
    if (hadFocus && stop) stop.focus();
  };
  article.addEventListener("click", (e) => {
    const s = e.target.closest(".medialit-sentence");
    if (s && article.contains(s)) { s.focus(); choose(s); }
  });
  article.addEventListener("keydown", (e) => {
    const all = sentences();
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); choose(all[at]); return; }
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
    let next = null;
    if (step) next = Math.min(all.length - 1, Math.max(0, at + step));
    if (e.key === "Home") next = 0;
    if (e.key === "End") next = all.length - 1;
    if (next === null) return;
    e.preventDefault();
    all[at].setAttribute("tabindex", "-1");
    all[next].setAttribute("tabindex", "0");
    all[next].focus();
  });

  const update = () => {
    filter.value = model.get("kind");
    drawArticle();
    card.innerHTML = model.get("card");
  };
  update();
  const traits = ["article", "card", "kind", "selected"];
  for (const t of traits) model.on(`change:${t}`, update);
  return () => { for (const t of traits) model.off(`change:${t}`, update); };
}

export default { render };
