#!/usr/bin/env python
"""xAPI ingest benchmark: realistic H5P statements sent over loopback to Virage
under gunicorn with PostgreSQL, one per request and in batches of 50. Each
learner is enrolled and has opened a launch of the exercise, so every
statement is trusted and filed into attempts, as a real player's are.

Run from the project root: `.venv/bin/python bench/xapi_ingest.py` (or `make bench`).
Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth); it creates and
drops its own database (``XAPI_BENCH_DATABASE``, default
virage_bench_xapi). Ends with one line of JSON: single_per_s, single_p95_ms,
batch_per_s, batch_p95_ms; with ``--history N`` every learner first gets N
earlier closed attempts on the block (none passed, so each closing result
still checks the lesson), and the JSON adds ``history`` and
``history_single_per_s`` (the one-per-request rate with that history; compare
it with a run at ``--history 0``).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import _pg as pg
import psycopg

ROOT = Path(__file__).resolve().parents[1]
DATABASE = os.environ.get("XAPI_BENCH_DATABASE", "virage_bench_xapi")
HOST = "127.0.0.1"


PORT = pg.free_port(HOST)
PASSWORD = "bench-mot-de-passe-2026"
BLOCK = "3f6c1a52-9d0e-4b7a-8c21-5e4f0b9d7a13"


def django_env():
    return pg.django_env(DATABASE, DB_CONN_MAX_AGE="600")


def prepare_database(learners):
    pg.database_recreate(DATABASE, django_env())
    python = pg.PYTHON
    script = f"""
import json
from courses.models import H5PContent, H5PLibrary
from tests.factories import build_site
from learners.models import Enrolment, User
from learners.services import h5p_launch_open
from territory.services import municipalities_load
from django.conf import settings
municipalities_load(directory=settings.MUNICIPALITY_DATA_DIR)
tree = build_site()
library = H5PLibrary.objects.create(machine_name="H5P.QuestionSet", major_version=1,
    minor_version=20, patch_version=3, title="Question Set", runnable=True)
content = H5PContent.objects.create(title="Quiz", main_library=library, source_filename="q.h5p")
# The lesson holds the exercise, so a finished attempt checks the lesson's
# completion as it does in production.
lesson = tree["lesson"]
lesson.body = json.dumps([
    {{"type": "paragraph", "id": "texte", "value": "<p>Un courriel vous presse.</p>"}},
    {{"type": "h5p", "id": "{BLOCK}", "value": {{"content": content.pk,
      "grading_method": "highest", "completion_rule": "passed", "pass_threshold": 80}}}},
])
lesson.save_revision().publish()
learners = {{}}
for n in range({learners}):
    user = User.objects.create_user(email=f"bench{{n}}@exemple.qc.ca", password="{PASSWORD}",
        first_name="Banc", last_name=str(n), role="employee",
        municipality_id=1 + n % 1000)
    Enrolment.objects.create(user=user, path=tree["path"])
    launch = h5p_launch_open(user=user, lesson_id=lesson.pk, block_id="{BLOCK}")
    learners[user.email] = str(launch.pk)
print(json.dumps({{"content": content.pk, "lesson": tree["lesson"].pk,
    "emails": list(learners), "launches": learners}}))
"""
    out = subprocess.run(
        [python, "manage.py", "shell", "-v0", "-c", script],
        cwd=ROOT,
        env=django_env(),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def start_server(workers):
    return pg.gunicorn_start(django_env(), workers=workers, host=HOST, port=PORT)


class Learner(pg.SignedInClient):
    """A signed-in learner who sends xAPI statements."""

    def __init__(self, email):
        super().__init__(email, PASSWORD, host=HOST, port=PORT)

    def send(self, statements):
        body = json.dumps(statements if len(statements) > 1 else statements[0])
        started = time.perf_counter()
        status, data = self.request(
            "POST",
            "/xapi/statements",
            body,
            {
                "Content-Type": "application/json",
                "X-Experience-API-Version": "1.0.3",
                "X-CSRFToken": self.cookies["csrftoken"],
            },
        )
        elapsed = time.perf_counter() - started
        assert status == 200, f"{status} {data[:200]}"
        return elapsed


def h5p_statement(email, content, lesson, n, registration):
    """What H5P.QuestionSet emits: sub-question answers, then the whole set."""
    top_level = n % 5 == 4
    object_id = f"http://{HOST}:{PORT}/xapi/activites/{content}/{lesson}/{BLOCK}"
    if not top_level:
        object_id += f"?subContentId={uuid.UUID(int=n % 4 + 1)}"
    scaled = 1.0 if n % 3 else 0.0
    return {
        "id": str(uuid.uuid4()),
        "actor": {
            "name": "Banc d'essai",
            "mbox": f"mailto:{email}",
            "objectType": "Agent",
        },
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/"
            + ("completed" if top_level else "answered"),
            "display": {"en-US": "answered"},
        },
        "object": {
            "id": object_id,
            "objectType": "Activity",
            "definition": {
                "extensions": {"http://h5p.org/x-api/h5p-local-content-id": content},
                "name": {"en-US": "Reconnaître un courriel d'hameçonnage"},
                "description": {"en-US": "<p>Ce courriel est-il frauduleux ?</p>\n"},
                "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                "interactionType": "true-false",
                "correctResponsesPattern": ["true"],
            },
        },
        "context": {
            "registration": registration,
            "contextActivities": {
                "category": [
                    {
                        "id": "http://h5p.org/libraries/H5P.TrueFalse-1.6",
                        "objectType": "Activity",
                    }
                ],
                "parent": [{"id": object_id.split("?")[0], "objectType": "Activity"}],
            },
            "extensions": {"http://id.tincanapi.com/extension/ending-point": n % 4 + 1},
        },
        "result": {
            "score": {
                "min": 0,
                "max": 4 if top_level else 1,
                "raw": 3 if top_level else int(scaled),
                "scaled": 0.75 if top_level else scaled,
            },
            "completion": True,
            "success": bool(scaled),
            "duration": "PT4.52S",
            "response": "true",
        },
        "timestamp": f"2026-11-20T14:{n // 60 % 60:02d}:{n % 60:02d}-05:00",
    }


def history_add(setup, count):
    """Give every learner ``count`` earlier closed attempts on the block:
    completed, scored 50 % (under the 80 % pass mark).

    The attempts table's statistics are taken before the history is written,
    as PostgreSQL last saw a table that has since grown (this machine runs it
    without autovacuum): the hardest case for the ingest's plans, which must
    not read a learner's history however stale the statistics are."""
    if count <= 0:
        return
    url = f"postgresql://postgres@127.0.0.1:5432/{DATABASE}"
    with psycopg.connect(url, autocommit=True) as c:
        c.execute("ANALYZE learners_h5pattempt, learners_h5pblockresult")
    with psycopg.connect(url) as c:
        c.execute(
            "INSERT INTO learners_h5pattempt (user_id, content_id, lesson_id, "
            "block_id, number, started_at, finished_at, completed, success, "
            "score_raw, score_max, score_scaled, duration_seconds) "
            "SELECT u.id, %s, %s, %s, n, now() - interval '1 day', "
            "now() - interval '1 day', true, false, 2, 4, 0.5, 30 "
            "FROM learners_user u CROSS JOIN generate_series(1, %s) n "
            "WHERE u.email = ANY(%s)",
            [setup["content"], setup["lesson"], BLOCK, count, setup["emails"]],
        )
        # Their block results, as the ingest keeps them (every score is 0.5:
        # SUM adds them exactly in any order; first and last are 0.5).
        c.execute(
            "INSERT INTO learners_h5pblockresult (user_id, lesson_id, block_id, "
            "closed_attempts, completed_attempts, score_sum, "
            "score_best, score_first, score_last) "
            "SELECT user_id, lesson_id, block_id, count(*), count(*), "
            "sum(score_scaled), max(score_scaled), 0.5, 0.5 "
            "FROM learners_h5pattempt GROUP BY user_id, lesson_id, block_id"
        )
        c.commit()
    # The new rows' pages written out now, or a checkpoint writes them
    # during the measure and the benchmark times it, not the ingest.
    with psycopg.connect(url, autocommit=True) as c:
        c.execute("CHECKPOINT")


def trusted_share():
    """The share of stored statements that carried a valid launch: 1.0, or
    the benchmark measured a path where nothing is filed."""
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{DATABASE}") as c:
        trusted, total = c.execute(
            "SELECT count(*) FILTER (WHERE trusted), count(*) "
            "FROM learners_xapistatement"
        ).fetchone()
    return round(trusted / total, 3) if total else 0.0


def run(learners, setup, batch_size, requests_per_learner):
    latencies, lock = [], threading.Lock()

    def work(learner):
        mine = []
        for r in range(requests_per_learner):
            batch = [
                h5p_statement(
                    learner.email,
                    setup["content"],
                    setup["lesson"],
                    r * batch_size + i,
                    setup["launches"][learner.email],
                )
                for i in range(batch_size)
            ]
            mine.append(learner.send(batch))
        with lock:
            latencies.extend(mine)

    wall = pg.concurrently(work, learners)
    latencies.sort()
    total = len(latencies) * batch_size
    return {
        "per_s": round(total / wall, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 2),
        "p95_ms": pg.percentile_ms(latencies, 0.95),
        "statements": total,
        "seconds": round(wall, 2),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--single", type=int, default=400, help="requests per client")
    parser.add_argument("--batches", type=int, default=25, help="batches per client")
    parser.add_argument(
        "--history",
        type=int,
        default=0,
        help="earlier closed attempts per learner on the block",
    )
    args = parser.parse_args()

    setup = prepare_database(args.clients * 2)
    history_add(setup, args.history)
    server = start_server(args.workers)
    try:
        clients = [Learner(email) for email in setup["emails"][: args.clients]]
        run(clients, setup, 1, 20)  # warm-up: connections, worker imports
        single = run(clients, setup, 1, args.single)
        batched_clients = [Learner(email) for email in setup["emails"][args.clients :]]
        batch = run(batched_clients, setup, 50, args.batches)
    finally:
        server.terminate()
        server.wait()
    trusted = trusted_share()
    assert trusted == 1.0, f"only {trusted:.1%} of statements were trusted"
    print(f"one per request : {single}", file=sys.stderr)
    print(f"batches of 50   : {batch}", file=sys.stderr)
    figures = {
        "single_per_s": single["per_s"],
        "single_p50_ms": single["p50_ms"],
        "single_p95_ms": single["p95_ms"],
        "batch_per_s": batch["per_s"],
        "batch_p50_ms": batch["p50_ms"],
        "batch_p95_ms": batch["p95_ms"],
    }
    if args.history:
        figures.update(history=args.history, history_single_per_s=single["per_s"])
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
