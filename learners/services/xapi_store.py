"""The xAPI ingest hot path in plain SQL.

Every H5P answer reaches the server as one request, so this path runs more
than any other. Through the ORM each of its queries cost about 0.4 ms of
Python to compile, more than PostgreSQL took to run it, and the ORM needed
five of them; ``bench/xapi_ingest.py`` measured the difference. Here the same
work is two statements (one read, which also reads the launches the
statements name, and one insert) plus, when an attempt may change, a lock on
PostgreSQL, and when an attempt closes, one update. They are written once
against the models' own table and column names and run unchanged on SQLite
and PostgreSQL; values go through each
field's ``get_db_prep_save``/``get_db_prep_value`` exactly as the ORM would
send them, and come back through ``to_python``.
"""

import zlib
from dataclasses import dataclass, field
from functools import cache

from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from courses.models import H5PContent, LessonPage
from learners.models import H5PAttempt, H5PLaunch, XapiStatement


def _quote(name):
    return connection.ops.quote_name(name)


def _marks(count):
    return ", ".join(["%s"] * count)


def _column(model, name):
    return _quote(model._meta.get_field(name).column)


@dataclass
class LastAttempt:
    id: int
    number: int
    open: bool


class LessonState:
    """Where a launch's lesson stands now (the ``r`` rows of the lookup)."""

    UNPUBLISHED = 0
    SAME_REVISION = 1  # still live in the revision the launch found its block in
    REPUBLISHED = 2  # live, in another revision: read the body again


@dataclass
class Launch:
    lesson_id: int
    block_id: str
    content_id: int
    lesson_state: int
    unexpired: bool


@dataclass
class Lookup:
    """What is already stored about a batch of statements."""

    # statement id → (hash, owner id, trusted)
    stored: dict = field(default_factory=dict)
    contents: set = field(default_factory=set)
    lessons: set = field(default_factory=set)
    last_attempts: dict = field(default_factory=dict)  # (lesson, block) → LastAttempt
    launches: dict = field(default_factory=dict)  # the user's, by id → Launch


@cache
def _lookup_parts():
    statement = _quote(XapiStatement._meta.db_table)
    s_id = _column(XapiStatement, "statement_id")
    s_hash = _column(XapiStatement, "content_hash")
    s_user = _column(XapiStatement, "user")
    s_trusted = _column(XapiStatement, "trusted")
    content = _quote(H5PContent._meta.db_table)
    c_id = _quote(H5PContent._meta.pk.column)
    lesson = _quote(LessonPage._meta.db_table)
    l_id = _quote(LessonPage._meta.pk.column)
    attempt = _quote(H5PAttempt._meta.db_table)
    a_id = _quote(H5PAttempt._meta.pk.column)
    user, page, block, number, finished = (
        _column(H5PAttempt, name)
        for name in ("user", "lesson", "block_id", "number", "finished_at")
    )
    same_block = " AND ".join(f"o.{c} = t.{c}" for c in (user, page, block))
    return {
        # The first branch fixes each column's type for PostgreSQL's UNION.
        "s": (
            f"SELECT 's', {s_id}, {s_hash}, {s_user}, CAST(NULL AS BIGINT), "
            f"CAST(NULL AS BIGINT), {s_trusted} "
            f"FROM {statement} WHERE {s_id} IN ({{}})"
        ),
        "r": _launch_part(),
        "c": (
            f"SELECT 'c', NULL, NULL, {c_id}, NULL, NULL, NULL "
            f"FROM {content} WHERE {c_id} IN ({{}})"
        ),
        "l": (
            f"SELECT 'l', NULL, NULL, {l_id}, NULL, NULL, NULL "
            f"FROM {lesson} WHERE {l_id} IN ({{}})"
        ),
        # The learner's last attempt on each block: its number and whether it
        # is still open.
        "a": (
            f"SELECT 'a', NULL, t.{block}, t.{page}, t.{a_id}, t.{number}, "
            f"t.{finished} IS NULL FROM {attempt} t "
            f"WHERE t.{user} = %s AND t.{page} IN ({{}}) AND t.{block} IN ({{}}) "
            f"AND t.{number} = "
            f"(SELECT MAX(o.{number}) FROM {attempt} o WHERE {same_block})"
        ),
    }


def _launch_part():
    """The user's launches among those named, with their lesson's state and
    whether they are unexpired (compared with the time passed as parameter)."""
    launch = _quote(H5PLaunch._meta.db_table)
    l_id = _quote(H5PLaunch._meta.pk.column)
    l_user, l_lesson, l_block, l_content, l_revision, l_expires = (
        _column(H5PLaunch, name)
        for name in (
            "user",
            "lesson",
            "block_id",
            "content",
            "lesson_revision",
            "expires_at",
        )
    )
    page = _quote(Page._meta.db_table)
    p_id, p_live, p_revision = (
        _quote(Page._meta.get_field(name).column)
        for name in ("id", "live", "live_revision")
    )
    same_revision = (
        f"(r.{l_revision} = p.{p_revision} "
        f"OR (r.{l_revision} IS NULL AND p.{p_revision} IS NULL))"
    )
    return (
        f"SELECT 'r', r.{l_id}, r.{l_block}, r.{l_lesson}, r.{l_content}, "
        f"CASE WHEN NOT p.{p_live} THEN {LessonState.UNPUBLISHED} "
        f"WHEN {same_revision} THEN {LessonState.SAME_REVISION} "
        f"ELSE {LessonState.REPUBLISHED} END, r.{l_expires} > %s "
        f"FROM {launch} r JOIN {page} p ON p.{p_id} = r.{l_lesson} "
        f"WHERE r.{l_user} = %s AND r.{l_id} IN ({{}})"
    )


def lookup(
    *, user_id, statement_ids, content_ids, lesson_ids, block_ids, launch_ids=()
) -> Lookup:
    """One round trip: which statement ids are stored (with their hash,
    owner and whether they were trusted), which contents and lessons exist,
    the learner's last attempt on each (lesson, block) asked about, and which
    of the launches named are the learner's."""
    parts = _lookup_parts()
    uuid_field = XapiStatement._meta.get_field("statement_id")
    statement_ids = list(statement_ids)
    if not statement_ids:
        return Lookup()
    sql = [parts["s"].format(_marks(len(statement_ids)))]
    params = [
        uuid_field.get_db_prep_value(value, connection) for value in statement_ids
    ]
    if content_ids:
        sql.append(parts["c"].format(_marks(len(content_ids))))
        params.extend(content_ids)
    if lesson_ids:
        sql.append(parts["l"].format(_marks(len(lesson_ids))))
        params.extend(lesson_ids)
    if lesson_ids and block_ids:
        sql.append(parts["a"].format(_marks(len(lesson_ids)), _marks(len(block_ids))))
        params.extend([user_id, *lesson_ids, *block_ids])
    launch_ids = list(launch_ids)
    if launch_ids:
        expires = H5PLaunch._meta.get_field("expires_at")
        sql.append(parts["r"].format(_marks(len(launch_ids))))
        params.append(expires.get_db_prep_value(timezone.now(), connection))
        params.append(user_id)
        params.extend(uuid_field.get_db_prep_value(v, connection) for v in launch_ids)
    found = Lookup()
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(sql), params)
        for kind, an_id, text, number, pk, attempt_number, flag in cursor:
            if kind == "s":
                found.stored[uuid_field.to_python(an_id)] = (text, number, bool(flag))
            elif kind == "r":
                found.launches[uuid_field.to_python(an_id)] = Launch(
                    lesson_id=number,
                    block_id=text,
                    content_id=pk,
                    lesson_state=attempt_number,
                    unexpired=bool(flag),
                )
            elif kind == "c":
                found.contents.add(number)
            elif kind == "l":
                found.lessons.add(number)
            else:
                found.last_attempts[(number, text)] = LastAttempt(
                    id=pk, number=attempt_number, open=bool(flag)
                )
    return found


@cache
def _insert_parts():
    fields = [
        f
        for f in XapiStatement._meta.concrete_fields
        if not f.primary_key and f.attname != "stored"
    ]
    stored = XapiStatement._meta.get_field("stored")
    columns = ", ".join(_quote(f.column) for f in [*fields, stored])
    sql = f"INSERT INTO {_quote(XapiStatement._meta.db_table)} ({columns}) VALUES "
    return sql, fields, stored, len(fields) + 1


def statements_insert(rows: list[dict]):
    """Insert statements given as ``{attname: value}`` (``stored`` is now)."""
    sql, fields, stored, width = _insert_parts()
    now = stored.get_db_prep_save(timezone.now(), connection)
    size = max(1, connection.ops.bulk_batch_size([*fields, stored], rows))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            params = []
            for row in chunk:
                params.extend(
                    f.get_db_prep_save(row[f.attname], connection) for f in fields
                )
                params.append(now)
            row_marks = f"({_marks(width)})"
            cursor.execute(sql + ", ".join([row_marks] * len(chunk)), params)


CLOSING_FIELDS = (
    "finished_at",
    "completed",
    "success",
    "score_raw",
    "score_max",
    "score_scaled",
    "duration_seconds",
)


@cache
def _close_sql():
    assignments = ", ".join(
        f"{_column(H5PAttempt, name)} = %s" for name in CLOSING_FIELDS
    )
    finished = _column(H5PAttempt, "finished_at")
    return (
        f"UPDATE {_quote(H5PAttempt._meta.db_table)} SET {assignments} "
        f"WHERE {_quote(H5PAttempt._meta.pk.column)} = %s AND {finished} IS NULL"
    )


def attempt_close(attempt: H5PAttempt) -> bool:
    """Write a closed attempt's result; False if another request closed it
    first (the caller starts again and files the statement into a new one)."""
    params = [
        H5PAttempt._meta.get_field(name).get_db_prep_save(
            getattr(attempt, name), connection
        )
        for name in CLOSING_FIELDS
    ]
    with connection.cursor() as cursor:
        cursor.execute(_close_sql(), [*params, attempt.pk])
        return cursor.rowcount == 1


# pg_advisory_xact_lock's first key: the namespace of the learners' attempts.
ATTEMPTS_LOCK = zlib.crc32(b"learners.H5PAttempt") & 0x7FFFFFFF


def attempts_lock(*, user_id):
    """On PostgreSQL, hold the learner's attempts until the transaction ends,
    so that requests that may open or close attempts run one after the other
    and each reads what the previous one wrote. SQLite lets one writer in at a
    time already."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(%s, %s)",
            [ATTEMPTS_LOCK, user_id & 0x7FFFFFFF],
        )
