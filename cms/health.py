"""``/health/``: is this process able to serve? For load balancers, uptime
probes and ``make prod``.

django-health-check runs the checks concurrently, each with a time budget:
the database answers ``SELECT 1``, the cache stores and reads a key, the
Celery broker accepts a connection (skipped, and said so, where tasks run
eagerly in development), the default storage saves, reads and deletes a file,
and no migration is pending. The answer is always JSON, 200 only when every
check passes, 503 otherwise; it names which check failed and why, never a
secret (no URL, no password). Never cached.
"""

import asyncio
import dataclasses

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from health_check.base import HealthCheck
from health_check.checks import Cache, Database, Storage
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


@dataclasses.dataclass
class Broker(HealthCheck):
    """The Celery broker accepts a connection (not whether a worker runs:
    a queue that waits for a worker is still healthy)."""

    def run(self):
        from cms.celery import app

        if settings.CELERY_TASK_ALWAYS_EAGER:
            return
        try:
            with app.connection_for_write() as connection:
                connection.ensure_connection(max_retries=1, timeout=3)
        except Exception as error:  # noqa: BLE001 - kombu raises many kinds
            raise ServiceUnavailable(type(error).__name__) from error


_MIGRATED = set()  # aliases found up to date by this process


@dataclasses.dataclass
class Migrations(HealthCheck):
    """Every migration on disk is applied to the database.

    Reading the migration graph takes about a second, so a database found up
    to date is not read again by this process: new migrations only arrive
    with new code, that is with a new process.
    """

    alias: str = DEFAULT_DB_ALIAS

    def run(self):
        if self.alias in _MIGRATED:
            return
        connection = connections[self.alias]
        try:
            executor = MigrationExecutor(connection)
            plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        finally:
            connection.close()
        if plan:
            raise ServiceUnavailable(f"{len(plan)} migration(s) en attente")
        _MIGRATED.add(self.alias)


CHECKS = {
    "database": Database(),
    "cache": Cache(),
    "broker": Broker(),
    "storage": Storage(),
    "migrations": Migrations(),
}


class HealthView(HealthCheckView):
    async def get(self, request, *args, **kwargs):
        with self.get_executor() as executor:
            results = await asyncio.gather(
                *(check.get_result(executor) for check in CHECKS.values())
            )
        eager = settings.CELERY_TASK_ALWAYS_EAGER
        checks, failed = {}, False
        for name, result in zip(CHECKS, results, strict=True):
            if result.error:
                checks[name], failed = str(result.error), True
            else:
                checks[name] = "skipped (eager)" if name == "broker" and eager else "ok"
        body = {
            "status": "error" if failed else "ok",
            "checks": checks,
            "ms": {
                name: round(result.time_taken * 1000, 1)
                for name, result in zip(CHECKS, results, strict=True)
            },
        }
        return JsonResponse(body, status=503 if failed else 200)


health = HealthView.as_view()
