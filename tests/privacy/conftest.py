"""A learner whose name and address are everywhere the platform keeps them."""

import uuid

import pytest
from axes.models import AccessLog
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.log_actions import log

from learners.models import (
    EnrolmentImport,
    H5PAttempt,
    H5PBlockResult,
    H5PUserState,
    ImportStatus,
    XapiStatement,
)
from tests.h5p_fixtures import h5p_content
from tests.reporting.fixtures import build_province, lessons_of_path

EMAIL = "alice@exemple.qc.ca"


@pytest.fixture
def province(site, municipalities):
    return build_province(site)


def _statement(user, lesson, content, number):
    return XapiStatement(
        statement_id=uuid.uuid4(),
        user=user,
        verb="http://adlnet.gov/expapi/verbs/answered",
        object_id=f"http://exemple/activite/{number}",
        content=content,
        lesson=lesson,
        timestamp=timezone.now(),
        raw={
            "actor": {
                "name": user.get_full_name(),
                "mbox": f"mailto:{user.email}",
                "objectType": "Agent",
            },
            "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
            "result": {"response": f"Signé {user.get_full_name()}"},
        },
        content_hash="x",
    )


@pytest.fixture
def alice(province):
    """Alice of the small province, with her data in every kind of record."""
    alice = province["people"]["alice"]
    lesson = lessons_of_path(province["p1"])[0]
    content = h5p_content()
    XapiStatement.objects.bulk_create(
        _statement(alice, lesson, content, n) for n in range(3)
    )
    H5PAttempt.objects.create(
        user=alice,
        content=content,
        lesson=lesson,
        block_id="bloc-1",
        number=1,
        started_at=timezone.now(),
        score_scaled=0.8,
    )
    H5PBlockResult.objects.create(
        user=alice,
        lesson=lesson,
        block_id="bloc-1",
        closed_attempts=1,
        score_sum=0.8,
        score_best=0.8,
        score_first=0.8,
        score_last=0.8,
    )
    H5PUserState.objects.create(
        user=alice,
        content=content,
        lesson=lesson,
        block_id="bloc-1",
        data=f'{{"answer": "{alice.get_full_name()}"}}',
    )
    csv = (
        "courriel,prénom,nom,code de municipalité,rôle,parcours\n"
        f"{alice.email},{alice.first_name},{alice.last_name},26022,mairesse,x\n"
        "autre@exemple.qc.ca,Autre,Personne,26022,mairesse,x\n"
    )
    EnrolmentImport.objects.create(
        filename="inscriptions.csv",
        data=csv.encode(),
        status=ImportStatus.DONE,
        report=[
            {
                "line": 2,
                "values": [alice.email, alice.first_name, alice.last_name],
                "reason": "Parcours inconnu.",
            }
        ],
    )
    AccessLog.objects.create(
        username=alice.email, ip_address="127.0.0.1", user_agent="test"
    )
    log(instance=alice, action="wagtail.edit")
    certificate = alice.certificates.get()
    certificate.pdf.save("alice.pdf", ContentFile(b"%PDF-1.4 Alice"), save=True)
    return alice
