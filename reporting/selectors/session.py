from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def report_reads():
    """One transaction for a report's queries: a consistent view of the
    rollup and, on PostgreSQL, room for its hash tables in memory and no
    parallel workers (starting them costs more than they save at this size)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL work_mem = '32MB'")
                cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        yield
