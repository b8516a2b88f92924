"""``lesson_learner_state`` reads in one query what a lesson page shows of the
learner (issue 15), and gives the same results as reading each part alone:
``h5p_block_result``, ``h5p_saved_state``, ``lesson_done``."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learners.models import H5PAttempt, H5PBlockResult, H5PUserState, LessonCompletion
from learners.selectors.h5p import h5p_saved_state
from learners.selectors.lesson_state import lesson_learner_state
from learners.selectors.progress import h5p_block_result, lesson_done
from tests.factories import UserFactory
from tests.h5p_fixtures import h5p_content, lesson_with_h5p

pytestmark = pytest.mark.django_db

RULES = [
    {"grading_method": method, "completion_rule": rule, "pass_threshold": 65}
    for method in ("highest", "average", "first", "last")
    for rule in ("completed", "passed")
]
# (completed, scaled score) of closed attempts, oldest first.
CLOSED = [(True, 0.6), (False, None), (True, None), (True, 0.9), (True, 0.7)]


@pytest.fixture
def lesson(site):
    return lesson_with_h5p(site["lesson"], h5p_content())


def _attempts(user, lesson, attempts, *, open_last=False, block="bloc-1"):
    """Closed attempts as the ingest writes them, with their block's result
    row; and one still open after them if asked."""
    content_id = lesson.body[1].value["content"].pk
    row = H5PBlockResult(user=user, lesson=lesson, block_id=block)
    now = timezone.now()
    for number, (completed, score) in enumerate(attempts, start=1):
        H5PAttempt.objects.create(
            user=user,
            content_id=content_id,
            lesson=lesson,
            block_id=block,
            number=number,
            started_at=now,
            finished_at=now,
            completed=completed,
            score_scaled=score,
        )
        row.close_attempt(completed=completed, score_scaled=score)
    row.save()
    if open_last:
        H5PAttempt.objects.create(
            user=user,
            content_id=content_id,
            lesson=lesson,
            block_id=block,
            number=len(attempts) + 1,
            started_at=now,
        )
    return row


def _both(user, lesson, rules, block="bloc-1"):
    state = lesson_learner_state(user=user, lesson=lesson)
    read_alone = h5p_block_result(
        user=user, lesson_id=lesson.pk, block_id=block, **rules
    )
    return state.block_result(user=user, block_id=block, **rules), read_alone


@pytest.mark.parametrize("rules", RULES)
@pytest.mark.parametrize("open_last", [False, True])
def test_results_from_the_row_match_the_attempts(learner, lesson, rules, open_last):
    _attempts(learner, lesson, CLOSED, open_last=open_last)

    from_row, read_alone = _both(learner, lesson, rules)

    assert from_row == read_alone
    assert from_row.attempts == len(CLOSED) + open_last


def test_no_attempt(learner, lesson):
    from_row, read_alone = _both(learner, lesson, RULES[0])

    assert from_row == read_alone
    assert (from_row.attempts, from_row.score, from_row.complete) == (0, None, False)


@pytest.mark.parametrize("rules", RULES)
def test_attempts_without_a_row_are_graded_from_the_attempts(learner, lesson, rules):
    _attempts(learner, lesson, CLOSED)
    H5PBlockResult.objects.all().delete()

    from_row, read_alone = _both(learner, lesson, rules)

    assert from_row == read_alone
    assert from_row.attempts == len(CLOSED)


def test_a_row_that_misses_attempts_is_not_trusted(learner, lesson):
    """Attempts written by something other than the ingest: the row does
    not count them, the attempts decide."""
    row = _attempts(learner, lesson, CLOSED[:2])
    H5PAttempt.objects.create(
        user=learner,
        content_id=lesson.body[1].value["content"].pk,
        lesson=lesson,
        block_id="bloc-1",
        number=3,
        started_at=timezone.now(),
        finished_at=timezone.now(),
        completed=True,
        score_scaled=1.0,
    )
    rules = {"grading_method": "highest", "completion_rule": "passed"}

    from_row, read_alone = _both(learner, lesson, {**rules, "pass_threshold": 90})

    assert row.score_best == 0.6
    assert from_row == read_alone
    assert (from_row.attempts, from_row.score, from_row.complete) == (3, 1.0, True)


def test_saved_states_and_done_in_one_query(learner, lesson):
    content = lesson.body[1].value["content"]
    for content_id, block, data_type, data in [
        (content.pk, "bloc-1", "state", '{"mine": true}'),
        (content.pk, "bloc-2", "state", '{"other block": true}'),
        (content.pk, "bloc-1", "other", '{"not the state": true}'),
    ]:
        H5PUserState.objects.create(
            user=learner,
            content_id=content_id,
            lesson=lesson,
            block_id=block,
            data_type=data_type,
            data=data,
        )
    H5PUserState.objects.create(
        user=UserFactory(),
        content=content,
        lesson=lesson,
        block_id="bloc-1",
        data='{"someone else": true}',
    )
    _attempts(learner, lesson, CLOSED)
    LessonCompletion.objects.create(user=learner, lesson=lesson)

    with CaptureQueriesContext(connection) as queries:
        state = lesson_learner_state(user=learner, lesson=lesson)

    assert len(queries) == 1
    assert state.done is True
    assert state.done == lesson_done(user=learner, lesson=lesson)
    assert state.saved_state(content_id=content.pk, block_id="bloc-1") == (
        h5p_saved_state(
            user=learner, content_id=content.pk, lesson_id=lesson.pk, block_id="bloc-1"
        )
    )
    assert state.saved_state(content_id=content.pk, block_id="bloc-1") == (
        '{"mine": true}'
    )


def test_another_learner_reads_nothing_of_the_first(learner, lesson):
    _attempts(learner, lesson, CLOSED)
    LessonCompletion.objects.create(user=learner, lesson=lesson)
    someone = UserFactory()

    state = lesson_learner_state(user=someone, lesson=lesson)

    assert (state.done, state.states, state.results, state.last_attempts) == (
        False,
        {},
        {},
        {},
    )


def test_the_lesson_page_shows_the_row_result(client, site, learner, lesson):
    from learners.models import Enrolment

    Enrolment.objects.create(user=learner, path=site["path"])
    _attempts(learner, lesson, [(True, 0.5), (True, 0.8)])
    client.force_login(learner)

    page = client.get(lesson.url).content.decode()

    assert "Score retenu : 80 % (2 tentatives terminées)" in page
    assert "Reprendre l&#x27;exercice" in page or "Reprendre l'exercice" in page
