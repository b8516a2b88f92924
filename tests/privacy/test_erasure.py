"""Erasure (Law 25): nothing names the person afterwards, in any column of
any table, while the coordinator's figures stay exactly as they were."""

import io
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse

from certification.codes import code_generate
from certification.models import Certificate
from certification.selectors import certificate_content
from learners.models import (
    EnrolmentImport,
    H5PUserState,
    PathCompletion,
    XapiStatement,
)
from privacy.models import Erasure, ErasureStatus
from privacy.services import erasure as erasure_service
from reporting.rollup import rollup_refresh
from reporting.selectors import Scope, participation_report
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def database_text() -> str:
    """Every value of every column of every table, as text."""
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value).decode("utf-8", errors="ignore")
                    parts.append(str(value))
    return "\n".join(parts)


def dashboard():
    rollup_refresh()
    overview, trends = participation_report(scope=Scope(), use_cache=False)
    return repr(overview), repr(trends)


def test_after_privacy_erase_nothing_names_the_learner_and_figures_stay(
    alice, django_capture_on_commit_callbacks
):
    names = [alice.email, alice.get_full_name(), alice.last_name]
    before = dashboard()
    text = database_text().casefold()
    assert all(name.casefold() in text for name in names)  # the test sees them
    pdf = alice.certificates.get().pdf.name

    with django_capture_on_commit_callbacks(execute=True):
        call_command("privacy_erase", alice.email, "--yes", stdout=io.StringIO())

    text = database_text().casefold()
    assert [name for name in names if name.casefold() in text] == []
    assert dashboard() == before
    assert not default_storage.exists(pdf)


def test_what_erasure_leaves_and_what_it_removes(alice):
    call_command("privacy_erase", alice.email, "--yes", stdout=io.StringIO())

    alice.refresh_from_db()
    erasure = Erasure.objects.get(user=alice)
    assert alice.email == f"{erasure.opaque_id}@efface.invalid"
    assert not alice.is_active and not alice.has_usable_password()
    assert (alice.municipality.code, alice.role) == ("26022", "mayor")
    raw = XapiStatement.objects.filter(user=alice).first().raw
    assert raw["actor"]["account"]["name"] == erasure.opaque_id
    assert not H5PUserState.objects.filter(user=alice).exists()
    certificate = Certificate.objects.get(user=alice)
    assert certificate.content["holder"]["name"] == erasure.opaque_id
    assert certificate.revoked_at is None and not certificate.pdf
    data = bytes(EnrolmentImport.objects.get().data).decode()
    assert "autre@exemple.qc.ca" in data  # the other person's line stays
    assert erasure.status == ErasureStatus.DONE


def test_the_verification_page_says_withdrawn_at_the_holders_request(client, alice):
    certificate = alice.certificates.get()
    certificate.code = code_generate()  # the fixture's are not well-formed
    completion = PathCompletion.objects.get(user=alice, path=certificate.path)
    certificate.content = certificate_content(
        code=certificate.code, completion=completion
    )
    certificate.save(update_fields=["code", "content"])
    code = certificate.code
    call_command("privacy_erase", alice.email, "--yes", stdout=io.StringIO())

    html = client.get(
        reverse("certification:verify_code", args=[code]), follow=True
    ).content.decode()

    assert "retirée à la demande de son titulaire" in html
    assert "Alice" not in html


def test_an_interrupted_erasure_runs_again_and_finishes(alice):
    with mock.patch.object(
        erasure_service, "_account_anonymise", side_effect=RuntimeError("coupure")
    ):
        with pytest.raises(RuntimeError):
            call_command("privacy_erase", alice.email, "--yes")
    alice.refresh_from_db()
    assert alice.email == "alice@exemple.qc.ca"  # rolled back, whole
    assert Erasure.objects.get(user=alice).status == ErasureStatus.STARTED

    call_command("privacy_erase", alice.email, "--yes", stdout=io.StringIO())

    erasure = Erasure.objects.get(user=alice)
    assert erasure.status == ErasureStatus.DONE
    alice.refresh_from_db()
    assert alice.email.startswith(erasure.opaque_id)
    # a second pass on the erased account changes nothing
    again = erasure_service.learner_erase(user=alice, requested_by="command")
    assert again.opaque_id == erasure.opaque_id


def test_an_unknown_address_is_refused_with_exit_1(municipalities):
    with pytest.raises(CommandError, match="Aucun compte") as raised:
        call_command("privacy_erase", "personne@nulle-part.qc.ca", "--yes")
    assert raised.value.returncode == 1


def test_an_administrator_is_erased_only_with_force(municipalities):
    admin = UserFactory(email="admin@exemple.qc.ca", is_superuser=True, is_staff=True)

    with pytest.raises(CommandError, match="--force"):
        call_command("privacy_erase", admin.email, "--yes")
    admin.refresh_from_db()
    assert admin.email == "admin@exemple.qc.ca"

    call_command("privacy_erase", admin.email, "--yes", "--force", stdout=io.StringIO())
    admin.refresh_from_db()
    assert not admin.is_superuser and admin.email.endswith("@efface.invalid")


def test_the_command_asks_for_confirmation(municipalities, monkeypatch):
    learner = UserFactory(email="hesite@exemple.qc.ca")
    monkeypatch.setattr("builtins.input", lambda prompt: "non")

    with pytest.raises(CommandError, match="annulé"):
        call_command("privacy_erase", learner.email)

    learner.refresh_from_db()
    assert learner.email == "hesite@exemple.qc.ca"
    monkeypatch.setattr("builtins.input", lambda prompt: "oui")
    call_command("privacy_erase", learner.email, stdout=io.StringIO())
    assert not get_user_model().objects.filter(email=learner.email).exists()


def test_the_log_names_no_erased_data(alice, caplog):
    caplog.set_level("INFO", logger="privacy")
    call_command("privacy_erase", alice.email, "--yes", stdout=io.StringIO())

    assert caplog.records
    assert "alice" not in caplog.text.casefold()


def test_a_learner_closes_their_account_with_their_password(client, alice):
    client.force_login(alice)
    url = reverse("privacy:close_account")

    refused = client.post(url, {"password": "pas-le-bon", "confirm": "on"})
    assert "Mot de passe incorrect" in refused.content.decode()
    unconfirmed = client.post(url, {"password": PASSWORD})
    assert "Cochez la case" in unconfirmed.content.decode()
    alice.refresh_from_db()
    assert alice.is_active

    response = client.post(url, {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    alice.refresh_from_db()
    assert not alice.is_active and alice.email.endswith("@efface.invalid")
    assert "_auth_user_id" not in client.session


def test_the_close_form_erases_only_the_signed_in_account(client, alice, province):
    bruno = province["people"]["bruno"]
    client.force_login(bruno)

    client.post(
        reverse("privacy:close_account"), {"password": PASSWORD, "confirm": "on"}
    )

    alice.refresh_from_db()
    assert alice.email == "alice@exemple.qc.ca"


def test_the_admin_erase_page_is_for_administrators_only(client, alice, coordinator):
    url = reverse("privacy_erase_account")
    client.force_login(coordinator)
    assert client.get(url).status_code == 403
    assert client.post(url, {"email": alice.email, "confirm": "on"}).status_code in (
        302,
        403,
    )
    alice.refresh_from_db()
    assert alice.is_active

    admin = UserFactory(email="chef@exemple.qc.ca", is_superuser=True, is_staff=True)
    client.force_login(admin)
    unknown = client.post(url, {"email": "x@nulle-part.qc.ca", "confirm": "on"})
    assert "Aucun compte" in unknown.content.decode()

    client.post(url, {"email": alice.email, "confirm": "on"})

    alice.refresh_from_db()
    assert not alice.is_active
