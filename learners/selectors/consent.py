"""What each learner agreed to (``learners.models.consent``)."""

from django.db.models import Q

from learners.models.consent import LearnerConsent


def learner_consent(*, user) -> LearnerConsent | None:
    return LearnerConsent.objects.filter(user=user).first()


def named_listing_allowed() -> Q:
    """A filter on users: those who may appear by name in their municipality's
    training contact's lists. A learner who refused or withdrew "share with my
    municipality" is left out; one who never answered (an account made by an
    import, before the notice) stays until they decide."""
    return ~Q(consent__share_with_municipality=False)
