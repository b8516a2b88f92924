"""Reads about training sessions: what a learner can register for, where
they stand, who attends, and the calendar entry they take home."""

from datetime import timedelta
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.site_url import absolute_url
from courses.models import SessionFormat, TrainingSession
from learners.ics import CalendarEvent, calendar_build
from learners.models import RegistrationStatus, SessionRegistration

CHECK_IN_OPENS_BEFORE = timedelta(minutes=15)
ACTIVE_STATUSES = (RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED)


def sessions_with_counts(queryset=None):
    """Sessions annotated with ``registered_count`` and ``seats_left``."""
    queryset = TrainingSession.objects.all() if queryset is None else queryset
    registered = Count(
        "registrations",
        filter=Q(registrations__status=RegistrationStatus.REGISTERED),
    )
    return queryset.annotate(registered_count=registered).annotate(
        seats_left=Greatest(F("capacity") - F("registered_count"), Value(0))
    )


def sessions_for_module(*, module, user=None):
    """Upcoming, not cancelled sessions of ``module``, each with ``seats_left``,
    ``user_status`` (the user's registration status, or None) and
    ``user_attended`` (their presence is recorded). Sessions hang on the
    original module: a translated module shows its original's."""
    from courses.selectors import original_pk

    sessions = sessions_with_counts(
        TrainingSession.objects.filter(
            module_id=original_pk(module),
            cancelled_at__isnull=True,
            starts_at__gt=timezone.now(),
        )
    ).select_related("municipality")
    user_id = user.pk if user is not None and user.is_authenticated else None
    mine = SessionRegistration.objects.filter(session=OuterRef("pk"), user_id=user_id)
    return sessions.annotate(
        user_status=Subquery(mine.values("status")[:1]),
        user_attended=Subquery(mine.values("attended")[:1]),
    ).order_by("starts_at")


def sessions_upcoming_for(*, user):
    """The user's registrations (confirmed or waitlisted) to sessions not yet
    over, soonest first: the learner dashboard's list."""
    return (
        SessionRegistration.objects.filter(
            user=user,
            status__in=ACTIVE_STATUSES,
            session__cancelled_at__isnull=True,
            session__ends_at__gt=timezone.now(),
        )
        .select_related("session", "session__module", "session__municipality")
        .order_by("session__starts_at")
    )


def session_registration_of(*, user, session):
    return SessionRegistration.objects.filter(user=user, session=session).first()


def session_seats_left(*, session) -> int:
    taken = SessionRegistration.objects.filter(
        session=session, status=RegistrationStatus.REGISTERED
    ).count()
    return max(session.capacity - taken, 0)


def check_in_window(session):
    """(opens, closes): check-in codes are accepted in this interval."""
    return session.starts_at - CHECK_IN_OPENS_BEFORE, session.ends_at


def check_in_open(*, session, now=None) -> bool:
    opens, closes = check_in_window(session)
    return opens <= (now or timezone.now()) <= closes


def session_manage_allowed(*, user, session) -> bool:
    """Who may edit a session and keep its attendance: its trainer, or anyone
    allowed to change any registration (administrators; superusers hold every
    permission). Other trainers see the session in the list, no more."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.pk == session.trainer_id:
        return True
    return user.has_perm("learners.change_sessionregistration")


def attendance_sheet(*, session):
    """The session's confirmed learners, by name, with their municipality."""
    return (
        SessionRegistration.objects.filter(
            session=session, status=RegistrationStatus.REGISTERED
        )
        .select_related("user", "user__municipality")
        .order_by("user__last_name", "user__first_name", "user__email")
    )


def session_absolute_url(session) -> str:
    path = reverse("learners:session_detail", args=[session.pk])
    return absolute_url(path)


def session_location(session) -> str:
    if session.session_format == SessionFormat.VIRTUAL:
        return _("Classe virtuelle")
    place = [session.address.strip()]
    if session.municipality_id:
        place.append(session.municipality.name)
    return ", ".join(part for part in place if part)


def _calendar_description(session, *, with_link) -> str:
    parts = [session.module.title]
    if with_link and session.session_format == SessionFormat.VIRTUAL:
        link = _("Lien de la classe virtuelle : %(url)s")
        parts.append(link % {"url": session.virtual_url})
    if session.details:
        parts.append(session.details)
    return "\n\n".join(parts)


def session_calendar(*, session, registration=None, method="REQUEST") -> str:
    """The session as an .ics file; the virtual link only for a confirmed
    registration."""
    with_link = (
        registration is not None
        and registration.status == RegistrationStatus.REGISTERED
    )
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname
    attendee = registration.user if registration else None
    event = CalendarEvent(
        uid=f"seance-{session.pk}@{host}",
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        stamp=timezone.now(),
        summary=session.display_title,
        location=session_location(session),
        description=_calendar_description(session, with_link=with_link),
        url=session_absolute_url(session),
        organizer_email=_from_address(),
        organizer_name="Virage",
        attendee_email=attendee.email if attendee else "",
        attendee_name=str(attendee or ""),
    )
    return calendar_build(event, method=method)


def _from_address() -> str:
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
