"""A learner's "Mes données" archive (Law 25: access and portability): one
ZIP with, per kind of record, a JSON file and the same rows as CSV, plus the
certificates' PDFs. Rows are read with ``values()``, so 10,000 statements are
written in well under a second or two."""

import csv
import io
import json
import logging
import zipfile
from collections.abc import Callable, Iterable

from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from certification.models import Certificate
from certification.services.issuance import certificate_pdf
from learners.models import (
    ConsentChange,
    Enrolment,
    H5PAttempt,
    H5PBlockResult,
    H5PUserState,
    LearnerConsent,
    LessonCompletion,
    PathCompletion,
    RoleChange,
    ScormAttempt,
    SessionRegistration,
    XapiStatement,
)
from privacy.models import DataExport, ExportStatus
from privacy.selectors import imports_naming

logger = logging.getLogger(__name__)
Progress = Callable[[int], None]


def _profile(user):
    municipality = user.municipality
    return [
        {
            "id": user.pk,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "municipality_code": municipality.code if municipality else "",
            "municipality": municipality.name if municipality else "",
            "role": user.role,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        }
    ]


def _consents(user):
    current = list(LearnerConsent.objects.filter(user=user).values())
    history = list(ConsentChange.objects.filter(user=user).values())
    return [{"current": True, **row} for row in current] + history


def _statements(user):
    return XapiStatement.objects.filter(user=user).order_by("stored", "pk").values()


def _imports(user):
    return [
        {"import_id": found.pk, "created_at": found.created_at, **row}
        for found in imports_naming(user=user)
        for row in found.rows
    ]


KINDS: dict[str, Callable] = {
    "profil": _profile,
    "consentements": _consents,
    "inscriptions_parcours": lambda user: Enrolment.objects.filter(user=user).values(
        "id", "path_id", "path__title", "source", "created_at"
    ),
    "lecons_terminees": lambda user: LessonCompletion.objects.filter(user=user).values(
        "id", "lesson_id", "lesson__title", "source", "completed_at"
    ),
    "parcours_termines": lambda user: PathCompletion.objects.filter(user=user).values(
        "id", "path_id", "path__title", "role", "completed_at"
    ),
    "declarations_xapi": _statements,
    "tentatives_h5p": lambda user: H5PAttempt.objects.filter(user=user).values(),
    "resultats_blocs_h5p": lambda user: H5PBlockResult.objects.filter(
        user=user
    ).values(),
    "etats_h5p": lambda user: H5PUserState.objects.filter(user=user).values(),
    "tentatives_scorm": lambda user: ScormAttempt.objects.filter(user=user).values(),
    "seances": lambda user: SessionRegistration.objects.filter(user=user).values(
        "id",
        "session_id",
        "session__title",
        "status",
        "requested_at",
        "confirmed_at",
        "cancelled_at",
        "attended",
        "checked_in_at",
    ),
    "attestations": lambda user: Certificate.objects.filter(user=user).values(
        "id", "code", "path_id", "issued_at", "completed_at", "revoked_at", "content"
    ),
    "historique_roles": lambda user: RoleChange.objects.filter(user=user).values(),
    "imports": _imports,
}


def learner_statement_count(*, user) -> int:
    return XapiStatement.objects.filter(user=user).count()


def learner_data_zip(*, user, out, progress: Progress | None = None) -> dict:
    """Write the archive to the binary file ``out``; returns rows per kind.
    ``progress`` is called with the number of rows written so far."""
    counts, written = {}, 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for kind, read in KINDS.items():
            rows = [dict(row) for row in read(user)]
            archive.writestr(f"{kind}.json", _json(rows))
            archive.writestr(f"{kind}.csv", _csv(rows))
            counts[kind] = len(rows)
            written += len(rows)
            if progress:
                progress(written)
        for certificate in Certificate.objects.filter(user=user):
            if certificate.pdf or certificate.revoked_at is None:
                pdf = certificate_pdf(certificate)
                archive.writestr(f"attestations/{certificate.code}.pdf", pdf)
        archive.writestr("LISEZMOI.txt", _readme(counts))
    return counts


def _json(rows: list[dict]) -> str:
    return json.dumps(rows, cls=DjangoJSONEncoder, ensure_ascii=False)


def _csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    columns = _columns(rows)
    writer = csv.writer(buffer)
    writer.writerow(columns)
    encoder = DjangoJSONEncoder(ensure_ascii=False)
    for row in rows:
        writer.writerow(_cell(row.get(column), encoder) for column in columns)
    return "\ufeff" + buffer.getvalue()


def _columns(rows: Iterable[dict]) -> list[str]:
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    return list(columns)


def _cell(value, encoder):
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return encoder.encode(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _readme(counts: dict) -> str:
    lines = [
        "Virage — Mes données",
        f"Produit le {timezone.localtime():%Y-%m-%d %H:%M}.",
        "",
        "Chaque sorte de renseignement est en JSON et en CSV (UTF-8) :",
    ]
    lines += [f"- {kind} : {count}" for kind, count in counts.items()]
    lines += ["", "Les PDF de vos attestations sont dans attestations/."]
    return "\n".join(lines) + "\n"


def data_export_request(*, user) -> DataExport:
    """A learner's archive built by Celery (large ones): one job at a time per
    learner; a job already pending or running is returned as is."""
    running = DataExport.objects.filter(
        user=user, status__in=[ExportStatus.PENDING, ExportStatus.RUNNING]
    ).first()
    if running is not None:
        return running
    job = DataExport.objects.create(user=user, total=learner_statement_count(user=user))
    from privacy.tasks import data_export_build

    data_export_build.delay_on_commit(job.pk)
    return job


def data_export_run(*, job_id: int) -> DataExport:
    """Build the archive of a job; a finished job is left as it is."""
    job = DataExport.objects.select_related("user").get(pk=job_id)
    if job.status == ExportStatus.DONE:
        return job
    job.status, job.processed = ExportStatus.RUNNING, 0
    job.save(update_fields=["status", "processed"])

    def progress(written):
        DataExport.objects.filter(pk=job.pk).update(processed=written)

    try:
        buffer = io.BytesIO()
        counts = learner_data_zip(user=job.user, out=buffer, progress=progress)
        job.file.save(f"mes-donnees-{job.pk}.zip", ContentFile(buffer.getvalue()))
    except Exception:
        logger.exception("Data export %s failed", job.pk)
        job.status = ExportStatus.FAILED
    else:
        job.status, job.total = ExportStatus.DONE, sum(counts.values())
        job.processed = job.total
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "total", "processed", "file", "finished_at"])
    return job
