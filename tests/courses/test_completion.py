"""What completes a block, a lesson, a module and a path (courses.completion):
pure rules, tested with plain values and no database."""

from types import SimpleNamespace

import pytest

from courses.completion import (
    BlockResult,
    ModuleProgress,
    PathProgress,
    block_complete,
    block_result,
    lesson_complete_by_exercises,
)
from courses.grading import CompletionRule, GradingMethod

PASSED, COMPLETED = CompletionRule.PASSED, CompletionRule.COMPLETED


def lesson(pk):
    return SimpleNamespace(pk=pk)


def module(lessons=(), done=(), required=False, attendance=False, attended=False):
    return ModuleProgress(
        module=None,
        required=required,
        attendance_required=attendance,
        lessons=[lesson(pk) for pk in lessons],
        done=set(done),
        attended=attended,
    )


def path(*modules):
    return PathProgress(path=None, role="elected", modules=list(modules))


# Block


def test_no_completed_attempt_does_not_complete_a_block():
    assert not block_complete(
        [], method=GradingMethod.HIGHEST, rule=COMPLETED, threshold=0
    )


def test_completed_rule_needs_one_completed_attempt_whatever_its_score():
    assert block_complete(
        [0.0], method=GradingMethod.HIGHEST, rule=COMPLETED, threshold=90
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
    complete = block_complete(scores, method=method, rule=PASSED, threshold=threshold)
    assert complete is expected


def test_block_result_counts_only_completed_attempts_and_scores_none_as_zero():
    result = block_result(
        [(True, 0.4), (False, 1.0), (True, None), (True, 0.9)],
        grading_method=GradingMethod.AVERAGE,
        completion_rule=PASSED,
        pass_threshold=50,
    )
    assert (result.attempts, result.completed_attempts) == (4, 3)
    assert result.score == pytest.approx((0.4 + 0.0 + 0.9) / 3)
    assert result.complete is False


def test_block_result_with_no_attempt():
    result = block_result(
        [],
        grading_method=GradingMethod.HIGHEST,
        completion_rule=COMPLETED,
        pass_threshold=70,
    )
    assert result == BlockResult(
        attempts=0, completed_attempts=0, score=None, complete=False
    )


# Lesson


def _block(complete):
    return BlockResult(attempts=1, completed_attempts=1, score=1.0, complete=complete)


def test_a_lesson_is_complete_when_every_exercise_is():
    assert lesson_complete_by_exercises([_block(True), _block(True)])
    assert not lesson_complete_by_exercises([_block(True), _block(False)])


def test_a_lesson_without_exercises_is_not_completed_by_them():
    assert not lesson_complete_by_exercises([])


def test_the_lesson_rule_stops_at_the_first_incomplete_exercise():
    read = []

    def results():
        for complete in (True, False, True):
            read.append(complete)
            yield _block(complete)

    assert not lesson_complete_by_exercises(results())
    assert read == [True, False]


# Module


def test_a_module_is_complete_when_its_lessons_are_done():
    assert module(lessons=[1, 2], done=[1, 2, 9]).complete
    assert not module(lessons=[1, 2], done=[1]).complete


def test_attendance_is_a_unit_of_a_module_that_requires_it():
    waiting = module(lessons=[1], done=[1], attendance=True)
    assert not waiting.complete
    assert (waiting.units, waiting.units_done) == (2, 1)
    attended = module(lessons=[1], done=[1], attendance=True, attended=True)
    assert attended.complete and attended.units_done == 2


def test_a_module_resumes_at_its_first_unfinished_lesson():
    assert module(lessons=[1, 2, 3], done=[1, 3]).next_lesson().pk == 2
    assert module(lessons=[1], done=[1]).next_lesson() is None


# Path


def test_only_required_modules_count_when_the_role_has_some():
    progress = path(
        module(lessons=[1], done=[1], required=True),
        module(lessons=[2], done=[]),
    )
    assert progress.complete and progress.percent == 100
    assert progress.next_lesson().pk == 2  # optional lessons remain


def test_every_module_counts_when_none_is_required():
    progress = path(module(lessons=[1], done=[1]), module(lessons=[2, 3], done=[]))
    assert not progress.complete
    assert progress.percent == 33
    assert progress.started


def test_an_unfinished_path_never_shows_100_percent():
    progress = path(module(lessons=list(range(1, 201)), done=range(1, 200)))
    assert progress.percent == 99


def test_a_path_without_modules_is_neither_complete_nor_started():
    progress = path()
    assert not progress.complete
    assert (progress.percent, progress.started) == (0, False)
    assert progress.next_lesson() is None


def test_required_modules_come_first_when_resuming():
    progress = path(
        module(lessons=[1], done=[]),
        module(lessons=[2], done=[], required=True),
    )
    assert progress.next_lesson().pk == 2
