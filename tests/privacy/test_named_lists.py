"""Withdrawing "share with my municipality" takes the learner out of the
training contact's named lists from then on; the counts stay."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from learners.services.accounts import learner_consent_choices_update
from reporting.models import ExportJob, ExportStatus
from reporting.selectors import Scope
from reporting.selectors.municipalities import (
    municipality_accounts,
    municipality_learners,
)
from tests.privacy.test_erasure import dashboard

pytestmark = pytest.mark.django_db


def names(municipality):
    return {
        line.email
        for line in municipality_learners(municipality=municipality, scope=Scope())
    }


def test_withdrawing_consent_leaves_the_named_list(alice, province):
    town = alice.municipality
    assert alice.email in names(town)
    before = dashboard()

    learner_consent_choices_update(
        user=alice, share_with_municipality=False, email_reminders=True
    )

    assert alice.email not in names(town)
    assert "bruno@exemple.qc.ca" in names(town)
    assert not municipality_accounts(municipality=town, scope=Scope()).filter(
        pk=alice.pk
    )
    assert dashboard() == before


def test_an_erased_learner_leaves_the_named_list(alice):
    call_command("privacy_erase", alice.email, "--yes", stdout=io.StringIO())

    assert all("efface.invalid" not in email for email in names(alice.municipality))


def test_erasure_deletes_exports_that_name_the_learner(alice, coordinator):
    def job(text):
        export = ExportJob.objects.create(
            requested_by=coordinator,
            table="municipality",
            file_format="csv",
            status=ExportStatus.DONE,
        )
        export.file.save("liste.csv", ContentFile(text.encode()))
        return export

    naming = job(f"nom,courriel\n{alice.get_full_name()},{alice.email}\n")
    other = job("nom,courriel\nBruno,bruno@exemple.qc.ca\n")

    call_command("privacy_erase", alice.email, "--yes", stdout=io.StringIO())

    assert not ExportJob.objects.filter(pk=naming.pk).exists()
    assert ExportJob.objects.filter(pk=other.pk).exists()
