"""After signing in with no page asked for, each person lands on what they use."""

import pytest

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def signed_in_landing(client, email):
    response = client.post(
        "/compte/connexion/", {"username": email, "password": PASSWORD}, follow=True
    )
    return [url for url, _status in response.redirect_chain]


def test_a_learner_lands_on_mon_parcours(client, learner):
    assert signed_in_landing(client, learner.email)[-1] == "/compte/mon-parcours/"


def test_a_coordinator_lands_on_the_participation_dashboard(client, coordinator):
    assert signed_in_landing(client, coordinator.email)[-1] == "/participation/"


def test_a_trainer_lands_on_the_admin(client, trainer):
    assert signed_in_landing(client, trainer.email)[-1] == "/admin/"


def test_an_administrator_lands_on_the_admin(client, municipalities):
    admin = UserFactory(email="admin@exemple.qc.ca", is_superuser=True, is_staff=True)

    assert signed_in_landing(client, admin.email)[-1] == "/admin/"


def test_a_page_asked_for_still_wins(client, coordinator):
    response = client.post(
        "/compte/connexion/?next=/compte/profil/",
        {"username": coordinator.email, "password": PASSWORD},
    )

    assert response.url == "/compte/profil/"


def test_the_landing_asks_anonymous_visitors_to_sign_in(client):
    response = client.get("/bienvenue/")

    assert response.status_code == 302 and response.url.startswith("/compte/connexion/")
