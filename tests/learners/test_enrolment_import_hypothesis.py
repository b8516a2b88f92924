"""The CSV enrolment import under generated hostile files: the upload never
answers 500, an unreadable file stores nothing, an import always finishes
(never FAILED), refused rows create no account and no enrolment, and the
refusal report cannot run a formula in Excel."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from learners import enrolment_csv
from learners.enrolment_csv import report_csv
from learners.models import Enrolment, EnrolmentImport, ImportStatus, User
from learners.services import enrolment_import as service

pytestmark = pytest.mark.django_db

HEADER = ["courriel", "prénom", "nom", "code de municipalité", "rôle", "parcours"]
HOSTILE = st.sampled_from(
    [
        "",
        " ",
        '"',
        '";"',
        "\r",
        "\n",
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-2",
        "@SUM(A1)",
        "<script>alert(1)</script>",
        "A" * 400,
        "x@y",
        "05050.0",
        "99999",
        "Élu·e",
        "dg",
        "cyber-elus",
        "\ufeff",
        "\u202e",
    ]
)
CELL = st.one_of(HOSTILE, st.text(max_size=60))
EMAIL = st.one_of(st.emails(), CELL)
HOSTILE_ROW = st.tuples(
    EMAIL,
    CELL,
    CELL,
    st.one_of(st.sampled_from(["26022", "3005", "03005"]), CELL),
    st.one_of(st.sampled_from(["mayor", "Gestionnaire", "maire"]), CELL),
    st.one_of(st.just("cyber-elus"), CELL),
)
NAME = st.text(
    alphabet=st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=40
)
GOOD_ROW = st.tuples(
    st.emails().filter(lambda email: len(email) <= 254),
    NAME,
    NAME,
    st.sampled_from(["26022", "3005", "03005"]),
    st.sampled_from(["mayor", "Gestionnaire", "maire", "Élu·e"]),
    st.just("cyber-elus"),
)
ROW = st.one_of(GOOD_ROW, HOSTILE_ROW)
SEPARATOR = st.sampled_from([";", ",", "\t"])
ENCODING = st.sampled_from(["utf-8-sig", "utf-8", "cp1252"])
SLOW_DB = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def uploader(site, municipalities, trainer):
    client = Client()
    client.force_login(trainer)
    return client


def csv_file(rows, separator, encoding) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator).writerows([HEADER, *rows])
    return buffer.getvalue().encode(encoding, errors="replace")


def upload(client, data):
    return client.post(
        reverse("learner_admin:index"),
        {"file": SimpleUploadedFile("liste.csv", data, content_type="text/csv")},
    )


def import_and_check(client, data):
    """Upload ``data``, run the import, check what it stored; clean up."""
    users_before = set(User.objects.values_list("pk", flat=True))
    response = upload(client, data)
    assert response.status_code in (200, 302)
    event(f"upload answered {response.status_code}")
    if response.status_code == 200:
        assert response.context["form"].errors
        assert not EnrolmentImport.objects.exists()
        return None
    enrolment_import = EnrolmentImport.objects.get()
    service.enrolment_import_run(import_id=enrolment_import.pk)
    enrolment_import.refresh_from_db()
    assert enrolment_import.status == ImportStatus.DONE, enrolment_import.error
    total = enrolment_import.imported + enrolment_import.refused
    assert total == enrolment_import.total_rows
    event(f"rows imported: {min(enrolment_import.imported, 2)}+")
    _check_refused_rows_stored_nothing(enrolment_import, users_before)
    _check_report_runs_no_formula(enrolment_import)
    Enrolment.objects.all().delete()
    User.objects.exclude(pk__in=users_before).delete()
    enrolment_import.delete()
    return enrolment_import


def _check_refused_rows_stored_nothing(enrolment_import, users_before):
    """Every new account and every enrolment comes from a row that went in."""
    refused_lines = {entry["line"] for entry in enrolment_import.report}
    imported_emails = {
        row.email.lower()
        for row in enrolment_csv.parse(bytes(enrolment_import.data))
        if row.line not in refused_lines
    }
    new_users = User.objects.exclude(pk__in=users_before)
    assert {user.email.lower() for user in new_users} <= imported_emails
    enrolled = Enrolment.objects.values_list("user__email", flat=True)
    assert {email.lower() for email in enrolled} <= imported_emails


def _check_report_runs_no_formula(enrolment_import):
    text = report_csv(enrolment_import.report).decode("utf-8-sig")
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        assert not any(cell[:1] in ("=", "+", "-", "@") for cell in row)


@SLOW_DB
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        st.binary(max_size=2000).map(lambda tail: csv_file([], ";", "utf-8") + tail),
    )
)
def test_any_bytes_never_fail_the_upload(uploader, data):
    import_and_check(uploader, data)


@SLOW_DB
@given(
    rows=st.lists(ROW, min_size=1, max_size=8),
    separator=SEPARATOR,
    encoding=ENCODING,
)
def test_hostile_rows_are_refused_without_storing_anything(
    uploader, rows, separator, encoding
):
    import_and_check(uploader, csv_file(rows, separator, encoding))
