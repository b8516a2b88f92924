"""A learner's own xAPI statements, as the Statements resource returns them."""

from learners.models import XapiStatement

MAX_STATEMENTS = 500


def xapi_statement_raw(*, user, statement_id) -> dict | None:
    """The statement ``statement_id`` (a UUID) as it was sent, if ``user``
    sent it; None otherwise, whoever else's it may be."""
    return (
        XapiStatement.objects.filter(user=user, statement_id=statement_id)
        .values_list("raw", flat=True)
        .first()
    )


def xapi_statements_list(
    *, user, verb=None, activity=None, since=None, limit=100
) -> list[dict]:
    """``user``'s statements as sent, the last stored first, at most ``limit``
    (1 to ``MAX_STATEMENTS``); filtered by verb IRI, activity IRI and stored
    after ``since`` when given."""
    own = XapiStatement.objects.filter(user=user)
    if verb is not None:
        own = own.filter(verb=verb)
    if activity is not None:
        own = own.filter(object_id=activity)
    if since is not None:
        own = own.filter(stored__gt=since)
    limit = min(max(limit, 1), MAX_STATEMENTS)
    return list(own.order_by("-stored", "-id").values_list("raw", flat=True)[:limit])
