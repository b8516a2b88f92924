#!/usr/bin/env python
"""Bulk enrolment: rows per second at 1,000, 10,000 and 20,000 rows.

Run from the project root: `.venv/bin/python bench/enrolment_import.py`.
Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth); it creates and
drops its own database. Each size imports a file of new people (one row in 20
refused, so the report has something in it) through
``learners.services.enrolment_import`` as the Celery task does, every account
created and its invitation put in the outbox; as on a worker, the tasks that
send those e-mails are queued (in memory here), not run inside the import.
Ends with one line of JSON: rows_per_s_<n>, seconds_<n> and
per_row_ratio_20000_1000 (the cost of a row at 20,000 over its cost at 1,000;
target <= 1.2). `--sizes 200,2000` for a quick look.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

import _pg as pg
import psycopg

ROOT = Path(__file__).resolve().parents[1]
DATABASE = "virage_bench_enrolment"
SIZES = (1000, 10000, 20000)
HEADER = "courriel;prénom;nom;code de municipalité;rôle;parcours"
MUNICIPALITIES = ("26022", "03005", "07047", "66023", "23027")
ROLES = ("mayor", "councillor", "Gestionnaire", "dg", "employé")


def csv_file(size, prefix):
    """``size`` rows of new people; every 20th names an unknown path."""
    lines = [HEADER]
    for n in range(size):
        path = "cuisine" if n % 20 == 19 else "cyber-elus"
        municipality = MUNICIPALITIES[n % len(MUNICIPALITIES)]
        lines.append(
            f"{prefix}{n}@exemple.qc.ca;Prénom{n};Nom{n};{municipality};"
            f"{ROLES[n % len(ROLES)]};{path}"
        )
    return "\r\n".join(lines).encode("utf-8-sig")


def django_setup(max_rows):
    env = pg.django_env(
        DATABASE,
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        CELERY_TASK_ALWAYS_EAGER="false",
        ENROLMENT_IMPORT_MAX_ROWS=str(max_rows),
    )
    pg.database_recreate(DATABASE, env)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    from territory.services import municipalities_load
    from tests.factories import build_site

    municipalities_load(directory=settings.MUNICIPALITY_DATA_DIR)
    build_site()


def import_seconds(size, prefix):
    from learners.services import enrolment_import as service

    data = csv_file(size, prefix)
    started = time.perf_counter()
    enrolment_import = service.enrolment_import_create(
        uploaded_by=None, filename=f"{prefix}.csv", data=data
    )
    service.enrolment_import_run(import_id=enrolment_import.pk)
    seconds = time.perf_counter() - started
    enrolment_import.refresh_from_db()
    expected = (size - size // 20, size // 20)
    got = (enrolment_import.imported, enrolment_import.refused)
    assert enrolment_import.status == "done", enrolment_import.error
    assert got == expected, (got, expected)
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument(
        "--sizes", default=",".join(map(str, SIZES)), help="rows per file, in order"
    )
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    django_setup(max(sizes))
    result = {}
    try:
        for size in sizes:
            seconds = import_seconds(size, f"s{size}-")
            result[f"seconds_{size}"] = round(seconds, 2)
            result[f"rows_per_s_{size}"] = round(size / seconds, 1)
            print(f"{size:>6} rows: {seconds:7.2f} s, {size / seconds:7.1f} rows/s")
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            with psycopg.connect(
                "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
            ) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    first, last = sizes[0], sizes[-1]
    result[f"per_row_ratio_{last}_{first}"] = round(
        result[f"rows_per_s_{first}"] / result[f"rows_per_s_{last}"], 3
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
