"""Recording statements into attempts: the service under the endpoint."""

import threading

import pytest
from django.db import connection

from courses.blocks import h5p_rules
from courses.completion import block_result
from learners.models import (
    H5PAttempt,
    H5PBlockResult,
    LessonCompletion,
    XapiStatement,
)
from learners.services import xapi_statements_record, xapi_store
from learners.xapi import parse_statement
from tests.h5p_fixtures import h5p_content, launch, lesson_with_h5p, statement

pytestmark = pytest.mark.django_db

BLOCK = "5d2e8f10-7c3b-4e6a-9a41-2b8c0d6e1f57"


def record(user, *items):
    parsed = [parse_statement(item, user=user) for item in items]
    return xapi_statements_record(user=user, statements=parsed)


def lesson_with_exercise(lesson, content, **rules):
    rules = {"completion_rule": "passed", **rules}
    return lesson_with_h5p(lesson, content, block=BLOCK, **rules)


def played(user, lesson, content):
    """The exercise published in the lesson and launched by ``user``: a
    ``statement`` maker carrying that launch."""
    lesson_with_exercise(lesson, content)
    registration = launch(user, lesson, block=BLOCK)

    def make(**fields):
        return statement(
            content, lesson, block=BLOCK, registration=registration, **fields
        )

    return make


def finished(content, lesson, scaled, **extra):
    return statement(
        content,
        lesson,
        block=BLOCK,
        verb="completed",
        scaled=scaled,
        raw=scaled * 4,
        max_score=4,
        completion=True,
        success=scaled >= 0.7,
        **extra,
    )


def test_a_sub_question_answer_costs_two_queries_and_the_transaction(
    learner, site, django_assert_max_num_queries
):
    content = h5p_content()
    lesson = site["lesson"]
    make = played(learner, lesson, content)
    record(learner, make(scaled=1, raw=1, sub="q1"))

    # read what is stored + insert, inside the savepoint the service opens,
    # and on PostgreSQL the learner's attempts lock first
    lock = 1 if connection.vendor == "postgresql" else 0
    with django_assert_max_num_queries(4 + lock):
        record(learner, make(scaled=0, raw=0, sub="q2"))

    attempt = H5PAttempt.objects.get(user=learner)
    assert attempt.statements.count() == 2
    assert attempt.finished_at is None


def test_a_result_for_an_attempt_closed_meanwhile_opens_the_next_one(
    learner, site, monkeypatch
):
    content = h5p_content()
    lesson = site["lesson"]
    make = played(learner, lesson, content)
    registration = make()["context"]["registration"]
    record(learner, make(scaled=1, raw=1, sub="q1"))
    record(learner, finished(content, lesson, 0.5, registration=registration))
    first = H5PAttempt.objects.get(user=learner)
    # The lookup says attempt 1 is still open, as it would to a request that
    # read just before another one closed it.
    real_lookup = xapi_store.lookup
    calls = []

    def stale_lookup(**kwargs):
        found = real_lookup(**kwargs)
        if not calls:
            key = (lesson.pk, BLOCK)
            found.last_attempts[key] = found.last_attempts[key]._replace(open=True)
        calls.append(kwargs)
        return found

    monkeypatch.setattr(xapi_store, "lookup", stale_lookup)

    record(
        learner,
        finished(
            content,
            lesson,
            1.0,
            timestamp="2026-11-20T15:00:00Z",
            registration=registration,
        ),
    )

    assert len(calls) == 2  # refused to overwrite, read again
    attempts = list(H5PAttempt.objects.filter(user=learner).order_by("number"))
    assert [(a.number, a.score_scaled) for a in attempts] == [(1, 0.5), (2, 1.0)]
    assert attempts[0].finished_at == first.finished_at
    assert XapiStatement.objects.filter(user=learner).count() == 3


def test_a_passing_result_completes_the_lesson_and_a_failing_one_does_not(
    learner, site
):
    content = h5p_content()
    lesson = lesson_with_exercise(site["lesson"], content, pass_threshold=80)
    registration = launch(learner, lesson, block=BLOCK)

    record(learner, finished(content, lesson, 0.75, registration=registration))
    assert not LessonCompletion.objects.filter(user=learner).exists()

    record(
        learner,
        finished(
            content,
            lesson,
            0.9,
            timestamp="2026-11-20T15:00:00Z",
            registration=registration,
        ),
    )
    completion = LessonCompletion.objects.get(user=learner)
    assert (completion.lesson_id, completion.source) == (lesson.pk, "h5p")


def test_rules_are_read_from_the_stored_body_with_the_blocks_defaults(site):
    content = h5p_content()
    lesson = lesson_with_exercise(site["lesson"], content)
    # A block stored before its rules existed holds only its content.
    lesson.body = [
        *lesson.body.raw_data,
        {"type": "h5p", "id": "second", "value": {"content": content.pk}},
    ]
    lesson.save()
    lesson.refresh_from_db()

    rules = h5p_rules(lesson.body)

    assert [(r.block_id, r.completion_rule, r.pass_threshold) for r in rules] == [
        (BLOCK, "passed", 70),
        ("second", "completed", 70),
    ]
    assert rules[1].grading_method == "highest"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_eight_concurrent_closing_results_are_all_filed(municipalities):
    from tests.factories import UserFactory, build_site

    tree = build_site()
    content = h5p_content()
    lesson = tree["lesson"]
    user = UserFactory(email="apprenant@exemple.qc.ca")
    make = played(user, lesson, content)
    registration = make()["context"]["registration"]
    record(user, make(scaled=1, raw=1, sub="q1"))  # attempt 1 is open
    scores = [n / 8 for n in range(1, 9)]
    barrier = threading.Barrier(len(scores))
    errors = []

    def send(score):
        closing = finished(content, lesson, score, registration=registration)
        try:
            barrier.wait(timeout=10)
            record(user, closing)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(s,)) for s in scores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # One request closed attempt 1; each of the others, let in after it,
    # found its predecessor's attempt closed and opened and closed the next.
    assert errors == []
    attempts = list(H5PAttempt.objects.filter(user=user).order_by("number"))
    assert [a.number for a in attempts] == list(range(1, 9))
    assert sorted(a.score_scaled for a in attempts) == scores
    assert all(a.finished_at for a in attempts)
    assert XapiStatement.objects.filter(user=user, trusted=True).count() == 9
    # The block's stored result counts every one of them, summed in the order
    # they closed, as the pure rules would over the whole list.
    result = H5PBlockResult.objects.get(user=user, lesson=lesson, block_id=BLOCK)
    history = [(a.completed, a.score_scaled) for a in attempts]
    for method in ("highest", "average", "first", "last"):
        rules = {
            "grading_method": method,
            "completion_rule": "passed",
            "pass_threshold": 60,
        }
        assert result.block_result(**rules) == block_result(history, **rules)


def test_a_re_sent_result_checks_the_lesson_again(learner, site, monkeypatch):
    from learners.services import progress

    content = h5p_content()
    lesson = lesson_with_exercise(site["lesson"], content)
    passing = finished(
        content, lesson, 0.9, registration=launch(learner, lesson, block=BLOCK)
    )
    real_complete = progress.lesson_complete

    def failing_complete(**kwargs):
        raise RuntimeError("la vérification a échoué après l'enregistrement")

    monkeypatch.setattr(progress, "lesson_complete", failing_complete)
    with pytest.raises(RuntimeError):
        record(learner, passing)  # stored, but the browser got an error
    assert XapiStatement.objects.filter(user=learner).count() == 1
    assert not LessonCompletion.objects.filter(user=learner).exists()
    monkeypatch.setattr(progress, "lesson_complete", real_complete)

    record(learner, passing)  # the browser's queue sends it again

    assert XapiStatement.objects.filter(user=learner).count() == 1
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()


def test_a_large_batch_is_stored_whole_and_filed_in_order(learner, site):
    content = h5p_content()
    lesson = site["lesson"]
    make = played(learner, lesson, content)
    registration = make()["context"]["registration"]
    batch = []
    for attempt in range(30):  # 120 statements: several insert chunks on SQLite
        for question in range(3):
            batch.append(make(scaled=1, raw=1, sub=f"q{question}"))
        batch.append(
            finished(
                content,
                lesson,
                (attempt % 4 + 1) / 4,
                timestamp=f"2026-11-20T15:{attempt:02d}:00Z",
                registration=registration,
            )
        )

    record(learner, *batch)

    attempts = list(H5PAttempt.objects.filter(user=learner).order_by("number"))
    assert [a.number for a in attempts] == list(range(1, 31))
    assert all(a.statements.count() == 4 for a in attempts)
    assert attempts[5].score_scaled == 0.5
    assert XapiStatement.objects.filter(user=learner).count() == 120
