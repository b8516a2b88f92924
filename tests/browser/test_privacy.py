"""Law 25 in the browser: a visitor accepts the notice at sign-up, downloads
their data (and we look inside the ZIP), then closes their account."""

import io
import json
import re
import zipfile

import pytest
from django.core import mail

from learners.models import LearnerConsent, User
from tests.factories import build_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "josee.bedard@gaspe.qc.ca"
PASSWORD = "Conseil-municipal-2026!"


def confirmation_path(message) -> str:
    link = re.search(r"https?://\S+", message.body).group(0)
    return "/" + link.split("/", 3)[3]


def sign_up(page, base):
    page.goto(f"{base}/compte/inscription/")
    page.fill("#id_first_name", "Josée")
    page.fill("#id_last_name", "Bédard")
    page.fill("#id_email", EMAIL)
    page.fill("#id_municipality_search", "gaspe")
    page.get_by_role("option", name=re.compile("^Gaspé")).first.click()
    page.select_option("#id_role", "councillor")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("main button[type=submit]")
    assert "acceptez la politique" in page.content()  # not ticked: refused
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.check("#id_accept_notice")
    page.check("#id_share_with_municipality")
    page.click("main button[type=submit]")
    page.wait_for_url("**/compte/inscription/envoyee/")
    page.goto(base + confirmation_path(mail.outbox[-1]))
    page.click("main button[type=submit]")
    page.wait_for_url("**/compte/mon-parcours/")


def test_accept_download_and_close(live_server, browser_page, municipalities):
    build_site()
    page, base = browser_page, live_server.url
    page.goto(base + "/")
    page.click("footer >> text=Politique de confidentialité")
    page.wait_for_url("**/confidentialite/")
    assert "Version 1" in page.content()

    sign_up(page, base)
    user = User.objects.get(email=EMAIL)
    consent = LearnerConsent.objects.get(user=user)
    assert consent.notice_version == 1 and consent.share_with_municipality

    page.goto(f"{base}/compte/profil/")
    page.click("text=Télécharger mes données")
    page.wait_for_url("**/confidentialite/mes-donnees/")
    with page.expect_download() as download:
        page.click("main button[type=submit]")
    archive = zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read()))
    assert {"profil.json", "profil.csv", "declarations_xapi.csv"} <= set(
        archive.namelist()
    )
    [profile] = json.loads(archive.read("profil.json"))
    assert (profile["email"], profile["first_name"]) == (EMAIL, "Josée")
    consents = json.loads(archive.read("consentements.json"))
    [current] = [c for c in consents if c.get("current")]
    assert current["share_with_municipality"] is True

    page.goto(f"{base}/compte/profil/")
    page.click("text=Fermer mon compte")
    page.fill("#id_password", PASSWORD)
    page.check("#id_confirm")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))
    assert "Votre compte est fermé" in page.content()
    assert "Se connecter" in page.content()
    user.refresh_from_db()
    assert not user.is_active and user.first_name == ""
    assert not User.objects.filter(email=EMAIL).exists()
