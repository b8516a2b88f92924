"""On PostgreSQL the ingest's read is prepared once per connection and then
only executed; it reads the same as unprepared, and nothing else the
connection runs is prepared (Django keeps psycopg's preparing off, for
connection poolers)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learners.models import H5PAttempt, H5PBlockResult
from learners.services.xapi_store import db
from tests.h5p_fixtures import h5p_content, launch, lesson_with_h5p
from tests.learners.test_xapi_block_result import BLOCK, answer, closing, record

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="prepared statements: PostgreSQL"
    ),
]


def _prepared():
    """This connection's prepared statements (they outlive a test, as the
    connection does), with how many times each ran."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT statement, generic_plans + custom_plans "
            "FROM pg_prepared_statements WHERE NOT from_sql"
        )
        return dict(cursor.fetchall())


def _runs_since(before):
    return {
        statement: runs - before.get(statement, 0)
        for statement, runs in _prepared().items()
        if runs != before.get(statement, 0)
    }


def _play(learner, site, attempts):
    content = h5p_content()
    lesson = lesson_with_h5p(site["lesson"], content, block=BLOCK)
    registration = launch(learner, lesson, block=BLOCK)
    for minute in range(attempts):
        record(learner, answer(content, lesson, registration))
        record(learner, closing(content, lesson, registration, True, 0.5, minute))
    return lesson


def _summary(learner, lesson):
    result = H5PBlockResult.objects.get(user=learner, lesson=lesson)
    attempts = H5PAttempt.objects.filter(user=learner).order_by("number")
    return (
        [(a.number, a.finished_at is not None, a.score_scaled) for a in attempts],
        (result.closed_attempts, result.completed_attempts, result.score_sum),
    )


def test_the_read_is_prepared_once_and_run_again(learner, site):
    before = _prepared()

    _play(learner, site, attempts=4)

    # One shape (one statement, one content, lesson, block and launch) was
    # read 8 times by one prepared statement; nothing else was prepared.
    ran = _runs_since(before)
    assert len(ran) == 1
    statement, runs = ran.popitem()
    assert statement.startswith("SELECT 's' AS kind")
    assert "$1" in statement
    assert runs == 8


@pytest.mark.parametrize("prepared", [True, False])
def test_prepared_or_not_the_ingest_files_the_same(learner, site, settings, prepared):
    settings.DB_PREPARED_STATEMENTS = prepared
    before = _prepared()

    summary = _summary(learner, _play(learner, site, attempts=3))

    assert summary == (
        [(1, True, 0.5), (2, True, 0.5), (3, True, 0.5)],
        (3, 3, 1.5),
    )
    assert bool(_runs_since(before)) is prepared


def test_django_s_own_queries_stay_unprepared(learner, site):
    _play(learner, site, attempts=1)
    before = _prepared()

    for _ in range(10):
        list(H5PAttempt.objects.filter(user=learner))

    assert connection.connection.prepare_threshold == db.ONLY_WHEN_ASKED
    assert _runs_since(before) == {}


def test_the_prepared_read_is_logged_like_any_query(learner, site):
    with CaptureQueriesContext(connection) as queries:
        _play(learner, site, attempts=1)

    reads = [q["sql"] for q in queries if q["sql"].startswith("SELECT 's' AS kind")]
    assert len(reads) == 2
    assert all("$1" in sql for sql in reads)
