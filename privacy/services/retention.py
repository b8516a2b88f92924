"""Retention (Law 25, s. 23): what is past its keeping time is anonymised or
deleted, in batches, by a Celery beat job. Every step selects only what is
still to do, so running it again does nothing more."""

import logging
from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from learners.models import H5PUserState, XapiStatement
from privacy.models import RetentionRun
from privacy.services.erasure import ErasureRequester, learner_erase

logger = logging.getLogger(__name__)

# What a statement keeps once its raw JSON is past its time: the extracted
# fields (verb, object, score, timestamps) the progress rules read.
RAW_EXPIRED = {"expired": True}


def _days(name: str) -> timedelta:
    return timedelta(days=getattr(settings, name))


def _batched_delete(queryset, batch: int) -> int:
    done = 0
    while True:
        pks = list(queryset.values_list("pk", flat=True)[:batch])
        if not pks:
            return done
        done += queryset.model.objects.filter(pk__in=pks).delete()[0]


def _raw_statements_expire(now, batch: int) -> int:
    """Raw statements (which name the learner) lose their JSON; the fields the
    platform counts stay."""
    old = XapiStatement.objects.filter(
        stored__lt=now - _days("PRIVACY_XAPI_RAW_DAYS")
    ).exclude(raw=RAW_EXPIRED)
    done = 0
    while True:
        pks = list(old.values_list("pk", flat=True)[:batch])
        if not pks:
            return done
        done += XapiStatement.objects.filter(pk__in=pks).update(raw=RAW_EXPIRED)


def _inactive_accounts_erase(now, batch: int) -> int:
    """Learner accounts with no sign-in (nor creation) for the period are
    erased as a learner's own closing would (facts kept, names gone)."""
    cutoff = now - _days("PRIVACY_INACTIVE_ACCOUNT_DAYS")
    stale = (
        get_user_model()
        .objects.filter(is_staff=False, is_superuser=False, is_active=True)
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True))
        .filter(date_joined__lt=cutoff)
        .order_by("pk")
    )
    done = 0
    for user in stale[:batch]:
        learner_erase(user=user, requested_by=ErasureRequester.RETENTION)
        done += 1
    return done


def retention_apply(*, now=None, batch: int | None = None) -> RetentionRun:
    """One pass; returns (and records) how many rows each rule changed."""
    now = now or timezone.now()
    batch = batch or settings.PRIVACY_RETENTION_BATCH
    log_cutoff = now - _days("PRIVACY_LOG_DAYS")
    counts = {
        "inactive_accounts_erased": _inactive_accounts_erase(now, batch),
        "xapi_raw_expired": _raw_statements_expire(now, batch),
        "h5p_states_deleted": _batched_delete(
            H5PUserState.objects.filter(
                updated_at__lt=now - _days("PRIVACY_H5P_STATE_DAYS")
            ),
            batch,
        ),
        "sign_in_logs_deleted": sum(
            _batched_delete(model.objects.filter(attempt_time__lt=log_cutoff), batch)
            for model in (AccessAttempt, AccessFailureLog, AccessLog)
        ),
    }
    run = RetentionRun.objects.create(ran_at=now, counts=counts)
    logger.info("Retention pass: %s", counts)
    return run
