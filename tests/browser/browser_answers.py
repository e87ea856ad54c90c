"""Right and wrong answers for every question type, and how a learner gives them.

Answers come from the quiz banks read as plain YAML (see :mod:`browser_course`);
the drivers below operate the quiz component as a learner does: by mouse, or by
keyboard alone (Tab, arrow keys, Space, Enter, typing). Nothing here calls medialit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from browser_course import question
from browser_lab import QuizDriver, unmarked


@dataclass(frozen=True)
class Answer:
    type: str
    value: Any  # option text, list of options, text, {label: choice}, list of words


def _number(x: float) -> str:
    return f"{x:g}"


def right_answer(lesson: str, qid: str) -> Answer:
    q = question(lesson, qid)
    t = q["type"]
    if t == "single":
        return Answer(t, next(o["text"] for o in q["options"] if o.get("correct")))
    if t == "multiple":
        return Answer(t, [o["text"] for o in q["options"] if o.get("correct")])
    if t == "numeric":
        if "range" in q:
            lo, hi = q["range"]
            return Answer(t, _number((lo + hi) / 2))
        return Answer(t, _number(q["answer"]))
    if t == "text":
        return Answer(t, q["accepted"][0])
    if t == "classify":
        return Answer(t, {_item_label(i): i["category"] for i in q["items"]})
    if t == "match":
        return Answer(t, {p["left"]: p["right"] for p in q["pairs"]})
    return Answer(t, list(q["targets"]))


def wrong_answer(lesson: str, qid: str) -> Answer:
    q = question(lesson, qid)
    t = q["type"]
    if t == "single":
        wrong = [o for o in q["options"] if not o.get("correct")]
        wrong.sort(key=lambda o: not o.get("feedback"))
        return Answer(t, wrong[0]["text"])
    if t == "multiple":
        return Answer(t, [next(o["text"] for o in q["options"] if not o.get("correct"))])
    if t == "numeric":
        if "range" in q:
            return Answer(t, _number(q["range"][1] + 1000))
        return Answer(t, _number(q["answer"] + q.get("tolerance", 0) + 1000))
    if t == "text":
        return Answer(t, "Zzyzx")
    if t == "classify":
        cats = q["categories"]
        return Answer(t, {_item_label(i): next(c for c in cats if c != i["category"])
                          for i in q["items"]})
    if t == "match":
        rights = [p["right"] for p in q["pairs"]] + list(q.get("distractors", []))
        return Answer(t, {p["left"]: next(r for r in rights if r != p["right"])
                          for p in q["pairs"]})
    return Answer(t, None)  # highlight: a word that is not asked for (found on the page)


def _item_label(item: dict) -> str:
    if "text" in item:
        return item["text"]
    return item["sentence"]  # resolved to its text on the page: see label_of()


def _rows(quiz: QuizDriver, css: str) -> list[Any]:
    rows = quiz.root.locator(css)
    return [rows.nth(i) for i in range(rows.count())]


def _row_for(quiz: QuizDriver, css: str, label: str) -> Any:
    """The row whose label is ``label`` (or, for an item given as a sentence id, the row
    whose label text is that sentence, matched by the page's own data-key)."""
    for row in _rows(quiz, css):
        key = row.get_attribute("data-key") or ""
        legend = row.locator("legend, .medialit-match-left").first.inner_text()
        shown = unmarked(legend).split(".", 1)[-1].strip()
        if label in (key, shown) or " ".join(label.split()) == " ".join(shown.split()):
            return row
    raise AssertionError(f"no row labelled {label!r} in {quiz.text()[:300]!r}")


def highlight_refs(quiz: QuizDriver, targets: list[str] | None) -> list[str]:
    """The data-ref of each word button to press: each target word, or each word of a
    target phrase; ``None``: the first word that is not a target."""
    buttons = quiz.root.locator("button[data-ref]")
    refs = [buttons.nth(i).get_attribute("data-ref") for i in range(buttons.count())]
    words = [r.rsplit("#", 1)[0] for r in refs]
    if targets is None:
        raise AssertionError("use wrong_highlight_refs")
    chosen: list[str] = []
    for target in targets:
        text, _, n = target.casefold().partition("#")
        parts = text.split()
        starts = [i for i in range(len(words)) if words[i : i + len(parts)] == parts]
        start = starts[int(n or 1) - 1]
        chosen += refs[start : start + len(parts)]
    return chosen


def wrong_highlight_refs(quiz: QuizDriver, targets: list[str]) -> list[str]:
    right = set(highlight_refs(quiz, targets))
    buttons = quiz.root.locator("button[data-ref]")
    refs = [buttons.nth(i).get_attribute("data-ref") for i in range(buttons.count())]
    return [next(r for r in refs if r not in right)]


def give_by_mouse(quiz: QuizDriver, answer: Answer, targets: list[str] | None = None) -> None:
    """Set the controls to ``answer`` with clicks and typing (no Tab, no waiting)."""
    t = answer.type
    if t == "single":
        quiz.choose(answer.value)
    elif t == "multiple":
        boxes = quiz.root.locator(".medialit-inputs label")
        for i in range(boxes.count()):
            label = boxes.nth(i)
            want = unmarked(label.inner_text()) in answer.value
            if label.locator("input").is_checked() != want:
                label.click()
    elif t in ("numeric", "text"):
        quiz.type_answer(answer.value)
    elif t == "classify":
        for label, category in answer.value.items():
            row = _row_for(quiz, "fieldset.medialit-row", label)
            chip = row.locator("label.medialit-chip").filter(has_text=category)
            exact = [i for i in range(chip.count())
                     if unmarked(chip.nth(i).inner_text()).lstrip("✓").strip() == category]
            chip.nth(exact[0]).click()
    elif t == "match":
        for left, right in answer.value.items():
            _row_for(quiz, ".medialit-match-row", left).locator("select").select_option(right)
    else:
        refs = (highlight_refs(quiz, answer.value) if answer.value is not None
                else wrong_highlight_refs(quiz, targets or []))
        for button in _rows(quiz, "button[data-ref]"):
            want = button.get_attribute("data-ref") in refs
            if (button.get_attribute("aria-pressed") == "true") != want:
                button.click()


# -- keyboard alone ----------------------------------------------------------------------

JS_ACTIVE = """
([root]) => {
  const a = document.activeElement;
  const inside = !!a && root.contains(a);
  const label = a && a.closest ? a.closest('label') : null;
  const row = a && a.closest ? a.closest('[data-key]') : null;
  return {inside, tag: a ? a.tagName : null, type: a && a.type || null,
          text: inside ? (label ? label.innerText : a.innerText || '').trim()
                         .replace(/[✓✗]\\s*$/, '').replace(/^✓\\s*/, '').trim() : '',
          checked: !!(a && a.checked), ref: a && a.dataset ? a.dataset.ref || null : null,
          pressed: a && a.getAttribute ? a.getAttribute('aria-pressed') === 'true' : false,
          key: row ? row.dataset.key : null, value: a && 'value' in a ? a.value : null,
          where: a ? (a.tagName + '.' + [...a.classList].join('.')).slice(0, 80) : 'nothing'};
}
"""


class Keys:
    """Keyboard-only operation of one question; every step checks focus stayed inside."""

    def __init__(self, quiz: QuizDriver) -> None:
        self.quiz = quiz
        self.page = quiz.page
        self.handle = quiz.root.element_handle()

    def focus(self) -> dict[str, Any]:
        return self.page.evaluate(JS_ACTIVE, [self.handle])

    def press(self, key: str) -> dict[str, Any]:
        self.page.keyboard.press(key)
        info = self.focus()
        if not info["inside"]:
            raise AssertionError(f"{key} took the focus out of the question, to {info['where']}")
        return info

    def start(self) -> None:
        """Focus the output area holding the question, as a screen-reader user would."""
        self.quiz.root.evaluate(
            """el => { const a = el.closest('.jp-OutputArea-output') || el.parentElement;
                       a.setAttribute('tabindex', '-1'); a.focus(); }"""
        )

    def tab_to(self, test, what: str, limit: int = 40) -> dict[str, Any]:
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            info = self.focus()
            if info["inside"] and test(info):
                return info
        raise AssertionError(f"Tab never reached {what} (focus: {self.focus()})")

    def arrow_to(self, test, limit: int = 60) -> dict[str, Any]:
        info = self.focus()
        for _ in range(limit):
            if test(info):
                return info
            info = self.press("ArrowDown")
        raise AssertionError(f"the arrow keys never reached it (focus: {info})")

    def submit(self) -> str:
        self.tab_to(lambda i: i["tag"] == "BUTTON" and i["text"] == "Check answer",
                    "the Check answer button")
        before = self.quiz.text()
        self.page.keyboard.press("Enter")
        return self.quiz.wait_change(before)


def give_by_keyboard(quiz: QuizDriver, answer: Answer, targets: list[str] | None = None) -> str:
    """Answer with Tab, the arrow keys, Space, Enter and typing only; returns the feedback."""
    keys = Keys(quiz)
    keys.start()
    t = answer.type
    if t == "single":
        keys.tab_to(lambda i: i["type"] == "radio", "the options")
        if keys.focus()["text"] == answer.value:
            keys.press("Space")
        keys.arrow_to(lambda i: i["text"] == answer.value and i["checked"])
    elif t == "multiple":
        info = keys.tab_to(lambda i: i["type"] == "checkbox", "the options")
        seen = 0
        while info["type"] == "checkbox" and seen < 30:
            if (info["text"] in answer.value) != info["checked"]:
                info = keys.press("Space")
            info = keys.press("Tab")
            seen += 1
        before = quiz.text()
        if not (info["tag"] == "BUTTON" and info["text"] == "Check answer"):
            raise AssertionError(f"after the options Tab went to {info}")
        keys.page.keyboard.press("Enter")
        return quiz.wait_change(before)
    elif t in ("numeric", "text"):
        keys.tab_to(lambda i: i["tag"] == "INPUT" and i["type"] == "text", "the answer box")
        keys.page.keyboard.press("Control+A")
        keys.page.keyboard.type(answer.value)
        before = quiz.text()
        keys.page.keyboard.press("Enter")  # Enter submits a typed answer
        return quiz.wait_change(before)
    elif t == "classify":
        rows = _rows(quiz, "fieldset.medialit-row")
        wanted = {
            _row_for(quiz, "fieldset.medialit-row", label).get_attribute("data-key"): category
            for label, category in answer.value.items()
        }
        info = keys.tab_to(lambda i: i["type"] == "radio", "the first group")
        for n in range(len(rows)):
            key, want = info["key"], wanted[info["key"]]
            if info["text"] == want and not info["checked"]:
                info = keys.press("Space")
            info = keys.arrow_to(lambda i, k=key, w=want: i["key"] == k and i["text"] == w
                                 and i["checked"])
            if n < len(rows) - 1:
                info = keys.press("Tab")
                if info["type"] != "radio":
                    raise AssertionError(f"Tab left the groups early: {info}")
    elif t == "match":
        info = keys.tab_to(lambda i: i["tag"] == "SELECT", "the first dropdown")
        while info["tag"] == "SELECT":
            want = answer.value[info["key"]]
            keys.press("Home")
            keys.arrow_to(lambda i, w=want: i["value"] == w)
            info = keys.press("Tab")
        if not (info["tag"] == "BUTTON" and info["text"] == "Check answer"):
            raise AssertionError(f"after the dropdowns Tab went to {info}")
        before = quiz.text()
        keys.page.keyboard.press("Enter")
        return quiz.wait_change(before)
    else:
        refs = set(highlight_refs(quiz, answer.value) if answer.value is not None
                   else wrong_highlight_refs(quiz, targets or []))
        info = keys.tab_to(lambda i: i["ref"] is not None, "the words")
        info = keys.press("Home")
        total = quiz.root.locator("button[data-ref]").count()
        for n in range(total):
            if (info["ref"] in refs) != info["pressed"]:
                info = keys.press("Space")
            if n < total - 1:
                info = keys.press("ArrowRight")
    return keys.submit()
