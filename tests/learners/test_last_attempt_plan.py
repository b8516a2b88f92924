"""The learner's last attempt on a block is read by one probe of the unique
index, however long their history, whether the table's statistics were
taken before that history or after it: both reads that look it up (the
ingest's ``lookup`` and the lesson page's ``lesson_learner_state``) touch
one attempt row, not the whole history.

The case that broke it: statistics taken while the learner had one attempt,
then thousands more. A ``MAX(number)`` subquery was then planned as an
aggregate over every index entry of the history (8,837 entries, 2.9 ms, in
the profile) instead of a backward read of the index that stops at once, and
the read of the attempt with that number could take the index on the user
alone and filter out every other attempt of theirs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learners.models import H5PAttempt, User
from learners.selectors.lesson_state import lesson_learner_state
from tests.h5p_fixtures import h5p_content, launch, lesson_with_h5p
from tests.learners.test_xapi_block_result import BLOCK, answer, record

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="query plans: PostgreSQL"
    ),
]

HISTORY = 3000
OTHERS = 300


def _history(learner, site, *, statistics):
    """A lesson whose exercise the learner closed ``HISTORY`` times, and
    ``OTHERS`` learners once each. The attempts table's statistics are taken
    ``"stale"``: when the learner had closed it once (PostgreSQL without
    autovacuum, as on the benchmark's machine); or ``"current"``: after the
    whole history, as autovacuum keeps them."""
    content = h5p_content()
    lesson = lesson_with_h5p(site["lesson"], content, block=BLOCK)
    now = timezone.now()
    others = User.objects.bulk_create(
        User(
            email=f"autre{n}@exemple.qc.ca",
            first_name="Autre",
            last_name=str(n),
            role=learner.role,
            municipality=learner.municipality,
        )
        for n in range(OTHERS)
    )

    def attempt(user, number):
        return H5PAttempt(
            user=user,
            content=content,
            lesson=lesson,
            block_id=BLOCK,
            number=number,
            started_at=now,
            finished_at=now,
            completed=True,
            score_scaled=0.5,
        )

    def analyze():
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {H5PAttempt._meta.db_table}")

    H5PAttempt.objects.bulk_create(attempt(user, 1) for user in [learner, *others])
    if statistics == "stale":
        analyze()
    H5PAttempt.objects.bulk_create(attempt(learner, n) for n in range(2, HISTORY + 1))
    if statistics == "current":
        analyze()
    return content, lesson


def _attempt_rows_read(sql):
    """Rows each plan node on the attempts table read, by EXPLAIN ANALYZE:
    those it gave and those it read and filtered out."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
        (plan,) = cursor.fetchone()
    rows = []

    def walk(node):
        if node.get("Relation Name") == H5PAttempt._meta.db_table:
            read = node["Actual Rows"] + node.get("Rows Removed by Filter", 0)
            rows.append(read * node["Actual Loops"])
        for child in node.get("Plans", ()):
            walk(child)

    walk(plan[0]["Plan"])
    return rows


def _captured(queries, start):
    (sql,) = [q["sql"] for q in queries if q["sql"].startswith(start)]
    return sql


@pytest.mark.parametrize("statistics", ["stale", "current"])
def test_the_ingest_reads_one_attempt_of_a_long_history(
    learner, site, settings, statistics
):
    # Unprepared, so that the captured query carries its values and can be
    # explained as it ran.
    settings.DB_PREPARED_STATEMENTS = False
    content, lesson = _history(learner, site, statistics=statistics)
    registration = launch(learner, lesson, block=BLOCK)

    with CaptureQueriesContext(connection) as queries:
        record(learner, answer(content, lesson, registration))

    rows = _attempt_rows_read(_captured(queries, "SELECT 's' AS kind"))
    assert rows and max(rows) == 1, rows
    # The answer opened attempt HISTORY + 1 after the last closed one.
    assert H5PAttempt.objects.filter(user=learner, finished_at=None).get().number == (
        HISTORY + 1
    )


@pytest.mark.parametrize("statistics", ["stale", "current"])
def test_the_lesson_page_reads_one_attempt_of_a_long_history(learner, site, statistics):
    _content, lesson = _history(learner, site, statistics=statistics)

    with CaptureQueriesContext(connection) as queries:
        lesson_learner_state(user=learner, lesson=lesson)

    rows = _attempt_rows_read(_captured(queries, "SELECT 's'"))
    assert rows and max(rows) == 1, rows
