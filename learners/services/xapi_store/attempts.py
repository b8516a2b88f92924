"""A learner's attempts: the lock that serialises the requests changing
them, and a block's result summed up from them."""

import zlib

from django.db import connection
from django.db.models import Q

from learners.models import H5PAttempt, H5PBlockResult

# pg_advisory_xact_lock's first key: the namespace of the learners' attempts.
ATTEMPTS_LOCK = zlib.crc32(b"learners.H5PAttempt") & 0x7FFFFFFF
_LOCK_SQL = "SELECT pg_advisory_xact_lock(%s, %s)"


def _lock_params(user_id):
    return [ATTEMPTS_LOCK, user_id & 0x7FFFFFFF]


def attempts_lock(*, user_id):
    """On PostgreSQL, hold the learner's attempts until the transaction ends,
    so that requests that may open or close attempts run one after the other
    and each reads what the previous one wrote. SQLite lets one writer in at a
    time already."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(_LOCK_SQL, _lock_params(user_id))


def result_from_attempts(*, user_id, lesson_id, block_id) -> H5PBlockResult:
    """A block's result summed up from its closed attempts, oldest first: for
    a block whose attempts were written without one (not by the ingest), so
    that the next closing attempt does not start from nothing."""
    result = H5PBlockResult(user_id=user_id, lesson_id=lesson_id, block_id=block_id)
    attempts = H5PAttempt.objects.filter(
        Q(finished_at__isnull=False) | Q(completed=True),
        user_id=user_id,
        lesson_id=lesson_id,
        block_id=block_id,
    ).order_by("number")
    for completed, scaled in attempts.values_list("completed", "score_scaled"):
        result.close_attempt(completed=completed, score_scaled=scaled)
    return result
