"""Refreshing comes from Celery beat (or ``manage.py reporting_refresh``),
never from a page: a GET only reads, and says when the figures are late."""

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from reporting.models import LearnerPathFact, RollupState
from reporting.rollup import rollup_freshness, rollup_refresh

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("reporting:dashboard")
LATE = "La mise à jour automatique des chiffres est en retard"
NEVER = "Les chiffres n'ont pas encore été calculés"


def test_beat_refreshes_the_rollup_every_minute():
    schedule = settings.CELERY_BEAT_SCHEDULE["reporting-rollup-refresh"]

    assert schedule == {"task": "reporting.tasks.rollup_refresh", "schedule": 60}


def test_a_page_never_refreshes_the_rollup(client, province, coordinator):
    client.force_login(coordinator)

    page = client.get(DASHBOARD).content.decode()

    assert not RollupState.objects.filter(refreshed_at__isnull=False).exists()
    assert not LearnerPathFact.objects.exists()
    assert NEVER in page


def test_a_late_rollup_is_shown_late_and_left_to_beat(client, province, coordinator):
    rollup_refresh(now=timezone.now() - timedelta(minutes=10))
    client.force_login(coordinator)

    page = client.get(DASHBOARD).content.decode()

    assert LATE in page
    assert RollupState.objects.get().version == 1


def test_a_fresh_rollup_is_not_late(client, province, coordinator):
    call_command("reporting_refresh", stdout=io.StringIO())
    client.force_login(coordinator)

    page = client.get(DASHBOARD).content.decode()

    assert rollup_freshness()["late"] is False
    assert LATE not in page and NEVER not in page
    assert "Données à jour au" in page


def test_late_is_three_minutes_after_the_last_refresh():
    now = timezone.now()
    RollupState.objects.create(pk=1, refreshed_at=now - timedelta(minutes=2))

    assert rollup_freshness(now=now)["late"] is False
    assert rollup_freshness(now=now + timedelta(minutes=2))["late"] is True
