"""Recording statements into attempts: the service under the endpoint."""

import threading

import pytest
from django.db import connection

from courses.blocks import h5p_rules
from learners.models import H5PAttempt, LessonCompletion, XapiStatement
from learners.services import h5p as h5p_service
from learners.services import xapi_statements_record, xapi_store
from learners.xapi import parse_statement
from tests.h5p_fixtures import h5p_content, statement

pytestmark = pytest.mark.django_db

BLOCK = "5d2e8f10-7c3b-4e6a-9a41-2b8c0d6e1f57"


def record(user, *items):
    parsed = [parse_statement(item, user=user) for item in items]
    return xapi_statements_record(user=user, statements=parsed)


def lesson_with_exercise(lesson, content, **rules):
    lesson.body = [
        {"type": "paragraph", "value": "<p>Lisez le courriel ci-dessous.</p>"},
        {
            "type": "h5p",
            "id": BLOCK,
            "value": {
                "content": content.pk,
                "grading_method": "highest",
                "completion_rule": "passed",
                "pass_threshold": 70,
                **rules,
            },
        },
    ]
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


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
    record(learner, statement(content, lesson, block=BLOCK, scaled=1, raw=1, sub="q1"))

    # read what is stored + insert, inside the savepoint the service opens
    with django_assert_max_num_queries(4):
        record(
            learner, statement(content, lesson, block=BLOCK, scaled=0, raw=0, sub="q2")
        )

    attempt = H5PAttempt.objects.get(user=learner)
    assert attempt.statements.count() == 2
    assert attempt.finished_at is None


def test_a_result_for_an_attempt_closed_meanwhile_opens_the_next_one(
    learner, site, monkeypatch
):
    content = h5p_content()
    lesson = site["lesson"]
    record(learner, statement(content, lesson, block=BLOCK, scaled=1, raw=1, sub="q1"))
    record(learner, finished(content, lesson, 0.5))
    first = H5PAttempt.objects.get(user=learner)
    # The lookup says attempt 1 is still open, as it would to a request that
    # read just before another one closed it.
    real_lookup = xapi_store.lookup
    calls = []

    def stale_lookup(**kwargs):
        found = real_lookup(**kwargs)
        if not calls:
            found.last_attempts[(lesson.pk, BLOCK)].open = True
        calls.append(kwargs)
        return found

    monkeypatch.setattr(xapi_store, "lookup", stale_lookup)

    record(learner, finished(content, lesson, 1.0, timestamp="2026-11-20T15:00:00Z"))

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

    record(learner, finished(content, lesson, 0.75))
    assert not LessonCompletion.objects.filter(user=learner).exists()

    record(learner, finished(content, lesson, 0.9, timestamp="2026-11-20T15:00:00Z"))
    completion = LessonCompletion.objects.get(user=learner)
    assert (completion.lesson_id, completion.source) == (lesson.pk, "h5p")


def test_a_statement_for_a_block_the_lesson_lacks_completes_nothing(learner, site):
    content = h5p_content()
    lesson = lesson_with_exercise(site["lesson"], content)

    record(
        learner,
        statement(
            content,
            lesson,
            block="autre-bloc",
            verb="completed",
            scaled=1,
            raw=1,
            max_score=1,
            completion=True,
        ),
    )

    assert H5PAttempt.objects.filter(user=learner, block_id="autre-bloc").exists()
    assert not LessonCompletion.objects.filter(user=learner).exists()


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
def test_concurrent_results_never_overwrite_each_other(municipalities):
    from tests.factories import UserFactory, build_site

    tree = build_site()
    content = h5p_content()
    lesson = tree["lesson"]
    user = UserFactory(email="apprenant@exemple.qc.ca")
    record(user, statement(content, lesson, block=BLOCK, scaled=1, raw=1, sub="q1"))
    scores = [0.5, 1.0]
    barrier = threading.Barrier(len(scores))
    real_lookup = xapi_store.lookup
    local = threading.local()
    errors = []

    def lookup_together(**kwargs):
        found = real_lookup(**kwargs)
        if not getattr(local, "waited", False):
            local.waited = True
            barrier.wait(timeout=10)  # both requests have read attempt 1 as open
        return found

    def send(score):
        try:
            record(user, finished(content, lesson, score))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    h5p_service.xapi_store.lookup = lookup_together
    try:
        threads = [threading.Thread(target=send, args=(s,)) for s in scores]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        h5p_service.xapi_store.lookup = real_lookup

    # One request closed attempt 1; the other found it closed, read again and
    # filed its result into attempt 2.
    assert errors == []
    attempts = list(H5PAttempt.objects.filter(user=user).order_by("number"))
    assert [a.number for a in attempts] == [1, 2]
    assert sorted(a.score_scaled for a in attempts) == scores
    assert all(a.finished_at for a in attempts)
    assert XapiStatement.objects.filter(user=user).count() == 3


def test_a_re_sent_result_checks_the_lesson_again(learner, site, monkeypatch):
    from learners.services import progress

    content = h5p_content()
    lesson = lesson_with_exercise(site["lesson"], content)
    passing = finished(content, lesson, 0.9)
    real_check = progress.lesson_h5p_check

    def failing_check(**kwargs):
        raise RuntimeError("la vérification a échoué après l'enregistrement")

    monkeypatch.setattr(progress, "lesson_h5p_check", failing_check)
    with pytest.raises(RuntimeError):
        record(learner, passing)  # stored, but the browser got an error
    assert XapiStatement.objects.filter(user=learner).count() == 1
    assert not LessonCompletion.objects.filter(user=learner).exists()
    monkeypatch.setattr(progress, "lesson_h5p_check", real_check)

    record(learner, passing)  # the browser's queue sends it again

    assert XapiStatement.objects.filter(user=learner).count() == 1
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()


def test_a_large_batch_is_stored_whole_and_filed_in_order(learner, site):
    content = h5p_content()
    lesson = site["lesson"]
    batch = []
    for attempt in range(30):  # 120 statements: several insert chunks on SQLite
        for question in range(3):
            batch.append(
                statement(
                    content, lesson, block=BLOCK, scaled=1, raw=1, sub=f"q{question}"
                )
            )
        batch.append(
            finished(
                content,
                lesson,
                (attempt % 4 + 1) / 4,
                timestamp=f"2026-11-20T15:{attempt:02d}:00Z",
            )
        )

    record(learner, *batch)

    attempts = list(H5PAttempt.objects.filter(user=learner).order_by("number"))
    assert [a.number for a in attempts] == list(range(1, 31))
    assert all(a.statements.count() == 4 for a in attempts)
    assert attempts[5].score_scaled == 0.5
    assert XapiStatement.objects.filter(user=learner).count() == 120
