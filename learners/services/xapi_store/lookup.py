"""What is already stored about a batch of statements, read in one round
trip (``lookup``)."""

from django.utils import timezone

from learners.models import H5PBlockResult, H5PLaunch, XapiStatement
from learners.services.xapi_store.attempts import attempts_lock
from learners.services.xapi_store.db import default_db, prepared_cursor
from learners.services.xapi_store.lookup_sql import lookup_sql
from learners.services.xapi_store.rows import (
    RESULT_COLUMNS,
    LastAttempt,
    Launch,
    Lookup,
    LookupRow,
    StoredStatement,
)


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
    (``attempts_lock``)."""
    statement_ids, launch_ids = list(statement_ids), list(launch_ids)
    if not statement_ids:
        if lock:
            attempts_lock(user_id=user_id)
        return Lookup()
    statement_id = XapiStatement._meta.get_field("statement_id")
    launch_id = H5PLaunch._meta.pk
    db = default_db()
    params = [statement_id.get_db_prep_value(v, db) for v in statement_ids]
    params += [*content_ids, *lesson_ids]
    if lesson_ids and block_ids:
        for lesson_id in lesson_ids:
            for block_id in block_ids:
                params += [user_id, lesson_id, block_id]
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
    if lock:
        # A statement of its own, before the lookup, which takes its snapshot
        # once the lock is held: it sees what the request that held the lock
        # before committed.
        attempts_lock(user_id=user_id)
    with prepared_cursor() as cursor:
        cursor.execute(sql, params)
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
