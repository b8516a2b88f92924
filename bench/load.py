#!/usr/bin/env python
"""Load: learners and coordinators on `make prod` (Locust, headless, bounded).

Run from the project root: `.venv/bin/python bench/load.py [--seconds 60]`.
Needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379. It starts
`scripts/prod.sh` (gunicorn, Celery worker and beat, production settings) on a
free port against a database of its own (`virage_bench_load`, made afresh, with
the demo content) and Redis databases 9 and 10, then stops it.

Learners (accounts made for the run, enrolled in a demo path, each with an
open launch of an H5P exercise) open the catalogue, a lesson, "Mon parcours"
and post xAPI statements as the player does, waiting 5–15 s between actions as
a reader does; one coordinator per 100 learners opens the dashboard
(/participation/). Sessions are made beforehand (no password hashing in the
measure). Each stage (100, 300, then 600 users) is spawned, then measured for
`--seconds`. Prints throughput and p50/p95/p99 per stage and per page, and ends
with one line of JSON: users_<n>_p95_ms, users_<n>_p50_ms, users_<n>_p99_ms,
rps_<n>, failures_<n>, users_at_1s (the first stage whose p95 passes 1 s; null
if none does) and the load average. Target: p95 <= 200 ms at 300 users.
"""

# Locust runs on gevent, which patches the standard library: import it first.
from locust import HttpUser, between, task  # isort: skip
from locust.env import Environment  # isort: skip

import argparse
import json
import os
import secrets
import signal
import socket
import string
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlsplit
from urllib.request import urlopen

import gevent
import psycopg
import xapi_ingest

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
DATABASE = "virage_bench_load"
STAGES = (100, 300, 600)
LEARNERS_PER_COORDINATOR = 100
CSRF = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prod_env(port):
    base = f"http://127.0.0.1:{port}"
    return {
        **os.environ,
        "PORT": str(port),
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "DB_CONN_MAX_AGE": "60",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/9",
        "CELERY_RESULT_BACKEND": "redis://127.0.0.1:6379/9",
        "CACHE_URL": "redis://127.0.0.1:6379/10",
        "CELERY_BEAT_SCHEDULE_FILE": f"/tmp/virage-load-beat-{port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": base,
        "H5P_PLAYER_ORIGIN": f"http://localhost:{port}",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "EMAIL_HOST": "localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
    }


def database_drop():
    with psycopg.connect(
        "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
    ) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def server_start(env, log):
    """`scripts/prod.sh` in a process group of its own (stopped as a whole)."""
    return subprocess.Popen(
        ["scripts/prod.sh"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def server_wait(port, process, timeout=1800):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"scripts/prod.sh stopped (exit {process.returncode})")
        try:
            with urlopen(f"http://127.0.0.1:{port}/health/", timeout=10) as answer:
                if answer.status == 200:
                    return
        except (URLError, OSError):
            pass
        time.sleep(3)
    raise SystemExit("make prod did not answer /health/ in time")


def server_stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


SETUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from courses.models import LearningPathIndexPage, LearningPathPage, LessonPage
from learners.models import Enrolment, LearnerConsent, User
from learners.services import h5p_launch_open
from privacy.selectors import privacy_notice_version
from territory.models import Municipality

def session(user, **extra):
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "learners.backends.AccountBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.update(extra)
    store.create()
    return store.session_key

lesson = block = None
for page in LessonPage.objects.live().specific().order_by("path"):
    for child in page.body:
        if child.block_type == "h5p":
            lesson, block = page, child
            break
    if lesson:
        break
path = LearningPathPage.objects.ancestor_of(lesson).get()
municipalities = list(Municipality.objects.values_list("pk", flat=True)[:500])
users = User.objects.bulk_create([
    User(email=f"charge-PREFIX-{n}@exemple.qc.ca", first_name="Charge", last_name=str(n),
         role="employee", municipality_id=municipalities[n % len(municipalities)],
         password="!")
    for n in range(LEARNERS)
])
Enrolment.objects.bulk_create([Enrolment(user=u, path=path) for u in users])
version = privacy_notice_version() or 1
LearnerConsent.objects.bulk_create([
    LearnerConsent(user=u, notice_version=version, accepted_at=timezone.now())
    for u in users
])
learners = [
    {"session": session(u), "email": u.email,
     "launch": str(h5p_launch_open(user=u, lesson_id=lesson.pk,
                                   block_id=block.id).pk)}
    for u in users
]
coordinator = User.objects.get(email="coordonnateur@demo.virage.quebec")
device, _ = TOTPDevice.objects.get_or_create(
    user=coordinator, name="charge", defaults={"confirmed": True})
coordinators = [session(coordinator, otp_device_id=device.persistent_id)
                for _ in range(COORDINATORS)]
print(json.dumps({
    "catalogue": LearningPathIndexPage.objects.live().first().url,
    "lesson": lesson.url, "lesson_id": lesson.pk, "block": block.id,
    "content": block.value["content"].pk if hasattr(block.value["content"], "pk")
               else block.value["content"],
    "my_path": reverse("learners:dashboard"), "dashboard": "/participation/",
    "learners": learners, "coordinators": coordinators,
}))
"""


def setup(env, learners, coordinators):
    script = (
        SETUP.replace("LEARNERS", str(learners))
        .replace("COORDINATORS", str(coordinators))
        .replace("PREFIX", secrets.token_hex(4))
    )
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-v0", "-c", script],
        cwd=ROOT,
        env=env,
        check=False,
        capture_output=True,
        text=True,
    )
    if out.returncode:
        raise SystemExit(f"Setting up the learners failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def statement(site, base, learner, n):
    """What H5P sends for an answer (every fifth: the whole exercise done),
    as the xAPI benchmark builds it, for this run's exercise and server."""
    sent = xapi_ingest.h5p_statement(
        learner["email"], site["content"], site["lesson_id"], n, learner["launch"]
    )
    sample = f"http://{xapi_ingest.HOST}:{xapi_ingest.PORT}"
    for activity in (sent["object"], *sent["context"]["contextActivities"]["parent"]):
        activity["id"] = (
            activity["id"]
            .replace(sample, base)
            .replace(xapi_ingest.BLOCK, site["block"])
        )
    return sent


def user_classes(site, base):
    learners = iter(site["learners"] * 10)
    coordinators = iter(site["coordinators"] * 10)

    class Learner(HttpUser):
        """Opens the catalogue, a lesson, answers its exercise, looks at
        "Mon parcours"; 5–15 s between actions."""

        host = base
        wait_time = between(5, 15)
        weight = LEARNERS_PER_COORDINATOR

        def on_start(self):
            self.me = next(learners)
            self.client.cookies.set("sessionid", self.me["session"])
            self.client.cookies.set("csrftoken", CSRF)
            self.answers = 0

        @task(2)
        def catalogue(self):
            self.client.get(site["catalogue"], name="catalogue")

        @task(3)
        def lesson(self):
            self.client.get(site["lesson"], name="lesson")

        @task(2)
        def my_path(self):
            self.client.get(site["my_path"], name="mon parcours")

        @task(4)
        def xapi(self):
            batch = [statement(site, base, self.me, self.answers + i) for i in (0, 1)]
            self.answers += 2
            self.client.post(
                "/xapi/statements",
                data=json.dumps(batch),
                headers={
                    "Content-Type": "application/json",
                    "X-Experience-API-Version": "1.0.3",
                    "X-CSRFToken": CSRF,
                },
                name="xapi statements",
            )

    class Coordinator(HttpUser):
        host = base
        wait_time = between(5, 15)
        weight = 1

        def on_start(self):
            self.client.cookies.set("sessionid", next(coordinators))

        @task
        def dashboard(self):
            with self.client.get(
                site["dashboard"], name="dashboard", catch_response=True
            ) as answer:
                if urlsplit(answer.url or "").path != site["dashboard"]:
                    answer.failure(f"redirected to {answer.url}")

    return Learner, Coordinator


def stage(site, base, users, seconds):
    learner, coordinator = user_classes(site, base)
    env = Environment(user_classes=[learner, coordinator])
    runner = env.create_local_runner()
    ramp = max(10, users // 30)
    runner.start(users, spawn_rate=users / ramp)
    gevent.sleep(ramp + 5)
    env.stats.reset_all()
    gevent.sleep(seconds)
    total = env.stats.total
    pages = {
        name: round(entry.get_response_time_percentile(0.95))
        for (name, _method), entry in sorted(env.stats.entries.items())
    }
    result = {
        "users": runner.user_count,
        "requests": total.num_requests,
        "failures": total.num_failures,
        "rps": round(total.num_requests / seconds, 1),
        "p50_ms": round(total.get_response_time_percentile(0.5) or 0),
        "p95_ms": round(total.get_response_time_percentile(0.95) or 0),
        "p99_ms": round(total.get_response_time_percentile(0.99) or 0),
        "p95_ms_by_page": pages,
        "errors": [str(error.error)[:160] for error in env.stats.errors.values()][:5],
    }
    runner.quit()
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="measure per stage")
    parser.add_argument(
        "--stages", default=",".join(map(str, STAGES)), help="users per stage"
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="use the database as it is and keep it (faster start next time)",
    )
    args = parser.parse_args()
    stages = [int(users) for users in args.stages.split(",")]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = prod_env(port)
    if not args.keep:
        database_drop()
    log_path = Path(f"/tmp/virage-load-{port}.log")
    print(f"make prod on {base} (log: {log_path})", flush=True)
    with log_path.open("w") as log:
        server = server_start(env, log)
        try:
            server_wait(port, server)
            site = setup(
                env, max(stages), max(1, max(stages) // LEARNERS_PER_COORDINATOR)
            )
            result = {}
            crossed = None
            for users in stages:
                found = stage(site, base, users, args.seconds)
                print(f"{users:>4} users: {json.dumps(found)}", flush=True)
                for key in ("p50_ms", "p95_ms", "p99_ms"):
                    result[f"users_{users}_{key}"] = found[key]
                result[f"rps_{users}"] = found["rps"]
                result[f"failures_{users}"] = found["failures"]
                if crossed is None and found["p95_ms"] > 1000:
                    crossed = users
            result["users_at_1s"] = crossed
            result["seconds_per_stage"] = args.seconds
            result["loadavg"] = [round(x, 2) for x in os.getloadavg()]
        finally:
            server_stop(server)
            if not args.keep:
                database_drop()
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
