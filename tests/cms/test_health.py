"""``/health/``: JSON, 200 only when the database, cache, broker, storage and
migrations all pass."""

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db


def test_every_check_passes(client):
    response = client.get("/health/")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"] == {
        "database": "ok",
        "cache": "ok",
        "broker": "skipped (eager)",  # tests run Celery tasks eagerly
        "storage": "ok",
        "migrations": "ok",
    }
    assert set(body["ms"]) == set(body["checks"])
    assert "no-cache" in response["Cache-Control"]


def test_a_pending_migration_is_a_503(client, monkeypatch):
    monkeypatch.setattr("cms.health._MIGRATED", set())
    monkeypatch.setattr(
        MigrationExecutor, "migration_plan", lambda self, targets: [("m", False)]
    )

    response = client.get("/health/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["migrations"] == "Unavailable: 1 migration(s) en attente"
    assert body["checks"]["database"] == "ok"


def test_a_broken_cache_is_a_503_that_names_it(client, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(LocMemCache, "set", refuse)

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["checks"]["cache"] != "ok"


def test_a_broker_that_does_not_answer_is_a_503(client, settings):
    from cms.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    broker = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens there
    try:
        response = client.get("/health/")
    finally:
        app.conf.broker_url = broker

    assert response.status_code == 503
    assert response.json()["checks"]["broker"].startswith("Unavailable")


def test_health_is_not_on_the_player_origin(client):
    assert client.get("/health/", HTTP_HOST="h5p.testserver").status_code == 404
