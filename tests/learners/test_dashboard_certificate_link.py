"""A completed path on "Mon parcours" links to the learner's certificate."""

import pytest
from django.urls import reverse
from django.utils import timezone

from certification.services import certificate_issue
from learners.services import lesson_complete
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _finish(user, site):
    lesson_complete(user=user, lesson=site["lesson"], source="manual")


def test_a_completed_path_links_to_its_certificate(client, site, learner):
    _finish(learner, site)
    certificate, _ = certificate_issue(user=learner, path=site["path"])
    client.force_login(learner)

    html = client.get(reverse("learners:dashboard")).content.decode()

    assert reverse("certification:detail", args=[certificate.pk]) in html
    assert "Voir mon attestation" in html


def test_no_link_before_the_certificate_is_issued(client, site, learner):
    _finish(learner, site)
    client.force_login(learner)

    html = client.get(reverse("learners:dashboard")).content.decode()

    assert "Voir mon attestation" not in html


def test_no_link_to_a_revoked_certificate(client, site, learner):
    _finish(learner, site)
    certificate, _ = certificate_issue(user=learner, path=site["path"])
    certificate.revoked_at = timezone.now()
    certificate.save()
    client.force_login(learner)

    html = client.get(reverse("learners:dashboard")).content.decode()

    assert "Voir mon attestation" not in html


def test_never_another_learners_certificate(client, site, learner):
    other = UserFactory(email="autre@exemple.qc.ca")
    _finish(other, site)
    certificate_issue(user=other, path=site["path"])
    _finish(learner, site)
    client.force_login(learner)

    html = client.get(reverse("learners:dashboard")).content.decode()

    assert "Voir mon attestation" not in html
