"""'Contenus SCORM' in the admin: upload, refusals, edit, who may."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import ScormPackage
from tests.factories import UserFactory
from tests.fixtures.scorm.builders import single_sco_12, zip_bytes
from tests.refusals import staff_refused

pytestmark = pytest.mark.django_db

UPLOAD = "/admin/snippets/courses/scormpackage/add/"


def upload(client, data: bytes, **fields):
    file = SimpleUploadedFile("cours.zip", data, content_type="application/zip")
    return client.post(
        UPLOAD,
        {"title": "", "licence": "CC BY", "author": "", "package": file, **fields},
    )


def test_trainer_uploads_a_package(client, site, trainer):
    client.force_login(trainer)

    response = upload(client, zip_bytes(single_sco_12()), author="MRC Test")

    assert response.status_code == 302
    package = ScormPackage.objects.get()
    assert (package.title, package.licence, package.author) == (
        "Cours SCORM 1.2",
        "CC BY",
        "MRC Test",
    )
    assert package.uploaded_by == trainer
    edit = client.get(
        reverse("wagtailsnippets_courses_scormpackage:edit", args=[package.pk])
    )
    page = edit.content.decode()
    assert "SCORM 1.2" in page and "Module 1" in page and "score de maîtrise" in page
    listing = client.get(reverse("wagtailsnippets_courses_scormpackage:list"))
    assert "Cours SCORM 1.2" in listing.content.decode()


def test_a_hostile_package_is_refused_with_its_reason(client, site, trainer):
    client.force_login(trainer)
    files = single_sco_12()
    files["../evil.html"] = "x"

    response = upload(client, zip_bytes(files))

    assert response.status_code == 200
    assert "chemin interdit" in response.content.decode()
    assert not ScormPackage.objects.exists()


def test_menu_item(client, site, trainer):
    client.force_login(trainer)
    assert "Contenus SCORM" in client.get("/admin/").content.decode()


def test_learner_and_coordinator_may_not_upload(client, site, learner, coordinator):
    for person in (learner, coordinator):
        client.force_login(person)
        response = upload(client, zip_bytes(single_sco_12()))
        staff_refused(response, person)
    assert not ScormPackage.objects.exists()


def test_only_administrators_delete(client, site, trainer, municipalities):
    package = ScormPackage.objects.create(title="x", version="1.2", identifier="m")
    delete = reverse("wagtailsnippets_courses_scormpackage:delete", args=[package.pk])
    client.force_login(trainer)
    client.post(delete)
    assert ScormPackage.objects.exists()
    client.force_login(
        UserFactory(email="admin@exemple.qc.ca", role="", group="Administrateurs")
    )
    client.post(delete)
    assert not ScormPackage.objects.exists()
