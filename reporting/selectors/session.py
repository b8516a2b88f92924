from contextlib import contextmanager

from django.db import connections, router, transaction

from reporting.models import LearnerFact


@contextmanager
def report_reads():
    """One transaction for a report's queries: a consistent view of the
    rollup and, on PostgreSQL, room for its hash tables in memory and no
    parallel workers (starting them costs more than they save at this size)."""
    alias = reporting_alias()
    with transaction.atomic(using=alias):
        connection = connections[alias]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL work_mem = '32MB'")
                cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        yield


def reporting_alias() -> str:
    """The database reports read: the read replica when production sets one
    (``REPORTING_DATABASE_URL``, cms/db_routers.py), else the primary."""
    return router.db_for_read(LearnerFact)
