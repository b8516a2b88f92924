"""Who may read which participation report."""

from enum import Enum

from django.core.cache import cache

from core.local_cache import LocalMemo
from reporting.models import TrainingContact

# The staff groups of ``cms/permissions.py`` that read every report; named
# here because ``reporting`` does not import ``cms``.
REPORTING_GROUPS = ("Coordonnateurs UMQ", "Administrateurs")


class Access(Enum):
    NONE = "none"
    AGGREGATES = "aggregates"  # counts only, small cells hidden
    NAMES = "names"  # the municipality's own training contact


def reporting_allowed(*, user) -> bool:
    """Coordinators, administrators and superusers read every aggregate."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=REPORTING_GROUPS).exists()


def contact_municipality_id(*, user) -> int | None:
    """The municipality a training contact follows, while they belong to it."""
    if not user.is_authenticated or not user.municipality_id:
        return None
    contact = TrainingContact.objects.filter(
        user=user, municipality_id=user.municipality_id
    ).first()
    return contact.municipality_id if contact else None


def municipality_access(*, user, municipality) -> Access:
    if contact_municipality_id(user=user) == municipality.pk:
        return Access.NAMES
    if reporting_allowed(user=user):
        return Access.AGGREGATES
    return Access.NONE


MENU_KEY = "reporting:menu:{user_id}"
MENU_SECONDS = 300
# Read on every page: each process also remembers it for a second
# (``core.local_cache``) rather than asking Redis each time.
_LOCAL = LocalMemo()


def participation_target(*, user) -> tuple[str, str]:
    """What the site menu's "Participation" link opens for ``user``:
    ("dashboard", ""), ("municipality", its code) or ("", ""). Read on every
    page, so cached per person; a training contact saved or deleted and a
    change of groups forget it at once (``reporting.receivers``), anything
    else within five minutes."""
    if not user.is_authenticated:
        return ("", "")
    key = MENU_KEY.format(user_id=user.pk)
    stamp = (user.municipality_id, user.is_superuser)
    cached = _LOCAL.get(key, lambda: cache.get(key))
    if cached is not None and cached[0] == stamp:
        return cached[1]
    if reporting_allowed(user=user):
        target = ("dashboard", "")
    else:
        code = (
            TrainingContact.objects.filter(
                user=user, municipality_id=user.municipality_id
            )
            .values_list("municipality__code", flat=True)
            .first()
            if user.municipality_id
            else None
        )
        target = ("municipality", code) if code else ("", "")
    cache.set(key, (stamp, target), MENU_SECONDS)
    _LOCAL.forget(key)
    return target


def participation_target_forget(*, user_id) -> None:
    key = MENU_KEY.format(user_id=user_id)
    cache.delete(key)
    _LOCAL.forget(key)
