"""What is measured: the rollup (rebuild, steady refresh), its exactness
against the source tables, each dashboard query and the pages."""

import json
import statistics
import time
from datetime import timedelta

from bench.reporting.database import LARGE_TABLES


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
            " sub_content_id, timestamp, stored, raw, content_hash, trusted)"
            " SELECT gen_random_uuid(), id,"
            "  'answered', 'x', 'bloc', '', now(), now(), '{}'::jsonb, 'banc', false FROM learners_user"
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


def _untallied():
    """The selectors counting the facts, as before the tally (for comparison)."""
    from contextlib import ExitStack
    from unittest import mock

    from reporting.selectors import counts, participation, trends

    stack = ExitStack()
    for module in (counts, participation, trends):
        stack.enter_context(mock.patch.object(module, "tallied", lambda scope: False))
    return stack


def tally_exactness():
    """The unfiltered dashboard and a region's, read from the tally and
    counted on the facts: every figure, breakdown and trend the same."""
    from reporting.selectors import Scope, participation_report
    from territory.models import Municipality

    region = Municipality.objects.get(code="26022").region_id

    def report(scope):
        overview, trends = participation_report(scope=scope, use_cache=False)
        return overview.total, overview.breakdowns, overview.first_months, trends

    same = True
    for scope in (Scope(), Scope(region_id=region)):
        tallied = report(scope)
        with _untallied():
            same &= tallied == report(scope)
    return {"tally_exact": same}


def verified(client, user):
    """The session of ``client`` as if ``user`` had typed their TOTP code."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=user, name="banc", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def notice_accepted(learner):
    """A learner reaches the site's pages once they accepted the privacy
    notice in force (and let their municipality see their progress)."""
    from learners.models import ConsentSource
    from learners.services.accounts import learner_consent_record
    from privacy.selectors import privacy_notice_version

    version = privacy_notice_version()
    if version is not None:
        learner_consent_record(
            user=learner,
            notice_version=version,
            share_with_municipality=True,
            email_reminders=False,
            source=ConsentSource.SIGN_UP,
        )


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
    verified(client, coordinator)  # staff pages ask for a second factor
    contact = User.objects.filter(municipality__code="66023", role="employee").first()
    TrainingContact.objects.create(user=contact, municipality=contact.municipality)
    notice_accepted(contact)
    contact_client = Client()
    contact_client.force_login(contact)

    def get(c, url, clear=False):
        if clear:
            cache.clear()
        response = c.get(url)
        assert response.status_code == 200, (url, response.status_code)

    municipality = "/participation/municipalites/66023/"
    rollup_refresh()  # fresh, as Celery beat keeps it
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
    with _untallied():
        facts_ms = cold()
    return {
        "dashboard_ms": cold(),
        "dashboard_facts_ms": facts_ms,
        "dashboard_cached_ms": median_ms(lambda: participation_report(scope=Scope())),
        "dashboard_last_year_ms": cold(start=year_ago),
        "dashboard_region_ms": cold(region_id=region),
        "municipality_ms": cold(("role", "path"), municipality_id=montreal.pk),
        "municipality_learners_ms": median_ms(
            lambda: municipality_learners(municipality=montreal, scope=Scope())
        ),
    }
