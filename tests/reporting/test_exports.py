"""Exports: CSV that Excel (fr) opens, XLSX with the same rows, large ones
through a Celery job, small cells hidden from coordinators."""

import csv
import io

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from openpyxl import load_workbook

from reporting.exports import export_job_create, to_csv
from reporting.models import ExportJob, ExportStatus, TrainingContact
from reporting.rollup import rollup_refresh
from reporting.tables import TEXT, Column, Table
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BOM = b"\xef\xbb\xbf"


def export(client, table, file_format, query="", code=None):
    if code:
        url = reverse("reporting:municipality_export", args=[code, table, file_format])
    else:
        url = reverse("reporting:export", args=[table, file_format])
    return client.get(f"{url}?{query}" if query else url)


def csv_rows(response) -> list[list[str]]:
    content = response.content
    assert content.startswith(BOM)
    text = content[len(BOM) :].decode("utf-8")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def xlsx_rows(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def coordinator_client(client, province, coordinator):
    rollup_refresh()
    client.force_login(coordinator)
    return client


def test_csv_is_utf8_with_bom_semicolons_and_french_headers(coordinator_client):
    response = export(coordinator_client, "regions", "csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="participation-regions.csv"' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0][:4] == [
        "Région",
        "Municipalités visées",
        "Municipalités participantes",
        "Taux de participation (%)",
    ]
    beauce = next(r for r in rows if r[0] == "Chaudière-Appalaches")
    assert beauce[1:6] == ["136", "2", "1,5", "2", "4"]
    assert rows[-1][0] == "Ensemble" and rows[-1][5] == "5"
    assert len(rows) == 1 + 17 + 1


def test_xlsx_has_the_same_rows(coordinator_client):
    csv_version = csv_rows(export(coordinator_client, "themes", "csv"))
    xlsx_version = xlsx_rows(export(coordinator_client, "themes", "xlsx"))

    def value(cell):
        cell = "" if cell is None else str(cell)
        try:
            return float(cell.replace(",", "."))
        except ValueError:
            return cell

    assert [[value(c) for c in row] for row in xlsx_version] == [
        [value(c) for c in row] for row in csv_version
    ]


@pytest.mark.parametrize(
    "table",
    [
        "regions",
        "mrc",
        "tailles",
        "roles",
        "parcours",
        "themes",
        "entonnoir",
        "tendances-mois",
        "tendances-trimestres",
        "municipalites-absentes",
    ],
)
@override_settings(REPORTING_EXPORT_ASYNC_ROWS=10_000)
def test_every_dashboard_table_exports(coordinator_client, table):
    for file_format in ("csv", "xlsx"):
        response = export(coordinator_client, table, file_format)

        assert response.status_code == 200, table


def test_coordinators_get_small_counts_by_role_hidden(coordinator_client):
    rows = csv_rows(export(coordinator_client, "roles", "csv", code="26022"))

    mayor = next(r for r in rows if r[0].startswith("Élu·e — maire"))
    assert mayor[1] == "< 5"
    assert rows[-1][:2] == ["Ensemble", "3"]


def test_the_contact_gets_exact_counts_and_names(client, province):
    alice = province["people"]["alice"]
    TrainingContact.objects.create(user=alice, municipality=alice.municipality)
    rollup_refresh()
    client.force_login(alice)

    roles = csv_rows(export(client, "roles", "csv", code="26022"))
    learners = xlsx_rows(export(client, "apprenants", "xlsx", code="26022"))

    assert next(r for r in roles if r[0].startswith("Élu·e — maire"))[1] == "1"
    assert learners[0][:3] == ["Nom", "Courriel", "Rôle"]
    assert {row[1] for row in learners[1:]} == {
        "alice@exemple.qc.ca",
        "bruno@exemple.qc.ca",
        "chloe@exemple.qc.ca",
    }


def test_coordinators_cannot_export_names(coordinator_client):
    assert (
        export(coordinator_client, "apprenants", "csv", code="26022").status_code == 403
    )


def test_learners_cannot_export(client, province):
    client.force_login(province["people"]["bruno"])

    assert export(client, "regions", "csv").status_code == 403
    assert export(client, "roles", "csv", code="26022").status_code == 403


def test_an_unknown_table_is_not_found(coordinator_client):
    assert export(coordinator_client, "salaires", "csv").status_code == 404
    assert (
        coordinator_client.get("/participation/export/regions.pdf").status_code == 404
    )


def test_spreadsheet_formulas_are_neutralised():
    table = Table(
        slug="t", title="t", columns=[Column("a", "A", TEXT)], rows=[["=1+1"]]
    )

    assert to_csv(table).decode("utf-8-sig").splitlines()[1] == "'=1+1"


@override_settings(REPORTING_EXPORT_ASYNC_ROWS=100)
def test_a_large_export_is_built_by_a_job_with_progress(
    coordinator_client, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = export(coordinator_client, "municipalites", "csv", "region=12")

    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("reporting:export_job", args=[job.pk])
    status = coordinator_client.get(reverse("reporting:export_status", args=[job.pk]))
    assert status.json()["status"] == "done" and status.json()["percent"] == 100
    page = coordinator_client.get(response.url).content.decode()
    assert "<progress" in page and "Télécharger le fichier" in page
    download = coordinator_client.get(
        reverse("reporting:export_download", args=[job.pk])
    )
    rows = csv_rows(download)
    assert len(rows) == 1 + 136
    saint_elzear = next(r for r in rows if r[0] == "26022")
    assert rows[0].index("Personnes inscrites — Élu·e — maire ou mairesse")
    assert saint_elzear[rows[0].index("Personnes inscrites")] == "3"
    assert (
        saint_elzear[rows[0].index("Personnes inscrites — Élu·e — maire ou mairesse")]
        == "< 5"
    )


def test_the_export_service_enqueues_its_job_once_the_request_commits(
    coordinator_client, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        job = export_job_create(
            user=coordinator,
            table="municipalites",
            file_format="csv",
            query="region=12",
            municipality=None,
            filename="municipalites.csv",
        )
        job.refresh_from_db()
        assert job.status == ExportStatus.PENDING  # nothing runs before the commit

    assert len(callbacks) == 1
    callbacks[0]()
    job.refresh_from_db()
    assert job.status == ExportStatus.DONE and job.total == 136


@override_settings(REPORTING_EXPORT_ASYNC_ROWS=100)
def test_an_export_job_belongs_to_its_requester(
    coordinator_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        export(coordinator_client, "municipalites", "xlsx")
    job = ExportJob.objects.get()
    client = Client()
    client.force_login(UserFactory(role="", group="Coordonnateurs UMQ"))

    for name in ("export_job", "export_status", "export_download"):
        assert (
            client.get(reverse(f"reporting:{name}", args=[job.pk])).status_code == 404
        )
    assert (
        len(
            xlsx_rows(
                coordinator_client.get(
                    reverse("reporting:export_download", args=[job.pk])
                )
            )
        )
        == 1 + 1122
    )


@override_settings(REPORTING_EXPORT_ASYNC_ROWS=100, REPORTING_EXPORT_RETENTION_DAYS=7)
def test_exports_past_their_retention_are_deleted_with_their_file(
    coordinator_client, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.core.files.storage import default_storage
    from django.utils import timezone

    from reporting.tasks import export_jobs_purge_task

    with django_capture_on_commit_callbacks(execute=True):
        export(coordinator_client, "municipalites", "csv")
        export(coordinator_client, "municipalites", "xlsx")
    old, recent = ExportJob.objects.order_by("pk")
    week_ago = timezone.now() - timedelta(days=8)
    ExportJob.objects.filter(pk=old.pk).update(created_at=week_ago)
    running = ExportJob.objects.create(
        requested_by=old.requested_by,
        table="municipalites",
        file_format="csv",
        status="running",
    )
    ExportJob.objects.filter(pk=running.pk).update(created_at=week_ago)
    old_file = old.file.name
    assert default_storage.exists(old_file)

    with django_capture_on_commit_callbacks(execute=True):
        assert export_jobs_purge_task() == 2  # a week-old running job is dead
    assert export_jobs_purge_task() == 0

    assert set(ExportJob.objects.all()) == {recent}
    assert not default_storage.exists(old_file)
    assert default_storage.exists(recent.file.name)
    gone = coordinator_client.get(reverse("reporting:export_download", args=[old.pk]))
    assert gone.status_code == 404


@override_settings(REPORTING_EXPORT_ASYNC_ROWS=100)
def test_an_export_file_goes_when_its_requester_is_deleted(
    coordinator_client, coordinator, django_capture_on_commit_callbacks
):
    from django.core.files.storage import default_storage

    with django_capture_on_commit_callbacks(execute=True):
        export(coordinator_client, "municipalites", "csv")
    name = ExportJob.objects.get().file.name
    assert default_storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        coordinator.delete()

    assert not ExportJob.objects.exists()
    assert not default_storage.exists(name)


def test_the_learner_export_is_sized_by_its_own_filters(province):
    """The size decides between a file now and a Celery job: it must count
    the rows the export will hold, role filter included."""
    from reporting.exports import export_request, export_spec

    alice = province["people"]["alice"]
    TrainingContact.objects.create(user=alice, municipality=alice.municipality)
    rollup_refresh()
    spec = export_spec(table="apprenants", municipality=alice.municipality)
    sizes = []
    for query in ("", f"role={alice.role}"):
        request = export_request(
            user=alice, spec=spec, query=query, municipality=alice.municipality
        )
        sizes.append(spec.size(request))
        assert spec.size(request) == len(spec.build(request).all_rows())
    assert sizes[1] < sizes[0]


def _abandoned_job(user, *, minutes_ago):
    from datetime import timedelta

    from django.utils import timezone

    job = ExportJob.objects.create(
        requested_by=user,
        table="municipalites",
        file_format="csv",
        params={"query": "region=12"},
        filename="municipalites.csv",
        status=ExportStatus.RUNNING,
        started_at=timezone.now() - timedelta(minutes=minutes_ago),
    )
    # Created long before: the claim time counts, not the creation.
    ExportJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - timedelta(days=1)
    )
    return job


def test_a_job_left_running_by_a_dead_worker_is_built_again(
    coordinator, django_capture_on_commit_callbacks
):
    from reporting.tasks import export_build_task, export_jobs_purge_task

    dead = _abandoned_job(coordinator, minutes_ago=45)
    alive = _abandoned_job(coordinator, minutes_ago=5)

    export_build_task.delay(alive.pk)  # a redelivery while it still runs
    with django_capture_on_commit_callbacks(execute=True):
        assert export_jobs_purge_task() == 0

    dead.refresh_from_db()
    alive.refresh_from_db()
    assert dead.status == ExportStatus.DONE and dead.total == 136
    assert alive.status == ExportStatus.RUNNING and not alive.file
    assert dead.started_at > alive.started_at  # claimed again just now
    export_build_task.delay(dead.pk)  # built once: a rerun changes nothing
    assert ExportJob.objects.get(pk=dead.pk).file == dead.file
