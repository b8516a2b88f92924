"""A visitor signs up in the browser, picking their municipality by typing."""

import re

import pytest
from django.core import mail

from learners.models import User
from tests.factories import build_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def confirmation_path(message) -> str:
    """The path of the link a sign-up e-mails (its host is the configured one)."""
    link = re.search(r"https?://\S+", message.body).group(0)
    return "/" + link.split("/", 3)[3]


def test_sign_up_with_search_as_you_type_municipality(
    live_server, browser_page, municipalities
):
    build_site()
    page = browser_page
    page.goto(f"{live_server.url}/compte/inscription/")

    page.fill("#id_first_name", "Isabelle")
    page.fill("#id_last_name", "Tremblay")
    page.fill("#id_email", "isabelle@saint-elzear.qc.ca")
    page.fill("#id_municipality_search", "saint elzear")
    option = page.get_by_role(
        "option", name="Saint-Elzéar (Municipalité, Chaudière-Appalaches)"
    )
    option.click()
    page.select_option("#id_role", "mayor")
    page.fill("#id_password1", "Conseil-municipal-2026!")
    page.fill("#id_password2", "Conseil-municipal-2026!")
    page.check("#id_accept_notice")
    page.click("main button[type=submit]")
    page.wait_for_url("**/compte/inscription/envoyee/")
    page.goto(live_server.url + confirmation_path(mail.outbox[-1]))
    page.click("main button[type=submit]")

    page.wait_for_url("**/compte/mon-parcours/")
    assert "Bienvenue dans Virage" in page.content()
    user = User.objects.get(email="isabelle@saint-elzear.qc.ca")
    assert (user.municipality.code, user.role) == ("26022", "mayor")


def test_keyboard_choice_and_no_match_message(
    live_server, browser_page, municipalities
):
    build_site()
    page = browser_page
    page.goto(f"{live_server.url}/compte/inscription/")

    page.fill("#id_municipality_search", "atlantide")
    page.wait_for_selector(".combobox-empty")
    assert "Aucune municipalité trouvée." in page.inner_text("#id_municipality_listbox")

    page.fill("#id_municipality_search", "gaspe")
    page.wait_for_selector("[role=option]")
    page.press("#id_municipality_search", "ArrowDown")
    page.press("#id_municipality_search", "Enter")
    assert page.eval_on_selector("#id_municipality", "el => el.value") == "03005"
