"""A newcomer signs up, enrols, completes lessons, watches the progress bar
move, then registers to a session of the module."""

import pytest
from django.core import mail

from learners.models import LessonCompletion, RegistrationStatus, SessionRegistration
from tests.browser.test_sign_up_flow import confirmation_path
from tests.factories import build_site
from tests.progress_fixtures import add_module
from tests.sessions_factories import TrainingSessionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def progress_value(page):
    return int(page.get_attribute(".path-panel progress", "value"))


def test_sign_up_enrol_complete_lessons_and_register(
    live_server, browser_page, municipalities
):
    tree = build_site()
    second = add_module(tree["path"], "module-2", lessons=1)
    TrainingSessionFactory(module=second, title="Atelier pratique")
    page = browser_page
    base = live_server.url

    page.goto(f"{base}/compte/inscription/")
    page.fill("#id_first_name", "Camille")
    page.fill("#id_last_name", "Gagnon")
    page.fill("#id_email", "camille@saint-elzear.qc.ca")
    page.fill("#id_municipality_search", "saint elzear")
    page.get_by_role(
        "option", name="Saint-Elzéar (Municipalité, Chaudière-Appalaches)"
    ).click()
    page.select_option("#id_role", "employee")
    page.fill("#id_password1", "Conseil-municipal-2026!")
    page.fill("#id_password2", "Conseil-municipal-2026!")
    page.check("#id_accept_notice")
    page.click("main button[type=submit]")
    page.wait_for_url("**/compte/inscription/envoyee/")
    page.goto(base + confirmation_path(mail.outbox[-1]))
    page.click("main button[type=submit]")
    page.wait_for_url("**/compte/mon-parcours/")

    page.goto(f"{base}{tree['path'].url}")
    page.click("text=M'inscrire à ce parcours")
    assert progress_value(page) == 0

    page.click(".path-panel >> text=Commencer")
    page.click("text=J'ai terminé cette leçon")  # lesson 1 of 2, then on to the next
    page.wait_for_url(f"**{second.url}module-2-1/")
    page.goto(f"{base}{tree['path'].url}")
    assert progress_value(page) == 50

    page.goto(f"{base}{second.url}module-2-1/")
    page.click("text=J'ai terminé cette leçon")
    page.goto(f"{base}{tree['path'].url}")
    assert progress_value(page) == 100
    assert "Parcours terminé" in page.inner_text(".path-panel")
    assert LessonCompletion.objects.count() == 2

    page.goto(f"{base}{second.url}")
    page.click("text=M'inscrire")
    assert "Annuler mon inscription" in page.content()
    registration = SessionRegistration.objects.get(session__title="Atelier pratique")
    assert registration.status == RegistrationStatus.REGISTERED
    page.goto(f"{base}/compte/mon-parcours/")
    assert "Atelier pratique" in page.inner_text("aside")
