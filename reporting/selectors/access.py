"""Who may read which participation report."""

from enum import Enum

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
