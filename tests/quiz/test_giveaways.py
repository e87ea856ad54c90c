"""``medialit check`` warns when a bank's right option is systematically the longest."""

from __future__ import annotations

import copy

import yaml
from quiz_helpers import BANK, FIXTURE

from medialit.content.quizbank import load_bank
from medialit.quiz.giveaways import longest_right_warnings, right_is_longest


def single(qid: str, right: str, wrongs: list[str]) -> dict:
    options = [{"text": right, "correct": True}] + [{"text": w, "feedback": "Not this."}
                                                    for w in wrongs]
    return {"id": qid, "type": "single", "section": "choices", "objective": "try-types",
            "prompt": "Which?", "explanation": "Because.", "options": options}


def bank_with(tmp_path, questions: list[dict]):
    data = yaml.safe_load(BANK.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["questions"] = questions
    path = tmp_path / "lessons" / "types" / "quiz.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "lessons" / "misconceptions.yaml").write_text(
        (FIXTURE / "lessons" / "misconceptions.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    return load_bank(path, tmp_path, None, None, None)


def test_warns_when_most_right_options_are_the_longest(tmp_path):
    long = "The right answer, qualified until it is the longest"
    bank = bank_with(tmp_path, [
        single("a", long, ["short", "brief"]),
        single("b", long, ["short", "brief"]),
        single("c", "tiny", ["a much longer wrong option here", "brief"]),
        single("d", long, ["only two"]),  # two options: not counted
    ])
    assert right_is_longest(bank) == (["a", "b"], 3)
    [warning] = longest_right_warnings([bank])
    assert str(warning).startswith("lessons/types/quiz.yaml: options: the right option is "
                                   "the longest in 2 of 3 single-choice questions (a, b)")


def test_half_or_fewer_is_no_pattern(tmp_path):
    long = "The right answer, qualified until it is the longest"
    bank = bank_with(tmp_path, [
        single("a", long, ["short", "brief"]),
        single("c", "tiny", ["a much longer wrong option here", "brief"]),
    ])
    assert longest_right_warnings([bank]) == []
