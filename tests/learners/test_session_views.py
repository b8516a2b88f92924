from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.messages import get_messages
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from learners.models import RegistrationStatus, SessionRegistration
from learners.templatetags.sessions import session_when
from tests.factories import UserFactory
from tests.sessions_factories import (
    TrainingSessionFactory,
    registered,
    session_now,
    virtual_session,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(site, municipalities):
    return TrainingSessionFactory(module=site["module"], capacity=1)


def url(name, session):
    return reverse(f"learners:{name}", args=[session.pk])


def flash(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# The session page


def test_the_session_page_requires_login(client, session):
    response = client.get(url("session_detail", session))

    assert response.status_code == 302
    assert response.url.startswith(reverse("learners:login"))


def test_the_session_page_shows_montreal_time_in_french(client, site, learner):
    session = TrainingSessionFactory(
        module=site["module"],
        starts_at=datetime(2026, 12, 3, 18, 30, tzinfo=UTC),
        ends_at=datetime(2026, 12, 3, 21, 30, tzinfo=UTC),
        registration_deadline=datetime(2026, 12, 1, 5, 0, tzinfo=UTC),
    )
    client.force_login(learner)

    page = client.get(url("session_detail", session)).content.decode()

    assert "le jeudi 3 décembre 2026 de 13 h 30 à 16 h 30" in page
    assert "150, rue Principale, Saint-Elzéar" in page


def test_when_says_1er_and_drops_zero_minutes(site, municipalities):
    start = datetime(2027, 2, 1, 14, 0, tzinfo=UTC)  # 9 h in Montréal
    session = TrainingSessionFactory(
        module=site["module"], starts_at=start, ends_at=start + timedelta(hours=3)
    )

    assert session_when(session) == "le lundi 1er février 2027 de 9 h à 12 h"


def test_the_virtual_link_is_hidden_from_learners_not_registered(client, site, learner):
    session = virtual_session(module=site["module"])
    registered(learner, session, status=RegistrationStatus.WAITLISTED)
    client.force_login(learner)

    page = client.get(url("session_detail", session)).content.decode()

    assert "visio.exemple.qc.ca" not in page
    assert "le lien est donné aux personnes inscrites" in page


def test_the_virtual_link_is_shown_to_registered_learners(client, site, learner):
    session = virtual_session(module=site["module"])
    registered(learner, session)
    client.force_login(learner)

    page = client.get(url("session_detail", session)).content.decode()

    assert "https://visio.exemple.qc.ca/salle-42" in page
    assert url("session_calendar", session) in page


def test_the_check_in_form_shows_during_the_session_only(client, site, learner):
    running, later = (
        session_now(module=site["module"]),
        TrainingSessionFactory(module=site["module"]),
    )
    registered(learner, running)
    registered(learner, later)
    client.force_login(learner)

    assert 'name="code"' in client.get(url("session_detail", running)).content.decode()
    assert (
        'name="code"' not in client.get(url("session_detail", later)).content.decode()
    )


# Register, cancel, check in


def test_register_then_cancel(client, session, learner):
    client.force_login(learner)

    response = client.post(url("session_register", session))

    assert response.status_code == 302
    assert response.url == url("session_detail", session)
    assert "Votre inscription est confirmée" in flash(response)[0]
    assert SessionRegistration.objects.get().status == RegistrationStatus.REGISTERED

    response = client.post(url("session_cancel", session))

    assert "est annulée" in flash(response)[-1]
    assert SessionRegistration.objects.get().status == RegistrationStatus.CANCELLED


def test_a_full_session_says_waitlist(client, session, learner):
    registered(UserFactory(), session)
    client.force_login(learner)

    response = client.post(url("session_register", session))

    assert "liste d'attente" in flash(response)[0]


def test_register_goes_back_to_the_page_it_came_from_on_this_site(
    client, session, learner
):
    client.force_login(learner)

    back = client.post(url("session_register", session), {"next": "/catalogue/"})
    away = client.post(
        url("session_cancel", session), {"next": "https://ailleurs.example/"}
    )

    assert back.url == "/catalogue/"
    assert away.url == url("session_detail", session)


def test_a_refusal_is_shown_as_a_message(client, site, learner):
    session = TrainingSessionFactory(module=site["module"], cancelled_at=timezone.now())
    client.force_login(learner)

    response = client.post(url("session_register", session))

    assert flash(response) == ["Cette séance est annulée."]


def test_a_learner_cannot_cancel_someone_else_s_registration(client, session, learner):
    other = UserFactory()
    registered(other, session)
    client.force_login(learner)

    response = client.post(url("session_cancel", session))

    assert flash(response) == ["Vous n'êtes pas inscrit·e à cette séance."]
    assert SessionRegistration.objects.get(user=other).status == (
        RegistrationStatus.REGISTERED
    )


def test_actions_require_post_and_login(client, session, learner):
    assert client.post(url("session_register", session)).status_code == 302
    assert not SessionRegistration.objects.exists()
    client.force_login(learner)

    assert client.get(url("session_register", session)).status_code == 405
    assert client.get(url("session_cancel", session)).status_code == 405


def test_check_in_through_the_form(client, site, learner):
    running = session_now(module=site["module"])
    registered(learner, running)
    client.force_login(learner)

    wrong = client.post(url("session_check_in", running), {"code": "AAAAAA"})
    right = client.post(
        url("session_check_in", running), {"code": running.check_in_code.lower()}
    )

    assert flash(wrong) == ["Ce code de présence est incorrect."]
    assert flash(right)[-1] == "Votre présence est enregistrée. Merci !"
    assert SessionRegistration.objects.get().attended is True


def test_check_in_without_a_code_is_refused(client, site, learner):
    running = session_now(module=site["module"])
    registered(learner, running)
    client.force_login(learner)

    response = client.post(url("session_check_in", running), {"code": ""})

    assert "Entrez le code" in flash(response)[0]
    assert SessionRegistration.objects.get().attended is None


# The .ics download


def test_registered_learners_download_the_calendar_entry(client, session, learner):
    registered(learner, session)
    client.force_login(learner)

    response = client.get(url("session_calendar", session))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="seance.ics"' in response["Content-Disposition"]
    assert b"METHOD:PUBLISH\r\n" in response.content


@pytest.mark.parametrize("status", [None, RegistrationStatus.WAITLISTED])
def test_others_cannot_download_the_calendar_entry(client, session, learner, status):
    if status:
        registered(learner, session, status=status)
    client.force_login(learner)

    assert client.get(url("session_calendar", session)).status_code == 404


# The {% module_sessions %} tag


def render_tag(module, user):
    request = RequestFactory().get(module.url)
    request.user = user
    template = Template("{% load sessions %}{% module_sessions module %}")
    return template.render(Context({"request": request, "module": module}))


def test_the_tag_invites_visitors_to_log_in(site, session):
    from django.contrib.auth.models import AnonymousUser

    html = render_tag(site["module"], AnonymousUser())

    assert "Connectez-vous pour vous inscrire" in html
    assert "1 place restante" in html


def test_the_tag_shows_the_learner_s_status_and_buttons(site, session, learner):
    TrainingSessionFactory(module=site["module"], cancelled_at=timezone.now())
    past = session_now(module=site["module"])
    registered(learner, session)

    html = render_tag(site["module"], learner)

    assert "Vous êtes inscrit·e" in html
    assert url("session_cancel", session) in html
    assert "Complet : liste d'attente" in html
    assert html.count("<li>") == 1  # neither the cancelled nor the started one
    assert url("session_detail", past) not in html


def test_the_tag_offers_the_waitlist_when_full(site, session, learner):
    registered(UserFactory(), session)

    html = render_tag(site["module"], learner)

    assert "M'inscrire sur la liste d'attente" in html
    assert url("session_register", session) in html
