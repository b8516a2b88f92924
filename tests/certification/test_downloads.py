"""Mes attestations: a learner sees and downloads only their own."""

import pytest
from django.urls import reverse

from certification import services
from tests.certification.conftest import complete
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(clock, learner, path, completion):
    return services.certificate_issue(user=learner, path=path)[0]


@pytest.fixture
def other_learner(site):
    other = UserFactory(email="autre@exemple.qc.ca")
    complete(other, site)
    services.certificate_issue(user=other, path=site["path"])
    return other


def test_the_owner_downloads_the_pdf(client, learner, certificate):
    client.force_login(learner)

    response = client.get(reverse("certification:pdf", args=[certificate.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="attestation-cyber-elus.pdf"'
    )
    assert response.content.startswith(b"%PDF")


def test_another_learner_gets_not_found(client, certificate, other_learner):
    client.force_login(other_learner)

    for name in ("certification:pdf", "certification:detail"):
        response = client.get(reverse(name, args=[certificate.pk]))
        assert response.status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, certificate):
    for url in (
        reverse("certification:mine"),
        reverse("certification:pdf", args=[certificate.pk]),
        reverse("certification:detail", args=[certificate.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("learners:login") in response.url


def test_a_revoked_certificate_is_not_downloadable(
    client, learner, certificate, administrator
):
    services.certificate_revoke(
        certificate=certificate, reason="Erreur", actor=administrator
    )
    client.force_login(learner)

    assert (
        client.get(reverse("certification:pdf", args=[certificate.pk])).status_code
        == 404
    )
    listing = client.get(reverse("certification:mine")).content.decode()
    assert "Révoquée" in listing


def test_mes_attestations_lists_only_mine(client, learner, certificate, other_learner):
    client.force_login(learner)

    html = client.get(reverse("certification:mine")).content.decode()

    assert "Mes attestations" in html
    assert reverse("certification:pdf", args=[certificate.pk]) in html
    assert reverse("certification:detail", args=[certificate.pk]) in html
    others = other_learner.certificates.get()
    assert reverse("certification:pdf", args=[others.pk]) not in html


def test_the_accessible_version(client, learner, certificate):
    client.force_login(learner)

    response = client.get(reverse("certification:detail", args=[certificate.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and "Attestation de réussite" in html
    assert 'lang="en"' in html
    assert certificate.display_code in html
    from certification.formatting import certificate_display

    completed = certificate_display(certificate.content)["completed_fr"]
    assert completed == "20 novembre 2026"  # the day the clock was set to
    assert completed in html and "Valide" in html
