#!/usr/bin/env python
"""Participation reporting benchmark: a province-wide dataset in PostgreSQL
(1,122 municipalities, learners spread by population, 60 paths, about 100
progress and xAPI records per learner over two years), then the time of each
dashboard query, of the whole dashboard and of a municipality page.

Run from the project root: `.venv/bin/python bench/reporting.py` (5,000,000
records, a few minutes) or `--learners 2000` for a quick run. Needs PostgreSQL
on 127.0.0.1:5432 (user postgres, trust auth); it drops and creates its own
database. Ends with one line of JSON: dashboard_ms, municipality_ms, rows,
generate_s and more.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

import _pg as pg

ROOT = Path(__file__).resolve().parents[1]
DATABASE = "virage_bench_reporting"
RECORDS_PER_LEARNER = 100  # 50,000 learners → 5,000,000 records
PATHS, MODULES_PER_PATH, LESSONS_PER_MODULE = 60, 3, 5
ROLES = [
    ("mayor", 4),
    ("councillor", 22),
    ("director_general", 6),
    ("manager", 18),
    ("employee", 50),
]
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


def ensure_certificate_table():
    """The certification migration may not exist yet: create the table from
    the model so that certificates are part of the data."""
    from django.db import connection

    from certification.models import Certificate

    if Certificate._meta.db_table not in connection.introspection.table_names():
        with connection.schema_editor() as editor:
            editor.create_model(Certificate)
        print("certification_certificate créée depuis le modèle", file=sys.stderr)


def add_pages(parent, model, items):
    """Children of ``parent`` in bulk: their wagtailcore_page rows, then the
    model's own table (``add_child``, one page at a time, takes a minute)."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Page

    content_type, now, depth = (
        ContentType.objects.get_for_model(model),
        timezone.now(),
        parent.depth + 1,
    )
    pages = Page.objects.bulk_create(
        Page(
            path=Page._get_path(parent.path, depth, n + 1),
            depth=depth,
            locale_id=parent.locale_id,
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            url_path=f"{parent.url_path}{slug}/",
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        for n, (title, slug, _fields) in enumerate(items)
    )
    Page.objects.filter(pk=parent.pk).update(numchild=len(items))
    columns = ["page_ptr_id", *items[0][2]]
    copy_rows(
        model._meta.db_table,
        columns,
        [(page.pk, *item[2].values()) for page, item in zip(pages, items, strict=True)],
    )
    return pages


def build_catalogue():
    """60 paths × 3 modules × 5 lessons, live."""
    from wagtail.models import Page, Site

    from cms.models import HomePage
    from courses.models import (
        LearningPathIndexPage,
        LearningPathPage,
        LessonPage,
        ModulePage,
        Theme,
    )

    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Virage", slug="accueil-banc")
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    catalogue = home.add_child(
        instance=LearningPathIndexPage(title="Catalogue", slug="catalogue")
    )
    themes = list(Theme.objects.values_list("pk", flat=True))
    path_pages = add_pages(
        catalogue,
        LearningPathPage,
        [
            (
                f"Parcours {p + 1:02d}",
                f"parcours-{p + 1}",
                {
                    "summary": "Banc d'essai.",
                    "theme_id": themes[p % len(themes)],
                    "estimated_hours": 4,
                    "learning_format": "online",
                },
            )
            for p in range(PATHS)
        ],
    )
    module_fields = {
        "objectives": "<p>Apprendre</p>",
        "estimated_minutes": 30,
        "default_requirement": "required",
        "default_attendance_required": False,
    }
    lesson_fields = {"summary": "", "estimated_minutes": 15, "body": "[]"}
    paths = []
    for path in path_pages:
        modules = add_pages(
            path,
            ModulePage,
            [
                (f"Module {m + 1}", f"module-{m + 1}", module_fields)
                for m in range(MODULES_PER_PATH)
            ],
        )
        lessons = []
        for module in modules:
            lessons += add_pages(
                module,
                LessonPage,
                [
                    (f"Leçon {n + 1}", f"lecon-{n + 1}", lesson_fields)
                    for n in range(LESSONS_PER_MODULE)
                ],
            )
        paths.append(
            {
                "id": path.pk,
                "modules": [m.pk for m in modules],
                "lessons": [lesson.pk for lesson in lessons],
            }
        )
    return paths


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


def weighted_municipalities(rng):
    from territory.models import Municipality

    places = list(Municipality.objects.values_list("id", "population"))
    rng.shuffle(places)
    taking_part = places[: int(len(places) * 0.8)]  # the others: no learner
    return [pk for pk, _ in taking_part], [
        max(pop, 50) ** 0.6 for _, pop in taking_part
    ]


def load_learners(rng, count, now):
    ids, weights = weighted_municipalities(rng)
    towns = rng.choices(ids, weights, k=count)
    roles = rng.choices([r for r, _ in ROLES], [w for _, w in ROLES], k=count)
    rows = (
        (
            "!",
            False,
            "Banc",
            f"Essai {n}",
            False,
            True,
            now,
            f"banc{n}@exemple.qc.ca",
            towns[n],
            roles[n],
        )
        for n in range(count)
    )
    columns = [
        "password",
        "is_superuser",
        "first_name",
        "last_name",
        "is_staff",
        "is_active",
        "date_joined",
        "email",
        "municipality_id",
        "role",
    ]
    copy_rows("learners_user", columns, rows)
    from learners.models import User

    return list(
        User.objects.filter(email__startswith="banc")
        .order_by("id")
        .values_list("id", "role")
    )


def progress_rows(rng, learners, paths, now):
    """Enrolments, lesson completions, path completions, certificates."""
    start = now - timedelta(days=730)
    popularity = [1 / (rank + 1) ** 0.8 for rank in range(len(paths))]
    out = {"enrolments": [], "lessons": [], "completions": [], "certificates": []}
    for user_id, role in learners:
        if rng.random() < 0.08:
            continue  # an account, no enrolment
        for path in {
            id(p): p
            for p in rng.choices(paths, popularity, k=rng.choice((1, 1, 2, 3, 4, 5, 6)))
        }.values():
            enrolled = start + timedelta(days=730 * rng.random() ** 0.7)
            out["enrolments"].append((user_id, path["id"], "self", enrolled))
            if rng.random() > 0.85:
                continue
            lessons = (
                path["lessons"]
                if rng.random() < 0.45
                else path["lessons"][: rng.randint(1, 14)]
            )
            when = enrolled + timedelta(days=20 * rng.random())
            done = []
            for lesson in lessons:
                if when >= now:
                    break
                done.append(lesson)
                out["lessons"].append((user_id, lesson, "manual", when))
                when += timedelta(days=0.2 + 6 * rng.random())
            if len(done) == len(path["lessons"]):
                completed = when - timedelta(days=0.1)
                out["completions"].append((user_id, path["id"], role, completed))
                if rng.random() < 0.92:
                    revoked = (
                        completed + timedelta(days=9) if rng.random() < 0.03 else None
                    )
                    code = f"{user_id:08x}{path['id']:08x}"
                    out["certificates"].append(
                        (
                            user_id,
                            path["id"],
                            code,
                            "{}",
                            completed,
                            completed,
                            "",
                            revoked,
                            "",
                            0,
                        )
                    )
    return out


def load_progress(rng, learners, paths, now):
    rows = progress_rows(rng, learners, paths, now)
    written = copy_rows(
        "learners_enrolment",
        ["user_id", "path_id", "source", "created_at"],
        rows["enrolments"],
    )
    written += copy_rows(
        "learners_lessoncompletion",
        ["user_id", "lesson_id", "source", "completed_at"],
        rows["lessons"],
    )
    written += copy_rows(
        "learners_pathcompletion",
        ["user_id", "path_id", "role", "completed_at"],
        rows["completions"],
    )
    written += copy_rows(
        "certification_certificate",
        [
            "user_id",
            "path_id",
            "code",
            "content",
            "issued_at",
            "completed_at",
            "pdf",
            "revoked_at",
            "revoked_reason",
            "verification_count",
        ],
        rows["certificates"],
    )
    return written, rows["enrolments"]


def load_sessions(rng, enrolments, paths, now):
    from courses.models import TrainingSession
    from learners.models import User
    from territory.models import Municipality

    trainer = User.objects.create_user(
        email="formation@banc.qc.ca", first_name="F", last_name="B"
    )
    towns = list(Municipality.objects.values_list("id", flat=True))
    by_path, sessions = {}, []
    for n in range(max(60, len(enrolments) // 120)):
        path = rng.choice(paths)
        starts = now - timedelta(days=730) + timedelta(days=760 * rng.random())
        in_person = rng.random() < 0.75
        sessions.append(
            TrainingSession(
                module_id=rng.choice(path["modules"]),
                title=f"Séance {n}",
                starts_at=starts,
                ends_at=starts + timedelta(hours=3),
                registration_deadline=starts - timedelta(days=1),
                capacity=200,
                trainer=trainer,
                session_format="in_person" if in_person else "virtual",
                address="1, rue Principale" if in_person else "",
                municipality_id=rng.choice(towns) if in_person else None,
                virtual_url="" if in_person else "https://visio.exemple.qc.ca/s",
                cancelled_at=starts - timedelta(days=3)
                if rng.random() < 0.05
                else None,
            )
        )
    for session in TrainingSession.objects.bulk_create(sessions):
        path_id = next(p["id"] for p in paths if session.module_id in p["modules"])
        by_path.setdefault(path_id, []).append(session)
    seen, rows = set(), []
    for user_id, path_id, _source, _enrolled in enrolments:
        if rng.random() > 0.35 or path_id not in by_path:
            continue
        session = rng.choice(by_path[path_id])
        if (user_id, session.pk) in seen:
            continue
        seen.add((user_id, session.pk))
        status = rng.choices(["registered", "waitlisted", "cancelled"], [85, 5, 10])[0]
        ended = session.ends_at < now
        attended = (
            rng.choices([True, False, None], [80, 10, 10])[0]
            if ended and status == "registered"
            else None
        )
        rows.append(
            (
                user_id,
                session.pk,
                status,
                session.starts_at - timedelta(days=10),
                attended,
            )
        )
    return len(sessions) + copy_rows(
        "learners_sessionregistration",
        ["user_id", "session_id", "status", "requested_at", "attended"],
        rows,
    )


def load_statements(target):
    """xAPI statements around each lesson completion, generated in SQL."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM learners_lessoncompletion")
        lessons = cursor.fetchone()[0] or 1
        per_lesson = max(target, 0) / lessons
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(
            """
            INSERT INTO learners_xapistatement (statement_id, user_id, verb, object_id,
              lesson_id, block_id, sub_content_id, score_raw, score_max, score_scaled,
              success, completion, duration_seconds, timestamp, stored, raw, content_hash)
            SELECT gen_random_uuid(), c.user_id,
              CASE WHEN g = 1 THEN 'http://adlnet.gov/expapi/verbs/completed'
                   ELSE 'http://adlnet.gov/expapi/verbs/answered' END,
              'http://localhost/xapi/activites/1/' || c.lesson_id || '/bloc', c.lesson_id,
              'bloc', '', 1, 1, 1, true, true, 4.5,
              c.completed_at - g * interval '3 minutes', c.completed_at - g * interval '3 minutes',
              '{}'::jsonb, 'banc'
            FROM learners_lessoncompletion c, generate_series(1, %s) g
            WHERE g <= %s OR random() < %s
            """,
            [int(per_lesson) + 1, int(per_lesson), per_lesson - int(per_lesson)],
        )
        written = cursor.rowcount
        cursor.execute("SET session_replication_role = DEFAULT")
    return written


def generate(learner_count, seed=2026):
    from django.conf import settings
    from django.utils import timezone

    from territory.services import municipalities_load

    rng, now = random.Random(seed), timezone.now()
    started = time.perf_counter()

    def phase(name):
        print(f"{time.perf_counter() - started:7.1f} s  {name}", file=sys.stderr)

    municipalities_load(directory=settings.MUNICIPALITY_DATA_DIR)
    ensure_certificate_table()
    phase("municipalities")
    paths = build_catalogue()
    phase("catalogue")
    learners = load_learners(rng, learner_count, now)
    written, enrolments = load_progress(rng, learners, paths, now)
    phase("learners and progress")
    written += load_sessions(rng, enrolments, paths, now)
    written += load_statements(learner_count * RECORDS_PER_LEARNER - written)
    phase("sessions and statements")
    vacuum_analyze()
    phase("vacuum analyze")
    return {
        "rows": written,
        "learners": len(learners),
        "generate_s": round(time.perf_counter() - started, 1),
    }


def vacuum_analyze():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def median_ms(function, runs=5):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def build_rollup():
    """A full rebuild, then a steady-state refresh after a minute of activity."""
    from django.db import connection

    from reporting.models import RollupCheckpoint
    from reporting.rollup import rollup_compact, rollup_rebuild, rollup_refresh

    started = time.perf_counter()
    rollup_rebuild()
    rollup_compact()  # what `manage.py reporting_rebuild` does after it
    rebuild_s = round(time.perf_counter() - started, 1)
    RollupCheckpoint.objects.update(
        taken_at=RollupCheckpoint.objects.get().taken_at - timedelta(minutes=10)
    )
    with connection.cursor() as cursor:  # a minute of activity: new statements
        cursor.execute(
            "INSERT INTO learners_xapistatement (statement_id, user_id, verb, object_id, block_id,"
            " sub_content_id, timestamp, stored, raw, content_hash) SELECT gen_random_uuid(), id,"
            " 'answered', 'x', 'bloc', '', now(), now(), '{}'::jsonb, 'banc' FROM learners_user"
            " WHERE id % 50 = 0"
        )
        cursor.execute("ANALYZE")
    state = rollup_refresh()
    return {"rollup_rebuild_s": rebuild_s, "refresh_ms": state.duration_ms}


def dashboard_queries():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reporting.selectors import Scope, participation_report

    with CaptureQueriesContext(connection) as captured:
        participation_report(scope=Scope())
    return [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].lstrip().upper().startswith(("SELECT", "WITH"))
    ]


def query_report(sqls):
    """Median time and sequential scans of each dashboard query."""
    from django.db import connection

    report, seq_scans = [], []
    with connection.cursor() as cursor:
        # what ``report_reads`` sets for the selectors' transaction
        cursor.execute("SET work_mem = '32MB'")
        cursor.execute("SET max_parallel_workers_per_gather = 0")
        for sql in sqls:
            ms = median_ms(lambda sql=sql: cursor.execute(sql) or cursor.fetchall())
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
            plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            scanned = sorted(set(seq_scanned(plan[0]["Plan"])))
            seq_scans += [t for t in scanned if t in LARGE_TABLES]
            report.append({"ms": ms, "seq_scan": scanned, "sql": sql[:140]})
        cursor.execute("RESET work_mem")
        cursor.execute("RESET max_parallel_workers_per_gather")
    return report, sorted(set(seq_scans))


def seq_scanned(node):
    if node.get("Node Type") == "Seq Scan":
        yield node.get("Relation Name")
    for child in node.get("Plans", []):
        yield from seq_scanned(child)


LIVE_SQL = """
SELECT (SELECT COUNT(DISTINCT e.user_id) FROM learners_enrolment e WHERE e.created_at >= %(start)s),
       (SELECT COUNT(DISTINCT u.municipality_id) FROM learners_enrolment e
          JOIN learners_user u ON u.id = e.user_id WHERE e.created_at >= %(start)s),
       (SELECT COUNT(DISTINCT c.user_id) FROM learners_lessoncompletion c
          JOIN (SELECT user_id, lesson_id, MIN(completed_at) OVER (PARTITION BY c2.user_id, p.path_id) AS first
                FROM learners_lessoncompletion c2 JOIN reporting_pathcontent p ON p.page_id = c2.lesson_id) f
          ON f.user_id = c.user_id AND f.lesson_id = c.lesson_id WHERE f.first >= %(start)s),
       (SELECT COUNT(DISTINCT user_id) FROM learners_pathcompletion WHERE completed_at >= %(start)s),
       (SELECT COUNT(DISTINCT user_id) FROM certification_certificate
          WHERE revoked_at IS NULL AND issued_at >= %(start)s)
"""


def exactness():
    """Dashboard totals against the same figures counted on the source tables
    (learners enrolled, municipalities, started, completed, certified), for
    all time and for the last 180 days."""
    from datetime import UTC, datetime

    from django.db import connection
    from django.utils import timezone

    from reporting.selectors import Scope, participation_overview

    checks = {}
    for name, start in (("all", None), ("180d", timezone.now() - timedelta(days=180))):
        total = participation_overview(scope=Scope(start=start), dimensions=()).total
        with connection.cursor() as cursor:
            cursor.execute(
                LIVE_SQL, {"start": start or datetime(1970, 1, 1, tzinfo=UTC)}
            )
            live = list(cursor.fetchone())
        mine = [
            total.enrolled,
            total.participating,
            total.started,
            total.completed,
            total.certified,
        ]
        checks[name] = {"live": live, "dashboard": mine}
    return {
        "exact": all(c["live"] == c["dashboard"] for c in checks.values()),
        "checks": checks,
    }


def time_pages():
    """The pages as a browser gets them (Django test client, in process)."""
    from django.core.cache import cache
    from django.test import Client

    from learners.models import User
    from reporting.models import TrainingContact
    from reporting.rollup import rollup_refresh

    coordinator = User.objects.create_superuser(email="coordo@banc.qc.ca", password="x")
    client = Client()
    client.force_login(coordinator)
    contact = User.objects.filter(municipality__code="66023", role="employee").first()
    TrainingContact.objects.create(user=contact, municipality=contact.municipality)
    contact_client = Client()
    contact_client.force_login(contact)

    def get(c, url, clear=False):
        if clear:
            cache.clear()
        response = c.get(url)
        assert response.status_code == 200, (url, response.status_code)

    municipality = "/participation/municipalites/66023/"
    rollup_refresh()  # fresh: pages would otherwise ask for a refresh themselves
    get(client, "/participation/")
    return {
        "dashboard_page_ms": median_ms(lambda: get(client, "/participation/")),
        "dashboard_page_cold_ms": median_ms(
            lambda: get(client, "/participation/", clear=True)
        ),
        "municipality_page_ms": median_ms(lambda: get(client, municipality, True)),
        "municipality_contact_page_ms": median_ms(
            lambda: get(contact_client, municipality, True)
        ),
    }


def reuse_database():
    """Keep the generated data; drop the rollup and migrate it again."""
    os.environ.update(django_env())
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE tablename LIKE 'reporting_%%'"
        )
        for (table,) in cursor.fetchall():
            cursor.execute(f"DROP TABLE {table} CASCADE")
        cursor.execute("DELETE FROM django_migrations WHERE app = 'reporting'")
    from django.core.management import call_command

    call_command("migrate", "reporting", verbosity=0)
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


def time_selectors():
    from django.utils import timezone

    from reporting.selectors import (
        DIMENSIONS,
        Scope,
        municipality_learners,
        participation_report,
    )
    from territory.models import Municipality

    montreal = Municipality.objects.get(code="66023")
    region = Municipality.objects.get(code="26022").region_id
    year_ago = timezone.now() - timedelta(days=365)

    def cold(dimensions=DIMENSIONS, **scope):
        return median_ms(
            lambda: participation_report(
                scope=Scope(**scope), dimensions=dimensions, use_cache=False
            )
        )

    participation_report(scope=Scope())  # what the refresh task leaves in the cache
    return {
        "dashboard_ms": cold(),
        "dashboard_cached_ms": median_ms(lambda: participation_report(scope=Scope())),
        "dashboard_last_year_ms": cold(start=year_ago),
        "dashboard_region_ms": cold(region_id=region),
        "municipality_ms": cold(("role", "path"), municipality_id=montreal.pk),
        "municipality_learners_ms": median_ms(
            lambda: municipality_learners(municipality=montreal, scope=Scope())
        ),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=50_000)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the data of the previous run"
    )
    args = parser.parse_args()

    if args.reuse:
        figures = reuse_database()
    else:
        prepare_database()
        figures = generate(args.learners)
    print(f"generated: {figures}", file=sys.stderr)
    figures.update(build_rollup())
    figures.update(exactness())
    report, seq_scans = query_report(dashboard_queries())
    for line in report:
        print(
            f"{line['ms']:8.1f} ms  seq scan: {line['seq_scan']}  {line['sql']}",
            file=sys.stderr,
        )
    figures.update(time_selectors())
    figures.update(time_pages())
    figures["seq_scans_large_tables"] = seq_scans
    figures["queries"] = len(report)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
