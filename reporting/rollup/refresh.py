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

from learners.models import LessonCompletion, XapiStatement
from reporting.models import (
    AttendanceFact,
    LearnerFact,
    LearnerPathFact,
    PathContent,
    RollupCheckpoint,
    RollupState,
)
from reporting.rollup import sources
from reporting.rollup.derived import derived_refresh
from reporting.rollup.tree import path_contents_sync

# A transaction that commits later than this after its insert would be missed.
CHECKPOINT_LAG = timedelta(minutes=5)


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
        lesson_completion_id=LessonCompletion.objects.aggregate(m=Max("id"))["m"] or 0,
        statement_id=XapiStatement.objects.aggregate(m=Max("id"))["m"] or 0,
    )
    if previous is None:
        return 0, 0
    RollupCheckpoint.objects.filter(taken_at__lt=previous.taken_at).delete()
    return previous.lesson_completion_id, previous.statement_id


def _activity_sql(t):
    return (
        f"UPDATE {t['learner_fact']} SET last_active_at = n.at FROM ("
        "SELECT user_id, MAX(at) AS at FROM ("
        f"SELECT user_id, completed_at AS at FROM {t['lesson_completion']} "
        "WHERE id > %s UNION ALL "
        f"SELECT user_id, stored AS at FROM {t['statement']} WHERE id > %s"
        ") x GROUP BY user_id) n "
        f"WHERE n.user_id = {t['learner_fact']}.user_id AND "
        f"({t['learner_fact']}.last_active_at IS NULL "
        f"OR n.at > {t['learner_fact']}.last_active_at)"
    )


def _started_sql(t):
    return (
        f"UPDATE {t['path_fact']} SET started_at = n.at, dirty = TRUE FROM ("
        "SELECT c.user_id, pc.path_id, MIN(c.completed_at) AS at "
        f"FROM {t['lesson_completion']} c "
        f"JOIN {t['path_content']} pc ON pc.page_id = c.lesson_id "
        "WHERE c.id > %s GROUP BY c.user_id, pc.path_id) n "
        f"WHERE n.user_id = {t['path_fact']}.user_id "
        f"AND n.path_id = {t['path_fact']}.path_id "
        f"AND ({t['path_fact']}.started_at IS NULL "
        f"OR n.at < {t['path_fact']}.started_at)"
    )


def _started_recompute(cursor, t, path_ids):
    """First-lesson dates of some paths computed again from scratch."""
    if not path_ids:
        return
    placeholders = ", ".join(["%s"] * len(path_ids))
    first_lesson = sources.first_lesson(t, t["path_fact"])
    cursor.execute(
        f"UPDATE {t['path_fact']} SET started_at = {first_lesson}, dirty = TRUE "
        f"WHERE path_id IN ({placeholders})",
        list(path_ids),
    )


def _refresh(cursor, now):
    """The steps, in an order where each reads what the previous wrote."""
    t = sources.tables()
    lesson_from, statement_from = _checkpoint(now)
    full = lesson_from == 0 and statement_from == 0
    # On a full read, the incremental steps below compute what ``extra``
    # columns would: no need for one subquery per new row.
    sources.learners(t).run(cursor, with_extra=not full)
    cursor.execute(_activity_sql(t), [lesson_from, statement_from])
    moved_paths = path_contents_sync()
    with_certificates = sources.certificates_ready()
    sources.learner_paths(t, with_certificates=with_certificates).run(
        cursor, with_extra=not full
    )
    cursor.execute(_started_sql(t), [lesson_from])
    _started_recompute(cursor, t, sorted(moved_paths))
    derived_refresh(cursor)
    attendance, params = sources.attendance(t)
    attendance.run(cursor, [*params, now])


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
            _refresh(cursor, now)
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
        ):
            model.objects.all().delete()
    return rollup_refresh()


def rollup_compact() -> None:
    """After a rebuild: rewrite the rollup tables compactly and refresh the
    planner's statistics (PostgreSQL; outside any transaction)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (LearnerPathFact, LearnerFact, AttendanceFact):
            cursor.execute(f"VACUUM (FULL, ANALYZE) {model._meta.db_table}")


def rollup_state() -> RollupState:
    return RollupState.objects.filter(pk=1).first() or RollupState()
