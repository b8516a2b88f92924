"""E-mails about session registrations. Each takes a registration and sends
one message; the services decide when (after the transaction commits)."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

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


def _message(template, subject, *, with_calendar=False):
    """A function sending ``template`` to a registration; ``subject`` (lazy,
    translated when sent) names the session as ``%(title)s``."""

    def send(registration):
        title = registration.session.display_title
        _send(
            registration,
            template=template,
            subject=subject % {"title": title},
            with_calendar=with_calendar,
        )

    return send


registration_confirmed = _message(
    "session_confirmation",
    _("Inscription confirmée : %(title)s"),
    with_calendar=True,
)
registration_waitlisted = _message("session_waitlist", _("Liste d'attente : %(title)s"))
registration_promoted = _message(
    "session_promotion",
    _("Une place s'est libérée : %(title)s"),
    with_calendar=True,
)
session_reminder = _message(
    "session_reminder", _("Rappel : votre séance « %(title)s »")
)
session_cancelled = _message("session_cancelled", _("Séance annulée : %(title)s"))
session_reinstated = _message("session_reinstated", _("Séance rétablie : %(title)s"))
