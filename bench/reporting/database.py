"""The benchmark's own database: made afresh, or reused; bulk loading."""

import os
import sys
from pathlib import Path

from bench import _pg as pg

ROOT = Path(__file__).resolve().parents[2]
DATABASE = "virage_bench_reporting"
LARGE_TABLES = {
    "learners_user",
    "learners_enrolment",
    "learners_lessoncompletion",
    "learners_pathcompletion",
    "learners_xapistatement",
    "learners_sessionregistration",
    "certification_certificate",
}


def django_env():
    return pg.django_env(DATABASE)


def prepare_database():
    pg.database_recreate(DATABASE, django_env())
    os.environ.update(django_env())
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def copy_rows(table, columns, rows):
    """COPY rows into a table, foreign-key triggers off (data is consistent
    by construction). Returns how many rows were written."""
    from django.db import connection

    count = 0
    with connection.cursor() as cursor:
        raw = cursor.connection
        with raw.cursor() as c:
            c.execute("SET session_replication_role = replica")
            with c.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            c.execute("SET session_replication_role = DEFAULT")
    return count


def vacuum_analyze():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def reuse_database():
    """Keep the generated data; empty reporting's tables (the rollup is
    derived data; contacts and exports were the last run's). Migrating them
    afresh no longer works: later learners migrations depend on reporting's."""
    os.environ.update(django_env())
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.apps import apps
    from django.db import connection

    tables = [m._meta.db_table for m in apps.get_app_config("reporting").get_models()]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)}")
    from learners.models import User

    User.objects.filter(email="coordo@banc.qc.ca").delete()
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM learners_user WHERE email LIKE 'banc%%'")
        learners = cursor.fetchone()[0]
        rows = 0
        for table in sorted(LARGE_TABLES - {"learners_user"}) + [
            "courses_trainingsession"
        ]:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            rows += cursor.fetchone()[0]
    return {"rows": rows, "learners": learners, "generate_s": None}
