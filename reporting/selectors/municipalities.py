"""Municipalities one at a time: who is not taking part yet (for outreach),
one municipality's learners (for its training contact)."""

from dataclasses import dataclass, replace

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from courses.roles import LearnerRole
from learners.models import User
from learners.selectors.consent import named_listing_allowed
from reporting.models import LearnerFact
from reporting.selectors.scope import Scope, facts_in_scope, geography_q, period_q
from territory.models import Municipality
from territory.text import search_key


def municipalities_in_scope(*, scope: Scope, search: str = ""):
    """Municipalities of the scope's geography whose name contains ``search``
    (accents and case aside)."""
    municipalities = Municipality.objects.filter(geography_q(scope))
    if search.strip():
        municipalities = municipalities.filter(search_name__contains=search_key(search))
    return municipalities.select_related("region", "mrc")


def municipalities_absent(*, scope: Scope, search: str = ""):
    """Municipalities in scope where no learner (of the role, in the path or
    theme) enrolled during the period, largest first, with how many learner
    accounts they have (people to reach through)."""
    learners_only = replace(
        scope, region_id=None, mrc_id=None, population_class=None, municipality_id=None
    )
    enrolled = facts_in_scope(learners_only).filter(
        period_q("enrolled_at", scope), municipality_id=OuterRef("pk")
    )
    accounts = LearnerFact.objects.filter(municipality_id=OuterRef("pk"))
    if scope.role:
        accounts = accounts.filter(role=scope.role)
    accounts = accounts.values("municipality_id").annotate(n=Count("pk")).values("n")
    return (
        municipalities_in_scope(scope=scope, search=search)
        .exclude(Exists(enrolled))
        .annotate(accounts=Coalesce(Subquery(accounts, output_field=IntegerField()), 0))
        .order_by("-population", "name")
    )


@dataclass
class LearnerLine:
    """One learner of a municipality, for its training contact."""

    user_id: int
    name: str
    email: str
    role: str
    enrolled: int = 0
    started: int = 0
    completed: int = 0
    certified: int = 0
    last_active_at: object = None


def municipality_accounts(*, municipality, scope: Scope):
    """The municipality's learners (of the role, if any), by name: only those
    who let their municipality see their progress (Law 25 consent)."""
    people = User.objects.filter(municipality=municipality).exclude(role="")
    people = people.filter(named_listing_allowed())
    if scope.role:
        people = people.filter(role=scope.role)
    return people.order_by("last_name", "first_name", "pk").values_list(
        "pk", "first_name", "last_name", "email", "role"
    )


def municipality_learners(
    *, municipality, scope: Scope, accounts=None
) -> list[LearnerLine]:
    """Learners of the municipality (``accounts``, a page of
    ``municipality_accounts``, or all of them) with how many paths they
    enrolled in, started, completed and were certified for during the period
    (in the path or theme, if any)."""
    if accounts is None:
        accounts = municipality_accounts(municipality=municipality, scope=scope)
    roles = dict(LearnerRole.choices)
    lines = {
        pk: LearnerLine(
            user_id=pk,
            name=f"{first} {last}".strip() or email,
            email=email,
            role=str(roles.get(role, role)),
        )
        for pk, first, last, email, role in accounts
    }
    scope = replace(scope, municipality_id=municipality.pk)
    for row in _path_counts(scope).filter(user_id__in=list(lines)):
        line = lines[row.pop("user_id")]
        for name, value in row.items():
            setattr(line, name, value)
    activity = LearnerFact.objects.filter(user_id__in=list(lines))
    for user_id, last_active_at in activity.values_list("user_id", "last_active_at"):
        lines[user_id].last_active_at = last_active_at
    return list(lines.values())


def _path_counts(scope: Scope):
    milestones = ("enrolled", "started", "completed", "certified")
    return (
        facts_in_scope(scope)
        .values("user_id")
        .annotate(
            **{
                name: Count("pk", filter=period_q(f"{name}_at", scope))
                for name in milestones
            }
        )
        .order_by()
    )
