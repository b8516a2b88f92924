#!/usr/bin/env python
"""Nothing lost, nothing doubled when a process dies (issue 14).

Against PostgreSQL and a real Celery worker on Redis: a certificate batch and
a CSV enrolment import start, the whole worker (main process and children) is
killed with SIGKILL while both are half-way, a new worker starts, and once
everything has settled every certificate, every account and enrolment and
every e-mail (counted in the files Django's file backend writes) exists
exactly once. Then gunicorn is killed with SIGKILL right after it answered
200 to an xAPI statement, and the statement must be in the database.

Run from the project root: `.venv/bin/python scripts/ci/kill_worker.py`.
Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and Redis on
127.0.0.1:6379; uses its own database and Redis database 13. Ends with one
line of JSON. Known window (outbox.services): a worker killed after the SMTP
server accepted a message but before it was marked sent sends it again; it
lasts a few milliseconds per message and would show as a doubled e-mail.
"""

import email
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "scripts" / "ci"), str(ROOT)]

import _pg as pg  # noqa: E402

DATABASE = "virage_ci_kill"
BROKER = "redis://127.0.0.1:6379/13"
LEARNERS = int(os.environ.get("KILL_LEARNERS", "120"))
CSV_ROWS = int(os.environ.get("KILL_CSV_ROWS", "1500"))
SETTLE_S = 240
SEPARATOR = "-" * 79


def environment(mail_dir, media_dir):
    return pg.django_env(
        DATABASE,
        DJANGO_SETTINGS_MODULE="kill_settings",
        PYTHONPATH=os.pathsep.join([str(ROOT / "scripts" / "ci"), str(ROOT)]),
        CELERY_BROKER_URL=BROKER,
        CELERY_RESULT_BACKEND=BROKER,
        VIRAGE_KILL_MAIL_DIR=mail_dir,
        VIRAGE_KILL_MEDIA_ROOT=media_dir,
    )


def worker_start(env, log):
    """A prefork worker of two processes with beat inside, in its own process
    group so that one SIGKILL takes all of it."""
    return subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "celery"),
            "-A",
            "cms",
            "worker",
            "-B",
            "-s",
            str(Path(log.name).with_suffix(".beat")),
            "--concurrency=2",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def kill(process):
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def broker_flush():
    import redis

    redis.Redis.from_url(BROKER).flushdb()


def data_create():
    """A path completed by ``LEARNERS`` people (no certificate yet) and a CSV
    file of ``CSV_ROWS`` new people enrolling in it."""
    from django.conf import settings
    from django.utils import timezone

    from learners.models import PathCompletion
    from territory.services import municipalities_load
    from tests.factories import UserFactory, build_site

    municipalities_load(directory=settings.MUNICIPALITY_DATA_DIR)
    path = build_site()["path"]
    now = timezone.now()
    PathCompletion.objects.bulk_create(
        PathCompletion(
            user=UserFactory(email=f"diplome{n}@exemple.qc.ca"),
            path=path,
            role="employee",
            completed_at=now,
        )
        for n in range(LEARNERS)
    )
    lines = ["courriel;prénom;nom;code de municipalité;rôle;parcours"]
    lines += [
        f"csv{n}@exemple.qc.ca;Prénom{n};Nom{n};26022;employé;{path.slug}"
        for n in range(CSV_ROWS)
    ]
    return path, "\r\n".join(lines).encode("utf-8-sig")


def jobs_start(path, data):
    from certification.services import certificate_batch_create
    from learners.services.enrolment_import import enrolment_import_create
    from learners.tasks import enrolment_import_process

    batch = certificate_batch_create(path=path)  # enqueued on commit (autocommit)
    upload = enrolment_import_create(uploaded_by=None, filename="k.csv", data=data)
    enrolment_import_process.delay(upload.pk)
    return batch, upload


def progress(batch, upload):
    batch.refresh_from_db()
    upload.refresh_from_db()
    return batch.processed / max(batch.total, 1), upload.processed_rows / CSV_ROWS


def wait_until_half_way(batch, upload, timeout=300):
    """Until both jobs are between 20 % and 80 % done (as far as can be: one
    may finish before the other gets going on a slow machine)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done_batch, done_import = progress(batch, upload)
        if 0.2 <= done_batch and 0.2 <= done_import:
            return done_batch, done_import
        if done_batch >= 0.8 or done_import >= 0.8:
            return done_batch, done_import
        time.sleep(0.1)
    raise SystemExit("the jobs did not start within five minutes")


def settled(batch, upload):
    from outbox.models import MessageStatus, OutgoingMessage

    batch.refresh_from_db()
    upload.refresh_from_db()
    pending = OutgoingMessage.objects.filter(status=MessageStatus.PENDING).exists()
    return batch.status == "done" and upload.status == "done" and not pending


def sent_emails(mail_dir):
    """(recipient, subject) of every message the file backend wrote."""
    sent = []
    for file in Path(mail_dir).iterdir():
        for chunk in file.read_text().split(SEPARATOR):
            if chunk.strip():
                message = email.message_from_string(chunk.strip())
                subject = str(
                    email.header.make_header(
                        email.header.decode_header(message["Subject"])
                    )
                )
                sent.append((message["To"], " ".join(subject.split())))
    return sent


def _pks(queryset):
    return queryset.values_list("pk", flat=True)


def worker_checks(path, mail_dir):
    """Every row and e-mail exactly once; returns the counts."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from certification.models import Certificate
    from learners.models import Enrolment
    from outbox.models import MessageStatus, OutgoingMessage

    users = get_user_model().objects
    certificates = Certificate.objects.filter(path=path)
    assert certificates.count() == LEARNERS, certificates.count()
    accounts = users.filter(email__startswith="csv")
    doubled = accounts.values("email").annotate(n=Count("id")).filter(n__gt=1)
    assert accounts.count() == CSV_ROWS and not doubled, accounts.count()
    enrolled = Enrolment.objects.filter(path=path, user__in=accounts).count()
    assert enrolled == CSV_ROWS, enrolled
    keys = set(OutgoingMessage.objects.values_list("key", flat=True))
    expected = {f"certificate-issued:{pk}" for pk in _pks(certificates)}
    expected |= {f"invitation:{pk}:{path.pk}" for pk in _pks(accounts)}
    assert expected <= keys, f"{len(expected - keys)} e-mails missing from the outbox"
    messages = OutgoingMessage.objects.filter(key__in=expected)
    assert not messages.exclude(status=MessageStatus.SENT).exists()
    sent = Counter(sent_emails(mail_dir))
    wanted = Counter(
        (to[0], subject) for to, subject in messages.values_list("to", "subject")
    )
    missing, doubled = wanted - sent, {k: n for k, n in sent.items() if n > 1}
    assert not missing, f"{missing.total()} e-mails never sent: {list(missing)[:3]}"
    assert not doubled, f"e-mails sent twice: {list(doubled)[:3]}"
    return {"certificates": LEARNERS, "accounts": CSV_ROWS, "emails": len(wanted)}


def worker_test(env, mail_dir):
    from django.db import connections

    broker_flush()
    path, data = data_create()
    log = tempfile.NamedTemporaryFile("w", prefix="virage-kill-", suffix=".log")
    worker = worker_start(env, log)
    batch, upload = jobs_start(path, data)
    at_kill = wait_until_half_way(batch, upload)
    kill(worker)
    print(f"SIGKILL at batch {at_kill[0]:.0%}, import {at_kill[1]:.0%}", flush=True)
    worker = worker_start(env, log)
    started = time.monotonic()
    try:
        while not settled(batch, upload):
            if time.monotonic() - started > SETTLE_S:
                print(Path(log.name).read_text()[-3000:])
                raise SystemExit(f"not settled: {progress(batch, upload)}")
            time.sleep(1)
        connections.close_all()
        counts = worker_checks(path, mail_dir)
    finally:
        kill(worker)
    counts["settle_s"] = round(time.monotonic() - started, 1)
    counts["killed_at"] = [round(share, 2) for share in at_kill]
    return counts


def gunicorn_start(env, port):
    """gunicorn in its own process group; returns once it accepts connections."""
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "cms.wsgi", "-w", "2"]
        + ["-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _attempt in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.2)
    kill(server)
    raise SystemExit("gunicorn did not start")


def statement(email_address):
    return {
        "id": str(uuid.uuid4()),
        "actor": {"mbox": f"mailto:{email_address}", "objectType": "Agent"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
        "object": {"id": "http://127.0.0.1/activites/kill", "objectType": "Activity"},
    }


def web_test(env):
    """A statement answered with 200 is stored, even if gunicorn dies at once."""
    from learners.models import XapiStatement
    from tests.factories import PASSWORD, UserFactory

    learner = UserFactory(email="navigateur@exemple.qc.ca")
    port = pg.free_port("127.0.0.1")
    server = gunicorn_start({**env, "ALLOWED_HOSTS": "127.0.0.1"}, port)
    try:
        client = pg.SignedInClient(learner.email, PASSWORD, host="127.0.0.1", port=port)
        sent = statement(learner.email)
        status, body = client.request(
            "POST",
            "/xapi/statements",
            json.dumps(sent),
            {
                "Content-Type": "application/json",
                "X-Experience-API-Version": "1.0.3",
                "X-CSRFToken": client.cookies["csrftoken"],
            },
        )
    finally:
        kill(server)  # master and workers, right after the answer
    assert status == 200, (status, body[:300])
    assert XapiStatement.objects.filter(statement_id=sent["id"]).count() == 1
    return {"statement_stored_after_sigkill": True}


def main():
    started = time.monotonic()
    mail_dir = tempfile.mkdtemp(prefix="virage-kill-mail-")
    media_dir = tempfile.mkdtemp(prefix="virage-kill-media-")
    env = environment(mail_dir, media_dir)
    pg.database_recreate(DATABASE, env)
    os.environ.update(env)
    import django

    django.setup()
    result = worker_test(env, mail_dir)
    result.update(web_test(env))
    result["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
