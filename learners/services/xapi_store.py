"""The xAPI ingest hot path in plain SQL.

Every H5P answer reaches the server as one request, so this path runs more
than any other. Through the ORM each of its queries cost about 0.4 ms of
Python to compile, more than PostgreSQL took to run it, and the ORM needed
five of them; ``bench/xapi_ingest.py`` measured the difference. Here the same
work is two statements (one read, one insert) plus, when an attempt closes,
one update. They are written once against the models' own table and column
names and run unchanged on SQLite and PostgreSQL; values go through each
field's ``get_db_prep_save``/``get_db_prep_value`` exactly as the ORM would
send them, and come back through ``to_python``.
"""

from dataclasses import dataclass, field
from functools import cache

from django.db import connection
from django.utils import timezone

from courses.models import H5PContent, LessonPage
from learners.models import H5PAttempt, XapiStatement


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


@dataclass
class Lookup:
    """What is already stored about a batch of statements."""

    stored: dict = field(default_factory=dict)  # statement id → (hash, owner id)
    contents: set = field(default_factory=set)
    lessons: set = field(default_factory=set)
    last_attempts: dict = field(default_factory=dict)  # (lesson, block) → LastAttempt


@cache
def _lookup_parts():
    statement = _quote(XapiStatement._meta.db_table)
    s_id = _column(XapiStatement, "statement_id")
    s_hash = _column(XapiStatement, "content_hash")
    s_user = _column(XapiStatement, "user")
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
            f"CAST(NULL AS BIGINT), CAST(NULL AS BOOLEAN) "
            f"FROM {statement} WHERE {s_id} IN ({{}})"
        ),
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


def lookup(*, user_id, statement_ids, content_ids, lesson_ids, block_ids) -> Lookup:
    """One round trip: which statement ids are stored (with their hash and
    owner), which contents and lessons exist, and the learner's last attempt
    on each (lesson, block) asked about."""
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
    found = Lookup()
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(sql), params)
        for kind, statement_id, text, number, pk, attempt_number, open_ in cursor:
            if kind == "s":
                found.stored[uuid_field.to_python(statement_id)] = (text, number)
            elif kind == "c":
                found.contents.add(number)
            elif kind == "l":
                found.lessons.add(number)
            else:
                found.last_attempts[(number, text)] = LastAttempt(
                    id=pk, number=attempt_number, open=bool(open_)
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
