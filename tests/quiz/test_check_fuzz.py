"""check() never raises, whatever a learner (or a broken widget) hands it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit.quiz.check import judge
from medialit.quiz.normalize import Unreadable

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=400)
    | st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=2000)
    | st.sampled_from(["4321", "4,321", "1e308", "-0", "1,2,3", "Quillfeather", "may#2", "#", "🙂"])
)
responses = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=6)
        | st.dictionaries(
            st.text(max_size=40) | scalars.filter(lambda x: x is None or isinstance(x, str | int)),
            inner,
            max_size=6,
        )
    ),
    max_leaves=20,
)


@settings(
    max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(response=responses)
def test_judge_raises_only_unreadable(teacher_bank, sealed_bank, response) -> None:
    for bank in (teacher_bank, sealed_bank):
        for question in bank.questions:
            try:
                verdict = judge(question, response)
            except Unreadable as problem:
                assert str(problem)  # always a message for the learner
                continue
            assert 0.0 <= verdict.score <= 1.0
            assert verdict.valid
            assert verdict.correct == (verdict.score == 1.0)


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(
    chosen=st.lists(st.sampled_from(["likely", "reportedly", "confirmed", "announced"]), max_size=4)
)
def test_multiple_score_matches_its_rule(teacher_bank, chosen) -> None:
    q = teacher_bank.question("pick-many")
    try:
        v = judge(q, chosen)
    except Unreadable:
        assert not chosen
        return
    picked = set(chosen)
    hits = len(picked & {"likely", "reportedly"})
    extras = len(picked - {"likely", "reportedly"})
    assert v.score == max(0.0, (hits - extras) / 2)
