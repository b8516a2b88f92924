import json
from dataclasses import dataclass

from django.utils import timezone

from learners.models import EnrolmentImport
from privacy.models import PrivacyNotice


def privacy_notice_current() -> PrivacyNotice | None:
    """The notice in force: the highest version already published."""
    return (
        PrivacyNotice.objects.filter(published_at__lte=timezone.now())
        .order_by("-version")
        .first()
    )


def privacy_notice_version() -> int | None:
    return (
        PrivacyNotice.objects.filter(published_at__lte=timezone.now())
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    )


@dataclass
class ImportNaming:
    """An enrolment import whose file or report names a person."""

    pk: int
    created_at: object
    rows: list[dict]


def import_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _names(text, email: str) -> bool:
    return email.casefold() in str(text).casefold()


def imports_naming(*, user) -> list[ImportNaming]:
    """The CSV lines and report entries of enrolment imports that carry the
    user's e-mail address (the column every row has)."""
    found = []
    for pk, created_at, data, report in EnrolmentImport.objects.values_list(
        "pk", "created_at", "data", "report"
    ).iterator(chunk_size=50):
        lines = [
            {"line": number, "text": line}
            for number, line in enumerate(import_text(bytes(data)).splitlines(), 1)
            if _names(line, user.email)
        ]
        entries = [
            {"report": entry}
            for entry in report or []
            if _names(json.dumps(entry, ensure_ascii=False), user.email)
        ]
        if lines or entries:
            found.append(ImportNaming(pk, created_at, lines + entries))
    return found
