#!/usr/bin/env python
"""Course pages benchmark: signed-in, enrolled learners fetching a lesson with
an H5P block, a module page, a path page and "Mon parcours" from Virage under
gunicorn (4 workers) with PostgreSQL and the Redis cache production uses, at 10
and 50 concurrent clients.

Run from the project root: `.venv/bin/python bench/pages.py [--seconds 30]`.
Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) and Redis on
127.0.0.1:6379; creates and drops its own database. Ends with one line of
JSON: lesson_rps_10, lesson_p95_ms_10, lesson_rps_50, lesson_p95_ms_50,
path_rps_10, dashboard_rps_10 (and the module's and the rest), lesson_queries
(SQL queries of a warm lesson page for one learner).
"""

import argparse
import json
import subprocess
import sys
import threading
import time

import _pg as pg

DATABASE = "virage_bench_pages"
HOST = "127.0.0.1"
PORT = pg.free_port(HOST)
PASSWORD = "bench-mot-de-passe-2026"
BLOCK = "3f6c1a52-9d0e-4b7a-8c21-5e4f0b9d7a13"
CACHE_URL = "redis://127.0.0.1:6379/11"


def django_env():
    return pg.django_env(DATABASE, DB_CONN_MAX_AGE="600", CACHE_URL=CACHE_URL)


SETUP = """
import json
from django.core.cache import cache
from courses.models import H5PContent, H5PLibrary
from learners.models import Enrolment, LearnerConsent, User
from privacy.selectors import privacy_notice_version
from territory.services import municipalities_load
from django.conf import settings
from tests.factories import build_site
from tests.progress_fixtures import add_module
cache.clear()
municipalities_load(directory=settings.MUNICIPALITY_DATA_DIR)
tree = build_site()
add_module(tree["path"], "module-2", lessons=3)
library = H5PLibrary.objects.create(machine_name="H5P.QuestionSet", major_version=1,
    minor_version=20, patch_version=3, title="Question Set", runnable=True,
    translations={{"fr": {{"t": "x" * 200_000}}}}, semantics=[{{"name": "x" * 10_000}}])
content = H5PContent.objects.create(title="Quiz", main_library=library,
    source_filename="q.h5p")
lesson = tree["lesson"]
lesson.body = json.dumps([
    {{"type": "paragraph", "id": "texte", "value": "<p>Un courriel vous presse.</p>"}},
    {{"type": "h5p", "id": "{block}", "value": {{"content": content.pk,
      "grading_method": "highest", "completion_rule": "passed", "pass_threshold": 80}}}},
])
lesson.save_revision().publish()
emails = []
notice = privacy_notice_version() or 1
for n in range({learners}):
    user = User.objects.create_user(email=f"page{{n}}@exemple.qc.ca",
        password="{password}", first_name="Banc", last_name=str(n), role="employee",
        municipality_id=1 + n % 1000)
    LearnerConsent.objects.create(user=user, notice_version=notice,
        accepted_at=user.date_joined, share_with_municipality=True,
        email_reminders=True)
    Enrolment.objects.create(user=user, path=tree["path"])
    emails.append(user.email)
from django.urls import reverse
print(json.dumps({{"lesson": lesson.url, "module": tree["module"].url,
    "path": tree["path"].url, "dashboard": reverse("learners:dashboard"),
    "emails": emails}}))
"""

# The lesson page's SQL for one learner, cache warm, as the test client sees it.
QUERIES = """
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from learners.models import User
client = Client(HTTP_HOST="{host}")
client.force_login(User.objects.get(email="{email}"))
client.get("{url}")
with CaptureQueriesContext(connection) as queries:
    assert client.get("{url}").status_code == 200
print(len(queries))
"""


def manage_shell(script):
    return subprocess.run(
        [pg.PYTHON, "manage.py", "shell", "-v0", "-c", script],
        cwd=pg.ROOT,
        env=django_env(),
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout.strip()


def prepare_database(learners):
    pg.database_recreate(DATABASE, django_env())
    out = manage_shell(SETUP.format(block=BLOCK, learners=learners, password=PASSWORD))
    return json.loads(out.splitlines()[-1])


def lesson_queries(setup):
    script = QUERIES.format(host=HOST, email=setup["emails"][0], url=setup["lesson"])
    return int(manage_shell(script).splitlines()[-1])


def tree_cpu_seconds(root_pid) -> float:
    """CPU time (user + system) of ``root_pid`` and its children so far
    (Linux's /proc; 0 elsewhere)."""
    import os

    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total, pids = 0, {root_pid}
    try:
        entries = [entry for entry in os.listdir("/proc") if entry.isdigit()]
    except OSError:
        return 0.0
    stats = {}
    for entry in entries:
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(entry)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
    for pid, (parent, _) in stats.items():
        if parent == root_pid:
            pids.add(pid)
    for pid in pids:
        total += stats.get(pid, (0, 0))[1]
    return total / ticks


def run(clients, url, seconds, server=None):
    """Every client fetches ``url`` in a loop for ``seconds``."""
    latencies, errors, lock = [], [], threading.Lock()
    deadline = time.perf_counter() + seconds

    def work(client):
        mine = []
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            status, _ = client.request("GET", url)
            mine.append(time.perf_counter() - started)
            if status != 200:
                errors.append(status)
        with lock:
            latencies.extend(mine)

    client_cpu = time.process_time()
    server_cpu = tree_cpu_seconds(server.pid) if server else 0.0
    wall = pg.concurrently(work, clients)
    client_cpu = time.process_time() - client_cpu
    server_cpu = (tree_cpu_seconds(server.pid) if server else 0.0) - server_cpu
    assert not errors, f"{url}: {len(errors)} errors, e.g. {errors[0]}"
    latencies.sort()
    return {
        "rps": round(len(latencies) / wall, 1),
        "p50_ms": pg.percentile_ms(latencies, 0.5),
        "p95_ms": pg.percentile_ms(latencies, 0.95),
        "requests": len(latencies),
        # The load generator shares the machine: its own CPU per request.
        "client_cpu_ms": round(client_cpu * 1000 / max(len(latencies), 1), 2),
        # gunicorn's workers' CPU per request (the rest: PostgreSQL, Redis).
        "server_cpu_ms": round(server_cpu * 1000 / max(len(latencies), 1), 2),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30, help="per measure")
    args = parser.parse_args()

    setup = prepare_database(50)
    pages = {
        "lesson": setup["lesson"],
        "module": setup["module"],
        "path": setup["path"],
        "dashboard": setup["dashboard"],
    }
    server = pg.gunicorn_start(django_env(), workers=args.workers, host=HOST, port=PORT)
    figures = {}
    try:
        clients = [
            pg.SignedInClient(email, PASSWORD, host=HOST, port=PORT)
            for email in setup["emails"]
        ]
        for url in pages.values():  # warm-up: worker imports, caches
            run(clients[:8], url, min(3, args.seconds))
        for concurrency in (10, 50):
            for name, url in pages.items():
                if concurrency == 50 and name != "lesson":
                    continue
                result = run(clients[:concurrency], url, args.seconds, server)
                print(f"{name} × {concurrency}: {result}", file=sys.stderr)
                figures[f"{name}_rps_{concurrency}"] = result["rps"]
                figures[f"{name}_p95_ms_{concurrency}"] = result["p95_ms"]
    finally:
        server.terminate()
        server.wait()
    figures["lesson_queries"] = lesson_queries(setup)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
