"""The client address behind trusted proxies, and the rate limits that count
by it: password reset here, sign-up in test_sign_up, verification below."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from learners.security import client_address, rate_limit_exceeded

RESET = reverse("learners:password_reset")
VERIFY = reverse("certification:verify")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "10.0.0.1"),  # no proxy trusted: the header is ignored
        (1, None, "10.0.0.1"),
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # left part written by client
        (2, "6.6.6.6, 203.0.113.5, 10.1.1.1", "203.0.113.5"),
        (2, "203.0.113.5", "10.0.0.1"),  # fewer hops than proxies: bypassed them
        (1, "pas-une-adresse", "10.0.0.1"),
        (1, " 2001:DB8::1 ", "2001:db8::1"),
    ],
)
def test_client_address(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies

    assert client_address(request_from("10.0.0.1", forwarded)) == expected


def test_rate_limit_counts_per_scope_and_key():
    hits = [
        rate_limit_exceeded(scope="essai", key="a", limit=2, window=60)
        for _ in range(3)
    ]

    assert hits == [False, False, True]
    assert not rate_limit_exceeded(scope="essai", key="b", limit=2, window=60)
    assert not rate_limit_exceeded(scope="autre", key="a", limit=2, window=60)


@pytest.mark.django_db
def test_password_reset_answers_alike_for_known_and_unknown_addresses(
    client, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends
        known = client.post(RESET, {"email": learner.email})
        unknown = client.post(RESET, {"email": "personne@exemple.qc.ca"})

    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert [message.to for message in mail.outbox] == [[learner.email]]


@pytest.mark.django_db
def test_password_reset_is_rate_limited_per_address(client, db):
    for n in range(10):
        client.post(RESET, {"email": f"personne{n}@exemple.qc.ca"})

    response = client.post(RESET, {"email": "encore@exemple.qc.ca"})

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Trop de demandes en peu de temps." in response.content.decode()


@pytest.mark.django_db
def test_password_reset_mails_to_one_address_are_limited(
    client, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends
        for n in range(3):
            client.post(RESET, {"email": learner.email}, REMOTE_ADDR=f"10.0.0.{n}")

    response = client.post(
        RESET, {"email": learner.email.upper()}, REMOTE_ADDR="10.0.0.9"
    )

    assert response.status_code == 429
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_verification_behind_a_proxy_counts_each_visitor(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.254"}
    unknown = {"code": "0000-0000-0000-0000"}  # a code's form, no certificate
    for _ in range(20):
        client.get(VERIFY, unknown, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)

    same = client.get(
        VERIFY, unknown, HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5", **proxy
    )
    other = client.get(VERIFY, unknown, HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy)

    assert same.status_code == 429
    assert other.status_code == 404


@pytest.mark.django_db
def test_the_wagtail_admin_reset_shares_the_limit(client, db):
    admin_reset = reverse("wagtailadmin_password_reset")
    for n in range(5):
        client.post(RESET, {"email": f"personne{n}@exemple.qc.ca"})
        client.post(admin_reset, {"email": f"autre{n}@exemple.qc.ca"})

    response = client.post(admin_reset, {"email": "encore@exemple.qc.ca"})

    assert response.status_code == 429
    assert client.get(admin_reset).status_code == 200
