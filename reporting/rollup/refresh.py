"""Refreshing the rollup tables: exact, and cheap enough to run every minute.

Enrolments, path completions, certificates, registrations and learners are
compared in full with their rollup (a few hundred thousand rows at the scale of
Québec); lesson completions and xAPI statements, by far the largest tables, are
only read above a checkpoint: they are append-only facts.
"""

import time
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from learners.contracts import LESSON_COMPLETION, XAPI_STATEMENT
from reporting.models import (
    AttendanceFact,
    LearnerFact,
    LearnerPathFact,
    ParticipationTally,
    PathContent,
    RollupCheckpoint,
    RollupState,
)
from reporting.rollup import sources
from reporting.rollup.derived import derived_refresh
from reporting.rollup.tally import tally_refresh, tally_stale
from reporting.rollup.tree import path_contents_sync

# A transaction that commits later than this after its insert would be missed.
CHECKPOINT_LAG = timedelta(minutes=5)
# Celery beat refreshes every minute: older than this, it has stopped.
LATE_AFTER = timedelta(minutes=3)


def _highest_id(contract) -> int:
    return contract.model.objects.aggregate(m=Max("pk"))["m"] or 0


def _checkpoint(now) -> tuple[int, int]:
    """Record the highest ids now; return those of the checkpoint taken at
    least ``CHECKPOINT_LAG`` ago (0, 0 without one: read everything)."""
    previous = (
        RollupCheckpoint.objects.filter(taken_at__lte=now - CHECKPOINT_LAG)
        .order_by("-taken_at")
        .first()
    )
    RollupCheckpoint.objects.create(
        taken_at=now,
        lesson_completion_id=_highest_id(LESSON_COMPLETION),
        statement_id=_highest_id(XAPI_STATEMENT),
    )
    if previous is None:
        return 0, 0
    RollupCheckpoint.objects.filter(taken_at__lt=previous.taken_at).delete()
    return previous.lesson_completion_id, previous.statement_id


def _activity_sql():
    """Learners' latest activity, from the rows above the checkpoint."""
    c, x, lf = LESSON_COMPLETION, XAPI_STATEMENT, sources.LEARNER_FACT
    return (
        f"UPDATE {lf} SET last_active_at = n.at FROM ("
        "SELECT user_id, MAX(at) AS at FROM ("
        f"SELECT c.{c.user} AS user_id, c.{c.completed_at} AS at "
        f"FROM {c.table} c WHERE c.{c.pk} > %s UNION ALL "
        f"SELECT x.{x.user} AS user_id, x.{x.stored} AS at "
        f"FROM {x.table} x WHERE x.{x.pk} > %s"
        ") a GROUP BY user_id) n "
        f"WHERE n.user_id = {lf}.user_id AND "
        f"({lf}.last_active_at IS NULL OR n.at > {lf}.last_active_at)"
    )


def _started_sql():
    """Paths started earlier than recorded, from the lessons above the
    checkpoint."""
    c, pf, pc = LESSON_COMPLETION, sources.PATH_FACT, sources.PATH_CONTENT
    return (
        f"UPDATE {pf} SET started_at = n.at, dirty = TRUE FROM ("
        f"SELECT c.{c.user} AS user_id, pc.path_id, MIN(c.{c.completed_at}) AS at "
        f"FROM {c.table} c JOIN {pc} pc ON pc.page_id = c.{c.lesson} "
        f"WHERE c.{c.pk} > %s GROUP BY c.{c.user}, pc.path_id) n "
        f"WHERE n.user_id = {pf}.user_id AND n.path_id = {pf}.path_id "
        f"AND ({pf}.started_at IS NULL OR n.at < {pf}.started_at)"
    )


def _started_recompute(cursor, path_ids):
    """First-lesson dates of some paths computed again from scratch."""
    if not path_ids:
        return 0
    placeholders = ", ".join(["%s"] * len(path_ids))
    pf = sources.PATH_FACT
    cursor.execute(
        f"UPDATE {pf} SET started_at = {sources.first_lesson(pf)}, dirty = TRUE "
        f"WHERE path_id IN ({placeholders})",
        list(path_ids),
    )
    return max(cursor.rowcount, 0)


def _refresh(cursor, now, *, tallied: bool) -> bool:
    """The steps, in an order where each reads what the previous wrote.
    Returns whether the tally was recomputed: only when the facts it sums
    changed (or it never was); a tally of unchanged facts stays exact, its
    readers correct ``active`` for the time since."""
    lesson_from, statement_from = _checkpoint(now)
    full = lesson_from == 0 and statement_from == 0
    # On a full read, the incremental steps below compute what ``extra``
    # columns would: no need for one subquery per new row.
    sources.learners().run(cursor, with_extra=not full)
    cursor.execute(_activity_sql(), [lesson_from, statement_from])
    moved_paths = path_contents_sync()
    changed = sources.learner_paths().run(cursor, with_extra=not full)
    cursor.execute(_started_sql(), [lesson_from])
    changed += max(cursor.rowcount, 0)
    changed += _started_recompute(cursor, sorted(moved_paths))
    derived_refresh(cursor)  # the rows written above, already counted
    attendance, params = sources.attendance()
    changed += attendance.run(cursor, [*params, now])
    if changed or not tallied or tally_stale(cursor):
        tally_refresh(cursor, now)
        return True
    return False


def rollup_refresh(*, now=None) -> RollupState | None:
    """Bring every rollup table up to date, in one transaction. Returns the
    new state, or None when another refresh holds the lock."""
    now = now or timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        RollupState.objects.get_or_create(pk=1)
        state = RollupState.objects.select_for_update(skip_locked=True).first()
        if state is None:
            return None
        with connection.cursor() as cursor:
            if _refresh(cursor, now, tallied=state.tallied_at is not None):
                state.tallied_at = now
        state.refreshed_at = now
        state.version += 1
        state.duration_ms = round((time.perf_counter() - started) * 1000)
        state.save()
    return state


def rollup_rebuild() -> RollupState | None:
    """Empty the rollup tables and compute them again from the sources."""
    with transaction.atomic():
        for model in (
            AttendanceFact,
            LearnerPathFact,
            LearnerFact,
            PathContent,
            RollupCheckpoint,
            ParticipationTally,
        ):
            model.objects.all().delete()
        RollupState.objects.update(tallied_at=None)
    return rollup_refresh()


def rollup_compact() -> None:
    """After a rebuild: rewrite the rollup tables compactly and refresh the
    planner's statistics (PostgreSQL; outside any transaction)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (LearnerPathFact, LearnerFact, AttendanceFact, ParticipationTally):
            cursor.execute(f"VACUUM (FULL, ANALYZE) {model._meta.db_table}")


def rollup_state() -> RollupState:
    return RollupState.objects.filter(pk=1).first() or RollupState()


def rollup_freshness(*, now=None) -> dict:
    """When the figures were computed, and whether that is later than beat's
    schedule allows (``late``: a page says so; it never refreshes itself)."""
    now = now or timezone.now()
    refreshed_at = rollup_state().refreshed_at
    late = refreshed_at is None or now - refreshed_at > LATE_AFTER
    return {"refreshed_at": refreshed_at, "late": late}
