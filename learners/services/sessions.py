"""Registrations to training sessions, waitlist, attendance and reminders.

Seats are counted inside a transaction that holds the session row locked
(``select_for_update``), so two learners cannot both take the last seat.
E-mails leave only after the transaction commits.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ApplicationError
from courses.models import LearningPathPage, TrainingSession
from learners import emails
from learners.models import RegistrationStatus, SessionRegistration, User
from learners.selectors.consent import email_reminders_allowed
from learners.selectors.sessions import check_in_window, session_manage_allowed
from learners.services.progress import enrolment_create, progress_refresh

REMINDER_LEAD = timedelta(hours=48)


def _locked(session):
    return TrainingSession.objects.select_for_update().get(pk=session.pk)


def _seats_taken(session) -> int:
    return SessionRegistration.objects.filter(
        session=session, status=RegistrationStatus.REGISTERED
    ).count()


def _refuse_registration(*, user, session, now):
    if not user.is_learner:
        raise ApplicationError(
            _("Seules les personnes apprenantes peuvent s'inscrire à une séance.")
        )
    if session.cancelled_at is not None:
        raise ApplicationError(_("Cette séance est annulée."))
    if session.starts_at <= now:
        raise ApplicationError(_("Cette séance est commencée ou terminée."))
    if session.registration_deadline < now:
        raise ApplicationError(
            _("La date limite d'inscription à cette séance est passée.")
        )


def session_register(*, user, session) -> SessionRegistration:
    """Register ``user``: a seat if one is free, else the waitlist. Registering
    again while registered or waitlisted changes nothing."""
    now = timezone.now()
    with transaction.atomic():
        session = _locked(session)
        registration = SessionRegistration.objects.filter(
            user=user, session=session
        ).first()
        if registration and registration.status != RegistrationStatus.CANCELLED:
            return registration
        _refuse_registration(user=user, session=session, now=now)
        registration = registration or SessionRegistration(user=user, session=session)
        seat_free = _seats_taken(session) < session.capacity
        registration.status = (
            RegistrationStatus.REGISTERED
            if seat_free
            else RegistrationStatus.WAITLISTED
        )
        registration.requested_at = now  # back of the queue after a cancel
        registration.confirmed_at = now if seat_free else None
        registration.cancelled_at = None
        registration.save()
        notice = (
            emails.registration_confirmed
            if seat_free
            else emails.registration_waitlisted
        )
        notice(registration)  # an outbox row, saved with the registration
    return registration


def _waitlist_promote(session, now):
    """Give the free seats to the waitlist, first requested first."""
    free = session.capacity - _seats_taken(session)
    waiting = SessionRegistration.objects.filter(
        session=session, status=RegistrationStatus.WAITLISTED
    ).order_by("requested_at", "id")[: max(free, 0)]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = RegistrationStatus.REGISTERED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        emails.registration_promoted(registration)
    return promoted


def session_cancel(*, user, session) -> SessionRegistration:
    """Cancel ``user``'s registration or waitlist place; a freed seat goes to
    the first waitlisted learner in the same transaction."""
    now = timezone.now()
    with transaction.atomic():
        session = _locked(session)
        registration = SessionRegistration.objects.filter(
            user=user,
            session=session,
            status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED],
        ).first()
        if registration is None:
            raise ApplicationError(_("Vous n'êtes pas inscrit·e à cette séance."))
        if registration.attended:
            raise ApplicationError(
                _(
                    "Votre présence à cette séance est enregistrée : "
                    "l'inscription ne peut plus être annulée."
                )
            )
        if session.starts_at <= now:
            raise ApplicationError(
                _(
                    "Cette séance est commencée : l'inscription ne peut plus "
                    "être annulée."
                )
            )
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        if session.cancelled_at is None:
            _waitlist_promote(session, now)
    return registration


def session_waitlist_promote(*, session):
    """Fill seats freed by a capacity increase; returns the promoted."""
    with transaction.atomic():
        session = _locked(session)
        if session.cancelled_at is not None or session.starts_at <= timezone.now():
            return []
        return _waitlist_promote(session, timezone.now())


def session_update(*, session, changed_fields) -> None:
    """After a trainer saved ``session`` (``changed_fields``: what the form
    changed): a cancellation, or its undoing, is announced to everyone
    registered or waiting once the save commits; seats a raised capacity
    freed go to the waitlist at once."""
    # Imported here: the task imports this module.
    from learners.tasks.sessions import session_cancellation_notify

    if session.cancelled_at is not None or "cancelled_at" in changed_fields:
        session_cancellation_notify.delay_on_commit(session.pk)
    if session.cancelled_at is None:
        session_waitlist_promote(session=session)


def _attendance_counted(registration):
    """Attendance is a progress fact: enrol the learner in the module's path
    (as finishing a lesson does) and recompute it."""
    module = registration.session.module
    path = LearningPathPage.objects.ancestor_of(module).get()
    if registration.attended and path.live:
        enrolment_create(user=registration.user, path=path)
    progress_refresh(user=registration.user, path=path)


def _registered(*, session, user):
    """``user``'s confirmed registration to ``session``, or None."""
    return (
        SessionRegistration.objects.filter(
            session=session, user=user, status=RegistrationStatus.REGISTERED
        )
        .select_related("session__module", "user")
        .first()
    )


def attendance_mark(*, session, user, attended: bool, marked_by):
    """The trainer (or an administrator) records whether ``user`` came."""
    if not session_manage_allowed(user=marked_by, session=session):
        raise ApplicationError(
            _("Seule la personne formatrice de la séance peut prendre les présences.")
        )
    registration = _registered(session=session, user=user)
    if registration is None:
        raise ApplicationError(_("Cette personne n'est pas inscrite à cette séance."))
    registration.attended = attended
    registration.attendance_marked_at = timezone.now()
    registration.attendance_marked_by = marked_by
    registration.save(
        update_fields=["attended", "attendance_marked_at", "attendance_marked_by"]
    )
    _attendance_counted(registration)
    return registration


def normalize_code(code: str) -> str:
    return "".join((code or "").split()).upper()


def _refuse_check_in(*, session, code, now):
    if session.cancelled_at is not None:
        raise ApplicationError(_("Cette séance est annulée."))
    opens, closes = check_in_window(session)
    if now < opens:
        raise ApplicationError(
            _(
                "La prise de présence n'est pas encore ouverte : elle commence "
                "15 minutes avant le début de la séance."
            )
        )
    if now > closes:
        raise ApplicationError(_("La séance est terminée : ce code n'est plus valide."))
    if code == session.check_in_code:
        return
    other = TrainingSession.objects.filter(check_in_code=code).exclude(pk=session.pk)
    if code and other.exists():
        raise ApplicationError(
            _("Ce code est celui d'une autre séance : vérifiez le code affiché.")
        )
    raise ApplicationError(_("Ce code de présence est incorrect."))


def session_check_in(*, user, session, code) -> SessionRegistration:
    """A registered learner declares their presence with the room's code."""
    registration = _registered(session=session, user=user)
    if registration is None:
        raise ApplicationError(_("Vous n'êtes pas inscrit·e à cette séance."))
    now = timezone.now()
    _refuse_check_in(session=session, code=normalize_code(code), now=now)
    if registration.checked_in_at is None or not registration.attended:
        registration.attended = True
        registration.checked_in_at = registration.checked_in_at or now
        registration.save(update_fields=["attended", "checked_in_at"])
    _attendance_counted(registration)
    return registration


def _send_once(due, *, stamp, send, value) -> int:
    """Send one message per registration of ``due`` and set its ``stamp``
    field to ``value``, which takes it out of ``due``: each is sent once, and
    the row lock keeps two concurrent runs from both sending."""
    sent = 0
    for registration_id in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            registration = (
                due.select_for_update(skip_locked=True, of=("self",))
                .select_related("session__module", "session__municipality", "user")
                .filter(pk=registration_id)
                .first()
            )
            if registration is None:
                continue
            send(registration)
            setattr(registration, stamp, value)
            registration.save(update_fields=[stamp])
            sent += 1
    return sent


def session_reminders_send(now=None) -> int:
    """Remind confirmed learners of sessions starting within 48 hours, once
    each, unless they said no to e-mail reminders (Law 25 consent)."""
    now = now or timezone.now()
    due = SessionRegistration.objects.filter(
        user__in=User.objects.filter(email_reminders_allowed()),
        status=RegistrationStatus.REGISTERED,
        reminder_sent_at__isnull=True,
        session__cancelled_at__isnull=True,
        session__starts_at__gt=now,
        session__starts_at__lte=now + REMINDER_LEAD,
    )
    return _send_once(
        due, stamp="reminder_sent_at", send=emails.session_reminder, value=now
    )


def _still_concerned(session):
    return SessionRegistration.objects.filter(
        session=session,
        status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED],
    )


def session_cancellation_notices_send(*, session) -> int:
    """Tell everyone registered or waiting that the session is cancelled, or,
    when its cancellation was undone, that it takes place after all (those
    who were told it was cancelled); each once, and a later cancellation
    tells them again."""
    cancelled = session.cancelled_at is not None
    due = _still_concerned(session).filter(
        cancellation_notice_sent_at__isnull=cancelled
    )
    return _send_once(
        due,
        stamp="cancellation_notice_sent_at",
        send=emails.session_cancelled if cancelled else emails.session_reinstated,
        value=timezone.now() if cancelled else None,
    )
