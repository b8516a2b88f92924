import json
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone

from core.local_cache import LocalMemo
from learners.models import EnrolmentImport
from privacy.models import PrivacyNotice, PrivacySettings


def privacy_notice_current() -> PrivacyNotice | None:
    """The notice in force: the highest version already published."""
    return (
        PrivacyNotice.objects.filter(published_at__lte=timezone.now())
        .order_by("-version")
        .first()
    )


NOTICE_VERSION_KEY = "privacy:notice-version"
OFFICER_KEY = "privacy:officer:{site_id}"
# Both are read on every signed-in page: each process remembers them for a
# second (``core.local_cache``) rather than asking Redis each time.
_LOCAL = LocalMemo()


def privacy_notice_version() -> int | None:
    """The version in force, read on every signed-in request: cached until a
    notice is saved or deleted (``privacy.apps``) or the next one scheduled
    comes into force."""
    now = timezone.now()
    cached = _LOCAL.get(NOTICE_VERSION_KEY, lambda: cache.get(NOTICE_VERSION_KEY))
    if cached is not None and (cached[1] is None or now < cached[1]):
        return cached[0]
    notices = PrivacyNotice.objects.order_by("-version")
    version = (
        notices.filter(published_at__lte=now).values_list("version", flat=True).first()
    )
    upcoming = (
        PrivacyNotice.objects.filter(published_at__gt=now)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    cache.set(NOTICE_VERSION_KEY, (version, upcoming), None)
    _LOCAL.forget(NOTICE_VERSION_KEY)
    return version


def privacy_officer(*, site) -> dict:
    """The privacy officer the footer names on every page, cached until the
    setting is saved (``privacy.apps``)."""
    if site is None:
        return {}
    key = OFFICER_KEY.format(site_id=site.pk)
    officer = _LOCAL.get(key, lambda: cache.get(key))
    if officer is None:
        settings = PrivacySettings.for_site(site)
        officer = {"name": settings.officer_name, "email": settings.officer_email}
        cache.set(key, officer, None)
        _LOCAL.forget(key)
    return dict(officer)


def privacy_caches_clear(sender, instance, **kwargs) -> None:
    if isinstance(instance, PrivacySettings):
        key = OFFICER_KEY.format(site_id=instance.site_id)
    else:
        key = NOTICE_VERSION_KEY
    cache.delete(key)
    _LOCAL.forget(key)


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
