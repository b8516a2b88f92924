"""What the xAPI Statements resource reads (learners.selectors.xapi): only
the asking learner's own statements."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from learners.models import XapiStatement
from learners.selectors.xapi import xapi_statement_raw, xapi_statements_list
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"


def stored(user, verb=ANSWERED, activity="http://exemple.qc.ca/a", ago=0):
    statement_id = uuid.uuid4()
    row = XapiStatement.objects.create(
        statement_id=statement_id,
        user=user,
        verb=verb,
        object_id=activity,
        timestamp=timezone.now(),
        raw={"id": str(statement_id), "verb": {"id": verb}},
        content_hash=statement_id.hex,
    )
    XapiStatement.objects.filter(pk=row.pk).update(
        stored=timezone.now() - timedelta(minutes=ago)
    )
    return row


def test_a_learner_reads_their_own_statement(learner):
    mine = stored(learner)
    assert xapi_statement_raw(user=learner, statement_id=mine.statement_id) == (
        mine.raw
    )


def test_another_learners_statement_is_not_found(learner, municipalities):
    theirs = stored(UserFactory())
    assert xapi_statement_raw(user=learner, statement_id=theirs.statement_id) is None
    assert xapi_statements_list(user=learner) == []


def test_the_list_is_newest_first_filtered_and_bounded(learner):
    old = stored(learner, ago=10)
    new = stored(learner, verb=COMPLETED, activity="http://exemple.qc.ca/b")
    assert xapi_statements_list(user=learner) == [new.raw, old.raw]
    assert xapi_statements_list(user=learner, verb=ANSWERED) == [old.raw]
    assert xapi_statements_list(user=learner, activity="http://exemple.qc.ca/b") == [
        new.raw
    ]
    since = timezone.now() - timedelta(minutes=5)
    assert xapi_statements_list(user=learner, since=since) == [new.raw]
    assert xapi_statements_list(user=learner, limit=0) == [new.raw]  # at least 1
    assert len(xapi_statements_list(user=learner, limit=10**6)) == 2
