"""h5p_block_result grades in the database what ``courses.completion``
grades over the whole list of attempts: same result for every method."""

import pytest
from django.utils import timezone

from courses.completion import block_result
from learners.models import H5PAttempt
from learners.selectors.progress import h5p_block_result
from tests.h5p_fixtures import h5p_content

pytestmark = pytest.mark.django_db

# (completed, scaled score), oldest first: a completed attempt with no score
# counts as 0, an unfinished one not at all.
ATTEMPTS = [(True, 0.6), (False, None), (True, None), (True, 0.9), (True, 0.7)]


@pytest.mark.parametrize("method", ["highest", "average", "first", "last"])
@pytest.mark.parametrize("rule", ["completed", "passed"])
def test_same_result_as_the_pure_rules(site, learner, method, rule):
    content = h5p_content()
    lesson = site["lesson"]
    for number, (completed, score) in enumerate(ATTEMPTS, start=1):
        H5PAttempt.objects.create(
            user=learner,
            content=content,
            lesson=lesson,
            block_id="bloc-1",
            number=number,
            started_at=timezone.now(),
            completed=completed,
            score_scaled=score,
        )
    rules = {"grading_method": method, "completion_rule": rule, "pass_threshold": 65}

    result = h5p_block_result(
        user=learner, lesson_id=lesson.pk, block_id="bloc-1", **rules
    )

    assert result == block_result(ATTEMPTS, **rules)


def test_no_attempt(site, learner):
    result = h5p_block_result(
        user=learner,
        lesson_id=site["lesson"].pk,
        block_id="bloc-1",
        grading_method="highest",
        completion_rule="completed",
        pass_threshold=70,
    )

    assert (result.attempts, result.score, result.complete) == (0, None, False)
