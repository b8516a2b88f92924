import tempfile

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from learners.forms import NoticeAcceptanceForm
from learners.models import ConsentSource
from learners.selectors.consent import learner_consent
from learners.services.accounts import learner_consent_record
from privacy.forms import CloseAccountForm
from privacy.models import DataExport, ExportStatus
from privacy.selectors import privacy_notice_current
from privacy.services.erasure import ErasureRequester, learner_erase
from privacy.services.export import (
    data_export_request,
    learner_data_zip,
    learner_statement_count,
)


def notice(request):
    current = privacy_notice_current()
    if current is None:
        raise Http404
    context = {"notice": current, "body": current.body(get_language() or "fr")}
    return render(request, "privacy/notice.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def accept(request):
    """A new notice version: accept it (with one's choices) before going on."""
    current = privacy_notice_current()
    following = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        following, allowed_hosts={request.get_host()}
    ):
        following = "/"
    if current is None:
        return redirect(following)
    consent = learner_consent(user=request.user)
    initial = {}
    if consent is not None:
        initial = {
            "share_with_municipality": consent.share_with_municipality,
            "email_reminders": consent.email_reminders,
        }
    form = NoticeAcceptanceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        learner_consent_record(
            user=request.user,
            notice_version=current.version,
            share_with_municipality=form.cleaned_data["share_with_municipality"],
            email_reminders=form.cleaned_data["email_reminders"],
            source=ConsentSource.NEW_NOTICE,
        )
        messages.success(request, _("Merci : vos choix sont enregistrés."))
        return redirect(following)
    context = {
        "form": form,
        "notice": current,
        "next": following,
        "first_time": consent is None,
    }
    return render(request, "privacy/accept.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def my_data(request):
    """The learner's own archive, never anyone else's: it is built for
    ``request.user`` alone. Small ones are sent at once, large ones built by
    a Celery task with a progress bar."""
    user = request.user
    if request.method == "POST":
        count = learner_statement_count(user=user)
        if count <= settings.PRIVACY_EXPORT_ASYNC_STATEMENTS:
            return _zip_response(user)
        job = data_export_request(user=user)
        return redirect("privacy:my_data_job", pk=job.pk)
    jobs = DataExport.objects.filter(user=user)[:5]
    return render(request, "privacy/my_data.html", {"jobs": jobs})


def _zip_response(user):
    handle = tempfile.TemporaryFile()
    learner_data_zip(user=user, out=handle)
    handle.seek(0)
    name = f"mes-donnees-virage-{timezone.localdate():%Y-%m-%d}.zip"
    return FileResponse(
        handle, as_attachment=True, filename=name, content_type="application/zip"
    )


@login_required
def my_data_job(request, pk):
    job = get_object_or_404(DataExport, pk=pk, user=request.user)
    return render(request, "privacy/my_data_job.html", {"job": job})


@login_required
def my_data_download(request, pk):
    job = get_object_or_404(
        DataExport, pk=pk, user=request.user, status=ExportStatus.DONE
    )
    if not job.file:
        raise Http404
    name = f"mes-donnees-virage-{timezone.localdate(job.finished_at):%Y-%m-%d}.zip"
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=name)


@login_required
@require_http_methods(["GET", "POST"])
def close_account(request):
    user = request.user
    if user.is_staff or user.is_superuser:
        messages.error(
            request,
            _(
                "Un compte du personnel ne se ferme pas ici : adressez-vous à la "
                "personne responsable de la protection des renseignements "
                "personnels."
            ),
        )
        return redirect("learners:profile")
    form = CloseAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        learner_erase(user=user, requested_by=ErasureRequester.SELF)
        logout(request)
        messages.success(
            request, _("Votre compte est fermé et vos renseignements effacés.")
        )
        return redirect("/")
    return render(request, "privacy/close_account.html", {"form": form})
