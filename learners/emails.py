"""E-mails about session registrations. Each takes a registration and sends
one message; the services decide when (after the transaction commits)."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from courses.models import SessionFormat
from learners.models import RegistrationStatus
from learners.selectors.sessions import (
    session_absolute_url,
    session_calendar,
    session_location,
)

CALENDAR_FILENAME = "seance.ics"


def _send(registration, *, template, subject, with_calendar=False):
    session, user = registration.session, registration.user
    registered = registration.status == RegistrationStatus.REGISTERED
    virtual = session.session_format == SessionFormat.VIRTUAL
    body = render_to_string(
        f"learners/email/{template}.txt",
        {
            "user": user,
            "session": session,
            "location": session_location(session),
            "link": session.virtual_url if registered and virtual else "",
            "waitlisted": registration.status == RegistrationStatus.WAITLISTED,
            "url": session_absolute_url(session),
        },
    )
    message = EmailMessage(subject=subject, body=body, to=[user.email])
    if with_calendar:
        calendar = session_calendar(session=session, registration=registration)
        message.attach(CALENDAR_FILENAME, calendar, "text/calendar")
    message.send()


def registration_confirmed(registration):
    title = registration.session.display_title
    _send(
        registration,
        template="session_confirmation",
        subject=_("Inscription confirmée : %(title)s") % {"title": title},
        with_calendar=True,
    )


def registration_waitlisted(registration):
    title = registration.session.display_title
    _send(
        registration,
        template="session_waitlist",
        subject=_("Liste d'attente : %(title)s") % {"title": title},
    )


def registration_promoted(registration):
    title = registration.session.display_title
    _send(
        registration,
        template="session_promotion",
        subject=_("Une place s'est libérée : %(title)s") % {"title": title},
        with_calendar=True,
    )


def session_reminder(registration):
    title = registration.session.display_title
    _send(
        registration,
        template="session_reminder",
        subject=_("Rappel : votre séance « %(title)s »") % {"title": title},
    )


def session_cancelled(registration):
    title = registration.session.display_title
    _send(
        registration,
        template="session_cancelled",
        subject=_("Séance annulée : %(title)s") % {"title": title},
    )


def session_reinstated(registration):
    title = registration.session.display_title
    _send(
        registration,
        template="session_reinstated",
        subject=_("Séance rétablie : %(title)s") % {"title": title},
    )
