"""The lookup's query: one ``UNION ALL`` of a branch per kind of row
(``LookupRow``), built once per shape (how many ids of each kind)."""

from functools import cache, lru_cache

from django.db import connection, models
from wagtail.models import Page

from courses.models import H5PContent, LessonPage
from learners.models import (
    H5PAttempt,
    H5PBlockResult,
    H5PLaunch,
    LessonCompletion,
    XapiStatement,
)
from learners.services.xapi_store.rows import RESULT_COLUMNS, LessonState, LookupRow
from learners.sql import column, columns, marks, pk, table


@cache
def _column_types():
    """Each column's database type, for the NULLs of the first branch:
    PostgreSQL takes a ``UNION``'s column types from its first branch, and an
    untyped NULL there would make the column text."""

    def of(model, name):
        return model._meta.get_field(name).db_type(connection)

    flag = models.BooleanField().db_type(connection)
    return {
        "statement_id": of(XapiStatement, "statement_id"),
        "content_hash": of(XapiStatement, "content_hash"),
        "owner_id": of(XapiStatement, "user"),
        "trusted": flag,
        "launch_id": H5PLaunch._meta.pk.db_type(connection),
        "content_id": H5PContent._meta.pk.db_type(connection),
        "lesson_id": of(H5PAttempt, "lesson"),
        "live_revision": of(Page, "live_revision"),
        "block_id": of(H5PAttempt, "block_id"),
        "attempt_id": H5PAttempt._meta.pk.db_type(connection),
        "attempt_number": of(H5PAttempt, "number"),
        "attempt_open": flag,
        "lesson_state": models.IntegerField().db_type(connection),
        "unexpired": flag,
        "result_id": H5PBlockResult._meta.pk.db_type(connection),
        "result_closed": of(H5PBlockResult, "closed_attempts"),
        "result_completed": of(H5PBlockResult, "completed_attempts"),
        "score_sum": of(H5PBlockResult, "score_sum"),
        "score_best": of(H5PBlockResult, "score_best"),
        "score_first": of(H5PBlockResult, "score_first"),
        "score_last": of(H5PBlockResult, "score_last"),
    }


def _branch(kind, source, *, first=False, **values):
    """``SELECT 'kind', <every LookupRow column> FROM source``: ``values``
    fill their columns, the others are NULL (typed in the ``first`` branch,
    which names the columns too)."""
    types = _column_types()

    def null(name):
        return f"CAST(NULL AS {types[name]})" if first else "NULL"

    select = [f"'{kind}'", *(values.get(n) or null(n) for n in LookupRow._fields[1:])]
    if first:
        select = [f"{c} AS {n}" for c, n in zip(select, LookupRow._fields, strict=True)]
    return f"SELECT {', '.join(select)} FROM {source}"


def _stored_statements(count):
    s_id = column(XapiStatement, "statement_id")
    return _branch(
        "s",
        f"{table(XapiStatement)} s WHERE s.{s_id} IN ({marks(count)})",
        first=True,
        statement_id=f"s.{s_id}",
        content_hash=f"s.{column(XapiStatement, 'content_hash')}",
        owner_id=f"s.{column(XapiStatement, 'user')}",
        trusted=f"s.{column(XapiStatement, 'trusted')}",
    )


def _existing(kind, model, count, name):
    key = pk(model)
    return _branch(
        kind,
        f"{table(model)} x WHERE x.{key} IN ({marks(count)})",
        **{name: f"x.{key}"},
    )


def _lessons(count):
    """The lessons among those named, with their live revision: the rules of
    their exercises are known by it (``rules.lesson_rules``)."""
    key = pk(LessonPage)
    p_id, p_revision = columns(Page, "id", "live_revision")
    return _branch(
        "l",
        f"{table(LessonPage)} x JOIN {table(Page)} p ON p.{p_id} = x.{key} "
        f"WHERE x.{key} IN ({marks(count)})",
        lesson_id=f"x.{key}",
        live_revision=f"p.{p_revision}",
    )


def _last_attempt(attempts, key, user, lesson, block, number, finished):
    """The learner's last attempt on one (lesson, block): its number and
    whether it is still open. ``ORDER BY ... DESC LIMIT 1`` reads the unique
    index on (user, lesson, block, number) backwards and stops at its first
    entry: one probe however many attempts came before, and PostgreSQL
    takes that plan even when its statistics predate the history
    (tests/learners/test_last_attempt_plan.py). With such statistics a
    ``MAX`` subquery read all 8,837 index entries of one learner's history
    (2.9 ms), and the outer read matching its result could take the index on
    the user alone and filter every attempt of theirs."""
    return _branch(
        "a",
        f"(SELECT o.{key}, o.{lesson}, o.{block}, o.{number}, o.{finished} "
        f"FROM {attempts} o "
        f"WHERE o.{user} = %s AND o.{lesson} = %s AND o.{block} = %s "
        f"ORDER BY o.{number} DESC LIMIT 1) t",
        lesson_id=f"t.{lesson}",
        block_id=f"t.{block}",
        attempt_id=f"t.{key}",
        attempt_number=f"t.{number}",
        attempt_open=f"t.{finished} IS NULL",
    )


def _last_attempts(pairs):
    """One branch per (lesson, block) asked about (see ``_last_attempt``)."""
    names = ("user", "lesson", "block_id", "number", "finished_at")
    branch = _last_attempt(
        table(H5PAttempt), pk(H5PAttempt), *columns(H5PAttempt, *names)
    )
    return [branch] * pairs


def _results(lessons, blocks):
    """The learner's result rows on the blocks asked about (one probe of
    their unique index each): what a closing attempt adds to."""
    user, lesson, block = columns(H5PBlockResult, "user", "lesson", "block_id")
    return _branch(
        "b",
        f"{table(H5PBlockResult)} b WHERE b.{user} = %s "
        f"AND b.{lesson} IN ({marks(lessons)}) AND b.{block} IN ({marks(blocks)})",
        lesson_id=f"b.{lesson}",
        block_id=f"b.{block}",
        **{
            name: f"b.{column(H5PBlockResult, attname)}"
            for name, attname in RESULT_COLUMNS.items()
        },
    )


def _lessons_done(count):
    """Which of the lessons asked about the learner has completed already:
    a closing result then needs no lesson check."""
    user, lesson = columns(LessonCompletion, "user", "lesson")
    return _branch(
        "d",
        f"{table(LessonCompletion)} d WHERE d.{user} = %s "
        f"AND d.{lesson} IN ({marks(count)})",
        lesson_id=f"d.{lesson}",
    )


def _launches(count):
    """The user's launches among those named, with their lesson's state and
    whether they are unexpired (compared with the time passed as parameter)."""
    user, lesson, revision, expires = columns(
        H5PLaunch, "user", "lesson", "lesson_revision", "expires_at"
    )
    p_id, p_live, p_revision = columns(Page, "id", "live", "live_revision")
    same_revision = (
        f"(r.{revision} = p.{p_revision} "
        f"OR (r.{revision} IS NULL AND p.{p_revision} IS NULL))"
    )
    return _branch(
        "r",
        f"{table(H5PLaunch)} r JOIN {table(Page)} p ON p.{p_id} = r.{lesson} "
        f"WHERE r.{user} = %s AND r.{pk(H5PLaunch)} IN ({marks(count)})",
        launch_id=f"r.{pk(H5PLaunch)}",
        content_id=f"r.{column(H5PLaunch, 'content')}",
        lesson_id=f"r.{lesson}",
        block_id=f"r.{column(H5PLaunch, 'block_id')}",
        lesson_state=f"CASE WHEN NOT p.{p_live} THEN {LessonState.UNPUBLISHED} "
        f"WHEN {same_revision} THEN {LessonState.SAME_REVISION} "
        f"ELSE {LessonState.REPUBLISHED} END",
        unexpired=f"r.{expires} > %s",
    )


@lru_cache(maxsize=512)
def lookup_sql(statements, contents, lessons, blocks, launches) -> str:
    """The lookup's query for that many ids of each kind (none: no branch),
    built once per shape. The stored statements' branch always comes first,
    so parameters follow the branches' order."""
    sql = [_stored_statements(statements)]
    if contents:
        sql.append(_existing("c", H5PContent, contents, "content_id"))
    if lessons:
        sql.append(_lessons(lessons))
    if lessons and blocks:
        sql += _last_attempts(lessons * blocks)
        sql.append(_results(lessons, blocks))
    if lessons:
        sql.append(_lessons_done(lessons))
    if launches:
        sql.append(_launches(launches))
    return " UNION ALL ".join(sql)
