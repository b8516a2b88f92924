"""Sign-up asks for consent per purpose (Law 25) and records the accepted
notice version and time when the account is actually created."""

import pytest
from django.core import mail
from django.urls import reverse

from learners.models import ConsentChange, ConsentPurpose, LearnerConsent, User
from tests.learners.test_sign_up import (
    URL,
    empty_cache,
    form_data,
    link_in,
    mails_leave_at_once,
)

pytestmark = pytest.mark.django_db
__all__ = ["empty_cache", "mails_leave_at_once"]


def test_the_form_links_the_notice_and_offers_each_purpose(client, municipalities):
    html = client.get(URL).content.decode()

    assert reverse("privacy:notice") in html
    for name in ("accept_notice", "share_with_municipality", "email_reminders"):
        assert f'name="{name}"' in html


def test_without_the_required_consent_nothing_is_sent(client, municipalities):
    response = client.post(URL, form_data(accept_notice=""))

    assert response.status_code == 200
    assert "acceptez la politique de confidentialité" in response.content.decode()
    assert mail.outbox == []


def test_consent_is_recorded_when_the_account_is_created(client, municipalities):
    client.post(URL, form_data(share_with_municipality="on"))
    assert not LearnerConsent.objects.exists()  # no account yet, no record

    client.post(link_in(mail.outbox[0]))

    user = User.objects.get()
    consent = LearnerConsent.objects.get(user=user)
    assert consent.notice_version == 1
    assert consent.share_with_municipality and not consent.email_reminders
    history = dict(
        ConsentChange.objects.filter(user=user).values_list("purpose", "granted")
    )
    assert history == {
        ConsentPurpose.TRAINING: True,
        ConsentPurpose.SHARE_MUNICIPALITY: True,
        ConsentPurpose.EMAIL_REMINDERS: False,
    }
    assert consent.accepted_at is not None


def test_a_new_account_goes_on_without_being_asked_again(client, municipalities):
    client.post(URL, form_data())

    response = client.post(link_in(mail.outbox[0]), follow=True)

    assert response.redirect_chain[-1][0] == reverse("learners:dashboard")
