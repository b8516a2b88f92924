"""What a report counts: the filters (``Scope``) and the rows they select."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from reporting.models import AttendanceFact, LearnerPathFact
from territory.contracts import municipality_q
from territory.models import Municipality, population_class_of

ACTIVE_DAYS = 30


@dataclass(frozen=True)
class Scope:
    """Filters of a report. ``start`` is inclusive, ``end`` exclusive (both
    aware); the geography fields narrow the municipalities, the others the
    learners (current role) and the enrolments (path, theme)."""

    start: datetime | None = None
    end: datetime | None = None
    region_id: int | None = None
    mrc_id: int | None = None
    population_class: int | None = None
    municipality_id: int | None = None
    role: str | None = None
    path_id: int | None = None
    theme_id: int | None = None

    @property
    def active_since(self) -> datetime:
        """Activity counts over the 30 days before now, whatever the period
        (among the learners enrolled during the period)."""
        return timezone.now() - timedelta(days=ACTIVE_DAYS)


@dataclass(frozen=True)
class Place:
    """A municipality, as the breakdowns need it."""

    id: int
    code: str
    name: str
    region_id: int
    mrc_id: int | None
    population: int

    @property
    def population_class(self) -> int:
        return int(population_class_of(self.population))


def geography_q(scope: Scope, via: str = "") -> Q:
    """Municipalities in the scope's geography, or rows whose foreign key
    ``via`` points to one."""
    return municipality_q(
        via=via,
        municipality_id=scope.municipality_id,
        region_id=scope.region_id,
        mrc_id=scope.mrc_id,
        population_class=scope.population_class,
    )


def places_in_scope(scope: Scope) -> dict[int, Place]:
    rows = Municipality.objects.filter(geography_q(scope)).values_list(
        "id", "code", "name", "region_id", "mrc_id", "population"
    )
    return {row[0]: Place(*row) for row in rows}


def _learner_q(scope: Scope) -> Q:
    q = geography_q(scope, "municipality")
    if scope.role:
        q &= Q(role=scope.role)
    if scope.path_id:
        q &= Q(path_id=scope.path_id)
    if scope.theme_id:
        q &= Q(theme_id=scope.theme_id)
    return q


def facts_in_scope(scope: Scope):
    """Enrolments of the learners and paths in scope, whatever their dates."""
    return LearnerPathFact.objects.filter(_learner_q(scope))


def attendance_in_scope(scope: Scope):
    return AttendanceFact.objects.filter(
        _learner_q(scope), period_q("starts_at", scope)
    )


def period_q(field: str, scope: Scope) -> Q:
    """``field`` is set and falls in the period."""
    q = Q(**{f"{field}__isnull": False})
    if scope.start:
        q &= Q(**{f"{field}__gte": scope.start})
    if scope.end:
        q &= Q(**{f"{field}__lt": scope.end})
    return q
