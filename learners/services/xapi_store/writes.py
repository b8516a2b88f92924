"""The xAPI ingest hot path in plain SQL.

Every H5P answer reaches the server as one request, so this path runs more
than any other. Through the ORM each of its queries cost about 0.4 ms of
Python to compile, more than PostgreSQL took to run it, and the ORM needed
five of them; ``bench/xapi_ingest.py`` measured the difference. Here the same
work is one read (which also reads the launches the statements name and the
lessons' live revisions), preceded, when an attempt may change, by a lock on
PostgreSQL, then the writes (``Writes``: new attempts, closed attempts, block
results, statements). On PostgreSQL the lock goes with the read and the
writes go together: two round trips inside the transaction. Each statement
is built in one layer of f-strings from the models' own table and column
names, once per shape (how many ids of each kind), and runs on SQLite and
PostgreSQL alike (only the database types of the first branch's NULLs
differ; the snapshots in ``tests/learners/snapshots/`` show both). Values go
through each field's ``get_db_prep_save``/``get_db_prep_value`` exactly as
the ORM would send them (on PostgreSQL merged into the query by psycopg's own
``as_literal``, see ``_execute``), and come back through ``to_python``; the
read's rows are unpacked into ``LookupRow``, whose columns each mean one
thing.
"""

import zlib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.db.models import Q
from django.utils import timezone
from psycopg.adapt import Transformer
from wagtail.models import Page

from courses.models import H5PContent, LessonPage
from learners.models import (
    H5PAttempt,
    H5PBlockResult,
    H5PLaunch,
    LessonCompletion,
    XapiStatement,
)


@lru_cache(maxsize=256)
def _pieces(sql: str) -> tuple[bytes, ...]:
    """``sql`` cut at its ``%s`` placeholders (the only ``%`` it holds)."""
    return tuple(piece.encode() for piece in sql.split("%s"))


def _execute(cursor, sql: str, params):
    """``cursor.execute(sql, params)``; on PostgreSQL with client-side
    binding, the values are merged here into the query, split once per
    shape. psycopg merges them the same way (``as_literal``), but parses
    again any query longer than 4096 characters or with more than 50
    values: for a batch of 50 statements that parse cost more than the rest
    of the ingest."""
    if not _multi_statements():
        cursor.execute(sql, params)
        return
    pieces = _pieces(sql)
    if len(pieces) != len(params) + 1:
        raise ValueError(f"{len(params)} values for {len(pieces) - 1} placeholders")
    literal = Transformer.from_context(cursor.cursor).as_literal
    merged = [pieces[0]]
    for value, piece in zip(params, pieces[1:], strict=True):
        merged.append(b"NULL" if value is None else literal(value))
        merged.append(piece)
    cursor.execute(b"".join(merged))


def _db():
    """The default connection itself: ``connection`` is a proxy, and each
    attribute read through it costs a lookup of the thread's connection."""
    return connections[DEFAULT_DB_ALIAS]


def _quote(name):
    return connection.ops.quote_name(name)


def _marks(count):
    return ", ".join(["%s"] * count)


def _table(model):
    return _quote(model._meta.db_table)


def _column(model, name):
    return _quote(model._meta.get_field(name).column)


def _pk(model):
    return _quote(model._meta.pk.column)


class LessonState:
    """Where a launch's lesson stands now (``LookupRow.lesson_state``)."""

    UNPUBLISHED = 0
    SAME_REVISION = 1  # still live in the revision the launch found its block in
    REPUBLISHED = 2  # live, in another revision: read the body again


class LookupRow(NamedTuple):
    """A row of ``lookup``'s query. ``kind`` names its branch, which fills
    only its own columns (the others are NULL); a column means one thing in
    every branch."""

    kind: str  # s: a stored statement, c: a content, l: a lesson,
    # a: the learner's last attempt on a block, d: a lesson they completed,
    # r: one of their launches, b: their result on a block
    statement_id: object  # s
    content_hash: str | None  # s
    owner_id: int | None  # s: who sent the stored statement
    trusted: bool | None  # s
    launch_id: object  # r
    content_id: int | None  # c, r
    lesson_id: int | None  # l, a, d, r, b
    live_revision: int | None  # l: the lesson's live revision (None if not live)
    block_id: str | None  # a, r, b
    attempt_id: int | None  # a
    attempt_number: int | None  # a
    attempt_open: bool | None  # a
    lesson_state: int | None  # r: a LessonState
    unexpired: bool | None  # r
    result_id: int | None  # b, then the H5PBlockResult's counts and scores
    result_closed: int | None
    result_completed: int | None
    score_sum: float | None
    score_best: float | None
    score_first: float | None
    score_last: float | None


class StoredStatement(NamedTuple):
    content_hash: str
    owner_id: int
    trusted: bool


class LastAttempt(NamedTuple):
    id: int
    number: int
    open: bool


class Launch(NamedTuple):
    lesson_id: int
    block_id: str
    content_id: int
    lesson_state: int
    unexpired: bool


@dataclass
class Lookup:
    """What is already stored about a batch of statements."""

    stored: dict = field(default_factory=dict)  # statement id → StoredStatement
    contents: set = field(default_factory=set)
    lessons: set = field(default_factory=set)
    live_revisions: dict = field(default_factory=dict)  # lesson → its live revision
    last_attempts: dict = field(default_factory=dict)  # (lesson, block) → LastAttempt
    lessons_done: set = field(default_factory=set)  # completed by the learner
    launches: dict = field(default_factory=dict)  # the user's, by id → Launch
    results: dict = field(default_factory=dict)  # (lesson, block) → H5PBlockResult


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

    columns = [f"'{kind}'", *(values.get(n) or null(n) for n in LookupRow._fields[1:])]
    if first:
        columns = [
            f"{c} AS {n}" for c, n in zip(columns, LookupRow._fields, strict=True)
        ]
    return f"SELECT {', '.join(columns)} FROM {source}"


def _stored_statements(count):
    s_id = _column(XapiStatement, "statement_id")
    return _branch(
        "s",
        f"{_table(XapiStatement)} s WHERE s.{s_id} IN ({_marks(count)})",
        first=True,
        statement_id=f"s.{s_id}",
        content_hash=f"s.{_column(XapiStatement, 'content_hash')}",
        owner_id=f"s.{_column(XapiStatement, 'user')}",
        trusted=f"s.{_column(XapiStatement, 'trusted')}",
    )


def _existing(kind, model, count, column):
    pk = _pk(model)
    return _branch(
        kind,
        f"{_table(model)} x WHERE x.{pk} IN ({_marks(count)})",
        **{column: f"x.{pk}"},
    )


def _lessons(count):
    """The lessons among those named, with their live revision: the rules of
    their exercises are known by it (``xapi._lesson_rules``)."""
    pk = _pk(LessonPage)
    p_id, p_revision = (_column(Page, name) for name in ("id", "live_revision"))
    return _branch(
        "l",
        f"{_table(LessonPage)} x JOIN {_table(Page)} p ON p.{p_id} = x.{pk} "
        f"WHERE x.{pk} IN ({_marks(count)})",
        lesson_id=f"x.{pk}",
        live_revision=f"p.{p_revision}",
    )


def _last_attempt(table, user, lesson, block, number, finished):
    """The learner's last attempt on one (lesson, block): its number and
    whether it is still open. The ``MAX`` is not correlated to the outer row,
    so both it and the outer read are one probe of the unique index on
    (user, lesson, block, number), however many attempts came before."""

    def same_block(alias):
        return f"{alias}.{user} = %s AND {alias}.{lesson} = %s AND {alias}.{block} = %s"

    return _branch(
        "a",
        f"{table} t WHERE {same_block('t')} AND t.{number} = "
        f"(SELECT MAX(o.{number}) FROM {table} o WHERE {same_block('o')})",
        lesson_id=f"t.{lesson}",
        block_id=f"t.{block}",
        attempt_id=f"t.{_pk(H5PAttempt)}",
        attempt_number=f"t.{number}",
        attempt_open=f"t.{finished} IS NULL",
    )


def _last_attempts(pairs):
    """One branch per (lesson, block) asked about (see ``_last_attempt``)."""
    table = _table(H5PAttempt)
    columns = [
        _column(H5PAttempt, name)
        for name in ("user", "lesson", "block_id", "number", "finished_at")
    ]
    return [_last_attempt(table, *columns)] * pairs


# LookupRow's columns of a "b" row → H5PBlockResult's fields.
RESULT_COLUMNS = {
    "result_id": "id",
    "result_closed": "closed_attempts",
    "result_completed": "completed_attempts",
    "score_sum": "score_sum",
    "score_best": "score_best",
    "score_first": "score_first",
    "score_last": "score_last",
}


def _results(lessons, blocks):
    """The learner's result rows on the blocks asked about (one probe of
    their unique index each): what a closing attempt adds to."""
    user, lesson, block = (
        _column(H5PBlockResult, name) for name in ("user", "lesson", "block_id")
    )
    return _branch(
        "b",
        f"{_table(H5PBlockResult)} b WHERE b.{user} = %s "
        f"AND b.{lesson} IN ({_marks(lessons)}) AND b.{block} IN ({_marks(blocks)})",
        lesson_id=f"b.{lesson}",
        block_id=f"b.{block}",
        **{
            name: f"b.{_column(H5PBlockResult, attname)}"
            for name, attname in RESULT_COLUMNS.items()
        },
    )


def _lessons_done(count):
    """Which of the lessons asked about the learner has completed already:
    a closing result then needs no lesson check."""
    table, user, lesson = (
        _table(LessonCompletion),
        _column(LessonCompletion, "user"),
        _column(LessonCompletion, "lesson"),
    )
    return _branch(
        "d",
        f"{table} d WHERE d.{user} = %s AND d.{lesson} IN ({_marks(count)})",
        lesson_id=f"d.{lesson}",
    )


def _launches(count):
    """The user's launches among those named, with their lesson's state and
    whether they are unexpired (compared with the time passed as parameter)."""
    user, lesson, revision, expires = (
        _column(H5PLaunch, name)
        for name in ("user", "lesson", "lesson_revision", "expires_at")
    )
    p_id, p_live, p_revision = (
        _column(Page, name) for name in ("id", "live", "live_revision")
    )
    same_revision = (
        f"(r.{revision} = p.{p_revision} "
        f"OR (r.{revision} IS NULL AND p.{p_revision} IS NULL))"
    )
    return _branch(
        "r",
        f"{_table(H5PLaunch)} r JOIN {_table(Page)} p ON p.{p_id} = r.{lesson} "
        f"WHERE r.{user} = %s AND r.{_pk(H5PLaunch)} IN ({_marks(count)})",
        launch_id=f"r.{_pk(H5PLaunch)}",
        content_id=f"r.{_column(H5PLaunch, 'content')}",
        lesson_id=f"r.{lesson}",
        block_id=f"r.{_column(H5PLaunch, 'block_id')}",
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


def lookup(
    *,
    user_id,
    statement_ids,
    content_ids,
    lesson_ids,
    block_ids,
    launch_ids=(),
    lock=False,
) -> Lookup:
    """One round trip: which statement ids are stored (with their hash,
    owner and whether they were trusted), which contents and lessons exist,
    the learner's last attempt and result on each (lesson, block) asked
    about, which of those lessons they completed, and which of the launches
    named are theirs. With ``lock``, the learner's attempts are locked first
    (``attempts_lock``), in the same round trip on PostgreSQL."""
    statement_ids, launch_ids = list(statement_ids), list(launch_ids)
    if not statement_ids:
        if lock:
            attempts_lock(user_id=user_id)
        return Lookup()
    statement_id = XapiStatement._meta.get_field("statement_id")
    launch_id = H5PLaunch._meta.pk
    db = _db()
    params = [statement_id.get_db_prep_value(v, db) for v in statement_ids]
    params += [*content_ids, *lesson_ids]
    if lesson_ids and block_ids:
        for lesson_id in lesson_ids:
            for block_id in block_ids:
                params += [user_id, lesson_id, block_id] * 2
        params += [user_id, *lesson_ids, *block_ids]
    else:
        block_ids = ()
    if lesson_ids:
        params += [user_id, *lesson_ids]
    if launch_ids:
        expires = H5PLaunch._meta.get_field("expires_at")
        params.append(expires.get_db_prep_value(timezone.now(), db))
        params.append(user_id)
        params += [launch_id.get_db_prep_value(v, db) for v in launch_ids]
    sql = lookup_sql(
        len(statement_ids),
        len(content_ids),
        len(lesson_ids),
        len(block_ids),
        len(launch_ids),
    )
    locked = lock and connection.vendor == "postgresql"
    if locked:
        # Two statements, each with its own snapshot: the lookup sees what
        # the request that held the lock before committed.
        sql, params = f"{LOCK_SQL}; {sql}", [*_lock_params(user_id), *params]
    with connection.cursor() as cursor:
        _execute(cursor, sql, params)
        if locked:
            cursor.nextset()
        return _found(
            map(LookupRow._make, cursor.fetchall()), statement_id, launch_id, user_id
        )


def _found(rows, statement_id, launch_id, user_id) -> Lookup:
    found = Lookup()
    for row in rows:
        if row.kind == "s":
            found.stored[statement_id.to_python(row.statement_id)] = StoredStatement(
                row.content_hash, row.owner_id, bool(row.trusted)
            )
        elif row.kind == "c":
            found.contents.add(row.content_id)
        elif row.kind == "l":
            found.lessons.add(row.lesson_id)
            found.live_revisions[row.lesson_id] = row.live_revision
        elif row.kind == "d":
            found.lessons_done.add(row.lesson_id)
        elif row.kind == "a":
            found.last_attempts[row.lesson_id, row.block_id] = LastAttempt(
                row.attempt_id, row.attempt_number, bool(row.attempt_open)
            )
        elif row.kind == "b":
            found.results[row.lesson_id, row.block_id] = _result(row, user_id)
        else:
            found.launches[launch_id.to_python(row.launch_id)] = Launch(
                row.lesson_id,
                row.block_id,
                row.content_id,
                row.lesson_state,
                bool(row.unexpired),
            )
    return found


def _result(row: LookupRow, user_id) -> H5PBlockResult:
    """The stored row, which remembers how many closed attempts it counted
    when read (``results_save`` writes it back only if that is still so)."""
    result = H5PBlockResult(
        **{attname: getattr(row, name) for name, attname in RESULT_COLUMNS.items()},
        user_id=user_id,
        lesson_id=row.lesson_id,
        block_id=row.block_id,
    )
    result._state.adding = False
    result.read_closed = result.closed_attempts
    return result


# The statement's attempt, found by its unique (user, lesson, block, number):
# an attempt inserted by the same batch of writes has no id in Python yet.
ATTEMPT_KEY = ("user", "lesson", "block_id", "number")


@cache
def _insert_fields():
    """The columns an insert fills, ``attempt`` (as a subquery, see
    ``ATTEMPT_KEY``) then ``stored`` (set to now) last."""
    fields = [
        f
        for f in XapiStatement._meta.concrete_fields
        if not f.primary_key and f.attname not in ("stored", "attempt_id")
    ]
    return (
        fields,
        XapiStatement._meta.get_field("attempt"),
        XapiStatement._meta.get_field("stored"),
    )


@cache
def _attempt_by_key() -> str:
    where = " AND ".join(f"k.{_column(H5PAttempt, name)} = %s" for name in ATTEMPT_KEY)
    return f"(SELECT k.{_pk(H5PAttempt)} FROM {_table(H5PAttempt)} k WHERE {where})"


@lru_cache(maxsize=64)
def insert_sql(rows) -> str:
    """The insert of ``rows`` statements."""
    fields, attempt, stored = _insert_fields()
    columns = ", ".join(_quote(f.column) for f in [*fields, attempt, stored])
    row = f"({_marks(len(fields))}, {_attempt_by_key()}, %s)"
    values = ", ".join([row] * rows)
    return f"INSERT INTO {_table(XapiStatement)} ({columns}) VALUES {values}"


def _chunks(rows, params_per_row):
    """``rows`` in slices small enough for the database's parameter limit."""
    limit = connection.features.max_query_params
    size = max(1, limit // params_per_row) if limit else max(1, len(rows))
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _statements_params(rows: list[dict], attempts: list) -> list:
    """The parameters of ``insert_sql(len(rows))``: ``attempts[i]`` is row
    i's attempt (an ``H5PAttempt`` with its key set) or None."""
    fields, _attempt, stored = _insert_fields()
    db = _db()
    now = stored.get_db_prep_save(timezone.now(), db)
    prepared = [(f.attname, f.get_db_prep_save) for f in fields]
    params = []
    for row, attempt in zip(rows, attempts, strict=True):
        params.extend(prep(row[name], db) for name, prep in prepared)
        if attempt is None:
            params += [None] * len(ATTEMPT_KEY)
        else:
            params += [
                attempt.user_id,
                attempt.lesson_id,
                attempt.block_id,
                attempt.number,
            ]
        params.append(now)
    return params


def statements_insert(rows: list[dict], attempts=None):
    """Insert statements given as ``{attname: value}`` (``stored`` is now),
    each filed into its attempt of ``attempts`` (see ``Writes.statements``)."""
    writes = Writes()
    writes.statements(rows, attempts or [None] * len(rows))
    writes.run()


CLOSING_FIELDS = (
    "finished_at",
    "completed",
    "success",
    "score_raw",
    "score_max",
    "score_scaled",
    "duration_seconds",
)


def _guarded_update_sql(model, fields, guard: str) -> str:
    """UPDATE of ``fields`` of one row (its pk the parameter after theirs),
    only while ``guard`` holds: 0 rows when another request changed it."""
    assignments = ", ".join(f"{_column(model, name)} = %s" for name in fields)
    return (
        f"UPDATE {_table(model)} SET {assignments} WHERE {_pk(model)} = %s AND {guard}"
    )


@cache
def close_sql() -> str:
    finished = _column(H5PAttempt, "finished_at")
    return _guarded_update_sql(H5PAttempt, CLOSING_FIELDS, f"{finished} IS NULL")


def _save_params(obj, names):
    meta, db = obj._meta, _db()
    return [
        meta.get_field(name).get_db_prep_save(getattr(obj, name), db) for name in names
    ]


def attempt_close(attempt: H5PAttempt) -> bool:
    """Write a closed attempt's result; False if another request closed it
    first (the caller starts again and files the statement into a new one)."""
    writes = Writes()
    writes.attempts_close([attempt])
    return writes.run()


RESULT_FIELDS = H5PBlockResult.SUMMARY_FIELDS


@cache
def result_update_sql() -> str:
    closed = _column(H5PBlockResult, "closed_attempts")
    return _guarded_update_sql(H5PBlockResult, RESULT_FIELDS, f"{closed} = %s")


def results_save(results) -> bool:
    """Write the learner's block results changed in memory: new ones are
    inserted (the unique (user, lesson, block) turns a concurrent twin into an
    IntegrityError), a stored one is updated only if it still counts the
    closed attempts it was read with. False if another request changed one first (the
    caller starts again)."""
    writes = Writes()
    writes.results(results)
    return writes.run()


@lru_cache(maxsize=64)
def _model_insert_sql(model, rows) -> str:
    """INSERT of ``rows`` rows of ``model``, every concrete field but the pk."""
    fields = _model_insert_fields(model)
    columns = ", ".join(_quote(f.column) for f in fields)
    values = ", ".join([f"({_marks(len(fields))})"] * rows)
    return f"INSERT INTO {_table(model)} ({columns}) VALUES {values}"


@cache
def _model_insert_fields(model):
    return [f for f in model._meta.concrete_fields if not f.primary_key]


def _multi_statements() -> bool:
    """Whether one ``execute`` may carry several statements: on PostgreSQL
    with psycopg's client-side binding (Django's default), which sends them
    in the simple query protocol."""
    return connection.vendor == "postgresql" and not connection.settings_dict.get(
        "OPTIONS", {}
    ).get("server_side_binding")


class Writes:
    """The writes of a request, sent together: on PostgreSQL as one
    ``execute`` of several statements (one round trip), elsewhere one after
    the other; in the order added, which is the order they must run in (new
    attempts, closed attempts, block results, statements). ``run()`` is
    False when a guarded UPDATE changed no row (another request changed it
    first: the caller rolls back and starts again); a unique constraint
    raises ``IntegrityError`` as the ORM's insert would."""

    def __init__(self):
        self._parts = []  # (sql, params, guarded)

    def _add(self, sql, params, *, guarded=False):
        self._parts.append((sql, params, guarded))

    def _insert(self, model, objs):
        fields, db = _model_insert_fields(model), _db()
        for chunk in _chunks(objs, len(fields)):
            params = []
            for obj in chunk:
                params.extend(
                    f.get_db_prep_save(f.pre_save(obj, True), db) for f in fields
                )
            self._add(_model_insert_sql(model, len(chunk)), params)

    def attempts_insert(self, attempts: list[H5PAttempt]):
        """New attempts; statements find them by ``ATTEMPT_KEY``."""
        if attempts:
            self._insert(H5PAttempt, attempts)

    def attempts_close(self, attempts: list[H5PAttempt]):
        """Closed attempts' results, each written only if still open."""
        for attempt in attempts:
            params = _save_params(attempt, CLOSING_FIELDS)
            self._add(close_sql(), [*params, attempt.pk], guarded=True)

    def results(self, results: list[H5PBlockResult]):
        """See ``results_save``."""
        new = [r for r in results if r._state.adding]
        if new:
            self._insert(H5PBlockResult, new)
        for result in results:
            if not result._state.adding:
                params = _save_params(result, RESULT_FIELDS)
                self._add(
                    result_update_sql(),
                    [*params, result.pk, result.read_closed],
                    guarded=True,
                )

    def statements(self, rows: list[dict], attempts: list):
        """Statements as ``{attname: value}`` (their ``attempt_id`` unused),
        ``attempts[i]`` the attempt row i is filed into, or None."""
        fields, _attempt, _stored = _insert_fields()
        per_row = len(fields) + len(ATTEMPT_KEY) + 1
        pairs = list(zip(rows, attempts, strict=True))
        for chunk in _chunks(pairs, per_row):
            chunk_rows, chunk_attempts = zip(*chunk, strict=True)
            self._add(
                insert_sql(len(chunk)),
                _statements_params(list(chunk_rows), list(chunk_attempts)),
            )

    def run(self) -> bool:
        parts, self._parts = self._parts, []
        if not parts:
            return True
        with connection.cursor() as cursor:
            if _multi_statements() and len(parts) > 1:
                _execute(
                    cursor,
                    "; ".join(sql for sql, _params, _guarded in parts),
                    [p for _sql, params, _guarded in parts for p in params],
                )
                results_left = True
                for _sql, _params, guarded in parts:
                    if not results_left:
                        raise RuntimeError("fewer results than statements")
                    if guarded and cursor.rowcount != 1:
                        return False
                    results_left = cursor.nextset()
                return True
            for sql, params, guarded in parts:
                _execute(cursor, sql, params)
                if guarded and cursor.rowcount != 1:
                    return False
        return True


def result_from_attempts(*, user_id, lesson_id, block_id) -> H5PBlockResult:
    """A block's result summed up from its closed attempts, oldest first: for
    a block whose attempts were written without one (not by the ingest), so
    that the next closing attempt does not start from nothing."""
    result = H5PBlockResult(user_id=user_id, lesson_id=lesson_id, block_id=block_id)
    attempts = H5PAttempt.objects.filter(
        Q(finished_at__isnull=False) | Q(completed=True),
        user_id=user_id,
        lesson_id=lesson_id,
        block_id=block_id,
    ).order_by("number")
    for completed, scaled in attempts.values_list("completed", "score_scaled"):
        result.close_attempt(completed=completed, score_scaled=scaled)
    return result


# pg_advisory_xact_lock's first key: the namespace of the learners' attempts.
ATTEMPTS_LOCK = zlib.crc32(b"learners.H5PAttempt") & 0x7FFFFFFF
LOCK_SQL = "SELECT pg_advisory_xact_lock(%s, %s)"


def _lock_params(user_id):
    return [ATTEMPTS_LOCK, user_id & 0x7FFFFFFF]


def attempts_lock(*, user_id):
    """On PostgreSQL, hold the learner's attempts until the transaction ends,
    so that requests that may open or close attempts run one after the other
    and each reads what the previous one wrote. SQLite lets one writer in at a
    time already."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(LOCK_SQL, _lock_params(user_id))
