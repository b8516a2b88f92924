"""Staff actions on certificates, in the Wagtail admin. Each one checks its
own permission (403 otherwise) and goes through a service that logs it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from certification import services
from certification.forms import BatchForm, ReissueForm, RevokeForm
from certification.models import Certificate, CertificateBatch
from core.errors import ApplicationError

REVOKE = "certification.revoke_certificate"
REISSUE = "certification.reissue_certificate"
BULK = "certification.add_certificatebatch"


def forbidden(request):
    """A plain 403: Wagtail would turn PermissionDenied into a redirect home."""
    return permission_denied(request, PermissionDenied())


class PermissionRequiredMixin:
    permission = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class CertificateActionView(
    PermissionRequiredMixin, WagtailAdminTemplateMixin, FormView
):
    template_name = "wagtailadmin/generic/form.html"
    header_icon = "doc-full"
    submit_button_label = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.certificate = get_object_or_404(Certificate, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.certificate)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=self.request.path,
            submit_button_label=self.submit_button_label,
            **kwargs,
        )

    def get_success_url(self):
        return reverse("certificate:inspect", args=[self.certificate.pk])

    def form_valid(self, form):
        try:
            self.act(form.cleaned_data["reason"])
        except ApplicationError as error:
            form.add_error("reason", error.message)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())


class CertificateRevokeView(CertificateActionView):
    permission = REVOKE
    form_class = RevokeForm
    page_title = gettext_lazy("Révoquer l'attestation")
    submit_button_label = gettext_lazy("Révoquer")
    success_message = gettext_lazy("Attestation révoquée.")

    def act(self, reason):
        services.certificate_revoke(
            certificate=self.certificate, reason=reason, actor=self.request.user
        )


class CertificateReissueView(CertificateActionView):
    permission = REISSUE
    form_class = ReissueForm
    page_title = gettext_lazy("Réémettre l'attestation")
    submit_button_label = gettext_lazy("Réémettre")
    success_message = gettext_lazy("Attestation réémise.")

    def act(self, reason):
        services.certificate_reissue(
            certificate=self.certificate, reason=reason, actor=self.request.user
        )


class BatchCreateView(PermissionRequiredMixin, WagtailAdminTemplateMixin, FormView):
    permission = BULK
    form_class = BatchForm
    template_name = "wagtailadmin/generic/form.html"
    header_icon = "doc-full"
    page_title = gettext_lazy("Émettre pour un parcours")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=self.request.path,
            submit_button_label=_("Lancer l'émission"),
            **kwargs,
        )

    def form_valid(self, form):
        reissue = form.cleaned_data["reissue"]
        if reissue and not self.request.user.has_perm(REISSUE):
            return forbidden(self.request)
        batch = services.certificate_batch_create(
            path=form.cleaned_data["path"],
            requested_by=self.request.user,
            reissue=reissue,
        )
        return redirect("certificate_batches:progress", batch.pk)


class BatchProgressView(
    PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView
):
    permission = BULK
    template_name = "certification/admin/batch_progress.html"
    header_icon = "doc-full"
    page_title = gettext_lazy("Émission par lot")

    def get_context_data(self, **kwargs):
        batch = get_object_or_404(CertificateBatch, pk=self.kwargs["pk"])
        return super().get_context_data(
            batch=batch,
            status_url=reverse("certificate_batches:status", args=[batch.pk]),
            **kwargs,
        )


def batch_status(request, pk):
    """Progress of a bulk job, polled by the progress page."""
    if not request.user.has_perm(BULK):
        return forbidden(request)
    batch = get_object_or_404(CertificateBatch, pk=pk)
    return JsonResponse(
        {
            "status": batch.status,
            "status_label": batch.get_status_display(),
            "total": batch.total,
            "processed": batch.processed,
            "issued": batch.issued,
            "reissued": batch.reissued,
            "percent": batch.percent,
            "finished": batch.finished_at is not None,
        }
    )
