"""Bulk enrolment from a CSV file.

Every row stands alone: a good row is committed in its own transaction while a
bad one is refused with its reason. Running the same file twice changes
nothing: people are found by e-mail, enrolments by (person, path), and a row
whose person is already enrolled counts as imported.

The cost of a row does not grow with the file: progress is a few counters
saved every ``PROGRESS_EVERY`` rows, the report of refused rows is written once
at the end, and a person is found through the index on ``lower(email)``. A
file longer than ``ENROLMENT_IMPORT_MAX_ROWS`` rows is refused whole.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import IntegrityError, transaction
from django.db.models import Value
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from core.errors import ApplicationError
from courses.models import LearningPathPage
from learners import enrolment_csv
from learners.enrolment_csv import COLUMNS, match_key, municipality_code, role_code
from learners.models import EnrolmentImport, EnrolmentSource, ImportStatus
from learners.services.invitations import invitation_send
from learners.services.progress import enrolment_create
from territory.models import Municipality

__all__ = [
    "ApplicationError",
    "enrolment_import_create",
    "enrolment_import_file",
    "enrolment_import_run",
    "enrolment_import_start",
]

logger = logging.getLogger(__name__)

PROGRESS_EVERY = 25
NAME_MAX_LENGTH = 150
EMAIL_MAX_LENGTH = 254
MAX_ROWS_DEFAULT = 20_000


@dataclass(frozen=True)
class _Lookups:
    municipalities: dict
    paths: dict
    default_locale_id: int


@dataclass(frozen=True)
class _Resolved:
    email: str
    municipality: Municipality
    role: str
    path: LearningPathPage


def enrolment_import_create(*, uploaded_by, filename, data: bytes) -> EnrolmentImport:
    """Store an upload to process later. A file that cannot be read or lacks a
    column, or has more rows than ``ENROLMENT_IMPORT_MAX_ROWS``, raises
    ``ApplicationError`` and nothing is stored."""
    rows = enrolment_csv.parse(data)
    _rows_cap_check(len(rows))
    return EnrolmentImport.objects.create(
        uploaded_by=uploaded_by,
        filename=filename[:255],
        data=data,
        total_rows=len(rows),
    )


def _rows_cap_check(count):
    cap = getattr(settings, "ENROLMENT_IMPORT_MAX_ROWS", MAX_ROWS_DEFAULT)
    if count > cap:
        raise ApplicationError(
            _(
                "Le fichier compte %(count)s lignes ; un import en accepte au plus "
                "%(max)s. Scindez-le en plusieurs fichiers."
            )
            % {
                "count": number_format(count, force_grouping=True),
                "max": number_format(cap, force_grouping=True),
            }
        )


def enrolment_import_start(*, uploaded_by, filename, data: bytes) -> EnrolmentImport:
    """Store an upload (as ``enrolment_import_create``) and have a worker
    process it once the upload is committed."""
    # Imported here: the task imports this module.
    from learners.tasks.imports import enrolment_import_process

    enrolment_import = enrolment_import_create(
        uploaded_by=uploaded_by, filename=filename, data=data
    )
    enrolment_import_process.delay_on_commit(enrolment_import.pk)
    return enrolment_import


def enrolment_import_file(*, path, uploaded_by=None) -> EnrolmentImport:
    """Import a file from disk now (the management command)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError:
        raise ApplicationError(
            _("Impossible de lire le fichier « %(path)s ».") % {"path": path}
        ) from None
    enrolment_import = enrolment_import_create(
        uploaded_by=uploaded_by, filename=path.name, data=data
    )
    enrolment_import_run(import_id=enrolment_import.pk)
    enrolment_import.refresh_from_db()
    return enrolment_import


def enrolment_import_run(*, import_id):
    """Process a pending import. A redelivered task finds it running and starts
    over, which is safe since rows are idempotent; a finished one is left alone.

    Reasons and invitations are written in the site's language (French), not
    in whatever language the caller happens to run in."""
    with translation.override(settings.LANGUAGE_CODE):
        _import_run(import_id)


def _import_run(import_id):
    started = EnrolmentImport.objects.filter(
        pk=import_id, status__in=[ImportStatus.PENDING, ImportStatus.RUNNING]
    ).update(status=ImportStatus.RUNNING)
    if not started:
        return
    enrolment_import = EnrolmentImport.objects.get(pk=import_id)
    try:
        _rows_process(enrolment_import)
    except Exception as error:
        logger.exception("Enrolment import %s failed", import_id)
        enrolment_import.status = ImportStatus.FAILED
        enrolment_import.error = _(
            "L'import s'est arrêté sur une erreur inattendue : %(error)s"
        ) % {"error": error}
    else:
        enrolment_import.status = ImportStatus.DONE
    enrolment_import.finished_at = timezone.now()
    _progress_save(enrolment_import, "report", "status", "error", "finished_at")


def _rows_process(enrolment_import):
    """Import every row. The report grows in memory and is saved once, by the
    caller, with the import's outcome (also when a row raised)."""
    rows = enrolment_csv.parse(bytes(enrolment_import.data))
    lookups = _lookups_build(rows)
    enrolment_import.total_rows = len(rows)
    enrolment_import.processed_rows = enrolment_import.imported = 0
    enrolment_import.refused, enrolment_import.report = 0, []
    for row in rows:
        reason = _row_process(row, lookups, enrolment_import.uploaded_by)
        if reason:
            enrolment_import.refused += 1
            enrolment_import.report.append(
                {"line": row.line, "values": row.values(), "reason": reason}
            )
        else:
            enrolment_import.imported += 1
        enrolment_import.processed_rows += 1
        if enrolment_import.processed_rows % PROGRESS_EVERY == 0:
            _progress_save(enrolment_import)


def _progress_save(enrolment_import, *extra_fields):
    """Save the counters (a few integers, whatever the file's size) and
    ``extra_fields``."""
    enrolment_import.save(
        update_fields=[
            "total_rows",
            "processed_rows",
            "imported",
            "refused",
            *extra_fields,
        ]
    )


def _row_process(row, lookups, uploaded_by) -> str:
    """Import one row; return why it was refused, or "" if it went in."""
    resolved, reasons = _row_resolve(row, lookups)
    if reasons:
        return " ".join(reasons)
    try:
        with transaction.atomic():
            user, created = _learner_get_or_create(row=row, resolved=resolved)
            enrolment_create(
                user=user,
                path=resolved.path,
                source=EnrolmentSource.IMPORT,
                enrolled_by=uploaded_by,
            )
            if created:
                # An outbox row saved with the account: a worker that dies
                # after the commit cannot lose the invitation.
                invitation_send(user=user, path=resolved.path, invited_by=uploaded_by)
    except ApplicationError as error:
        return error.message
    return ""


def _learner_get_or_create(*, row, resolved):
    """Find the person by e-mail (any case); an existing account keeps its data.

    ``lower(email)`` is what the unique index holds (``email__iexact`` compares
    ``upper(email)`` on PostgreSQL and reads the whole table for each row)."""
    users = get_user_model().objects
    user = _user_by_email(users, resolved.email)
    if user is not None:
        return user, False
    try:
        with transaction.atomic():
            user = users.create_user(
                email=resolved.email,
                password=None,
                first_name=row.first_name,
                last_name=row.last_name,
                municipality=resolved.municipality,
                role=resolved.role,
            )
    except IntegrityError:
        return _user_by_email(users, resolved.email), False
    return user, True


def _user_by_email(users, email):
    return (
        users.annotate(email_lower=Lower("email"))
        .filter(email_lower=Lower(Value(email)))
        .first()
    )


def _lookups_build(rows) -> _Lookups:
    codes = {municipality_code(row.municipality_code) for row in rows}
    paths = defaultdict(list)
    for page in LearningPathPage.objects.live().order_by("path"):
        for key in {match_key(page.slug), match_key(page.title)}:
            paths[key].append(page)
    return _Lookups(
        municipalities=Municipality.objects.in_bulk(codes, field_name="code"),
        paths=paths,
        default_locale_id=Locale.get_default().pk,
    )


def _quoted(message, value):
    return message % {"value": f"« {value} »"}


def _row_resolve(row, lookups):
    """The row's municipality, role and path, or every reason to refuse it."""
    reasons = _empty_or_long_cells(row)
    resolved = _Resolved(
        email=_email_resolve(row.email, reasons),
        municipality=_municipality_resolve(row.municipality_code, lookups, reasons),
        role=_role_resolve(row.role, reasons),
        path=_path_resolve(row.path, lookups, reasons),
    )
    return (None, reasons) if reasons else (resolved, [])


def _empty_or_long_cells(row) -> list[str]:
    reasons = []
    empty = [f"« {label} »" for field, label in COLUMNS if not getattr(row, field)]
    if empty:
        message = ngettext(
            "Cellule vide : %(columns)s.", "Cellules vides : %(columns)s.", len(empty)
        )
        reasons.append(message % {"columns": ", ".join(empty)})
    for value in (row.first_name, row.last_name):
        if len(value) > NAME_MAX_LENGTH:
            reasons.append(_quoted(_("Nom trop long : %(value)s."), value[:40] + "…"))
    return reasons


def _email_resolve(value, reasons):
    if not value:
        return None
    try:
        EmailValidator()(value)
        if len(value) > EMAIL_MAX_LENGTH:
            raise ValidationError(value)
    except ValidationError:
        reasons.append(_quoted(_("Adresse courriel invalide : %(value)s."), value))
        return None
    return get_user_model().objects.normalize_email(value)


def _municipality_resolve(value, lookups, reasons):
    municipality = lookups.municipalities.get(municipality_code(value))
    if value and municipality is None:
        reasons.append(_quoted(_("Municipalité inconnue : %(value)s."), value))
    return municipality


def _role_resolve(value, reasons):
    role = role_code(value)
    if value and role is None:
        reasons.append(_quoted(_("Rôle inconnu : %(value)s."), value))
    return role


def _path_resolve(value, lookups, reasons):
    """By slug or title; a title shared across locales means the default one."""
    found = lookups.paths.get(match_key(value), []) if value else []
    if len(found) > 1:
        found = [p for p in found if p.locale_id == lookups.default_locale_id]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        reasons.append(
            _quoted(
                _("Parcours ambigu : %(value)s ; indiquez son identifiant (slug)."),
                value,
            )
        )
    elif value:
        reasons.append(_quoted(_("Parcours inconnu : %(value)s."), value))
    return None
