"""The notice: in the footer of every page with its officer, in French and
English; a new version is accepted before going on; optional consents change
in the profile."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from learners.models import ConsentChange, ConsentPurpose, LearnerConsent
from privacy.models import PrivacyNotice, PrivacySettings
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def publish_v2():
    return PrivacyNotice.objects.create(
        version=2,
        published_at=timezone.now(),
        body_fr="<p>Nouvelle version</p>",
        body_en="<p>New version</p>",
        changes="Rappels par texto.",
    )


def test_every_page_links_the_notice_and_names_the_officer(client, site):
    settings = PrivacySettings.for_site(Site.objects.get(is_default_site=True))
    settings.officer_name = "Josée Bédard"
    settings.officer_email = "vie-privee@virage.example"
    settings.save()

    for url in ("/", reverse("learners:login"), reverse("learners:sign_up")):
        html = client.get(url).content.decode()
        assert reverse("privacy:notice") in html
        assert "Josée Bédard" in html and "vie-privee@virage.example" in html


def test_the_notice_in_french_and_english(client, site):
    publish_v2()

    french = client.get(reverse("privacy:notice")).content.decode()
    english = client.get("/en" + reverse("privacy:notice")).content.decode()

    assert "Nouvelle version" in french and "Version 2" in french
    assert "New version" in english


def test_a_new_version_is_accepted_before_going_on(client, learner):
    client.force_login(learner)
    dashboard = reverse("learners:dashboard")
    assert client.get(dashboard).status_code == 200  # version 1 accepted
    publish_v2()

    response = client.get(dashboard)

    assert response.status_code == 302
    assert response.url.startswith(reverse("privacy:accept"))
    page = client.get(response.url).content.decode()
    assert "Rappels par texto." in page
    assert "Notre politique de confidentialité a changé" in page
    refused = client.post(response.url, {"next": dashboard})
    assert "acceptez la politique" in refused.content.decode()
    assert LearnerConsent.objects.get(user=learner).notice_version == 1

    accepted = client.post(response.url, {"next": dashboard, "accept_notice": "on"})

    assert accepted.url == dashboard
    consent = LearnerConsent.objects.get(user=learner)
    assert consent.notice_version == 2 and not consent.share_with_municipality
    assert client.get(dashboard).status_code == 200


def test_the_next_address_stays_on_the_site(client, learner):
    client.force_login(learner)
    publish_v2()

    response = client.post(
        reverse("privacy:accept"),
        {"next": "https://ailleurs.example/", "accept_notice": "on"},
    )

    assert response.url == "/"


def test_staff_and_signing_out_are_not_stopped(client, learner, coordinator):
    publish_v2()
    client.force_login(learner)
    assert client.post(reverse("learners:logout")).status_code == 302
    client.force_login(coordinator)
    assert client.get(reverse("privacy:notice")).status_code == 200
    assert client.get("/").status_code == 200


def test_an_account_that_never_answered_is_asked(client, municipalities):
    imported = UserFactory(email="importe@exemple.qc.ca", consent=False)
    client.force_login(imported)

    response = client.get(reverse("learners:dashboard"))

    assert response.url.startswith(reverse("privacy:accept"))
    page = client.get(response.url).content.decode()
    assert "Vos renseignements personnels : vos choix" in page
    assert "a changé" not in page  # nothing changed for them: it is their first time


def test_the_profile_changes_optional_consents(client, learner):
    client.force_login(learner)
    url = reverse("learners:profile")
    assert "Mes consentements" in client.get(url).content.decode()

    response = client.post(url, {"form": "consents", "email_reminders": "on"})

    assert response.status_code == 302
    consent = LearnerConsent.objects.get(user=learner)
    assert not consent.share_with_municipality and consent.email_reminders
    withdrawn = ConsentChange.objects.get(user=learner)
    assert (withdrawn.purpose, withdrawn.granted) == (
        ConsentPurpose.SHARE_MUNICIPALITY,
        False,
    )
    learner.refresh_from_db()
    assert learner.first_name == "Camille"  # the profile form was not posted


def test_a_new_officer_shows_at_once_though_each_process_remembers_it(client, site):
    """The footer's officer is remembered for a second by each process
    (``core.local_cache``); saving the setting here forgets it at once."""
    settings = PrivacySettings.for_site(Site.objects.get(is_default_site=True))
    settings.officer_name = "Josée Bédard"
    settings.save()
    assert "Josée Bédard" in client.get("/").content.decode()

    settings.officer_name = "Marc Tremblay"
    settings.save()

    html = client.get("/").content.decode()
    assert "Marc Tremblay" in html and "Josée Bédard" not in html
