"""What each rollup table mirrors, in SQL over the owner apps' tables.

Every table and column of another app comes from that app's contract
(``learners/contracts.py``, ``courses/contracts.py``,
``certification/contracts.py``): maps built from the models' ``_meta``, so
no name of theirs is written here. Each source query renames what it selects
to the rollup's own columns (``AS user_id``), which are reporting's.
``tests/test_reporting_contracts.py`` checks every name these queries use.
"""

from django.db import connection

from certification.contracts import CERTIFICATE
from courses.contracts import IN_PERSON, LEARNING_PATH, TRAINING_SESSION
from learners.contracts import (
    ENROLMENT,
    LESSON_COMPLETION,
    PATH_COMPLETION,
    REGISTERED,
    SESSION_REGISTRATION,
    USER,
    XAPI_STATEMENT,
)
from reporting.models import AttendanceFact, LearnerFact, LearnerPathFact, PathContent
from reporting.rollup.sync import Rollup

LEARNER_FACT = LearnerFact._meta.db_table
PATH_FACT = LearnerPathFact._meta.db_table
ATTENDANCE_FACT = AttendanceFact._meta.db_table
PATH_CONTENT = PathContent._meta.db_table


def greatest(a: str, b: str) -> str:
    """The larger of two nullable values (PostgreSQL's GREATEST skips NULLs)."""
    if connection.vendor == "postgresql":
        return f"GREATEST({a}, {b})"
    return f"MAX(COALESCE({a}, {b}), COALESCE({b}, {a}))"


def last_activity(user: str) -> str:
    """When ``user`` (a column holding a user id) last completed a lesson or
    sent an xAPI statement."""
    c, x = LESSON_COMPLETION, XAPI_STATEMENT
    return greatest(
        f"(SELECT MAX(c.{c.completed_at}) FROM {c.table} c WHERE c.{c.user} = {user})",
        f"(SELECT MAX(x.{x.stored}) FROM {x.table} x WHERE x.{x.user} = {user})",
    )


def learners() -> Rollup:
    u = USER
    return Rollup(
        table=LEARNER_FACT,
        keys=("user_id",),
        values=("municipality_id", "role"),
        source=(
            f"SELECT u.{u.pk} AS user_id, u.{u.municipality} AS municipality_id, "
            f"u.{u.role} AS role FROM {u.table} u "
            f"WHERE u.{u.municipality} IS NOT NULL AND u.{u.role} <> ''"
        ),
        extra={"last_active_at": last_activity("s.user_id")},
    )


def first_lesson(alias: str) -> str:
    """When the learner of row ``alias`` completed their first lesson of its path."""
    c = LESSON_COMPLETION
    return (
        f"(SELECT MIN(c.{c.completed_at}) FROM {c.table} c "
        f"JOIN {PATH_CONTENT} pc ON pc.page_id = c.{c.lesson} "
        f"WHERE c.{c.user} = {alias}.user_id AND pc.path_id = {alias}.path_id)"
    )


PATH_FACT_VALUES = (
    "theme_id",
    "municipality_id",
    "role",
    "enrolled_at",
    "completed_at",
    "certified_at",
    "last_active_at",
)


def learner_paths() -> Rollup:
    """One row per enrolment; ``certified_at`` from a certificate not revoked."""
    e, p, done, ce = ENROLMENT, LEARNING_PATH, PATH_COMPLETION, CERTIFICATE
    return Rollup(
        table=PATH_FACT,
        keys=("user_id", "path_id"),
        values=PATH_FACT_VALUES,
        source=(
            f"SELECT e.{e.user} AS user_id, e.{e.path} AS path_id, "
            f"p.{p.theme} AS theme_id, l.municipality_id, l.role, "
            f"e.{e.created_at} AS enrolled_at, done.{done.completed_at} AS "
            f"completed_at, ce.{ce.issued_at} AS certified_at, l.last_active_at "
            f"FROM {e.table} e "
            f"JOIN {LEARNER_FACT} l ON l.user_id = e.{e.user} "
            f"JOIN {p.table} p ON p.{p.pk} = e.{e.path} "
            f"LEFT JOIN {done.table} done ON done.{done.user} = e.{e.user} "
            f"AND done.{done.path} = e.{e.path} "
            f"LEFT JOIN {ce.table} ce ON ce.{ce.user} = e.{e.user} "
            f"AND ce.{ce.path} = e.{e.path} AND ce.{ce.revoked_at} IS NULL"
        ),
        extra={"started_at": first_lesson("s")},
        dirty_by="user_id",
        keys_source=(
            f"SELECT e.{e.user} AS user_id, e.{e.path} AS path_id FROM {e.table} e "
            f"JOIN {LEARNER_FACT} l ON l.user_id = e.{e.user}"
        ),
    )


def attendance() -> tuple[Rollup, list]:
    """The rollup, and its parameters but the time it is computed at: a
    confirmed registration to an in-person session, not cancelled, ended."""
    r, ts, p = SESSION_REGISTRATION, TRAINING_SESSION, LEARNING_PATH
    rollup = Rollup(
        table=ATTENDANCE_FACT,
        keys=("registration_id",),
        values=(
            "municipality_id",
            "role",
            "path_id",
            "theme_id",
            "starts_at",
            "attended",
        ),
        source=(
            f"SELECT r.{r.pk} AS registration_id, l.municipality_id, l.role, "
            f"pc.path_id, p.{p.theme} AS theme_id, ts.{ts.starts_at} AS starts_at, "
            f"COALESCE(r.{r.attended}, FALSE) AS attended "
            f"FROM {r.table} r "
            f"JOIN {ts.table} ts ON ts.{ts.pk} = r.{r.session} "
            f"JOIN {LEARNER_FACT} l ON l.user_id = r.{r.user} "
            f"JOIN {PATH_CONTENT} pc ON pc.page_id = ts.{ts.module} "
            f"JOIN {p.table} p ON p.{p.pk} = pc.path_id "
            f"WHERE r.{r.status} = %s AND ts.{ts.session_format} = %s "
            f"AND ts.{ts.cancelled_at} IS NULL AND ts.{ts.ends_at} <= %s"
        ),
    )
    return rollup, [REGISTERED, IN_PERSON]
