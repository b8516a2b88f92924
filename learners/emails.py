"""E-mails about session registrations. Each takes a registration and puts
one message in the outbox, which sends it once the transaction commits."""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from courses.models import SessionFormat
from learners.models import RegistrationStatus
from learners.selectors.sessions import (
    session_absolute_url,
    session_calendar,
    session_location,
)
from outbox.services import Attachment, enqueue

CALENDAR_FILENAME = "seance.ics"


def _send(registration, *, template, subject, occasion, with_calendar=False):
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
    attachments = ()
    if with_calendar:
        calendar = session_calendar(session=session, registration=registration)
        attachments = (
            Attachment(CALENDAR_FILENAME, calendar.encode(), "text/calendar"),
        )
    enqueue(
        key=f"{template}:{registration.pk}:{occasion}",
        to=[user.email],
        subject=str(subject),
        text=body,
        attachments=attachments,
    )


def _message(template, subject, occasion, *, with_calendar=False):
    """A function sending ``template`` to a registration; ``subject`` (lazy,
    translated when sent) names the session as ``%(title)s``. ``occasion``
    tells one sending from another (the registration's or the session's
    timestamp): the same occasion twice is one e-mail."""

    def send(registration):
        title = registration.session.display_title
        _send(
            registration,
            template=template,
            subject=subject % {"title": title},
            occasion=_stamp(occasion(registration)),
            with_calendar=with_calendar,
        )

    return send


def _stamp(value) -> str:
    return value.isoformat() if value else ""


registration_confirmed = _message(
    "session_confirmation",
    _("Inscription confirmée : %(title)s"),
    lambda registration: registration.confirmed_at,
    with_calendar=True,
)
registration_waitlisted = _message(
    "session_waitlist",
    _("Liste d'attente : %(title)s"),
    lambda registration: registration.requested_at,
)
registration_promoted = _message(
    "session_promotion",
    _("Une place s'est libérée : %(title)s"),
    lambda registration: registration.confirmed_at,
    with_calendar=True,
)
session_reminder = _message(
    "session_reminder",
    _("Rappel : votre séance « %(title)s »"),
    lambda registration: registration.session.starts_at,
)
session_cancelled = _message(
    "session_cancelled",
    _("Séance annulée : %(title)s"),
    lambda registration: registration.session.cancelled_at,
)
# Sent before the cancellation notice's stamp is cleared: it names the
# cancellation this message undoes.
session_reinstated = _message(
    "session_reinstated",
    _("Séance rétablie : %(title)s"),
    lambda registration: registration.cancellation_notice_sent_at,
)
