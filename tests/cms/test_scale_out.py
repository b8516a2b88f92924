"""Scale-out on standard infrastructure (docs/deployment.md): reads of the
rollup on a replica, heavy Celery jobs on their own queue, media in
S3-compatible storage (moto's S3 server, or VIRAGE_TEST_S3_ENDPOINT)."""

import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import boto3
import pytest
import redis
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connections

from cms.celery import app
from cms.db_routers import ReportingRouter
from courses.models import H5PContent
from courses.player import content_key
from courses.services import h5p_content_import
from learners.models import User
from reporting.models import ExportJob, LearnerFact, LearnerPathFact, RollupState
from tests.courses.h5p_builders import PNG, build, package_files

ROOT = Path(__file__).resolve().parents[2]
REPLICA = {**settings.DATABASES["default"], "TEST": {"MIRROR": "default"}}


# Reads of the rollup on the replica


@pytest.fixture
def replica(monkeypatch):
    """The `reporting` alias configured, as REPORTING_DATABASE_URL does."""
    monkeypatch.setitem(settings.DATABASES, "reporting", REPLICA)


def test_without_a_replica_every_read_stays_on_default():
    router = ReportingRouter()

    assert router.db_for_read(LearnerFact) is None
    assert router.db_for_read(User) is None


def test_rollup_reads_go_to_the_replica_and_nothing_else(replica):
    router = ReportingRouter()

    assert router.db_for_read(LearnerFact) == "reporting"
    assert router.db_for_read(LearnerPathFact) == "reporting"
    assert router.db_for_read(RollupState) == "reporting"
    # Read back right after a write: a lagging replica would not have it yet.
    assert router.db_for_read(ExportJob) is None
    assert router.db_for_read(User) is None and router.db_for_read(H5PContent) is None


def test_writes_and_migrations_never_go_to_the_replica(replica):
    router = ReportingRouter()

    assert router.db_for_write(LearnerFact) == "default"
    assert router.db_for_write(User) == "default"
    assert router.allow_migrate("reporting", "reporting", "learnerfact") is False
    assert router.allow_migrate("reporting", "learners", "user") is False
    assert router.allow_migrate("default", "reporting", "learnerfact") is None


def test_reads_inside_a_transaction_on_default_stay_there(replica, monkeypatch):
    """The rollup refresh reads what it has just written, and locks rows."""
    monkeypatch.setattr(connections["default"], "in_atomic_block", True)

    assert ReportingRouter().db_for_read(LearnerFact) == "default"


def test_objects_of_both_aliases_may_relate(replica):
    user, fact = User(), LearnerFact()
    user._state.db, fact._state.db = "default", "reporting"

    assert ReportingRouter().allow_relation(fact, user) is True


def production_settings(**environ):
    """Some production settings, read in a fresh process under ``environ``."""
    script = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps({'databases': sorted(s.DATABASES), "
        "'replica': s.DATABASES.get('reporting', {}).get('HOST'), "
        "'storage': s.STORAGES['default']['BACKEND'], "
        "'bucket': s.STORAGES['default'].get('OPTIONS', {}).get('bucket_name'), "
        "'cache': s.CACHES['default']['BACKEND'], "
        "'sessions': s.SESSION_ENGINE, 'routers': s.DATABASE_ROUTERS}))"
    )
    base = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "virage.example",
        "DATABASE_URL": "postgres://virage@db.internal:5432/virage",
        "CELERY_BROKER_URL": "redis://redis.internal:6379/1",
        "CACHE_URL": "redis://redis.internal:6379/2",
        "EMAIL_HOST": "smtp.virage.example",
        "WAGTAILADMIN_BASE_URL": "https://virage.example",
        "H5P_PLAYER_ORIGIN": "https://h5p.virage-contenu.example",
    }
    completed = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=ROOT,
        env={**base, **environ},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_production_shares_state_and_adds_what_the_environment_names():
    alone = production_settings()
    scaled = production_settings(
        REPORTING_DATABASE_URL="postgres://virage_ro@replica.internal:5432/virage",
        AWS_STORAGE_BUCKET_NAME="virage-medias",
        AWS_S3_ENDPOINT_URL="https://s3.ca-central-1.amazonaws.com",
    )

    assert alone["databases"] == ["default"]
    assert alone["storage"] == "django.core.files.storage.FileSystemStorage"
    assert scaled["databases"] == ["default", "reporting"]
    assert scaled["replica"] == "replica.internal"
    assert scaled["storage"] == "storages.backends.s3.S3Storage"
    assert scaled["bucket"] == "virage-medias"
    for found in (alone, scaled):
        assert found["cache"] == "core.redis_cache.RedisCache"
        assert found["sessions"] == "django.contrib.sessions.backends.cached_db"
        assert found["routers"] == ["cms.db_routers.ReportingRouter"]


# Celery queues


@pytest.fixture(autouse=True, scope="module")
def _tasks_registered():
    """What a worker does at start: import every app's tasks module."""
    app.loader.import_default_modules()


def test_every_heavy_job_is_a_task_and_goes_to_the_heavy_queue():
    for name in settings.CELERY_HEAVY_TASKS:
        assert name in app.tasks, name
        queue = app.amqp.router.route({}, name)["queue"]
        assert (queue.name, queue.routing_key, queue.exchange.name) == ("heavy",) * 3


def test_e_mails_and_other_tasks_stay_on_the_default_queue():
    ours = [
        name
        for name in app.tasks
        if not name.startswith("celery.") and name not in settings.CELERY_HEAVY_TASKS
    ]

    assert "outbox.tasks.send" in ours
    for name in ours:
        queue = app.amqp.router.route({}, name)["queue"]
        assert (queue.name, queue.routing_key) == ("celery", "celery"), name


def test_a_worker_without_queue_option_and_the_procfile_consume_both():
    assert [queue.name for queue in app.conf.task_queues] == ["celery", "heavy"]
    worker = re.search(r"^worker:.*$", (ROOT / "Procfile").read_text(), re.M)
    assert "${CELERY_QUEUES:-celery,heavy}" in worker.group()


def test_on_redis_each_message_lands_in_its_own_queue_once():
    """The real transport: no queue gets a copy of another's messages."""
    url = os.environ.get("VIRAGE_TEST_REDIS_URL", "redis://127.0.0.1:6379/12")
    client = redis.Redis.from_url(url)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip("Redis does not answer")
    client.flushdb()
    sender = type(app)("virage-test-routes", broker=url, set_as_current=False)
    sender.conf.update(
        task_queues=app.conf.task_queues,
        task_routes=app.conf.task_routes,
        task_default_queue=app.conf.task_default_queue,
    )
    try:
        sender.send_task("reporting.tasks.export_build", args=[0])
        sender.send_task("outbox.tasks.send", args=[0])
        sender.send_task("learners.tasks.imports.enrolment_import_process", args=[0])

        assert (client.llen("heavy"), client.llen("celery")) == (2, 1)
    finally:
        client.flushdb()
        sender.close()


# Media in S3-compatible storage


@pytest.fixture(scope="session")
def s3_endpoint():
    """VIRAGE_TEST_S3_ENDPOINT (the server .ci/run starts), else moto's S3
    server in a thread, on a free port."""
    endpoint = os.environ.get("VIRAGE_TEST_S3_ENDPOINT")
    if endpoint:
        yield endpoint
        return
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_bucket(s3_endpoint, settings):
    """A fresh bucket, and the default storage on it with the options
    production uses (cms/settings/base.py)."""
    bucket = f"virage-test-{uuid.uuid4().hex[:12]}"
    credentials = {
        "endpoint_url": s3_endpoint,
        "region_name": "us-east-1",
        "aws_access_key_id": "testing",
        "aws_secret_access_key": "testing",
    }
    s3 = boto3.client("s3", **credentials)
    s3.create_bucket(Bucket=bucket)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **settings.S3_MEDIA_OPTIONS,
                "bucket_name": bucket,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "addressing_style": "path",
                "access_key": "testing",
                "secret_key": "testing",
            },
        },
    }
    yield s3, bucket
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for item in page.get("Contents", []):
            s3.delete_object(Bucket=bucket, Key=item["Key"])
    s3.delete_bucket(Bucket=bucket)


def keys(s3, bucket):
    return {
        item["Key"]
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
        for item in page.get("Contents", [])
    }


@pytest.mark.django_db
def test_h5p_package_is_stored_in_the_bucket_and_served_by_the_app(s3_bucket, client):
    s3, bucket = s3_bucket

    content = h5p_content_import(source=build(package_files()), title="Exemple")

    stored = keys(s3, bucket)
    assert any(key.endswith("content/images/photo.png") for key in stored)
    assert any(key.endswith("library.json") for key in stored)
    base = f"/h5p/lecteur/{content.pk}/{content_key(content.pk)}"
    player = {"HTTP_HOST": "h5p.testserver"}
    assert client.get(f"{base}/h5p.json", **player).json()["mainLibrary"] == (
        "H5P.Sample"
    )
    image = client.get(f"{base}/fr-ca/content/images/photo.png", **player)
    assert image.status_code == 200 and b"".join(image.streaming_content) == PNG
    part = client.get(
        f"{base}/fr-ca/content/images/photo.png", HTTP_RANGE="bytes=1-3", **player
    )
    assert part.status_code == 206 and b"".join(part.streaming_content) == PNG[1:4]


def test_media_stay_private_and_a_second_upload_keeps_the_first(s3_bucket):
    s3, bucket = s3_bucket

    first = default_storage.save("logos/logo.png", ContentFile(PNG))
    second = default_storage.save("logos/logo.png", ContentFile(b"autre"))

    assert first == "logos/logo.png" and second != first
    assert keys(s3, bucket) == {first, second}
    assert default_storage.open(first).read() == PNG
    assert "X-Amz-Signature=" in default_storage.url(first)
    grants = s3.get_object_acl(Bucket=bucket, Key=first)["Grants"]
    assert not [g for g in grants if "AllUsers" in g["Grantee"].get("URI", "")]


def test_reports_read_where_the_router_sends_rollup_reads(monkeypatch):
    """report_reads() opens its transaction, and counts its raw SQL, on the
    alias the router names for the rollup: the replica when there is one."""
    from django.utils.connection import ConnectionDoesNotExist

    from reporting.selectors import session

    monkeypatch.setattr(session.router, "db_for_read", lambda model, **hints: "replica")

    assert session.reporting_alias() == "replica"
    with pytest.raises(ConnectionDoesNotExist), session.report_reads():
        pass
