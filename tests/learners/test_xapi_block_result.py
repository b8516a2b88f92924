"""A learner's stored result per H5P block (``H5PBlockResult``), kept by the
xAPI ingest as attempts close: it must say what the pure rules of
``courses.completion`` say over the whole list of attempts, for every grading
method and completion rule, and what ``h5p_block_result`` (the aggregate over
the attempts) says; the data migration fills it from existing attempts the
same way; a forged or re-sent statement changes nothing."""

import importlib
import uuid
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.utils import timezone

from courses.completion import block_result
from learners.models import H5PAttempt, H5PBlockResult, LessonCompletion
from learners.selectors.progress import h5p_block_result
from learners.services import xapi_statements_record, xapi_store
from learners.xapi import parse_statement
from tests.factories import UserFactory
from tests.h5p_fixtures import h5p_content, launch, lesson_with_h5p, statement

pytestmark = pytest.mark.django_db

BLOCK = "9b1f2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d"
METHODS = ["highest", "average", "first", "last"]
RULES = ["completed", "passed"]

# (completed, scaled score) of each closed attempt, oldest first: an attempt
# closed with completion false counts as an attempt but not a score; one
# completed without a score counts as 0.
ATTEMPTS = [(True, 0.6), (False, 0.2), (True, None), (True, 0.9), (True, 0.7)]


def record(user, *items):
    parsed = [parse_statement(item, user=user) for item in items]
    return xapi_statements_record(user=user, statements=parsed)


def closing(content, lesson, registration, completed, scaled, minute):
    return statement(
        content,
        lesson,
        block=BLOCK,
        verb="completed",
        scaled=scaled,
        raw=None if scaled is None else scaled * 4,
        max_score=None if scaled is None else 4,
        completion=completed,
        timestamp=f"2026-11-20T14:{minute:02d}:00Z",
        registration=registration,
    )


def answer(content, lesson, registration):
    return statement(
        content,
        lesson,
        block=BLOCK,
        scaled=1,
        raw=1,
        sub="q1",
        registration=registration,
    )


def played(user, lesson, content, attempts, **rules):
    """The exercise published with ``rules`` and each attempt played
    through the ingest: one answer, then its closing result."""
    lesson = lesson_with_h5p(lesson, content, block=BLOCK, **rules)
    registration = launch(user, lesson, block=BLOCK)
    for minute, (completed, scaled) in enumerate(attempts):
        record(user, answer(content, lesson, registration))
        record(user, closing(content, lesson, registration, completed, scaled, minute))
    return lesson, registration


def stored(user, lesson):
    return H5PBlockResult.objects.get(user=user, lesson=lesson, block_id=BLOCK)


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize("threshold", [55, 65, 70, 90])
def test_the_stored_result_says_what_the_pure_rules_say(
    learner, site, method, rule, threshold
):
    rules = {
        "grading_method": method,
        "completion_rule": rule,
        "pass_threshold": threshold,
    }
    lesson, _ = played(learner, site["lesson"], h5p_content(), ATTEMPTS, **rules)

    result = stored(learner, lesson).block_result(**rules)

    expected = block_result(ATTEMPTS, **rules)
    assert result == expected
    assert result == h5p_block_result(
        user=learner, lesson_id=lesson.pk, block_id=BLOCK, **rules
    )
    # and the lesson completed exactly if the pure rules said so after one of
    # the attempts (a completed lesson stays completed)
    done = LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()
    assert done == any(
        block_result(ATTEMPTS[:n], **rules).complete
        for n in range(1, len(ATTEMPTS) + 1)
    )


def test_the_row_keeps_what_every_method_needs(learner, site):
    lesson, _ = played(learner, site["lesson"], h5p_content(), ATTEMPTS)

    row = stored(learner, lesson)

    assert (row.closed_attempts, row.completed_attempts) == (5, 4)
    assert (row.score_best, row.score_first, row.score_last) == (0.9, 0.6, 0.7)
    assert row.score_sum == 0.6 + 0.0 + 0.9 + 0.7  # added oldest first


def test_an_open_attempt_writes_no_result(learner, site):
    content = h5p_content()
    lesson = lesson_with_h5p(site["lesson"], content, block=BLOCK)
    registration = launch(learner, lesson, block=BLOCK)

    record(learner, answer(content, lesson, registration))

    assert H5PAttempt.objects.filter(user=learner).count() == 1
    assert not H5PBlockResult.objects.filter(user=learner).exists()


def test_averages_add_like_the_pure_rule_to_the_last_bit(learner, site):
    # 0.1 + 0.2 + 0.3 ... is not exact in binary: the stored sum must be the
    # same float as the pure rule's, so that a score right at the pass mark
    # is judged the same.
    attempts = [(True, 0.1), (True, 0.2), (True, 0.3), (True, 0.7)]
    rules = {"grading_method": "average", "completion_rule": "passed"}
    lesson, _ = played(
        learner, site["lesson"], h5p_content(), attempts, pass_threshold=33, **rules
    )

    result = stored(learner, lesson).block_result(pass_threshold=33, **rules)

    assert result == block_result(attempts, pass_threshold=33, **rules)


def test_changing_the_grading_method_needs_no_new_row(learner, site):
    rules = {"completion_rule": "passed", "pass_threshold": 70}
    lesson, _ = played(
        learner, site["lesson"], h5p_content(), ATTEMPTS, grading_method="last", **rules
    )
    row = stored(learner, lesson)

    for method in METHODS:
        assert row.block_result(grading_method=method, **rules) == block_result(
            ATTEMPTS, grading_method=method, **rules
        )


def test_a_forged_closing_statement_changes_nothing(learner, site):
    content = h5p_content()
    lesson, _ = played(learner, site["lesson"], content, ATTEMPTS[:2])
    before = H5PBlockResult.objects.values().get(user=learner)

    # no launch, a launch nobody opened, another learner's launch: stored
    # untrusted, filed nowhere
    someone = UserFactory(email="quelquun@exemple.qc.ca")
    theirs = launch(someone, lesson, block=BLOCK)
    for minute, forged in enumerate([None, uuid.uuid4(), theirs]):
        record(learner, closing(content, lesson, forged, True, 1.0, 30 + minute))

    assert H5PBlockResult.objects.values().get(user=learner) == before
    assert H5PAttempt.objects.filter(user=learner).count() == 2


def test_a_re_sent_closing_statement_changes_nothing(learner, site):
    content = h5p_content()
    lesson = lesson_with_h5p(site["lesson"], content, block=BLOCK)
    registration = launch(learner, lesson, block=BLOCK)
    record(learner, answer(content, lesson, registration))
    result = closing(content, lesson, registration, True, 0.8, 0)
    record(learner, result)
    before = H5PBlockResult.objects.values().get(user=learner)

    record(learner, result)
    record(learner, result, result)

    assert H5PBlockResult.objects.values().get(user=learner) == before
    assert before["closed_attempts"] == 1


def test_a_batch_closing_several_attempts_sums_them_in_order(learner, site):
    content = h5p_content()
    lesson = lesson_with_h5p(site["lesson"], content, block=BLOCK)
    registration = launch(learner, lesson, block=BLOCK)
    batch = []
    for minute, (completed, scaled) in enumerate(ATTEMPTS):
        batch.append(answer(content, lesson, registration))
        batch.append(closing(content, lesson, registration, completed, scaled, minute))

    record(learner, *batch)

    rules = {"grading_method": "average", "completion_rule": "passed"}
    assert stored(learner, lesson).block_result(
        pass_threshold=50, **rules
    ) == block_result(ATTEMPTS, pass_threshold=50, **rules)


def _attempts_create(user, lesson, content, attempts, *, open_last=False):
    for number, (completed, scaled) in enumerate(attempts, start=1):
        is_open = open_last and number == len(attempts)
        H5PAttempt.objects.create(
            user=user,
            content=content,
            lesson=lesson,
            block_id=BLOCK,
            number=number,
            started_at=timezone.now(),
            finished_at=None if is_open else timezone.now(),
            completed=completed and not is_open,
            score_scaled=None if is_open else scaled,
        )


def test_attempts_without_a_row_are_summed_up_before_the_next_closes(learner, site):
    """Attempts written before the ingest kept results (or by hand): the next
    closing result starts from them, not from nothing."""
    content = h5p_content()
    lesson = lesson_with_h5p(
        site["lesson"], content, block=BLOCK, grading_method="average"
    )
    _attempts_create(learner, lesson, content, ATTEMPTS[:3])
    registration = launch(learner, lesson, block=BLOCK)

    record(learner, answer(content, lesson, registration))
    record(learner, closing(content, lesson, registration, True, 0.9, 0))

    row = stored(learner, lesson)
    assert (row.closed_attempts, row.completed_attempts) == (4, 3)
    assert row.score_sum == 0.6 + 0.0 + 0.9


def test_a_row_changed_since_it_was_read_is_not_overwritten(learner, site):
    content = h5p_content()
    lesson, _ = played(learner, site["lesson"], content, ATTEMPTS[:2])
    found = xapi_store.lookup(
        user_id=learner.pk,
        statement_ids=[],
        content_ids=[],
        lesson_ids=[lesson.pk],
        block_ids=[BLOCK],
    )
    assert found.results == {}  # no statement named: nothing read
    found = xapi_store.lookup(
        user_id=learner.pk,
        statement_ids=["00000000-0000-4000-8000-000000000000"],
        content_ids=[content.pk],
        lesson_ids=[lesson.pk],
        block_ids=[BLOCK],
    )
    row = found.results[lesson.pk, BLOCK]
    # another request closes an attempt meanwhile
    H5PBlockResult.objects.filter(pk=row.pk).update(closed_attempts=3)
    row.close_attempt(completed=True, score_scaled=1.0)

    assert xapi_store.results_save([row]) is False
    assert stored(learner, lesson).closed_attempts == 3


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("rule", RULES)
def test_the_data_migration_fills_the_rows_from_the_attempts(
    learner, site, method, rule
):
    content = h5p_content()
    lesson = site["lesson"]
    _attempts_create(learner, lesson, content, [*ATTEMPTS, (True, 1.0)], open_last=True)
    H5PAttempt.objects.create(  # another block, nothing closed: no row
        user=learner,
        content=content,
        lesson=lesson,
        block_id="autre",
        number=1,
        started_at=timezone.now(),
    )
    migration = importlib.import_module(
        "learners.migrations.0010_h5p_block_result_from_attempts"
    )

    migration.results_from_attempts(django_apps, SimpleNamespace(connection=connection))

    rules = {"grading_method": method, "completion_rule": rule, "pass_threshold": 65}
    row = stored(learner, lesson)
    assert row.block_result(**rules, open_attempts=1) == block_result(
        [*ATTEMPTS, (False, None)], **rules
    )
    assert H5PBlockResult.objects.filter(user=learner).count() == 1


def test_the_data_migration_on_no_attempt_writes_nothing():
    migration = importlib.import_module(
        "learners.migrations.0010_h5p_block_result_from_attempts"
    )

    migration.results_from_attempts(django_apps, SimpleNamespace(connection=connection))

    assert not H5PBlockResult.objects.exists()


def test_a_lesson_of_two_exercises_completes_with_the_second(learner, site):
    """The block a request closes is judged from memory; the lesson's other
    block from its stored row."""
    content = h5p_content()
    lesson = site["lesson"]
    lesson.body = [
        {
            "type": "h5p",
            "id": BLOCK,
            "value": {"content": content.pk, "completion_rule": "passed"},
        },
        {"type": "h5p", "id": "second", "value": {"content": content.pk}},
    ]
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    first = launch(learner, lesson, block=BLOCK)
    second = launch(learner, lesson, block="second")

    record(learner, closing(content, lesson, first, True, 0.9, 0))
    assert not LessonCompletion.objects.filter(user=learner).exists()

    second_closing = closing(content, lesson, second, True, 0.1, 1)
    second_closing["object"]["id"] = second_closing["object"]["id"].replace(
        BLOCK, "second"
    )
    record(learner, second_closing)

    completion = LessonCompletion.objects.get(user=learner, lesson=lesson)
    assert completion.source == "h5p"


def test_a_closing_result_that_completes_nothing_reads_no_lesson(
    learner, site, django_assert_max_num_queries
):
    """However many attempts came before, the lesson check judges the block
    from the row the request already read and wrote, by the rules read from
    the lesson's live revision once (``played`` closed attempts on it)."""
    content = h5p_content()
    lesson, registration = played(
        learner,
        site["lesson"],
        content,
        [(True, 0.1)] * 3,
        completion_rule="passed",
    )
    record(learner, answer(content, lesson, registration))

    # inside the savepoint the service opens: on PostgreSQL the learner's
    # attempts lock (its own statement: the read is prepared), then the read,
    # then close, result and insert, which PostgreSQL receives in one round
    # trip; no lesson read
    writes = 2 if connection.vendor == "postgresql" else 3
    with django_assert_max_num_queries(3 + writes):
        record(learner, closing(content, lesson, registration, True, 0.2, 59))

    assert stored(learner, lesson).closed_attempts == 4


def test_a_lesson_published_again_is_judged_by_its_new_rules(learner, site):
    content = h5p_content()
    lesson, registration = played(
        learner, site["lesson"], content, [(True, 0.6)], completion_rule="passed"
    )
    assert not LessonCompletion.objects.filter(user=learner).exists()

    lesson = lesson_with_h5p(
        lesson, content, block=BLOCK, completion_rule="passed", pass_threshold=50
    )
    record(learner, answer(content, lesson, registration))
    record(learner, closing(content, lesson, registration, True, 0.5, 30))

    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()
