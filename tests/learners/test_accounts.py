import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_login_with_email_and_logout(client, learner):
    response = client.post(
        reverse("learners:login"), {"username": learner.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("learners:profile")).status_code == 200

    client.post(reverse("learners:logout"))

    assert client.get(reverse("learners:profile")).status_code == 302


def test_wrong_password_is_refused_in_french(client, learner):
    response = client.post(
        reverse("learners:login"), {"username": learner.email, "password": "non"}
    )

    assert response.status_code == 200
    assert "Adresse courriel ou mot de passe incorrect." in response.content.decode()


def test_profile_requires_login(client):
    response = client.get(reverse("learners:profile"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("learners:login"))


def test_profile_update_changes_municipality_and_role(client, learner):
    client.force_login(learner)

    response = client.post(
        reverse("learners:profile"),
        {
            "first_name": "Camille",
            "last_name": "Gagnon",
            "municipality": "03005",
            "role": "manager",
        },
    )

    assert response.status_code == 302
    learner.refresh_from_db()
    assert (learner.last_name, learner.municipality.name, learner.role) == (
        "Gagnon",
        "Gaspé",
        "manager",
    )


def test_profile_refuses_an_unknown_municipality(client, learner):
    client.force_login(learner)

    response = client.post(
        reverse("learners:profile"),
        {
            "first_name": "A",
            "last_name": "B",
            "municipality": "00000",
            "role": "manager",
        },
    )

    assert response.status_code == 200
    learner.refresh_from_db()
    assert learner.municipality.code == "26022"


def test_password_reset_sends_a_working_link(
    client, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends
        client.post(reverse("learners:password_reset"), {"email": learner.email})

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Virage — réinitialisation de votre mot de passe"
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.context["validlink"]
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Nouveau-mot-2026!", "new_password2": "Nouveau-mot-2026!"},
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.check_password("Nouveau-mot-2026!")


def test_password_reset_for_unknown_address_sends_nothing(client, db):
    response = client.post(
        reverse("learners:password_reset"), {"email": "inconnu@exemple.qc.ca"}
    )

    assert response.status_code == 302
    assert mail.outbox == []


def test_invited_account_without_password_can_ask_for_a_link(
    client, learner, django_capture_on_commit_callbacks
):
    learner.set_unusable_password()
    learner.save()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("learners:password_reset"), {"email": learner.email.upper()}
        )

    assert len(mail.outbox) == 1
