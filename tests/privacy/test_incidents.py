"""The register of confidentiality incidents: administrators only, exportable."""

import pytest
from django.urls import reverse

from privacy.models import Incident
from tests.factories import UserFactory
from tests.refusals import admin_refused

pytestmark = pytest.mark.django_db

INDEX = "privacy_incident:index"


@pytest.fixture
def incident():
    return Incident.objects.create(
        occurred_on="2026-10-01",
        discovered_on="2026-10-03",
        nature="Courriel envoyé au mauvais destinataire",
        people_concerned="12 personnes de Gaspé",
        information_concerned="noms et progression",
        risk="low",
        cai_notified_on="2026-10-05",
    )


@pytest.fixture
def administrator(municipalities):
    return UserFactory(
        email="admin@exemple.qc.ca", role="", is_staff=True, is_superuser=True
    )


def test_an_administrator_keeps_and_exports_the_register(
    client, administrator, incident
):
    client.force_login(administrator)

    assert "mauvais destinataire" in client.get(reverse(INDEX)).content.decode()
    export = client.get(reverse(INDEX) + "?export=csv")
    assert export.status_code == 200
    body = b"".join(export.streaming_content).decode()
    assert "mauvais destinataire" in body and "2026-10-05" in body
    created = client.post(
        reverse("privacy_incident:add"),
        {
            "occurred_on": "2026-11-02",
            "discovered_on": "2026-11-02",
            "nature": "Perte d'un portable",
            "people_concerned": "3",
            "information_concerned": "courriels",
            "risk": "serious",
        },
    )
    assert created.status_code == 302
    assert Incident.objects.count() == 2


def test_coordinators_and_trainers_do_not_see_it(
    client, coordinator, trainer, incident
):
    for person in (coordinator, trainer):
        client.force_login(person)
        response = client.get(reverse(INDEX))
        admin_refused(response)
        assert "mauvais destinataire" not in response.content.decode()
        export = client.get(reverse(INDEX) + "?export=csv")
        admin_refused(export)


def test_the_administrators_group_holds_it_too(client, municipalities, incident):
    member = UserFactory(email="gr@exemple.qc.ca", role="", group="Administrateurs")
    client.force_login(member)

    assert "mauvais destinataire" in client.get(reverse(INDEX)).content.decode()
    assert client.get(reverse("privacy_erase_account")).status_code == 200
