"""Once a learner's presence is recorded, their registration stays: no
"Annuler mon inscription", and the service refuses a cancellation."""

import pytest
from django.urls import reverse

from core.errors import ApplicationError
from learners.models import RegistrationStatus, SessionRegistration
from learners.services.sessions import session_cancel
from tests.sessions_factories import TrainingSessionFactory, registered

pytestmark = pytest.mark.django_db

CANCEL = "Annuler mon inscription"


@pytest.fixture
def session(site, municipalities):
    return TrainingSessionFactory(module=site["module"])


def test_the_service_refuses_to_cancel_a_recorded_presence(learner, session):
    registered(learner, session, attended=True)

    with pytest.raises(ApplicationError) as refused:
        session_cancel(user=learner, session=session)

    assert "présence" in refused.value.message
    row = SessionRegistration.objects.get(user=learner, session=session)
    assert row.status == RegistrationStatus.REGISTERED and row.attended


def test_a_post_after_check_in_keeps_the_registration(client, learner, session):
    registered(learner, session, attended=True)
    client.force_login(learner)

    response = client.post(
        reverse("learners:session_cancel", args=[session.pk]), follow=True
    )

    messages = [str(m) for m in response.context["messages"]]
    assert any("présence" in m for m in messages)
    assert SessionRegistration.objects.get(user=learner).status == "registered"


def test_no_cancel_button_after_check_in(client, site, learner, session):
    registration = registered(learner, session)
    client.force_login(learner)
    detail = reverse("learners:session_detail", args=[session.pk])
    assert CANCEL in client.get(detail).content.decode()
    assert CANCEL in client.get(site["module"].url).content.decode()

    registration.attended = True
    registration.save()

    assert CANCEL not in client.get(detail).content.decode()
    assert CANCEL not in client.get(site["module"].url).content.decode()


def test_cancelling_before_check_in_still_works(learner, session):
    registered(learner, session)

    session_cancel(user=learner, session=session)

    assert SessionRegistration.objects.get(user=learner).status == "cancelled"


def test_enrolled_has_its_own_calm_style(client, site, learner, session):
    registered(learner, session)
    client.force_login(learner)

    for url in (
        reverse("learners:session_detail", args=[session.pk]),
        site["module"].url,
    ):
        html = client.get(url).content.decode()
        assert '<span class="tag tag-enrolled">Vous êtes inscrit·e</span>' in html
