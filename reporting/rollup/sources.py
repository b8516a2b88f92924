"""What each rollup table mirrors, written against the source tables' names."""

from django.db import connection

from certification.models import Certificate
from courses.models import LearningPathPage, SessionFormat, TrainingSession
from learners.models import (
    Enrolment,
    LessonCompletion,
    PathCompletion,
    RegistrationStatus,
    SessionRegistration,
    User,
    XapiStatement,
)
from reporting.models import AttendanceFact, LearnerFact, LearnerPathFact, PathContent
from reporting.rollup.sync import Rollup

NO_DATE = "CAST(NULL AS TIMESTAMP WITH TIME ZONE)"


def tables() -> dict[str, str]:
    models = {
        "user": User,
        "enrolment": Enrolment,
        "lesson_completion": LessonCompletion,
        "path_completion": PathCompletion,
        "statement": XapiStatement,
        "registration": SessionRegistration,
        "session": TrainingSession,
        "path_page": LearningPathPage,
        "certificate": Certificate,
        "learner_fact": LearnerFact,
        "path_fact": LearnerPathFact,
        "attendance_fact": AttendanceFact,
        "path_content": PathContent,
    }
    return {name: model._meta.db_table for name, model in models.items()}


def certificates_ready() -> bool:
    """False until the certification app's table exists (it is being built)."""
    return Certificate._meta.db_table in connection.introspection.table_names()


def greatest(a: str, b: str) -> str:
    """The larger of two nullable values (PostgreSQL's GREATEST skips NULLs)."""
    if connection.vendor == "postgresql":
        return f"GREATEST({a}, {b})"
    return f"MAX(COALESCE({a}, {b}), COALESCE({b}, {a}))"


def learners(t) -> Rollup:
    latest = greatest(
        f"(SELECT MAX(c.completed_at) FROM {t['lesson_completion']} c "
        "WHERE c.user_id = s.user_id)",
        f"(SELECT MAX(x.stored) FROM {t['statement']} x WHERE x.user_id = s.user_id)",
    )
    return Rollup(
        table=t["learner_fact"],
        keys=("user_id",),
        values=("municipality_id", "role"),
        source=(
            f"SELECT u.id AS user_id, u.municipality_id, u.role FROM {t['user']} u "
            "WHERE u.municipality_id IS NOT NULL AND u.role <> ''"
        ),
        extra={"last_active_at": latest},
    )


def first_lesson(t, alias: str) -> str:
    """When the learner of row ``alias`` completed their first lesson of its path."""
    return (
        f"(SELECT MIN(c.completed_at) FROM {t['lesson_completion']} c "
        f"JOIN {t['path_content']} pc ON pc.page_id = c.lesson_id "
        f"WHERE c.user_id = {alias}.user_id AND pc.path_id = {alias}.path_id)"
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


def learner_paths(t, *, with_certificates: bool) -> Rollup:
    certificate_join, certified = "", NO_DATE
    if with_certificates:
        certificate_join = (
            f"LEFT JOIN {t['certificate']} ce ON ce.user_id = e.user_id "
            "AND ce.path_id = e.path_id AND ce.revoked_at IS NULL"
        )
        certified = "ce.issued_at"
    return Rollup(
        table=t["path_fact"],
        keys=("user_id", "path_id"),
        values=PATH_FACT_VALUES,
        source=(
            "SELECT e.user_id, e.path_id, p.theme_id, l.municipality_id, l.role, "
            "e.created_at AS enrolled_at, pc.completed_at, "
            f"{certified} AS certified_at, l.last_active_at "
            f"FROM {t['enrolment']} e "
            f"JOIN {t['learner_fact']} l ON l.user_id = e.user_id "
            f"JOIN {t['path_page']} p ON p.page_ptr_id = e.path_id "
            f"LEFT JOIN {t['path_completion']} pc ON pc.user_id = e.user_id "
            f"AND pc.path_id = e.path_id {certificate_join}"
        ),
        extra={"started_at": first_lesson(t, "s")},
        dirty_by="user_id",
        keys_source=(
            f"SELECT e.user_id, e.path_id FROM {t['enrolment']} e "
            f"JOIN {t['learner_fact']} l ON l.user_id = e.user_id"
        ),
    )


def attendance(t) -> tuple[Rollup, list]:
    """The rollup, and its parameters but the time it is computed at."""
    rollup = Rollup(
        table=t["attendance_fact"],
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
            "SELECT r.id AS registration_id, l.municipality_id, l.role, pc.path_id, "
            "p.theme_id, s.starts_at, COALESCE(r.attended, FALSE) AS attended "
            f"FROM {t['registration']} r "
            f"JOIN {t['session']} s ON s.id = r.session_id "
            f"JOIN {t['learner_fact']} l ON l.user_id = r.user_id "
            f"JOIN {t['path_content']} pc ON pc.page_id = s.module_id "
            f"JOIN {t['path_page']} p ON p.page_ptr_id = pc.path_id "
            "WHERE r.status = %s AND s.session_format = %s "
            "AND s.cancelled_at IS NULL AND s.ends_at <= %s"
        ),
    )
    return rollup, [RegistrationStatus.REGISTERED, SessionFormat.IN_PERSON]
