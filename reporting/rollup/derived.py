"""Derived columns of ``LearnerPathFact``, computed for the learners whose
rows changed (``dirty``): local months, and each milestone's previous one.
One UPDATE writes each of their rows once; the ORM builds the window
subquery, so that it runs on PostgreSQL and SQLite alike."""

from django.db.models import (
    BooleanField,
    Case,
    DateField,
    ExpressionWrapper,
    F,
    Q,
    When,
    Window,
)
from django.db.models.functions import Lag, TruncMonth

from reporting.models import LearnerPathFact

MILESTONES = ("enrolled", "started", "completed", "certified")
LEVELS = (("", ("user_id",)), ("theme_", ("user_id", "theme_id")))


def _previous(milestone: str, partition: tuple[str, ...]):
    """The same milestone just before, among the rows that have it."""
    column = f"{milestone}_at"
    missing = Q(**{f"{column}__isnull": True})
    lag = Window(
        Lag(column),
        partition_by=[
            *(F(name) for name in partition),
            ExpressionWrapper(missing, output_field=BooleanField()),
        ],
        order_by=[F(column).asc(), F("path_id").asc()],
    )
    return Case(When(missing, then=None), default=lag)


def _computed() -> dict:
    columns = {
        f"{milestone}_month": TruncMonth(f"{milestone}_at", output_field=DateField())
        for milestone in MILESTONES
    }
    for level, partition in LEVELS:
        for milestone in MILESTONES:
            columns[f"{level}prev_{milestone}_at"] = _previous(milestone, partition)
    return columns


def derived_refresh(cursor) -> None:
    columns = _computed()
    dirty_learners = LearnerPathFact.objects.filter(dirty=True).values("user_id")
    rows = (
        LearnerPathFact.objects.filter(user_id__in=dirty_learners)
        .annotate(**{f"new_{name}": value for name, value in columns.items()})
        .values("id", *(f"new_{name}" for name in columns))
        .order_by()
    )
    sql, params = rows.query.sql_with_params()
    table = LearnerPathFact._meta.db_table
    assignments = ", ".join(f"{name} = w.new_{name}" for name in columns)
    cursor.execute(
        f"UPDATE {table} SET {assignments}, dirty = FALSE "
        f"FROM ({sql}) w WHERE w.id = {table}.id",
        params,
    )
