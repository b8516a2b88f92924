from django.db.models import Q
from django_otp.plugins.otp_totp.models import TOTPDevice

from learners.models import Municipality
from learners.text import search_key


def municipality_search(*, query: str, limit: int = 15):
    """Municipalities whose name has a word starting with each word of
    ``query``, accents, case and hyphens ignored; names starting with the whole
    query come first."""
    key = search_key(query)
    if not key:
        return Municipality.objects.none()
    matches = Municipality.objects.select_related("region")
    for word in key.split():
        matches = matches.filter(
            Q(search_name__startswith=word) | Q(search_name__contains=f" {word}")
        )
    ranked = sorted(
        matches[:200],
        key=lambda m: (not m.search_name.startswith(key), m.search_name, m.code),
    )
    return ranked[:limit]


def staff_member(*, user) -> bool:
    """Trainers, coordinators and administrators: whoever may reach the Wagtail
    admin (every staff group holds ``access_admin``), and superusers."""
    return bool(
        user.is_authenticated
        and (
            user.is_superuser
            or user.is_staff
            or user.has_perm("wagtailadmin.access_admin")
        )
    )


def totp_device_confirmed(*, user):
    """The user's confirmed authenticator app, if any."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
