"""A learner's side of training sessions. Every view acts on the signed-in
user's own registration only: no registration id ever travels in a URL."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from core.errors import ApplicationError
from courses.models import SessionFormat, TrainingSession
from courses.selectors import translations_in
from learners.emails import CALENDAR_FILENAME
from learners.models import RegistrationStatus
from learners.selectors import sessions as selectors
from learners.services import sessions as services


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code de présence"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters"}
        ),
    )


def _session_or_404(session_id):
    return get_object_or_404(
        TrainingSession.objects.select_related("module", "municipality", "trainer"),
        pk=session_id,
        module__live=True,
    )


def _back(request, session):
    """Back to the page the form was on, or to the session page."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("learners:session_detail", session.pk)


def _detail_context(request, session):
    registration = selectors.session_registration_of(user=request.user, session=session)
    status = registration.status if registration else None
    registered = status == RegistrationStatus.REGISTERED
    now = timezone.now()
    return {
        "session": session,
        # The module a session hangs on (the original), in the visitor's language.
        "module": translations_in([session.module])[session.module_id],
        "registration": registration,
        "registered": registered,
        "waitlisted": status == RegistrationStatus.WAITLISTED,
        "virtual": session.session_format == SessionFormat.VIRTUAL,
        "show_link": registered and session.session_format == SessionFormat.VIRTUAL,
        "seats_left": selectors.session_seats_left(session=session),
        "registration_open": session.cancelled_at is None
        and session.registration_deadline >= now
        and session.starts_at > now,
        "can_cancel": status in selectors.ACTIVE_STATUSES
        and session.starts_at > now
        and not registration.attended,
        "check_in_open": registered
        and session.cancelled_at is None
        and selectors.check_in_open(session=session, now=now),
        "check_in_form": CheckInForm(),
    }


@login_required
@require_GET
def session_detail(request, session_id):
    session = _session_or_404(session_id)
    return render(
        request, "learners/session_detail.html", _detail_context(request, session)
    )


REGISTERED_MESSAGES = {
    RegistrationStatus.REGISTERED: gettext_lazy(
        "Votre inscription est confirmée. Un courriel avec l'invitation pour "
        "votre agenda vous a été envoyé."
    ),
    RegistrationStatus.WAITLISTED: gettext_lazy(
        "La séance est complète : vous êtes sur la liste d'attente. Nous vous "
        "écrirons si une place se libère."
    ),
}


@login_required
@require_POST
def session_register(request, session_id):
    session = _session_or_404(session_id)
    try:
        registration = services.session_register(user=request.user, session=session)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, REGISTERED_MESSAGES[registration.status])
    return _back(request, session)


@login_required
@require_POST
def session_cancel(request, session_id):
    session = _session_or_404(session_id)
    try:
        services.session_cancel(user=request.user, session=session)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Votre inscription à cette séance est annulée."))
    return _back(request, session)


@login_required
@require_POST
def session_check_in(request, session_id):
    session = _session_or_404(session_id)
    form = CheckInForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Entrez le code de présence affiché dans la salle."))
        return _back(request, session)
    try:
        services.session_check_in(
            user=request.user, session=session, code=form.cleaned_data["code"]
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Votre présence est enregistrée. Merci !"))
    return _back(request, session)


@login_required
@require_GET
def session_calendar(request, session_id):
    """The .ics of a session, for its confirmed learners only."""
    session = _session_or_404(session_id)
    registration = selectors.session_registration_of(user=request.user, session=session)
    if registration is None or registration.status != RegistrationStatus.REGISTERED:
        raise Http404
    content = selectors.session_calendar(
        session=session, registration=registration, method="PUBLISH"
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{CALENDAR_FILENAME}"'
    return response
