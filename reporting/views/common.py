"""What every report page shares: the freshness of the data, export links."""

from datetime import timedelta

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from reporting.privacy import suppress
from reporting.rollup import rollup_state

STALE_AFTER = timedelta(minutes=3)


def freshness() -> dict:
    """When the rollup was refreshed; if Celery beat seems stopped, ask for a
    refresh (once a minute at most)."""
    from reporting.tasks import rollup_refresh_task

    state = rollup_state()
    stale = state.refreshed_at is None or (
        timezone.now() - state.refreshed_at > STALE_AFTER
    )
    if stale and cache.add("reporting:refresh-requested", True, 60):
        rollup_refresh_task.delay()
        state = rollup_state()
    return {"refreshed_at": state.refreshed_at}


def querystring(request, drop=("page",)) -> str:
    params = request.GET.copy()
    for name in drop:
        params.pop(name, None)
    return params.urlencode()


def export_prefix(name: str, *args) -> str:
    """The URL of a page's exports, up to the table's name."""
    return reverse(name, args=[*args, "TABLE", "csv"]).removesuffix("TABLE.csv")


PEOPLE = ("enrolled", "started", "completed", "certified", "active")


def headline(total, *, threshold, one_municipality, one_role) -> dict:
    """The figures above the tables. Counts of one municipality and one role
    (elected officials are a group of roles) are hidden when small."""

    def shown(count, fine):
        return suppress(count, threshold) if threshold and fine else count

    values = {
        name: shown(getattr(total, name), one_municipality and one_role)
        for name in PEOPLE
    }
    values["elected_trained"] = shown(total.elected_trained, one_municipality)
    registered = shown(total.registered, one_municipality and one_role)
    values["attendance_rate"] = (
        "—" if isinstance(registered, str) else total.attendance_rate
    )
    return values
