"""Counting distinct learners in the rollup, quickly at province scale.

A learner reached a milestone during the period when one of their rows has it
in the period and no earlier one since the start (``prev_…`` columns): summing
those rows counts learners, with no per-learner grouping and no
COUNT(DISTINCT …). Rows are unique per learner and path, so a path needs no
such care; a theme uses the ``theme_prev_…`` columns.
"""

from django.db import connections
from django.db.models import Case, Count, F, Min, Q, When

from reporting.selectors.figures import ELECTED, MILESTONES
from reporting.selectors.scope import (
    Scope,
    attendance_in_scope,
    facts_in_scope,
    period_q,
)
from reporting.selectors.session import reporting_alias
from reporting.selectors.tally import (
    tallied,
    tally_attendance_by,
    tally_attendance_by_municipality_role,
    tally_by_municipality_role,
    tally_by_path_and_theme,
)

LEARNER, THEME, PATH = "learner", "theme", "path"


def level_of(scope: Scope, breakdown: str = LEARNER) -> str:
    """How finely rows may repeat a learner: the finer of the breakdown and
    the scope (a path filter leaves one row per learner)."""
    if scope.path_id or breakdown == PATH:
        return PATH
    if scope.theme_id or breakdown == THEME:
        return THEME
    return LEARNER


def _previous(milestone: str, level: str) -> str:
    return f"{'theme_' if level == THEME else ''}prev_{milestone}_at"


def first_in_period(milestone: str, scope: Scope, level: str) -> Q:
    """The row is the learner's first ``milestone`` of the period."""
    q = period_q(f"{milestone}_at", scope)
    if level == PATH:
        return q
    previous = _previous(milestone, level)
    earlier = Q(**{f"{previous}__isnull": True})
    if scope.start:
        earlier |= Q(**{f"{previous}__lt": scope.start})
    return q & earlier


def _rows(condition: Q) -> Count:
    return Count("pk", filter=condition)


def learner_sums(scope: Scope, level: str) -> dict:
    sums = {m: _rows(first_in_period(m, scope, level)) for m in MILESTONES}
    # Active among the period's enrolees, so that "active" never exceeds
    # "enrolled" next to it (``last_active_at`` is the learner's, on every row).
    sums["active"] = _rows(
        first_in_period("enrolled", scope, level)
        & Q(last_active_at__gte=scope.active_since)
    )
    sums["elected_trained"] = _rows(
        first_in_period("completed", scope, level) & Q(role__in=ELECTED)
    )
    return sums


def counts_by_municipality_role(scope: Scope) -> list[dict]:
    """Learners per municipality and role — a few thousand rows for Québec —
    and the month of the first enrolment of the period (for trends)."""
    if tallied(scope):
        return tally_by_municipality_role(scope)
    first_month = Min(
        Case(When(period_q("enrolled_at", scope), then=F("enrolled_month")))
    )
    return list(
        facts_in_scope(scope)
        .values("municipality_id", "role")
        .annotate(**learner_sums(scope, level_of(scope)), first_month=first_month)
        .order_by()
    )


def _keyed_sums(scope: Scope) -> tuple[dict, dict]:
    """Sums for the path breakdown (``p_…``) and the theme one (``t_…``)."""
    paths = learner_sums(scope, level_of(scope, PATH))
    themes = learner_sums(scope, level_of(scope, THEME))
    return (
        {f"p_{name}": value for name, value in paths.items()},
        {f"t_{name}": value for name, value in themes.items()},
    )


def _outer(prefix: str, key: str, names: list[str], source: str) -> str:
    totals = ", ".join(f"SUM({prefix}{name})" for name in names)
    return (
        f"SELECT '{prefix}', {key}, {totals}, "
        f"SUM(CASE WHEN {prefix}enrolled > 0 THEN 1 ELSE 0 END), "
        f"SUM(CASE WHEN {prefix}certified > 0 THEN 1 ELSE 0 END) "
        f"FROM {source} GROUP BY {key}"
    )


def counts_by_path_and_theme(scope: Scope) -> tuple[dict, dict]:
    """({path id: counts}, {theme id: counts}) in one pass over the rollup,
    with how many municipalities took part and had someone certified."""
    if tallied(scope):
        return tally_by_path_and_theme(scope)
    path_sums, theme_sums = _keyed_sums(scope)
    inner = (
        facts_in_scope(scope)
        .values("path_id", "theme_id", "municipality_id")
        .annotate(**path_sums, **theme_sums)
        .order_by()
    )
    sql, params = inner.query.sql_with_params()
    names = list(learner_sums(scope, LEARNER))
    per_theme = ", ".join(f"SUM(t_{name}) AS t_{name}" for name in names)
    theme_source = (
        f"(SELECT theme_id, municipality_id, {per_theme} FROM m "
        "GROUP BY theme_id, municipality_id) x"
    )
    query = (
        f"WITH m AS ({sql}) {_outer('p_', 'path_id', names, 'm')} "
        f"UNION ALL {_outer('t_', 'theme_id', names, theme_source)}"
    )
    with connections[reporting_alias()].cursor() as cursor:
        cursor.execute(query, params)
        rows = cursor.fetchall()
    names += ["participating", "certified_municipalities"]
    result = {"p_": {}, "t_": {}}
    for prefix, key, *numbers in rows:
        counts = zip(names, numbers, strict=True)
        result[prefix][key] = {name: int(n or 0) for name, n in counts}
    return result["p_"], result["t_"]


def attendance_by(scope: Scope, *keys: str) -> list[tuple]:
    """(*keys, registered, attended) for in-person sessions that ended."""
    if tallied(scope):
        if keys == ("municipality_id", "role"):
            return tally_attendance_by_municipality_role(scope)
        if keys in (("path_id",), ("theme_id",)):
            return tally_attendance_by(scope, keys[0].removesuffix("_id"))
    rows = (
        attendance_in_scope(scope)
        .values(*keys)
        .annotate(registered=Count("pk"), attended=Count("pk", filter=Q(attended=True)))
        .order_by()
    )
    return [
        (*(row[key] for key in keys), row["registered"], row["attended"])
        for row in rows
    ]
