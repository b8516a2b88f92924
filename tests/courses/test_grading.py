"""Pure: no database."""

import pytest

from courses.grading import GradingMethod, grade


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


def test_no_completed_attempt_has_no_grade():
    assert grade([], GradingMethod.HIGHEST) is None
