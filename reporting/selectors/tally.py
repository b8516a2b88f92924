"""Reports of a geography over the whole period, read from
``ParticipationTally`` (a few thousand rows per municipality level) instead
of grouping every enrolment of ``LearnerPathFact``: the same figures.

A scope with a period, a role, a path or a theme is counted on the facts
(``reporting.selectors.counts``); ``tallied(scope)`` says which way.

``active`` in the tally counts activity since 30 days before the refresh;
a report counts it since 30 days before now. The difference is the few rows
whose last activity falls between the two instants (an index range on
``last_active_at``): they are subtracted (or added, for an older ``now``).
"""

from collections import Counter, defaultdict
from datetime import timedelta

from django.db.models import Count, Q, Sum

from reporting.models import LearnerPathFact, ParticipationTally, RollupState
from reporting.models import TallyLevel as Level
from reporting.selectors.figures import MILESTONES
from reporting.selectors.scope import ACTIVE_DAYS, Scope, geography_q

LEARNER_SUMS = (*MILESTONES, "active", "elected_trained")
LEARNER, PATH, THEME, MONTH = (level.value for level in Level)


def tallied(scope: Scope) -> bool:
    """The scope is a geography over the whole period and the tally exists."""
    if scope.start or scope.end or scope.role or scope.path_id or scope.theme_id:
        return False
    return _tallied_at() is not None


def _tallied_at():
    state = RollupState.objects.filter(pk=1).values_list("tallied_at", flat=True)
    return state.first()


def _rows(scope: Scope, level: str):
    return ParticipationTally.objects.filter(
        geography_q(scope, "municipality"), level=level
    )


def _moved_out(scope: Scope):
    """(sign, rows) of the facts whose activity entered (+1) or left (-1)
    the last 30 days between the refresh and now, as (municipality, role,
    path, theme, first of the learner, first in the theme)."""
    tallied_since = _tallied_at() - timedelta(days=ACTIVE_DAYS)
    since = scope.active_since
    if since == tallied_since:
        return 0, []
    low, high = sorted((since, tallied_since))
    rows = LearnerPathFact.objects.filter(
        geography_q(scope, "municipality"),
        last_active_at__gte=low,
        last_active_at__lt=high,
    ).values_list(
        "municipality_id",
        "role",
        "path_id",
        "theme_id",
        "prev_enrolled_at",
        "theme_prev_enrolled_at",
    )
    return (-1 if since > tallied_since else 1), [
        (m, role, path, theme, previous is None, theme_previous is None)
        for m, role, path, theme, previous, theme_previous in rows
    ]


def tally_learners(scope: Scope) -> tuple[list[dict], list[tuple]]:
    """What ``counts_by_municipality_role`` counts and what ``attendance_by(
    scope, "municipality_id", "role")`` gives, for a tallied scope, from one
    read of the learner level."""
    rows = _rows(scope, LEARNER).values_list(
        "municipality_id", "role", *LEARNER_SUMS, "month", "registered", "attended"
    )
    names = ("municipality_id", "role", *LEARNER_SUMS, "first_month")
    counts, attendance = {}, []
    for row in rows:
        if row[2]:  # enrolled
            counts[(row[0], row[1])] = dict(zip(names, row[:-2], strict=True))
        if row[-2]:  # registered
            attendance.append((row[0], row[1], row[-2], row[-1]))
    sign, moved = _moved_out(scope)
    for municipality_id, role, _path, _theme, first, _theme_first in moved:
        if first:
            counts[(municipality_id, role)]["active"] += sign
    return list(counts.values()), attendance


def tally_by_municipality_role(scope: Scope) -> list[dict]:
    return tally_learners(scope)[0]


def tally_attendance_by_municipality_role(scope: Scope) -> list[tuple]:
    return tally_learners(scope)[1]


def tally_attendance_by(scope: Scope, level: str) -> list[tuple]:
    """(path or theme id, registered, attended)."""
    rows = (
        _rows(scope, level)
        .values("item")
        .annotate(n_registered=Sum("registered"), n_attended=Sum("attended"))
        .filter(n_registered__gt=0)
        .order_by()
    )
    return [(row["item"], row["n_registered"], row["n_attended"]) for row in rows]


def tally_by_path_and_theme(scope: Scope) -> tuple[dict, dict]:
    """What ``counts_by_path_and_theme`` counts, for a tallied scope, with the
    attendance of each path and theme (``registered``, ``attended``)."""
    sums = (*LEARNER_SUMS, "registered", "attended")
    rows = (
        ParticipationTally.objects.filter(
            geography_q(scope, "municipality"), level__in=(PATH, THEME)
        )
        .values("level", "item")
        .annotate(
            **{f"n_{name}": Sum(name) for name in sums},
            participating=Count("pk", filter=Q(enrolled__gt=0)),
            certified_municipalities=Count("pk", filter=Q(certified__gt=0)),
        )
        .order_by()
    )
    result = {PATH: {}, THEME: {}}
    for row in rows:
        result[row["level"]][row["item"]] = {
            **{name: row[f"n_{name}"] for name in sums},
            "participating": row["participating"],
            "certified_municipalities": row["certified_municipalities"],
        }
    sign, moved = _moved_out(scope)
    for _m, _role, path, theme, _first, theme_first in moved:
        result[PATH][path]["active"] += sign
        if theme_first:
            result[THEME][theme]["active"] += sign
    return result[PATH], result[THEME]


def tally_events(scope: Scope) -> dict[str, Counter]:
    """{milestone: {month: rows reaching it that month}}, for trends."""
    rows = (
        _rows(scope, MONTH)
        .values("month")
        .annotate(**{f"n_{name}": Sum(name) for name in MILESTONES})
        .order_by()
    )
    events = defaultdict(Counter)
    for row in rows:
        for milestone in MILESTONES:
            if row[f"n_{milestone}"]:
                events[milestone][row["month"]] += row[f"n_{milestone}"]
    return events
