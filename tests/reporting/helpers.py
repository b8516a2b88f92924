from datetime import date, datetime, time, timedelta

from django.utils import timezone

from reporting.rollup import rollup_refresh
from reporting.selectors import Scope, participation_overview

FIELDS = (
    "participating",
    "certified_municipalities",
    "enrolled",
    "started",
    "completed",
    "certified",
    "active",
    "elected_trained",
    "registered",
    "attended",
)


def figures(f, fields=FIELDS) -> dict:
    return {name: getattr(f, name) for name in fields}


def expected(**values) -> dict:
    return {name: values.get(name, 0) for name in FIELDS}


def period(first: date, last: date) -> dict:
    def start(day):
        return timezone.make_aware(datetime.combine(day, time.min))

    return {"start": start(first), "end": start(last + timedelta(days=1))}


def overview(**scope):
    rollup_refresh()
    return participation_overview(scope=Scope(**scope))


def row(result, dimension, code):
    [found] = [r for r in result.breakdowns[dimension] if r.code == str(code)]
    return found
