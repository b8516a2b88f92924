import pytest

from courses.grading import CompletionRule, GradingMethod, grade, is_complete


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        (GradingMethod.HIGHEST, 0.9),
        (GradingMethod.AVERAGE, 0.6),
        (GradingMethod.FIRST, 0.4),
        (GradingMethod.LAST, 0.5),
    ],
)
def test_grading_methods(method, expected):
    assert grade([0.4, 0.9, 0.5], method) == pytest.approx(expected)


def test_no_completed_attempt_has_no_grade_and_does_not_complete():
    assert grade([], GradingMethod.HIGHEST) is None
    assert not is_complete(
        [], method=GradingMethod.HIGHEST, rule=CompletionRule.COMPLETED, threshold=0
    )


def test_completed_rule_needs_one_completed_attempt_whatever_its_score():
    assert is_complete(
        [0.0], method=GradingMethod.HIGHEST, rule=CompletionRule.COMPLETED, threshold=90
    )


@pytest.mark.parametrize(
    ("scores", "method", "threshold", "expected"),
    [
        ([0.5, 0.8], GradingMethod.HIGHEST, 80, True),
        ([0.5, 0.8], GradingMethod.AVERAGE, 80, False),
        ([0.8, 0.5], GradingMethod.LAST, 70, False),
        ([0.8, 0.5], GradingMethod.FIRST, 70, True),
        ([0.7], GradingMethod.HIGHEST, 70, True),
    ],
)
def test_passed_rule_uses_the_graded_score(scores, method, threshold, expected):
    assert (
        is_complete(
            scores, method=method, rule=CompletionRule.PASSED, threshold=threshold
        )
        is expected
    )
