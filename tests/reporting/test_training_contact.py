"""Training contacts, named in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.urls import reverse

from reporting.models import TrainingContact
from territory.models import Municipality
from tests.factories import UserFactory
from tests.refusals import admin_login_asked

pytestmark = pytest.mark.django_db

ADD = reverse("repondants_formation:add")


@pytest.fixture
def administrator(municipalities):
    """An administrator, with the grants ``cms/permissions.py`` is to give."""
    group = Group.objects.get(name="Administrateurs")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="reporting", codename__endswith="trainingcontact"
        )
    )
    return UserFactory(role="", group="Administrateurs")


def test_a_contact_belongs_to_the_municipality(learner):
    elsewhere = Municipality.objects.get(code="03005")

    with pytest.raises(ValidationError, match="n'appartient pas"):
        TrainingContact(user=learner, municipality=elsewhere).full_clean()
    TrainingContact(user=learner, municipality=learner.municipality).full_clean()


def test_an_administrator_names_a_contact_by_email(client, administrator, learner):
    client.force_login(administrator)

    assert client.get(ADD).status_code == 200
    response = client.post(ADD, {"email": "APPRENANT@exemple.qc.ca"})

    assert response.status_code == 302
    contact = TrainingContact.objects.get()
    assert (contact.user, contact.municipality) == (learner, learner.municipality)


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("personne@ailleurs.ca", "Aucune personne n&#x27;a ce courriel."),
        ("coordo@exemple.qc.ca", "rattachée à aucune municipalité"),
    ],
)
def test_the_person_must_exist_and_have_a_municipality(
    client, administrator, coordinator, email, message
):
    coordinator.municipality = None
    coordinator.save()
    client.force_login(administrator)

    response = client.post(ADD, {"email": email})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TrainingContact.objects.exists()


def test_learners_cannot_name_contacts(client, learner):
    client.force_login(learner)

    admin_login_asked(client.get(ADD))


def test_the_admin_menu_links_to_the_dashboard_for_coordinators(client, coordinator):
    client.force_login(coordinator)

    page = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("reporting:dashboard") in page


def test_the_site_menu_link_goes_where_each_person_may_go(rf, coordinator, learner):
    from django.template import Context, Template

    template = Template("{% load reporting %}{% participation_url %}")

    def link(user):
        request = rf.get("/")
        request.user = user
        return template.render(Context({"request": request}))

    TrainingContact.objects.create(user=learner, municipality=learner.municipality)
    assert link(coordinator) == reverse("reporting:dashboard")
    assert link(learner) == reverse("reporting:municipality", args=["26022"])
    assert link(UserFactory()) == ""


def test_the_site_menu_link_follows_a_change_at_once(rf, learner):
    """The link is cached per person: naming or removing a contact, or adding
    someone to the coordinators, shows on the next page."""
    from django.contrib.auth.models import Group
    from django.template import Context, Template

    template = Template("{% load reporting %}{% participation_url %}")

    def link():
        request = rf.get("/")
        request.user = learner
        return template.render(Context({"request": request}))

    assert link() == ""
    contact = TrainingContact.objects.create(
        user=learner, municipality=learner.municipality
    )
    assert link() == reverse("reporting:municipality", args=["26022"])
    contact.delete()
    assert link() == ""
    learner.groups.add(Group.objects.get(name="Coordonnateurs UMQ"))
    assert link() == reverse("reporting:dashboard")
