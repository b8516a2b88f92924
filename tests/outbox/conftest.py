import pytest


@pytest.fixture
def retries_run_eagerly():
    """Eager Celery re-runs a retried task at once, but only when errors do not
    propagate (the test settings make them propagate)."""
    from cms.celery import app

    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = True
