"""Homonyms told apart: the session form and the attendance sheet (page and
CSV) name each municipality with its designation and region."""

import pytest
from django.urls import reverse

from territory.models import Municipality
from tests.factories import UserFactory
from tests.sessions_factories import registered, session_now

pytestmark = pytest.mark.django_db

BEAUCE = "Saint-Elzéar (Municipalité, Chaudière-Appalaches)"
GASPESIE = "Saint-Elzéar (Municipalité, Gaspésie–Îles-de-la-Madeleine)"


@pytest.fixture
def session(site, trainer):
    return session_now(module=site["module"], trainer=trainer)


@pytest.fixture
def beauceron(municipalities):
    return UserFactory(
        email="beauce@exemple.qc.ca",
        last_name="Poulin",
        municipality=Municipality.objects.get(code="26022"),
    )


def test_the_session_form_lists_homonyms_with_their_region(client, site, trainer):
    client.force_login(trainer)

    page = client.get(reverse("wagtailsnippets_courses_trainingsession:add"))

    html = page.content.decode()
    assert page.status_code == 200
    assert f">{BEAUCE}</option>" in html
    assert f">{GASPESIE}</option>" in html


def test_the_attendance_sheet_names_the_region(client, session, trainer, beauceron):
    registered(beauceron, session)
    client.force_login(trainer)

    page = client.get(reverse("session_attendance:sheet", args=[session.pk]))
    export = client.get(reverse("session_attendance:csv", args=[session.pk]))

    assert f"<td>{BEAUCE}</td>" in page.content.decode()
    assert BEAUCE in export.content.decode()


def test_the_attendance_sheet_stays_closed_to_learners(client, session, beauceron):
    registered(beauceron, session)
    client.force_login(beauceron)

    page = client.get(reverse("session_attendance:sheet", args=[session.pk]))
    export = client.get(reverse("session_attendance:csv", args=[session.pk]))

    assert BEAUCE not in page.content.decode()
    assert BEAUCE not in export.content.decode()


def test_the_session_form_offers_original_modules_not_translations(
    client, site, trainer
):
    from wagtail.models import Locale

    from courses.models import ModulePage

    english, _ = Locale.objects.get_or_create(language_code="en")
    module = site["module"]
    site["path"].add_child(
        instance=ModulePage(
            title="Module anglais",
            slug="module-en",
            objectives="<p>x</p>",
            estimated_minutes=10,
            locale=english,
            translation_key=module.translation_key,
        )
    )
    client.force_login(trainer)

    form = client.get(reverse("wagtailsnippets_courses_trainingsession:add")).context[
        "form"
    ]

    modules = form.fields["module"].queryset
    assert module in modules
    assert not modules.filter(locale=english).exists()
