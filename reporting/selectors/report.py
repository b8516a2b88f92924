"""A report as a page shows it, cached until the rollup's next refresh: the
figures cannot change in between, so the cache is exact."""

import hashlib

from django.core.cache import cache

from reporting.models import RollupState
from reporting.selectors.participation import (
    DIMENSIONS,
    Overview,
    participation_overview,
)
from reporting.selectors.scope import Scope
from reporting.selectors.session import report_reads
from reporting.selectors.trends import Trends, participation_trends

CACHE_SECONDS = 300


def _cache_key(scope: Scope, dimensions) -> str | None:
    state = RollupState.objects.filter(pk=1).values_list("version", "refreshed_at")
    state = state.first()
    if state is None:
        return None
    version = f"{state[0]}:{state[1].isoformat() if state[1] else ''}"
    digest = hashlib.sha256(repr((scope, dimensions)).encode()).hexdigest()[:32]
    return f"reporting:report:{version}:{digest}"


def participation_report(
    *, scope: Scope, dimensions: tuple[str, ...] = DIMENSIONS, use_cache=True
) -> tuple[Overview, Trends]:
    """What a report page shows: the figures with their breakdowns, and the
    trends (which reuse the overview's first months of participation)."""
    key = _cache_key(scope, dimensions) if use_cache else None
    cached = cache.get(key) if key else None
    if cached is not None:
        return cached
    with report_reads():
        overview = participation_overview(scope=scope, dimensions=dimensions)
        trends = participation_trends(scope=scope, first_months=overview.first_months)
    if key:
        cache.set(key, (overview, trends), CACHE_SECONDS)
    return overview, trends
