"""Erasure (Law 25, s. 28.1): a person's data is deleted, or replaced by an
opaque identifier, everywhere it is held; the facts the coordinators count
(enrolments, completions, attendance, attempts' scores, municipality and role)
stay, attached to an account that names no one.

Idempotent: the ``Erasure`` row and its opaque id are created first, in their
own transaction; the rest runs in one transaction, so an interrupted run left
nothing half-done and running it again finishes."""

import json
import logging
import re
import secrets

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from certification.models import Certificate
from core.errors import ApplicationError
from learners.models import (
    EnrolmentImport,
    H5PUserState,
    LearnerConsent,
    ScormAttempt,
    XapiStatement,
)
from learners.signals import personal_data_erased
from privacy.models import DataExport, Erasure, ErasureStatus
from privacy.selectors import import_text

logger = logging.getLogger(__name__)

ERASED_DOMAIN = "efface.invalid"
BATCH = 1000


class ErasureRequester:
    SELF = "self"
    ADMIN = "admin"
    COMMAND = "command"
    RETENTION = "retention"


def account_for_erasure(*, email: str, force: bool = False):
    """The account with this e-mail address; refuses an unknown one, and a
    staff or administrator account unless ``force``."""
    user = get_user_model().objects.filter(email__iexact=(email or "").strip()).first()
    if user is None:
        raise ApplicationError(
            _("Aucun compte n'a l'adresse « %(email)s ».") % {"email": email},
            404,
            code="unknown_email",
        )
    if (user.is_staff or user.is_superuser) and not force:
        raise ApplicationError(
            _(
                "Ce compte est celui d'un membre du personnel ou d'un "
                "administrateur : ajoutez --force pour l'effacer quand même."
            ),
            403,
            code="staff_account",
        )
    return user


def _erasure_start(user, requested_by: str) -> Erasure:
    erasure, _created = Erasure.objects.get_or_create(
        user=user,
        defaults={
            "opaque_id": f"anonyme-{secrets.token_hex(8)}",
            "requested_by": requested_by,
            "status": ErasureStatus.STARTED,
            "started_at": timezone.now(),
        },
    )
    return erasure


def needles_of(user, *, whole_only=False) -> list[str]:
    """What must not remain: the e-mail address and the names. In other
    people's records (``whole_only``) only the address and the full name are
    looked for: another "Camille" must not lose her first name."""
    full = f"{user.first_name} {user.last_name}".strip()
    found = [user.email, full]
    if not whole_only:
        found += [user.first_name, user.last_name]
    return sorted({n for n in found if n and len(n) > 1}, key=len, reverse=True)


def learner_erase(*, user, requested_by: str) -> Erasure:
    erasure = _erasure_start(user, requested_by)
    if erasure.status == ErasureStatus.DONE:
        return erasure
    opaque = erasure.opaque_id
    needles, shared = needles_of(user), needles_of(user, whole_only=True)
    files: list[str] = []
    with transaction.atomic():
        counts = {
            "xapi_statements": _statements_scrub(user, opaque, needles),
            "h5p_states": H5PUserState.objects.filter(user=user).delete()[0],
            "scorm_attempts": _scorm_scrub(user),
            "imports": _imports_scrub(user.email, opaque),
            "certificates": _certificates_withdraw(user, opaque, needles, files),
            "my_data_archives": _archives_delete(user, files),
            "sign_in_logs": _sign_in_logs_delete(user.email),
            "admin_history": _admin_history_scrub(shared, opaque),
            "authenticator_apps": TOTPDevice.objects.filter(user=user).delete()[0],
        }
        personal_data_erased.send(sender=Erasure, user=user, needles=shared)
        _account_anonymise(user, opaque)
        erasure.status = ErasureStatus.DONE
        erasure.counts = counts
        erasure.finished_at = timezone.now()
        erasure.save(update_fields=["status", "counts", "finished_at"])
        transaction.on_commit(lambda: _files_delete(files))
    logger.info("Erasure %s (%s) done: %s", opaque, requested_by, json.dumps(counts))
    return erasure


def _scrub_text(text: str, needles: list[str], opaque: str) -> str:
    for needle in needles:  # longest first: the full name before its parts
        text = re.sub(re.escape(needle), opaque, text, flags=re.IGNORECASE)
    return text


def _scrub_json(value, needles: list[str], opaque: str):
    """``value`` with the needles replaced in every string it holds (keys
    left as they are: a first name such as "Path" must not rename one)."""
    if isinstance(value, dict):
        return {k: _scrub_json(v, needles, opaque) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub_json(v, needles, opaque) for v in value]
    if isinstance(value, str):
        return _scrub_text(value, needles, opaque)
    return value


def _statements_scrub(user, opaque, needles) -> int:
    """The actor of every statement becomes the opaque account, in one UPDATE;
    the few statements whose JSON still carries a name (a typed answer) are
    then rewritten one by one."""
    actor = {
        "objectType": "Agent",
        "account": {"homePage": "urn:virage", "name": opaque},
    }
    table = connection.ops.quote_name(XapiStatement._meta.db_table)
    if connection.vendor == "postgresql":
        sql = f"UPDATE {table} SET raw = jsonb_set(raw, '{{actor}}', %s::jsonb)"
    else:
        sql = f"UPDATE {table} SET raw = json_set(raw, '$.actor', json(%s))"
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} WHERE user_id = %s", [json.dumps(actor), user.pk])
        changed = cursor.rowcount
    mentions = Q()
    for needle in needles:  # as typed, and as JSON escapes it (SQLite's text)
        for form in {needle, json.dumps(needle)[1:-1]}:
            mentions |= Q(raw_text__icontains=form)
    remaining = (
        XapiStatement.objects.filter(user=user)
        .annotate(raw_text=Cast("raw", TextField()))
        .filter(mentions)
        .only("pk", "raw")
    )
    for statement in remaining.iterator(chunk_size=BATCH):
        statement.raw = _scrub_json(statement.raw, needles, opaque)
        statement.save(update_fields=["raw"])
    return changed


def _scorm_scrub(user) -> int:
    """A SCORM attempt keeps its status and score; what the learner typed or
    the package stored about them (suspend data, answers) goes."""
    return ScormAttempt.objects.filter(user=user).update(
        suspend_data="", location="", interactions=[]
    )


def _imports_scrub(email, opaque) -> int:
    """Lines of the uploaded CSVs that carry the address go; report entries
    that carry it keep only the opaque id and the reason."""
    changed = 0
    target = email.casefold()
    for found in EnrolmentImport.objects.only("pk", "data", "report").iterator():
        text = import_text(bytes(found.data))
        kept = [line for line in text.splitlines() if target not in line.casefold()]
        report = [
            {"line": e.get("line"), "values": [opaque], "reason": e.get("reason", "")}
            if target in json.dumps(e, ensure_ascii=False).casefold()
            else e
            for e in found.report or []
        ]
        if len(kept) != len(text.splitlines()) or report != (found.report or []):
            found.data = ("\n".join(kept) + "\n").encode("utf-8")
            found.report = report
            found.save(update_fields=["data", "report"])
            changed += 1
    return changed


def _certificates_withdraw(user, opaque, needles, files) -> int:
    """The verification page then says the certificate was withdrawn at the
    holder's request; it is not revoked, so the counts of certified learners
    stay as they were."""
    now = timezone.now().isoformat()
    certificates = list(Certificate.objects.filter(user=user))
    for certificate in certificates:
        content = _scrub_json(certificate.content, needles, opaque)
        content["holder"] = {"name": opaque}
        content.setdefault("withdrawn", {"at": now, "reason": "holder_request"})
        certificate.content = content
        if certificate.pdf:
            files.append(certificate.pdf.name)
        certificate.pdf = ""
        certificate.save(update_fields=["content", "pdf"])
    return len(certificates)


def _archives_delete(user, files) -> int:
    archives = DataExport.objects.filter(user=user)
    files.extend(a.file.name for a in archives if a.file)
    return archives.delete()[0]


def _sign_in_logs_delete(email) -> int:
    return sum(
        model.objects.filter(username__iexact=email).delete()[0]
        for model in (AccessAttempt, AccessFailureLog, AccessLog)
    )


def _admin_history_scrub(needles, opaque) -> int:
    """Wagtail's history shows objects by their name (a training contact is
    "name — municipality"): the labels and revisions' titles lose it."""
    changed = 0
    for model, field in (
        (ModelLogEntry, "label"),
        (PageLogEntry, "label"),
        (Revision, "object_str"),
    ):
        for needle in needles:
            for row in model.objects.filter(**{f"{field}__icontains": needle}):
                setattr(row, field, _scrub_text(getattr(row, field), needles, opaque))
                row.save(update_fields=[field])
                changed += 1
    return changed


def _account_anonymise(user, opaque):
    LearnerConsent.objects.filter(user=user).update(
        share_with_municipality=False, email_reminders=False
    )
    user.email = f"{opaque}@{ERASED_DOMAIN}"
    user.first_name = ""
    user.last_name = ""
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _files_delete(names):
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            logger.warning("Erased file could not be deleted: %s", name)
