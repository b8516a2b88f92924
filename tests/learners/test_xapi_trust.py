"""Which statements count: only those carrying a valid launch of their own
exercise, with an attempt verb matched by its whole IRI."""

from datetime import timedelta

import pytest
from django.utils import timezone

from learners.models import H5PAttempt, H5PLaunch, LessonCompletion, XapiStatement
from learners.services import xapi_statements_record
from learners.xapi import parse_statement
from tests.factories import UserFactory
from tests.h5p_fixtures import h5p_content, launch, lesson_with_h5p, statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def exercise(site):
    content = h5p_content()
    return lesson_with_h5p(site["lesson"], content), content


def record(user, data):
    xapi_statements_record(user=user, statements=[parse_statement(data, user=user)])


def completing(content, lesson, **fields):
    fields = {"block": "bloc-1", "verb": "completed", **fields}
    return statement(
        content, lesson, scaled=1, raw=1, max_score=1, completion=True, **fields
    )


def assert_counted_for_nothing(user):
    stored = XapiStatement.objects.get(user=user)
    assert not stored.trusted and stored.attempt is None
    assert not H5PAttempt.objects.filter(user=user).exists()
    assert not LessonCompletion.objects.filter(user=user).exists()


def test_a_launched_completing_statement_completes_the_lesson(learner, exercise):
    lesson, content = exercise
    registration = launch(learner, lesson)

    record(learner, completing(content, lesson, registration=registration))

    stored = XapiStatement.objects.get()
    assert stored.trusted and stored.launch_id == registration.pk
    assert stored.attempt.completed
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()


def test_a_hand_written_completing_statement_without_launch_completes_nothing(
    learner, exercise
):
    lesson, content = exercise
    launch(learner, lesson)  # the learner could play; this statement did not

    record(learner, completing(content, lesson))

    assert_counted_for_nothing(learner)


def test_an_attempt_verb_is_matched_by_its_whole_iri(learner, exercise):
    lesson, content = exercise
    data = completing(content, lesson, registration=launch(learner, lesson))
    data["verb"]["id"] = "http://evil.example/x/passed"

    record(learner, data)

    # Under a valid launch (trusted), but not a verb that files a result.
    assert XapiStatement.objects.get().attempt is None
    assert not H5PAttempt.objects.exists()
    assert not LessonCompletion.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        {"block": "autre-bloc"},
        {"content": "other"},
        {"lesson": "other"},
    ],
)
def test_a_launch_counts_only_for_its_own_lesson_block_and_content(
    learner, site, exercise, change
):
    lesson, content = exercise
    registration = launch(learner, lesson)
    if change.get("content"):
        content = h5p_content("Autre contenu")
    if change.get("lesson"):
        lesson = site["module"]  # a real page, not this exercise's lesson
    block = change.get("block", "bloc-1")

    record(
        learner,
        completing(content, lesson, block=block, registration=registration),
    )

    assert_counted_for_nothing(learner)


def test_another_learners_launch_does_not_count(learner, exercise, municipalities):
    lesson, content = exercise
    other = UserFactory(email="autre@exemple.qc.ca")
    theirs = launch(other, lesson)

    record(learner, completing(content, lesson, registration=theirs))

    assert_counted_for_nothing(learner)
    assert XapiStatement.objects.get().launch is None


def test_an_expired_launch_does_not_count(learner, exercise):
    lesson, content = exercise
    registration = launch(learner, lesson)
    H5PLaunch.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    record(learner, completing(content, lesson, registration=registration))

    assert_counted_for_nothing(learner)
    assert XapiStatement.objects.get().launch_id == registration.pk  # kept, marked


def test_a_launch_of_a_lesson_unpublished_since_does_not_count(learner, exercise):
    lesson, content = exercise
    registration = launch(learner, lesson)
    lesson.unpublish()

    record(learner, completing(content, lesson, registration=registration))

    assert_counted_for_nothing(learner)


def test_after_a_new_publication_the_block_must_still_hold_the_content(
    learner, exercise
):
    lesson, content = exercise
    kept = launch(learner, lesson)
    lesson.save_revision().publish()  # same body, new live revision

    record(learner, completing(content, lesson, registration=kept))
    assert XapiStatement.objects.get().trusted

    lesson_with_h5p(lesson, h5p_content("Remplacé"))  # the block changed content
    record(learner, completing(content, lesson, registration=kept))

    assert XapiStatement.objects.filter(trusted=False).count() == 1
    assert H5PAttempt.objects.filter(user=learner).count() == 1


def test_a_sub_answer_without_launch_joins_no_attempt(learner, exercise):
    lesson, content = exercise
    registration = launch(learner, lesson)
    record(
        learner,
        statement(content, lesson, scaled=1, sub="q1", registration=registration),
    )

    record(learner, statement(content, lesson, scaled=1, sub="q2"))

    attempt = H5PAttempt.objects.get(user=learner)
    assert attempt.statements.count() == 1
    assert XapiStatement.objects.get(sub_content_id="q2").attempt is None
