import pytest

from cms.celery import app
from cms.tasks import healthcheck

pytestmark = pytest.mark.django_db


def test_tasks_run_eagerly_by_default():
    assert app.conf.task_always_eager

    result = healthcheck.delay()

    assert result.get()["ok"] is True
