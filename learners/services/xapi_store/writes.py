"""The ingest's writes (``Writes``): new attempts, closed attempts, block
results and statements, sent together."""

from functools import cache, lru_cache

from django.db import connection
from django.utils import timezone

from learners.models import H5PAttempt, H5PBlockResult, XapiStatement
from learners.services.xapi_store.db import default_db, execute, multi_statements
from learners.sql import column, marks, pk, quote, table

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
    where = " AND ".join(f"k.{column(H5PAttempt, name)} = %s" for name in ATTEMPT_KEY)
    return f"(SELECT k.{pk(H5PAttempt)} FROM {table(H5PAttempt)} k WHERE {where})"


@lru_cache(maxsize=64)
def insert_sql(rows) -> str:
    """The insert of ``rows`` statements."""
    fields, attempt, stored = _insert_fields()
    columns = ", ".join(quote(f.column) for f in [*fields, attempt, stored])
    row = f"({marks(len(fields))}, {_attempt_by_key()}, %s)"
    values = ", ".join([row] * rows)
    return f"INSERT INTO {table(XapiStatement)} ({columns}) VALUES {values}"


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
    db = default_db()
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
    assignments = ", ".join(f"{column(model, name)} = %s" for name in fields)
    return f"UPDATE {table(model)} SET {assignments} WHERE {pk(model)} = %s AND {guard}"


@cache
def close_sql() -> str:
    finished = column(H5PAttempt, "finished_at")
    return _guarded_update_sql(H5PAttempt, CLOSING_FIELDS, f"{finished} IS NULL")


def _save_params(obj, names):
    meta, db = obj._meta, default_db()
    return [
        meta.get_field(name).get_db_prep_save(getattr(obj, name), db) for name in names
    ]


RESULT_FIELDS = H5PBlockResult.SUMMARY_FIELDS


@cache
def result_update_sql() -> str:
    closed = column(H5PBlockResult, "closed_attempts")
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
    columns = ", ".join(quote(f.column) for f in fields)
    values = ", ".join([f"({marks(len(fields))})"] * rows)
    return f"INSERT INTO {table(model)} ({columns}) VALUES {values}"


@cache
def _model_insert_fields(model):
    return [f for f in model._meta.concrete_fields if not f.primary_key]


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
        fields, db = _model_insert_fields(model), default_db()
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
            if multi_statements() and len(parts) > 1:
                execute(
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
                execute(cursor, sql, params)
                if guarded and cursor.rowcount != 1:
                    return False
        return True
