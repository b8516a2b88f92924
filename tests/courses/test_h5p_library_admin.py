"""Issue 10 §2 in the admin: the upload form's library rules and the
administrators' library page."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import H5PContent, H5PLibrary
from courses.services import h5p_content_import
from tests.courses.library_packages import INJECTED, attack, multichoice
from tests.factories import UserFactory
from tests.h5p_fixtures import MULTI_CHOICE, TRUE_FALSE

pytestmark = pytest.mark.django_db

UPLOAD = "/admin/snippets/courses/h5pcontent/add/"


@pytest.fixture
def administrator(municipalities):
    return UserFactory(email="admin@exemple.qc.ca", role="", group="Administrateurs")


@pytest.fixture
def installed(db):
    content = h5p_content_import(
        source=MULTI_CHOICE, title="Choix multiple", filename=MULTI_CHOICE.name
    )
    return content.main_library


def upload(client, package, **data):
    file = SimpleUploadedFile(
        getattr(package, "name", "paquet.h5p"), package.getvalue()
    )
    return client.post(UPLOAD, {"title": "", "package": file, **data})


def test_trainer_upload_of_the_attack_is_refused_with_the_reason(
    client, site, trainer, installed
):
    client.force_login(trainer)

    response = upload(client, attack())

    page = response.content.decode()
    assert response.status_code == 200
    assert "H5P.MultiChoice 1.14.7" in page and "un administrateur" in page
    assert "Confirmer la mise à jour" not in page
    assert H5PLibrary.objects.get(pk=installed.pk).version == installed.version
    assert H5PContent.objects.count() == 1


def test_trainer_upload_using_installed_libraries_is_accepted(
    client, site, trainer, installed
):
    client.force_login(trainer)

    response = upload(client, multichoice(js_suffix=INJECTED))

    assert response.status_code == 302
    content = H5PContent.objects.get(uploaded_by=trainer)
    assert content.main_library == installed
    assert installed.installs.count() == 1


def test_trainer_upload_needing_a_missing_library_names_it(client, site, trainer):
    client.force_login(trainer)

    package = io.BytesIO(TRUE_FALSE.read_bytes())

    response = upload(client, package)

    assert response.status_code == 200
    assert "H5P.TrueFalse 1.6" in response.content.decode()
    assert not H5PContent.objects.exists()


def test_admin_update_shows_the_changed_files_then_applies_once_confirmed(
    client, site, administrator, installed
):
    client.force_login(administrator)

    shown = upload(client, attack())

    page = shown.content.decode()
    assert shown.status_code == 200
    assert "Confirmer la mise à jour" in page
    assert "js/multichoice.js" in page and "1.14.6 → 1.14.7" in page
    assert H5PLibrary.objects.get(pk=installed.pk).version == "1.14.6"
    assert H5PContent.objects.count() == 1
    fingerprint = shown.context["pending_updates"].fingerprint

    unconfirmed = upload(client, attack(), update_fingerprint=fingerprint)
    assert unconfirmed.status_code == 200
    assert H5PLibrary.objects.get(pk=installed.pk).version == "1.14.6"

    confirmed = upload(
        client, attack(), update_fingerprint=fingerprint, confirm_update="on"
    )
    assert confirmed.status_code == 302
    library = H5PLibrary.objects.get(pk=installed.pk)
    assert (library.version, library.installed_by) == ("1.14.7", administrator)


def library_urls(library):
    return [
        reverse("bibliotheques_h5p:index"),
        reverse("bibliotheques_h5p:inspect", args=[library.pk]),
    ]


def test_administrator_sees_the_libraries_their_hashes_uses_and_log(
    client, site, administrator, installed
):
    client.force_login(administrator)
    index, detail = library_urls(installed)

    listing = client.get(index).content.decode()
    page = client.get(detail).content.decode()

    assert "H5P.MultiChoice" in listing and installed.files_sha256 in listing
    assert MULTI_CHOICE.name in listing and "opérateur" in listing
    assert installed.file_hashes["js/multichoice.js"] in page
    assert "Choix multiple" in page  # the content that uses it
    assert "Journal des installations" in page and "— → 1.14.6" in page
    assert index in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("who", ["trainer", "coordinator"])
def test_other_staff_cannot_open_the_library_page(
    client, site, installed, who, request
):
    client.force_login(request.getfixturevalue(who))

    for url in library_urls(installed):
        assert client.get(url).status_code == 403
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("bibliotheques_h5p:index") not in home


def test_nobody_edits_a_library_in_the_admin(client, site, administrator, installed):
    client.force_login(administrator)

    for name in ("add", "edit", "delete"):
        args = [] if name == "add" else [installed.pk]
        url = reverse(f"bibliotheques_h5p:{name}", args=args)
        assert client.get(url).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client, site, installed):
    for url in library_urls(installed):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response.url
