"""Staff actions in the Wagtail admin: who may, and what gets logged."""

import pytest
from django.urls import reverse

from certification import services
from certification.models import (
    CertificateAction,
    CertificateBatch,
    CertificateTemplate,
)
from tests.certification.conftest import complete
from tests.factories import CertificateTemplateFactory, UserFactory
from tests.refusals import admin_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(learner, path, completion):
    return services.certificate_issue(user=learner, path=path)[0]


def revoke_url(certificate):
    return reverse("certificate:revoke", args=[certificate.pk])


def reissue_url(certificate):
    return reverse("certificate:reissue", args=[certificate.pk])


def test_an_administrator_revokes_with_a_reason(client, administrator, certificate):
    client.force_login(administrator)

    assert client.get(revoke_url(certificate)).status_code == 200
    response = client.post(revoke_url(certificate), {"reason": "Fraude constatée"})

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_reason == "Fraude constatée"
    event = certificate.events.last()
    assert (event.action, event.actor) == (CertificateAction.REVOKED, administrator)


def test_revoking_without_a_reason_is_refused(client, administrator, certificate):
    client.force_login(administrator)

    response = client.post(revoke_url(certificate), {"reason": "   "})

    assert response.status_code == 200  # the form again, with its error
    certificate.refresh_from_db()
    assert not certificate.is_revoked
    assert certificate.events.count() == 1


def test_an_administrator_reissues(client, administrator, certificate, learner):
    learner.first_name = "Dominique"
    learner.save()
    client.force_login(administrator)

    response = client.post(reissue_url(certificate), {"reason": "Nom corrigé"})

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.holder_name.startswith("Dominique")
    event = certificate.events.last()
    assert (event.action, event.actor, event.reason) == (
        CertificateAction.REISSUED,
        administrator,
        "Nom corrigé",
    )


@pytest.mark.parametrize("who", ["trainer", "coordinator"])
def test_other_staff_are_refused(client, request, who, certificate):
    client.force_login(request.getfixturevalue(who))

    for url in (
        revoke_url(certificate),
        reissue_url(certificate),
        reverse("certificate_batches:create"),
    ):
        assert client.get(url).status_code == 403
    assert client.post(revoke_url(certificate), {"reason": "x"}).status_code == 403
    assert client.post(reissue_url(certificate)).status_code == 403
    certificate.refresh_from_db()
    assert not certificate.is_revoked and certificate.events.count() == 1
    admin_refused(client.get(reverse("certificate:index")))


def test_learners_do_not_reach_the_admin(client, learner, certificate):
    client.force_login(learner)

    response = client.post(revoke_url(certificate), {"reason": "x"})

    assert response.status_code == 302 and "login" in response.url
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_the_listing_finds_a_certificate_by_code_or_holder(
    client, administrator, certificate, site
):
    other = UserFactory(first_name="Alexis", last_name="Bouchard")
    complete(other, site)
    services.certificate_issue(user=other, path=site["path"])
    client.force_login(administrator)
    index = reverse("certificate:index")

    assert client.get(index).status_code == 200
    by_code = client.get(index, {"q": certificate.display_code.lower()})
    by_name = client.get(index, {"q": "Alexis Bouchard"})
    revoked = client.get(index, {"status": "revoked"})

    assert certificate.holder_name in by_code.content.decode()
    assert "Alexis Bouchard" not in by_code.content.decode()
    assert "Alexis Bouchard" in by_name.content.decode()
    assert "Alexis Bouchard" not in revoked.content.decode()


def test_the_inspect_page_shows_the_history_and_actions(
    client, administrator, certificate
):
    client.force_login(administrator)

    response = client.get(reverse("certificate:inspect", args=[certificate.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert certificate.display_code in html
    assert revoke_url(certificate) in html and reissue_url(certificate) in html
    assert "Émise" in html


def test_bulk_issue_runs_and_reports_progress(
    client, administrator, site, django_capture_on_commit_callbacks
):
    learners = [UserFactory() for _ in range(3)]
    for learner in learners:
        complete(learner, site)
    client.force_login(administrator)
    create = reverse("certificate_batches:create")

    assert client.get(create).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(create, {"path": site["path"].pk})

    batch = CertificateBatch.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("certificate_batches:progress", args=[batch.pk])
    assert client.get(response.url).status_code == 200
    state = client.get(reverse("certificate_batches:status", args=[batch.pk])).json()
    assert state["finished"] and state["percent"] == 100
    assert (state["total"], state["processed"], state["issued"]) == (3, 3, 3)
    assert all(
        learner.certificates.get().events.get().actor == administrator
        for learner in learners
    )


def test_an_administrator_edits_templates_and_previews_them(client, administrator):
    template = services.certificate_template_default_ensure()
    client.force_login(administrator)

    listing = client.get(
        reverse("wagtailsnippets_certification_certificatetemplate:list")
    )
    edit = client.get(
        reverse(
            "wagtailsnippets_certification_certificatetemplate:edit", args=[template.pk]
        )
    )

    assert listing.status_code == 200 and edit.status_code == 200
    preview = template.serve_preview(None, "")
    assert preview["Content-Type"] == "application/pdf"
    assert preview.content.startswith(b"%PDF")


def test_a_path_has_at_most_one_template_and_there_is_one_default(path):
    from django.core.exceptions import ValidationError

    services.certificate_template_default_ensure()
    CertificateTemplateFactory(name="Cyber", path=path)

    for duplicate in (
        CertificateTemplate(name="Autre défaut", issuer_name="UMQ"),
        CertificateTemplate(name="Autre cyber", path=path, issuer_name="UMQ"),
    ):
        with pytest.raises(ValidationError, match="déjà un modèle"):
            duplicate.full_clean()


def test_colours_must_be_hexadecimal(path):
    from django.core.exceptions import ValidationError

    template = CertificateTemplate(
        name="Cyber", path=path, issuer_name="UMQ", primary_colour="red"
    )

    with pytest.raises(ValidationError, match="RRVVBB"):
        template.full_clean()


def test_the_template_form_and_the_group_permissions_render(client, administrator):
    from django.contrib.auth.models import Group, Permission

    superuser = UserFactory(email="su@exemple.qc.ca", is_superuser=True, is_staff=True)
    client.force_login(superuser)
    add = reverse("wagtailsnippets_certification_certificatetemplate:add")
    group = Group.objects.get(name="Administrateurs")

    assert client.get(add).status_code == 200
    editor = client.get(reverse("wagtailusers_groups:edit", args=[group.pk]))
    assert editor.status_code == 200
    offered = editor.content.decode()
    for codename in (
        "revoke_certificate",
        "reissue_certificate",
        "add_certificatebatch",
    ):
        pk = Permission.objects.get(codename=codename).pk
        assert f'name="permissions" value="{pk}"' in offered
    add_certificate = Permission.objects.get(codename="add_certificate").pk
    assert f'name="permissions" value="{add_certificate}"' not in offered
