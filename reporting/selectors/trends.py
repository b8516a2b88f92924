"""Trends: what happened each month (and quarter) of the period."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count
from django.utils import timezone

from reporting.selectors.scope import Scope, facts_in_scope, period_q
from reporting.selectors.tally import tallied, tally_events

# (milestone, name of the count of such events)
MILESTONES = (
    ("enrolled", "enrolments"),
    ("started", "starts"),
    ("completed", "completions"),
    ("certified", "certificates"),
)


@dataclass
class Point:
    """Events of one month or quarter; ``municipalities`` is cumulative: the
    municipalities taking part by the end of it."""

    start: date
    enrolments: int = 0
    starts: int = 0
    completions: int = 0
    certificates: int = 0
    municipalities: int = 0

    @property
    def quarter(self) -> int:
        return (self.start.month - 1) // 3 + 1


@dataclass
class Trends:
    months: list[Point] = field(default_factory=list)
    quarters: list[Point] = field(default_factory=list)


def _events(scope: Scope) -> dict[str, Counter]:
    """{count name: {month: events}} for the four milestones, in one pass:
    rows grouped by their four months (a few thousand combinations)."""
    if tallied(scope):
        by_milestone = tally_events(scope)
        return {name: by_milestone[milestone] for milestone, name in MILESTONES}
    months = [f"{milestone}_month" for milestone, _name in MILESTONES]
    rows = (
        facts_in_scope(scope)
        .values(*months)
        .annotate(
            **{
                name: Count("pk", filter=period_q(f"{milestone}_at", scope))
                for milestone, name in MILESTONES
            }
        )
        .order_by()
    )
    events = {name: Counter() for _milestone, name in MILESTONES}
    for row in rows:
        for milestone, name in MILESTONES:
            if row[name]:
                events[name][row[f"{milestone}_month"]] += row[name]
    return events


def _month_range(first: date, last: date) -> list[date]:
    months, month = [], first
    while month <= last:
        months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def _bounds(scope: Scope, seen: set[date]) -> tuple[date, date] | None:
    first = timezone.localtime(scope.start).date() if scope.start else None
    last = None
    if scope.end:
        last = timezone.localtime(scope.end - timedelta(microseconds=1))
        last = last.date()
    first = first or (min(seen) if seen else None)
    last = last or max([*seen, timezone.localdate()])
    if first is None:
        return None
    return first.replace(day=1), last.replace(day=1)


def participation_trends(*, scope: Scope, first_months: Counter) -> Trends:
    """``first_months``: how many municipalities first took part (in the
    period) each month, as ``Overview.first_months`` counts them."""
    counts = _events(scope)
    seen = set(first_months).union(*counts.values())
    bounds = _bounds(scope, seen)
    if bounds is None:
        return Trends()
    months, cumulative = [], 0
    for month in _month_range(*bounds):
        cumulative += first_months.get(month, 0)
        point = Point(start=month, municipalities=cumulative)
        for name, by_month in counts.items():
            setattr(point, name, by_month.get(month, 0))
        months.append(point)
    return Trends(months=months, quarters=_quarters(months))


def _quarters(months: list[Point]) -> list[Point]:
    quarters: dict[date, Point] = {}
    for point in months:
        start = date(point.start.year, 3 * (point.quarter - 1) + 1, 1)
        quarter = quarters.setdefault(start, Point(start=start))
        for _field, name in MILESTONES:
            setattr(quarter, name, getattr(quarter, name) + getattr(point, name))
        quarter.municipalities = point.municipalities
    return list(quarters.values())
