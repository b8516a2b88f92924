"""Retention, with a frozen clock: what is past its time goes, in batches; a
second pass does nothing more."""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessLog
from django.test import override_settings
from django.utils import timezone

from learners.models import H5PUserState, XapiStatement
from privacy.models import RetentionRun
from privacy.services.retention import RAW_EXPIRED, retention_apply
from privacy.tasks import retention_apply_task
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

START = timezone.make_aware(timezone.datetime(2026, 1, 15, 12))


@override_settings(
    PRIVACY_XAPI_RAW_DAYS=365,
    PRIVACY_H5P_STATE_DAYS=180,
    PRIVACY_LOG_DAYS=90,
    PRIVACY_INACTIVE_ACCOUNT_DAYS=1095,
)
def test_each_rule_applies_after_its_period_only_once(alice, province):
    XapiStatement.objects.update(stored=START)
    H5PUserState.objects.update(updated_at=START)
    AccessLog.objects.update(attempt_time=START)
    statements = XapiStatement.objects.count()
    bruno = province["people"]["bruno"]

    with time_machine.travel(START + timedelta(days=100), tick=False):
        early = retention_apply(batch=2)
    assert early.counts["sign_in_logs_deleted"] == 1
    assert early.counts["xapi_raw_expired"] == 0
    assert H5PUserState.objects.exists()

    with time_machine.travel(START + timedelta(days=400), tick=False):
        run = retention_apply(batch=2)
        again = retention_apply(batch=2)

    assert run.counts["xapi_raw_expired"] == statements  # in batches of 2
    assert run.counts["h5p_states_deleted"] == 1
    raws = XapiStatement.objects.values_list("raw", flat=True)
    assert all(raw == RAW_EXPIRED for raw in raws)
    assert XapiStatement.objects.count() == statements  # the facts stay
    assert set(again.counts.values()) == {0}
    assert RetentionRun.objects.count() == 3
    bruno.refresh_from_db()
    assert bruno.is_active


def test_inactive_accounts_are_erased_after_their_period(municipalities):
    with time_machine.travel(START, tick=False):
        sleeper = UserFactory(email="dort@exemple.qc.ca")
        staff = UserFactory(email="staff@exemple.qc.ca", is_staff=True, role="")
    with time_machine.travel(START + timedelta(days=400), tick=False):
        awake = UserFactory(email="eveille@exemple.qc.ca")

    with time_machine.travel(START + timedelta(days=1096), tick=False):
        counts = retention_apply_task.delay().get()

    assert counts["inactive_accounts_erased"] == 1
    sleeper.refresh_from_db()
    staff.refresh_from_db()
    awake.refresh_from_db()
    assert sleeper.email.endswith("@efface.invalid") and not sleeper.is_active
    assert staff.email == "staff@exemple.qc.ca"
    assert awake.is_active
