"""``ParticipationTally``: the dashboard's sums per municipality, recomputed
whole from the rollup at the end of each refresh (one ``DELETE``, one
``INSERT … SELECT`` over reporting's own tables; the same SQL on PostgreSQL
and SQLite). What each column sums is what ``reporting.selectors.counts``
counts over the whole period: the learner level uses the ``prev_…`` columns,
the theme level the ``theme_prev_…`` ones, the path level every row."""

from datetime import timedelta

from django.db import connection

from reporting.models import (
    AttendanceFact,
    LearnerPathFact,
    ParticipationTally,
    TallyLevel,
)
from reporting.selectors.figures import ELECTED, MILESTONES
from reporting.selectors.scope import ACTIVE_DAYS

TALLY = ParticipationTally._meta.db_table
PATH_FACT = LearnerPathFact._meta.db_table
ATTENDANCE_FACT = AttendanceFact._meta.db_table
COLUMNS = (
    "municipality_id",
    "level",
    "item",
    "role",
    "month",
    *MILESTONES,
    "active",
    "elected_trained",
    "registered",
    "attended",
)
SUMMED = COLUMNS[5:]


def _when(condition: str) -> str:
    return f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"


def _first(milestone: str, prefix: str) -> str:
    """The row is the first ``milestone`` of its learner (in the theme with
    ``prefix`` "theme_"), or any row having it (no prefix: the path level)."""
    has = f"f.{milestone}_at IS NOT NULL"
    if prefix is None:
        return has
    return f"{has} AND f.{prefix}prev_{milestone}_at IS NULL"


def _columns(alias: str, *expressions: str) -> str:
    """The municipality and those of ``expressions`` that are columns."""
    columns = (f"{alias}.municipality_id", *expressions)
    return ", ".join(c for c in columns if c.startswith(f"{alias}."))


def _facts(level: str, item: str, role: str, month: str, prefix) -> str:
    elected = ", ".join(["%s"] * len(ELECTED))
    sums = [_when(_first(m, prefix)) for m in MILESTONES]
    sums.append(_when(f"{_first('enrolled', prefix)} AND f.last_active_at >= %s"))
    sums.append(_when(f"{_first('completed', prefix)} AND f.role IN ({elected})"))
    groups = _columns("f", item, role)
    named = ", ".join(
        f"{sql} AS {name}" for sql, name in zip(sums, SUMMED, strict=False)
    )
    return (
        f"SELECT f.municipality_id, '{level}' AS level, {item} AS item, "
        f"{role} AS role, {month} AS month, {named}, "
        f"0 AS registered, 0 AS attended FROM {PATH_FACT} f GROUP BY {groups}"
    )


def _attendance(level: str, item: str, role: str) -> str:
    groups = _columns("a", item, role)
    zeros = ", ".join("0" for _ in SUMMED[:-2])
    return (
        f"SELECT a.municipality_id, '{level}', {item}, {role}, NULL, {zeros}, "
        f"COUNT(*), {_when('a.attended')} FROM {ATTENDANCE_FACT} a GROUP BY {groups}"
    )


def _months(milestone: str) -> str:
    counts = ", ".join("COUNT(*)" if m == milestone else "0" for m in MILESTONES)
    return (
        f"SELECT f.municipality_id, '{TallyLevel.MONTH}', 0, '', "
        f"f.{milestone}_month, {counts}, 0, 0, 0, 0 FROM {PATH_FACT} f "
        f"WHERE f.{milestone}_month IS NOT NULL "
        f"GROUP BY f.municipality_id, f.{milestone}_month"
    )


def tally_sql() -> str:
    """The INSERT; its parameters are ``tally_params``. One grouping merges
    the facts and the attendance of a key, and the milestones of a month."""
    learner, path, theme = TallyLevel.LEARNER, TallyLevel.PATH, TallyLevel.THEME
    parts = [
        _facts(learner, "0", "f.role", "MIN(f.enrolled_month)", ""),
        _facts(path, "f.path_id", "''", "NULL", None),
        _facts(theme, "f.theme_id", "''", "NULL", "theme_"),
        _attendance(learner, "0", "a.role"),
        _attendance(path, "a.path_id", "''"),
        _attendance(theme, "a.theme_id", "''"),
        *(_months(milestone) for milestone in MILESTONES),
    ]
    totals = ", ".join(f"SUM(u.{name})" for name in SUMMED)
    month_key = f"CASE WHEN u.level = '{TallyLevel.MONTH}' THEN u.month END"
    return (
        f"INSERT INTO {TALLY} ({', '.join(COLUMNS)}) "
        "SELECT u.municipality_id, u.level, u.item, u.role, MIN(u.month), "
        f"{totals} FROM ({' UNION ALL '.join(parts)}) u "
        f"GROUP BY u.municipality_id, u.level, u.item, u.role, {month_key}"
    )


def tally_params(since) -> list:
    """(active since, *elected roles) for each of the three levels."""
    return [since, *ELECTED] * 3


def tally_stale(cursor) -> bool:
    """Rows the tally summed are gone without a refresh writing (a learner,
    a path or a registration deleted: their facts go by cascade): the path
    level sums one enrolment and one registration per fact."""
    cursor.execute(
        f"SELECT (SELECT COUNT(*) FROM {PATH_FACT}), "
        f"(SELECT COUNT(*) FROM {ATTENDANCE_FACT}), "
        f"(SELECT COALESCE(SUM(t.enrolled), 0) FROM {TALLY} t "
        f"WHERE t.level = '{TallyLevel.PATH}'), "
        f"(SELECT COALESCE(SUM(t.registered), 0) FROM {TALLY} t "
        f"WHERE t.level = '{TallyLevel.PATH}')"
    )
    facts, registrations, enrolled, registered = cursor.fetchone()
    return (facts, registrations) != (enrolled, registered)


def tally_refresh(cursor, now) -> None:
    """Recompute the tally; ``active`` counts activity since 30 days before
    ``now`` (readers correct it by the rows that left the window since)."""
    if connection.vendor == "postgresql":  # the grouping fits in memory
        cursor.execute("SET LOCAL work_mem = '32MB'")
    cursor.execute(f"DELETE FROM {TALLY}")
    cursor.execute(tally_sql(), tally_params(now - timedelta(days=ACTIVE_DAYS)))
