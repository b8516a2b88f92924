"""Login lockout (django-axes): 10 failures within 30 minutes lock the account
and, separately, the address, on the site's login and on the Wagtail admin's."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("axes_enabled")]

LOGIN = reverse("learners:login")
ADMIN_LOGIN = reverse("wagtailadmin_login")
LOCKED = "Connexion bloquée"


@pytest.fixture
def axes_enabled(settings):
    settings.AXES_ENABLED = True


def fail(client, url, email, times, **extra):
    responses = [
        client.post(url, {"username": email, "password": "mauvais"}, **extra)
        for _ in range(times)
    ]
    return responses[-1]


def test_nine_failures_still_let_the_right_password_in(client, learner):
    fail(client, LOGIN, learner.email, 9)

    response = client.post(LOGIN, {"username": learner.email, "password": PASSWORD})

    assert response.status_code == 302


def test_the_tenth_failure_locks_the_account_with_a_french_page(client, learner):
    before = fail(client, LOGIN, learner.email, 9)
    assert before.status_code == 200

    tenth = fail(client, LOGIN, learner.email, 1)
    right = client.post(LOGIN, {"username": learner.email, "password": PASSWORD})

    for response in (tenth, right):
        page = response.content.decode()
        assert response.status_code == 429
        assert LOCKED in page
        assert "Réessayez dans 30 minutes." in page
        assert '<html lang="fr-ca">' in page  # the site's base.html
    assert "_auth_user_id" not in client.session


def test_the_account_stays_locked_from_another_address(client, learner):
    fail(client, LOGIN, learner.email, 10, REMOTE_ADDR="10.0.0.1")

    response = client.post(
        LOGIN,
        {"username": learner.email.upper(), "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
    )

    assert response.status_code == 429


def test_an_address_trying_many_accounts_is_locked(client, learner):
    for n in range(10):
        fail(client, LOGIN, f"essai{n}@exemple.qc.ca", 1, REMOTE_ADDR="10.0.0.3")

    from_there = client.post(
        LOGIN,
        {"username": learner.email, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.3",
    )
    elsewhere = client.post(
        LOGIN,
        {"username": learner.email, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.4",
    )

    assert from_there.status_code == 429
    assert elsewhere.status_code == 302


def test_the_wagtail_admin_login_is_locked_too(client, trainer):
    fail(client, ADMIN_LOGIN, trainer.email, 10)

    response = client.post(
        ADMIN_LOGIN, {"username": trainer.email, "password": PASSWORD}
    )

    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert AccessAttempt.objects.get().failures_since_start == 11


def test_failures_on_both_logins_add_up(client, trainer):
    fail(client, ADMIN_LOGIN, trainer.email, 5)
    fail(client, LOGIN, trainer.email, 5)

    response = client.post(LOGIN, {"username": trainer.email, "password": PASSWORD})

    assert response.status_code == 429


def test_lockout_page_speaks_the_language_of_the_login(client, learner):
    """Its English wording comes with the next catalogue update (locale/)."""
    response = fail(client, "/en" + LOGIN, learner.email, 10)

    assert response.status_code == 429
    assert '<html lang="en">' in response.content.decode()


def test_behind_a_trusted_proxy_the_forwarded_client_is_locked(
    client, learner, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.254"}
    for n in range(10):
        fail(
            client,
            LOGIN,
            f"essai{n}@exemple.qc.ca",
            1,
            HTTP_X_FORWARDED_FOR="203.0.113.5",
            **proxy,
        )

    same_client = client.post(
        LOGIN,
        {"username": learner.email, "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5",  # spoofed left part
        **proxy,
    )
    other_client = client.post(
        LOGIN,
        {"username": learner.email, "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.6",
        **proxy,
    )

    assert same_client.status_code == 429
    assert other_client.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {
        "203.0.113.5"
    }
