import re
import subprocess
import sys
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.urls import reverse

from core.errors import ApplicationError
from learners import enrolment_csv
from learners.models import Enrolment, EnrolmentImport, ImportStatus, User
from learners.services import enrolment_import as service
from learners.tasks.imports import enrolment_import_process
from tests.factories import PASSWORD, UserFactory

HEADER = ["courriel", "prénom", "nom", "code de municipalité", "rôle", "parcours"]
MARIE = ["marie@exemple.qc.ca", "Marie", "Côté", "26022", "mayor", "cyber-elus"]
JEAN = ["jean@exemple.qc.ca", "Jean", "Roy", "03005", "Gestionnaire", "cyber-elus"]


def csv_bytes(*rows, header=HEADER, sep=";", encoding="utf-8-sig"):
    lines = [sep.join(row) for row in [header, *rows]]
    return "\r\n".join(lines).encode(encoding)


def run(data, uploaded_by=None):
    """Import ``data`` as the worker does; invitations leave the outbox once
    their row is committed, as they would outside the test's transaction."""
    enrolment_import = service.enrolment_import_create(
        uploaded_by=uploaded_by, filename="liste.csv", data=data
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        service.enrolment_import_run(import_id=enrolment_import.pk)
    enrolment_import.refresh_from_db()
    return enrolment_import


# Reading the file (no database)


@pytest.mark.parametrize(
    ("encoding", "sep"),
    [("utf-8-sig", ";"), ("utf-8", ","), ("cp1252", ";"), ("cp1252", ",")],
)
def test_parse_reads_excel_encodings_and_separators(encoding, sep):
    data = csv_bytes(["a@b.ca", "Élise", "Bérubé-Françoise", "1", "r", "p"], sep=sep)
    data = data.decode("utf-8-sig").encode(encoding)

    [row] = enrolment_csv.parse(data)

    assert (row.line, row.first_name, row.last_name) == (2, "Élise", "Bérubé-Françoise")


def test_parse_matches_header_variants_and_counts_lines():
    header = [" COURRIEL ", "Prenom", "Nom", "code_municipalite", "Rôle", "Parcours"]
    data = csv_bytes(
        ["a@b.ca", " Luc ", "", "", "", ""], [], [";;;;;"], MARIE, header=header
    )

    rows = enrolment_csv.parse(data)

    assert [(row.line, row.first_name) for row in rows] == [(2, "Luc"), (5, "Marie")]


def test_parse_follows_excel_separator_hint():
    data = b"sep=;\n" + csv_bytes(MARIE, encoding="utf-8")

    [row] = enrolment_csv.parse(data)

    assert (row.line, row.email) == (3, "marie@exemple.qc.ca")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Le fichier est vide."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "n'est pas un fichier CSV lisible"),
        (b"PK\x03\x04\x14\x00", "classeur Excel"),
        (csv_bytes(header=HEADER), "aucune ligne à importer"),
        (csv_bytes(MARIE[:4], header=HEADER[:4]), "« rôle », « parcours »"),
    ],
)
def test_parse_refuses_unreadable_files_in_french(data, message):
    with pytest.raises(ApplicationError) as error:
        enrolment_csv.parse(data)

    assert message in error.value.message


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("mayor", "mayor"),
        ("Élu·e — maire ou mairesse", "mayor"),
        ("elue - maire ou mairesse", "mayor"),
        ("Mairesse", "mayor"),
        ("ÉLU", "councillor"),
        ("Conseillère", "councillor"),
        ("DG", "director_general"),
        ("direction générale", "director_general"),
        ("employée", "employee"),
        ("Employé·e municipal·e", "employee"),
        ("chef", None),
        ("", None),
    ],
)
def test_role_by_code_label_or_short_form(label, role):
    assert enrolment_csv.role_code(label) == role


@pytest.mark.parametrize(
    ("value", "code"),
    [("5050", "05050"), ("5050.0", "05050"), ("26022", "26022"), ("x1", "x1")],
)
def test_municipality_code_gets_back_the_zeros_excel_dropped(value, code):
    assert enrolment_csv.municipality_code(value) == code


def test_report_csv_opens_in_excel_fr():
    report = [{"line": 4, "values": {"email": "=x", "role": "chef"}, "reason": "R."}]

    data = enrolment_csv.report_csv(report)

    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == [
        ";".join(["ligne", *HEADER, "raison"]),
        "4;'=x;;;;chef;;R.",
    ]


# Importing rows (every test below reaches the database through a fixture)


@pytest.fixture
def paths(site, municipalities):
    return site


def test_good_rows_create_accounts_and_enrolments(paths):
    trainer = UserFactory(role="", group="Formateurs")
    rows = [
        MARIE,
        JEAN,
        [
            "luc@exemple.qc.ca",
            "Luc",
            "Ouellet",
            "7047",
            "conseillère",
            "CYBERSÉCURITÉ pour les élu·e·s",
        ],
    ]

    result = run(csv_bytes(*rows, encoding="cp1252"), uploaded_by=trainer)

    assert (result.status, result.imported, result.refused) == ("done", 3, 0)
    assert result.finished_at is not None
    luc = User.objects.get(email="luc@exemple.qc.ca")
    assert (luc.municipality.code, luc.role, luc.last_name) == (
        "07047",
        "councillor",
        "Ouellet",
    )
    assert not luc.has_usable_password()
    enrolment = luc.enrolments.get()
    assert (enrolment.path_id, enrolment.source, enrolment.enrolled_by) == (
        paths["path"].pk,
        "import",
        trainer,
    )
    assert User.objects.get(email="jean@exemple.qc.ca").role == "manager"


def test_bad_rows_are_refused_with_line_and_reason_and_good_rows_go_in(paths):
    data = csv_bytes(
        MARIE,
        ["a@exemple.qc.ca", "A", "B", "99999", "mayor", "cyber-elus"],
        ["b@exemple.qc.ca", "A", "B", "26022", "chef", "cyber-elus"],
        ["c@exemple.qc.ca", "A", "B", "26022", "mayor", "cuisine"],
        ["pas-un-courriel", "A", "B", "26022", "mayor", "cyber-elus"],
        ["d@exemple.qc.ca", "", "B", "26022", "mayor", "cyber-elus"],
        JEAN,
        sep=",",
    )

    result = run(data)

    assert (result.imported, result.refused, result.processed_rows) == (2, 5, 7)
    assert [(entry["line"], entry["reason"]) for entry in result.report] == [
        (3, "Municipalité inconnue : « 99999 »."),
        (4, "Rôle inconnu : « chef »."),
        (5, "Parcours inconnu : « cuisine »."),
        (6, "Adresse courriel invalide : « pas-un-courriel »."),
        (7, "Cellule vide : « prénom »."),
    ]
    assert result.report[0]["values"]["municipality_code"] == "99999"
    assert set(
        User.objects.filter(enrolments__isnull=False).values_list("email", flat=True)
    ) == {
        MARIE[0],
        JEAN[0],
    }


def test_reupload_creates_no_duplicates_nor_invitations(paths):
    data = csv_bytes(MARIE, JEAN, ["x@exemple.qc.ca", "A", "B", "1", "mayor", "z"])
    first = run(data)
    invitations = len(mail.outbox)

    second = run(data)

    assert (
        (first.imported, first.refused) == (second.imported, second.refused) == (2, 1)
    )
    assert User.objects.filter(email__in=[MARIE[0], JEAN[0]]).count() == 2
    assert Enrolment.objects.count() == 2
    assert invitations == 2 and len(mail.outbox) == 2


def test_invitation_link_lets_the_new_account_choose_a_password(paths, client):
    run(csv_bytes(MARIE))

    [message] = mail.outbox
    assert message.to == [MARIE[0]]
    assert "Cybersécurité pour les élu·e·s" in message.subject
    url = re.search(r"https?://\S+", message.body).group()
    assert url.startswith(settings.WAGTAILADMIN_BASE_URL)
    response = client.get(urlparse(url).path, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD}
    )
    assert response.status_code == 302
    assert User.objects.get(email=MARIE[0]).check_password(PASSWORD)


def test_existing_account_is_enrolled_not_reinvited_and_keeps_its_data(paths, learner):
    row = ["APPRENANT@exemple.qc.ca", "Autre", "Nom", "03005", "mayor", "cyber-elus"]

    result = run(csv_bytes(row))

    learner.refresh_from_db()
    assert result.imported == 1 and mail.outbox == []
    assert (learner.first_name, learner.municipality.code, learner.role) == (
        "Camille",
        "26022",
        "employee",
    )
    assert learner.check_password(PASSWORD)
    assert learner.enrolments.count() == 1


def test_progress_is_saved_every_25_rows_and_the_report_once(paths, monkeypatch):
    saved = []
    original = service._progress_save
    monkeypatch.setattr(
        service,
        "_progress_save",
        lambda imp, *fields: (
            saved.append((imp.processed_rows, "report" in fields))
            or original(imp, *fields)
        ),
    )
    rows = [
        [f"p{n}@exemple.qc.ca", "P", "Q", "26022", "mayor", "cyber-elus"]
        for n in range(59)
    ] + [["x@exemple.qc.ca", "X", "Y", "26022", "mayor", "cuisine"]]

    result = run(csv_bytes(*rows))

    # Counters on the way, the report only with the outcome.
    assert saved == [(25, False), (50, False), (60, True)]
    assert (result.total_rows, result.processed_rows, result.imported) == (60, 60, 59)
    assert [entry["line"] for entry in result.report] == [61]


def test_report_is_never_in_a_progress_update(paths):
    """Progress updates write counters only, whatever the size of the report."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rows = [
        [f"r{n}@exemple.qc.ca", "R", "S", "26022", "mayor", "cuisine"]
        for n in range(30)
    ]
    with CaptureQueriesContext(connection) as queries:
        result = run(csv_bytes(*rows))

    updates = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith("UPDATE") and "enrolmentimport" in q["sql"]
    ]
    with_report = [sql for sql in updates if '"report"' in sql]
    assert len(updates) == 3  # running, progress at 25, the outcome
    assert len(with_report) == 1 and "finished_at" in with_report[0]
    assert result.refused == 30 and len(result.report) == 30


@pytest.mark.parametrize("extra", [0, 1])
def test_row_cap_refuses_a_longer_file_and_stores_nothing(db, settings, extra):
    settings.ENROLMENT_IMPORT_MAX_ROWS = 3
    rows = [
        [f"c{n}@exemple.qc.ca", "C", "D", "26022", "mayor", "cyber-elus"]
        for n in range(3 + extra)
    ]

    if not extra:
        assert service.enrolment_import_create(
            uploaded_by=None, filename="x.csv", data=csv_bytes(*rows)
        )
        return
    with pytest.raises(ApplicationError) as refused:
        service.enrolment_import_create(
            uploaded_by=None, filename="x.csv", data=csv_bytes(*rows)
        )

    assert refused.value.message == (
        "Le fichier compte 4 lignes ; un import en accepte au plus 3. "
        "Scindez-le en plusieurs fichiers."
    )
    assert not EnrolmentImport.objects.exists()


def test_row_cap_defaults_to_20000(db, settings):
    del settings.ENROLMENT_IMPORT_MAX_ROWS
    assert service.MAX_ROWS_DEFAULT == 20_000
    many = [["e@exemple.qc.ca", "E", "F", "26022", "mayor", "cyber-elus"]] * 20_001

    with pytest.raises(ApplicationError) as refused:
        service.enrolment_import_create(
            uploaded_by=None, filename="x.csv", data=csv_bytes(*many)
        )
    assert "au plus 20\u00a0000." in refused.value.message
    assert not EnrolmentImport.objects.exists()


def test_upload_over_the_row_cap_is_refused_in_french(client, trainer, settings):
    settings.ENROLMENT_IMPORT_MAX_ROWS = 1
    client.force_login(trainer)

    response = upload(client, csv_bytes(MARIE, JEAN))

    assert response.status_code == 200
    assert "un import en accepte au plus 1." in response.content.decode()
    assert not EnrolmentImport.objects.exists()


def test_unexpected_error_fails_the_import(paths, monkeypatch):
    def boom(**kwargs):
        raise RuntimeError("panne")

    monkeypatch.setattr(service, "enrolment_create", boom)

    result = run(csv_bytes(MARIE))

    assert result.status == ImportStatus.FAILED and "panne" in result.error


def test_finished_import_is_not_run_again(paths):
    result = run(csv_bytes(MARIE))
    EnrolmentImport.objects.filter(pk=result.pk).update(imported=99)

    service.enrolment_import_run(import_id=result.pk)

    assert EnrolmentImport.objects.get(pk=result.pk).imported == 99


def test_unreadable_file_stores_nothing(db):
    with pytest.raises(ApplicationError):
        service.enrolment_import_create(
            uploaded_by=None, filename="x.csv", data=b"\x00\xff"
        )

    assert not EnrolmentImport.objects.exists()


def test_task_processes_the_import_eagerly(paths):
    enrolment_import = service.enrolment_import_create(
        uploaded_by=None, filename="liste.csv", data=csv_bytes(MARIE)
    )

    enrolment_import_process.delay(enrolment_import.pk)

    enrolment_import.refresh_from_db()
    assert (enrolment_import.status, enrolment_import.imported) == ("done", 1)


# The command


def test_command_prints_counts_and_refused_rows(paths, tmp_path, capsys):
    file = tmp_path / "liste.csv"
    file.write_bytes(
        csv_bytes(
            MARIE, ["a@exemple.qc.ca", "A", "B", "99999", "mayor", "cyber-elus"], JEAN
        )
    )

    call_command("import_enrolments", str(file))

    assert capsys.readouterr().out.splitlines() == [
        "2 lignes importées, 1 refusée.",
        "ligne 3 : Municipalité inconnue : « 99999 ».",
    ]


def test_command_refuses_a_file_with_missing_columns(db, tmp_path):
    file = tmp_path / "liste.csv"
    file.write_bytes(csv_bytes(MARIE[:5], header=HEADER[:5]))

    with pytest.raises(CommandError, match="Colonne manquante : « parcours »"):
        call_command("import_enrolments", str(file))
    assert not EnrolmentImport.objects.exists()


def test_command_exits_non_zero_when_the_file_is_missing(tmp_path):
    completed = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "import_enrolments",
            str(tmp_path / "absent.csv"),
        ],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.test", "PATH": "/usr/bin:/bin"},
        check=False,
    )

    assert completed.returncode == 1
    assert "Impossible de lire le fichier" in completed.stderr


def test_start_processes_the_upload_once_it_is_committed(
    paths, trainer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        enrolment_import = service.enrolment_import_start(
            uploaded_by=trainer, filename="liste.csv", data=csv_bytes(MARIE)
        )
    assert enrolment_import.status == ImportStatus.PENDING
    assert len(callbacks) == 1  # the worker gets it after commit, not before

    callbacks[0]()

    enrolment_import.refresh_from_db()
    assert (enrolment_import.status, enrolment_import.imported) == (
        ImportStatus.DONE,
        1,
    )


def test_start_refuses_an_unreadable_file_and_enqueues_nothing(
    trainer, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(ApplicationError),
    ):
        service.enrolment_import_start(
            uploaded_by=trainer, filename="liste.csv", data=b"\x00\x01garbage\xff"
        )
    assert callbacks == [] and not EnrolmentImport.objects.exists()


# The admin pages


def upload(client, data, name="liste.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("learner_admin:index"),
        {"file": SimpleUploadedFile(name, data, content_type="text/csv")},
    )


def test_trainer_uploads_follows_progress_and_downloads_the_report(
    paths, client, trainer, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    data = csv_bytes(
        MARIE, ["a@exemple.qc.ca", "A", "B", "99999", "mayor", "cyber-elus"]
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, data)

    enrolment_import = EnrolmentImport.objects.get()
    assert response.url == reverse("learner_admin:detail", args=[enrolment_import.pk])
    page = client.get(response.url).content.decode()
    assert "<progress" in page and "Terminé" in page and "99999" in page
    assert "2 lignes traitées sur 2 — 1 importée, 1 refusée" in page
    status = client.get(
        reverse("learner_admin:status", args=[enrolment_import.pk])
    ).json()
    assert (status["finished"], status["imported"], status["refused"]) == (True, 1, 1)
    report = client.get(reverse("learner_admin:report", args=[enrolment_import.pk]))
    assert report["Content-Type"] == "text/csv; charset=utf-8"
    assert report.content.startswith(b"\xef\xbb\xbf")
    assert "Municipalité inconnue" in report.content.decode("utf-8-sig")


def test_pending_import_page_refreshes_without_javascript(paths, client, trainer):
    enrolment_import = service.enrolment_import_create(
        uploaded_by=trainer, filename="liste.csv", data=csv_bytes(MARIE)
    )
    client.force_login(trainer)

    page = client.get(reverse("learner_admin:detail", args=[enrolment_import.pk]))

    html = page.content.decode()
    assert 'http-equiv="refresh"' in html and "import-progress.js" in html
    # French puts 0 in the singular once a fr catalogue sets its Plural-Forms.
    assert re.search(r"0 lignes? traitées? sur 1", html)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02\x03garbage\xff\xfe", "n&#x27;est pas un fichier CSV lisible"),
        (
            csv_bytes(MARIE[:4], header=HEADER[:4]),
            "Colonnes manquantes : « rôle », « parcours ».",
        ),
    ],
)
def test_upload_of_an_unreadable_file_is_refused_in_french(
    client, trainer, data, message
):
    client.force_login(trainer)

    response = upload(client, data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EnrolmentImport.objects.exists()


def test_learner_cannot_reach_the_import_pages(client, learner):
    client.force_login(learner)

    response = client.get(reverse("learner_admin:index"))

    assert response.status_code == 302
    assert not response.url.startswith(reverse("learner_admin:index"))


def test_other_staff_get_403(client, municipalities):
    editors = Group.objects.create(name="Rédaction")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = UserFactory(role="", group="Rédaction")
    client.force_login(editor)

    assert client.get(reverse("learner_admin:index")).status_code == 403
    assert client.get(reverse("learner_admin:example")).status_code == 403
    assert (
        "Inscriptions en lot"
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_staff_see_only_their_own_imports_unless_administrators(
    client, trainer, coordinator
):
    mine = service.enrolment_import_create(
        uploaded_by=coordinator, filename="moi.csv", data=csv_bytes(MARIE)
    )
    theirs = service.enrolment_import_create(
        uploaded_by=trainer, filename="autre.csv", data=csv_bytes(MARIE)
    )
    client.force_login(coordinator)

    page = client.get(reverse("learner_admin:index")).content.decode()

    assert "moi.csv" in page and "autre.csv" not in page
    assert (
        client.get(reverse("learner_admin:detail", args=[theirs.pk])).status_code == 404
    )
    assert (
        client.get(reverse("learner_admin:report", args=[theirs.pk])).status_code == 404
    )
    assert (
        client.get(reverse("learner_admin:status", args=[mine.pk])).status_code == 200
    )
    client.force_login(UserFactory(role="", group="Administrateurs"))
    page = client.get(reverse("learner_admin:index")).content.decode()
    assert "moi.csv" in page and "autre.csv" in page


def test_menu_and_example_file_for_trainers(paths, client, trainer):
    client.force_login(trainer)

    assert (
        "Inscriptions en lot"
        in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    example = client.get(reverse("learner_admin:example"))
    rows = enrolment_csv.parse(example.content)
    assert [row.path for row in rows] == ["cyber-elus", "cyber-elus"]
