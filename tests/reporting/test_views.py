"""Who reaches which page, and bad filters: a message, never a 500."""

import pytest
from django.urls import reverse

from reporting.models import TrainingContact
from reporting.rollup import rollup_refresh
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("reporting:dashboard")
ABSENT = reverse("reporting:absent")
MUNICIPALITIES = reverse("reporting:municipalities")
SAINT_ELZEAR = reverse("reporting:municipality", args=["26022"])
GASPE = reverse("reporting:municipality", args=["03005"])
COORDINATOR_PAGES = [DASHBOARD, ABSENT, MUNICIPALITIES, SAINT_ELZEAR]


def errors(response) -> list[str]:
    form = response.context["form"]
    return [str(error) for messages in form.errors.values() for error in messages]


@pytest.fixture
def contact(province):
    """Alice follows Saint-Elzéar's participation."""
    alice = province["people"]["alice"]
    TrainingContact.objects.create(user=alice, municipality=alice.municipality)
    return alice


@pytest.mark.parametrize("url", COORDINATOR_PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, province, url):
    response = client.get(url)

    assert response.status_code == 302
    assert reverse("learners:login") in response.url


@pytest.mark.parametrize("url", COORDINATOR_PAGES)
def test_learners_and_trainers_are_refused(client, province, trainer, url):
    for user in (province["people"]["bruno"], trainer):
        client.force_login(user)

        response = client.get(url)

        assert response.status_code == 403
        assert "Accès refusé" in response.content.decode()


@pytest.mark.parametrize("url", COORDINATOR_PAGES)
def test_coordinators_administrators_and_superusers_read_every_report(
    client, province, coordinator, url
):
    administrator = UserFactory(role="", group="Administrateurs")
    superuser = UserFactory(role="", is_superuser=True, municipality=None)
    rollup_refresh()
    for user in (coordinator, administrator, superuser):
        client.force_login(user)

        assert client.get(url).status_code == 200


def test_the_dashboard_shows_the_figures_and_accessible_charts(
    client, province, coordinator
):
    rollup_refresh()
    client.force_login(coordinator)

    page = client.get(DASHBOARD).content.decode()

    assert "/ 1\xa0122" in page  # grouped as in French
    assert page.count('class="chart"') == 4 and page.count("<desc") == 4
    assert "Voir les données du graphique" in page
    assert "Saint-Elzéar" not in page  # no municipality names on the dashboard


def test_a_training_contact_sees_their_municipality_with_names(client, contact):
    rollup_refresh()
    client.force_login(contact)

    page = client.get(SAINT_ELZEAR).content.decode()

    assert "Bruno Tremblay" in page and "chloe@exemple.qc.ca" in page
    assert "&lt; 5" not in page  # exact counts for their own municipality
    assert "offert qu" not in page  # the paginator is no Wagtail page


def test_a_training_contact_sees_no_other_municipality_nor_the_dashboard(
    client, contact
):
    client.force_login(contact)

    assert client.get(GASPE).status_code == 403
    assert client.get(DASHBOARD).status_code == 403
    assert client.get(ABSENT).status_code == 403


def test_a_contact_who_moved_away_loses_access(client, contact):
    contact.municipality = contact.__class__.objects.get(
        email="emilie@exemple.qc.ca"
    ).municipality
    contact.save()
    client.force_login(contact)

    assert client.get(SAINT_ELZEAR).status_code == 403


def test_coordinators_see_no_names_and_small_counts_hidden(
    client, province, coordinator
):
    rollup_refresh()
    client.force_login(coordinator)

    page = client.get(SAINT_ELZEAR).content.decode()

    assert "Bruno" not in page and "alice@" not in page
    assert "&lt; 5" in page


def test_an_unknown_municipality_is_not_found(client, coordinator):
    client.force_login(coordinator)

    assert (
        client.get(reverse("reporting:municipality", args=["99999"])).status_code == 404
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("du=2026-13-45", "Indiquez une date au format AAAA-MM-JJ."),
        ("du=2026-05-01&au=2026-04-01", "La fin de la période précède son début."),
        ("du=0001-01-01", "Choisissez une date entre"),
        ("region=99", "Cette valeur ne fait pas partie des choix."),
        ("mrc=zzz", "Cette valeur ne fait pas partie des choix."),
        ("population=9", "Cette valeur ne fait pas partie des choix."),
        ("population=abc", "Cette valeur ne fait pas partie des choix."),
        ("role=pape", "Cette valeur ne fait pas partie des choix."),
        ("parcours=abc", "Cette valeur ne fait pas partie des choix."),
        ("parcours=99999999999999999999999", "Cette valeur ne fait pas partie"),
        ("theme=inconnu", "Cette valeur ne fait pas partie des choix."),
        ("region=12&mrc=040", "Cette MRC n'est pas dans la région choisie."),
    ],
)
def test_bad_filters_get_a_french_message_and_a_400(
    client, province, coordinator, query, message
):
    client.force_login(coordinator)

    for url in (DASHBOARD, ABSENT, MUNICIPALITIES):
        response = client.get(f"{url}?{query}")

        assert response.status_code == 400
        assert message in " ".join(errors(response))
        assert 'role="alert"' in response.content.decode()


def test_bad_filters_on_a_municipality_page_and_an_export(client, contact):
    client.force_login(contact)

    page = client.get(f"{SAINT_ELZEAR}?au=demain")
    export = client.get(
        reverse("reporting:municipality_export", args=["26022", "roles", "csv"])
        + "?role=pape"
    )

    assert page.status_code == 400 and "AAAA-MM-JJ" in " ".join(errors(page))
    assert export.status_code == 400
    assert "Cette valeur ne fait pas partie des choix." in export.content.decode()


def test_a_valid_filter_narrows_the_dashboard(client, province, coordinator):
    rollup_refresh()
    client.force_login(coordinator)

    response = client.get(f"{DASHBOARD}?du=2026-04-01&au=2026-06-30&role=employee")

    assert response.status_code == 200
    assert response.context["total"].enrolled == 1
