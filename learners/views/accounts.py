from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from learners import services
from learners.forms import (
    ConsentChoicesForm,
    PasswordResetForm,
    ProfileForm,
    SignUpForm,
)
from learners.security import account_request_refused, password_reset_refused
from learners.selectors.consent import learner_consent
from learners.services.accounts import (
    SignUpLinkInvalid,
    learner_consent_choices_update,
    learner_sign_up_confirm,
    learner_sign_up_request,
    sign_up_token_read,
)
from territory import selectors


def sign_up(request):
    """A valid form always leads to "check your e-mail": the account is made
    when its address is confirmed, and an address that has one is told so by
    e-mail, so the page never says which addresses have an account."""
    if request.user.is_authenticated:
        return redirect("learners:profile")
    form = SignUpForm(request.POST or None)
    if request.method == "POST":
        email = form.cleaned_data["email"] if form.is_valid() else None
        refused = account_request_refused(
            request, scope="sign_up", title=_("Créer un compte"), email=email
        )
        if refused:
            return refused
        if email is not None:
            data = form.cleaned_data
            learner_sign_up_request(
                email=email,
                password=data["password1"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                municipality=data["municipality"],
                role=data["role"],
                notice_version=getattr(request, "privacy_notice_version", None) or 0,
                share_with_municipality=data["share_with_municipality"],
                email_reminders=data["email_reminders"],
            )
            return redirect("learners:sign_up_sent")
    return render(request, "learners/sign_up.html", {"form": form})


def sign_up_confirm(request, token):
    """The link of the confirmation e-mail: a button creates the account (a
    POST, so that a mail scanner following links creates nothing)."""
    try:
        data = sign_up_token_read(token=token)
    except SignUpLinkInvalid:
        return render(request, "learners/sign_up_confirm.html", {"valid": False})
    if request.method != "POST":
        context = {"valid": True, "email": data["email"]}
        return render(request, "learners/sign_up_confirm.html", context)
    try:
        user, created = learner_sign_up_confirm(token=token)
    except SignUpLinkInvalid:
        return render(request, "learners/sign_up_confirm.html", {"valid": False})
    if not created:
        messages.info(
            request, _("Votre compte existe déjà : connectez-vous pour continuer.")
        )
        return redirect("learners:login")
    login(request, user, backend="learners.backends.AccountBackend")
    messages.success(request, _("Bienvenue dans Virage ! Votre compte est créé."))
    return redirect("learners:dashboard")  # a new account is a learner's


def lockout(request, original_response=None, credentials=None):
    """What django-axes answers once an account or an address is locked out,
    on the site's login and on the Wagtail admin's alike."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "learners/lockout.html", context, status=429)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's, rate-limited; its answer is the same for any address."""

    form_class = PasswordResetForm
    template_name = "learners/password_reset_form.html"
    email_template_name = "learners/password_reset_email.txt"
    subject_template_name = "learners/password_reset_subject.txt"
    success_url = reverse_lazy("learners:password_reset_done")

    def post(self, request, *args, **kwargs):
        return password_reset_refused(request) or super().post(request, *args, **kwargs)


@login_required
def profile(request):
    """The profile, and (for a learner who accepted the notice) the optional
    consents, each form posted on its own (``form=consents``)."""
    user = request.user
    consent = learner_consent(user=user)
    posted = request.POST if request.method == "POST" else None
    consents_posted = posted is not None and posted.get("form") == "consents"
    form = ProfileForm(
        None if consents_posted else posted, initial=_profile_initial(user)
    )
    consent_form = None
    if consent is not None:
        consent_form = ConsentChoicesForm(
            posted if consents_posted else None,
            initial={
                "share_with_municipality": consent.share_with_municipality,
                "email_reminders": consent.email_reminders,
            },
        )
    if consents_posted and consent_form is not None and consent_form.is_valid():
        learner_consent_choices_update(user=user, **consent_form.cleaned_data)
        messages.success(request, _("Vos choix de consentement sont enregistrés."))
        return redirect("learners:profile")
    if posted is not None and not consents_posted and form.is_valid():
        services.learner_profile_update(user=user, **form.cleaned_data)
        messages.success(request, _("Votre profil est enregistré."))
        return redirect("learners:profile")
    context = {"form": form, "consent": consent, "consent_form": consent_form}
    return render(request, "learners/profile.html", context)


def _profile_initial(user) -> dict:
    return {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "municipality": user.municipality.code if user.municipality_id else None,
        "role": user.role,
    }


@require_GET
def municipality_search(request):
    results = selectors.municipality_search(query=request.GET.get("q", ""))
    return JsonResponse(
        {
            "results": [
                {"code": m.code, "name": m.name, "label": m.label} for m in results
            ]
        }
    )
