""" "Mes données": one ZIP, a JSON and a CSV file per kind, the certificates'
PDFs; only ever the signed-in learner's own."""

import csv
import io
import json
import time
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse

from learners.models import XapiStatement
from privacy.models import DataExport, ExportStatus
from privacy.services.export import KINDS, learner_data_zip
from tests.privacy.conftest import _statement

pytestmark = pytest.mark.django_db


def _zip(response) -> zipfile.ZipFile:
    body = b"".join(response.streaming_content)
    return zipfile.ZipFile(io.BytesIO(body))


def test_a_learner_downloads_every_kind_as_json_and_csv(client, alice):
    client.force_login(alice)

    response = client.post(reverse("privacy:my_data"))

    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = _zip(response)
    names = set(archive.namelist())
    for kind in KINDS:
        assert {f"{kind}.json", f"{kind}.csv"} <= names
    code = alice.certificates.get().code
    assert archive.read(f"attestations/{code}.pdf").startswith(b"%PDF")
    [profile] = json.loads(archive.read("profil.json"))
    assert profile["email"] == alice.email
    statements = json.loads(archive.read("declarations_xapi.json"))
    assert len(statements) == XapiStatement.objects.filter(user=alice).count()
    assert statements[-1]["raw"]["actor"]["mbox"] == f"mailto:{alice.email}"
    rows = list(csv.DictReader(io.StringIO(archive.read("seances.csv").decode())))
    assert {row["attended"] for row in rows} >= {"True"}
    [result] = json.loads(archive.read("resultats_blocs_h5p.json"))
    assert (result["block_id"], result["score_best"]) == ("bloc-1", 0.8)
    imports = json.loads(archive.read("imports.json"))
    assert any(alice.email in json.dumps(row) for row in imports)
    assert all("autre@exemple.qc.ca" not in json.dumps(row) for row in imports)


def test_the_archive_holds_nobody_else(client, alice, province):
    client.force_login(province["people"]["bruno"])

    archive = _zip(client.post(reverse("privacy:my_data")))

    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert alice.email.encode() not in everything


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.post(reverse("privacy:my_data"))
    assert response.status_code == 302
    assert reverse("learners:login") in response.url


@override_settings(PRIVACY_EXPORT_ASYNC_STATEMENTS=2)
def test_a_large_archive_is_built_by_a_task_with_progress(
    client, alice, province, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:my_data"))

    job = DataExport.objects.get(user=alice)
    assert response.url == reverse("privacy:my_data_job", args=[job.pk])
    assert job.status == ExportStatus.DONE and job.percent == 100
    page = client.get(response.url).content.decode()
    assert "<progress" in page
    download = client.get(reverse("privacy:my_data_download", args=[job.pk]))
    assert "profil.json" in _zip(download).namelist()

    client.force_login(province["people"]["bruno"])
    assert client.get(response.url).status_code == 404
    other = client.get(reverse("privacy:my_data_download", args=[job.pk]))
    assert other.status_code == 404


def test_the_command_writes_the_archive(alice, tmp_path):
    out = tmp_path / "alice.zip"
    stdout = io.StringIO()

    call_command("privacy_export", alice.email, "--out", str(out), stdout=stdout)

    assert "profil.json" in zipfile.ZipFile(out).namelist()
    assert str(out) in stdout.getvalue()


def test_the_command_refuses_an_unknown_address(municipalities, tmp_path):
    with pytest.raises(CommandError, match="Aucun compte") as raised:
        call_command(
            "privacy_export", "personne@nulle-part.qc.ca", "--out", str(tmp_path / "x")
        )
    assert raised.value.returncode == 1
    assert not (tmp_path / "x").exists()


def test_ten_thousand_statements_take_seconds(alice, province):
    lesson = XapiStatement.objects.filter(user=alice).first().lesson
    content = XapiStatement.objects.filter(user=alice).first().content
    XapiStatement.objects.bulk_create(
        (_statement(alice, lesson, content, n) for n in range(10_000)),
        batch_size=1000,
    )
    started = time.perf_counter()

    counts = learner_data_zip(user=alice, out=io.BytesIO())

    assert counts["declarations_xapi"] >= 10_000
    assert time.perf_counter() - started < 10
