// The teacher's live dashboard: polls api/dashboard every few seconds and redraws the
// tables and the chart. Every number is text; the chart repeats the table and has alt text.
"use strict";
const prefix = document.querySelector("main").dataset.prefix;
const xsrf = document.querySelector("main").dataset.xsrf;
const REFRESH_MS = 3000;

function cell(row, text, cls) {
  const td = document.createElement("td");
  td.textContent = text;
  if (cls) td.className = cls;
  row.appendChild(td);
}

function fill(id, rows, render) {
  const body = document.querySelector(`#${id} tbody`);
  const fresh = document.createElement("tbody");
  for (const item of rows) {
    const tr = document.createElement("tr");
    render(tr, item);
    fresh.appendChild(tr);
  }
  body.replaceWith(fresh);
}

function pct(x) { return `${Math.round(100 * x)}%`; }

function chart(questions) {
  const svg = document.getElementById("chart");
  const alt = document.getElementById("chart-alt");
  const rowH = 22, labelW = 260, barW = 340;
  svg.setAttribute("height", String(Math.max(40, rowH * questions.length + 10)));
  svg.replaceChildren();
  const ns = "http://www.w3.org/2000/svg";
  questions.forEach((q, i) => {
    const y = 5 + i * rowH;
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", "0"); label.setAttribute("y", String(y + 14));
    label.textContent = `${q.lesson} / ${q.question}`;
    const bar = document.createElementNS(ns, "rect");
    bar.setAttribute("x", String(labelW)); bar.setAttribute("y", String(y));
    bar.setAttribute("height", "16");
    bar.setAttribute("width", String(Math.max(1, barW * q.share_first)));
    bar.setAttribute("fill", "#0072B2");
    const value = document.createElementNS(ns, "text");
    value.setAttribute("x", String(labelW + barW * q.share_first + 4));
    value.setAttribute("y", String(y + 14));
    value.textContent = pct(q.share_first);
    svg.append(label, bar, value);
  });
  if (!questions.length) { alt.textContent = "No answers yet."; return; }
  const hardest = [...questions].sort((a, b) => a.share_first - b.share_first).slice(0, 3);
  alt.textContent = `Bar chart: share of learners right first time for ${questions.length} ` +
    `question(s). Hardest: ` +
    hardest.map(q => `${q.lesson} / ${q.question} ${pct(q.share_first)}`).join("; ") + ".";
}

function render(data) {
  fill("learners", data.learners, (tr, l) => {
    const th = document.createElement("th");
    th.scope = "row"; th.textContent = l.learner; tr.appendChild(th);
    cell(tr, l.lesson); cell(tr, l.question);
    cell(tr, `${l.in_lesson} of ${l.lesson_total}`, "num");
    cell(tr, `${l.answered} of ${l.total}`, "num"); cell(tr, String(l.right), "num");
  });
  fill("lessons", data.lessons, (tr, l) => {
    const th = document.createElement("th");
    th.scope = "row"; th.textContent = `${l.lesson}: ${l.title}`; tr.appendChild(th);
    cell(tr, String(l.started.length), "num"); cell(tr, l.started.join(", ") || "nobody yet");
  });
  fill("questions", data.questions, (tr, q) => {
    cell(tr, q.lesson);
    const th = document.createElement("th");
    th.scope = "row"; th.textContent = q.question; tr.appendChild(th);
    cell(tr, String(q.tried), "num"); cell(tr, String(q.right_first), "num");
    cell(tr, pct(q.share_first), "num"); cell(tr, q.graded ? "graded" : "practice");
  });
  fill("wrong", data.wrong_answers, (tr, w) => {
    cell(tr, w.lesson);
    const th = document.createElement("th");
    th.scope = "row"; th.textContent = w.question; tr.appendChild(th);
    cell(tr, w.answer); cell(tr, String(w.learners), "num");
    cell(tr, w.misconception_name || w.misconception || "not tagged");
  });
  chart(data.questions);
}

async function refresh() {
  const status = document.getElementById("status");
  try {
    const response = await fetch(`${prefix}api/dashboard`, {
      credentials: "same-origin", headers: { "X-XSRFToken": xsrf } });
    if (!response.ok) throw new Error(`the service answered ${response.status}`);
    const data = await response.json();
    render(data);
    const time = new Date().toLocaleTimeString();
    status.textContent = `${data.learners.length} learner(s), ${data.attempts} answer(s); ` +
      `updated ${time}, refreshing every ${REFRESH_MS / 1000} s.`;
  } catch (error) {
    status.textContent = `Could not refresh (${error.message}); trying again.`;
  }
}

refresh();
setInterval(refresh, REFRESH_MS);
