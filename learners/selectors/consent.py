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


def email_reminders_allowed() -> Q:
    """A filter on users: those who may get reminder e-mails (sessions,
    paths to finish). One who refused or withdrew "e-mail reminders" is left
    out; one who never answered (an account made before the notice) still
    gets them until they decide, as for named lists."""
    return ~Q(consent__email_reminders=False)
