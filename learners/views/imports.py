"""Bulk enrolment by CSV in the Wagtail admin: upload, follow, download refusals."""

from functools import wraps
from pathlib import Path

from django import forms
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.errors import ApplicationError
from courses.models import LearningPathPage
from courses.roles import LearnerRole
from learners.enrolment_csv import COLUMNS, example_csv, report_csv
from learners.models import ImportStatus
from learners.selectors.imports import (
    enrolment_import_allowed,
    enrolment_imports_visible,
)
from learners.services.enrolment_import import enrolment_import_start

MAX_UPLOAD_MB = 5
RECENT_IMPORTS = 50
REFUSALS_SHOWN = 100
INDEX_LABEL = gettext_lazy("Inscriptions en lot")


def import_access_required(view):
    """Trainers, UMQ coordinators and administrators only; others get a 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not enrolment_import_allowed(user=request.user):
            return TemplateResponse(
                request, "learners/admin/import_forbidden.html", status=403
            )
        return view(request, *args, **kwargs)

    return wrapped


class EnrolmentImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Fichier CSV"),
        help_text=gettext_lazy("Un fichier .csv d'au plus %(size)s Mo.")
        % {"size": MAX_UPLOAD_MB},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("Le fichier dépasse %(size)s Mo.") % {"size": MAX_UPLOAD_MB}
            )
        return upload


class IndexView(WagtailAdminTemplateMixin, FormView):
    """Upload a file, and see the previous imports."""

    template_name = "learners/admin/import_index.html"
    form_class = EnrolmentImportForm
    page_title = INDEX_LABEL
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": INDEX_LABEL}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            imports=enrolment_imports_visible(user=self.request.user)[:RECENT_IMPORTS],
            columns=[label for _field, label in COLUMNS],
            roles=LearnerRole.choices,
            paths=LearningPathPage.objects.live().order_by("title"),
            **kwargs,
        )

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            enrolment_import = enrolment_import_start(
                uploaded_by=self.request.user, filename=upload.name, data=upload.read()
            )
        except ApplicationError as error:
            form.add_error("file", error.message)
            return self.form_invalid(form)
        return redirect("learner_admin:detail", pk=enrolment_import.pk)


def _visible_import(request, pk):
    return get_object_or_404(enrolment_imports_visible(user=request.user), pk=pk)


def _is_finished(enrolment_import) -> bool:
    return enrolment_import.status in (ImportStatus.DONE, ImportStatus.FAILED)


def _progress_text(enrolment_import) -> str:
    """Like "12 lignes traitées sur 40 — 10 importées, 2 refusées"."""
    processed, total = enrolment_import.processed_rows, enrolment_import.total_rows
    imported, refused = enrolment_import.imported, enrolment_import.refused
    processed_text, imported_text, refused_text = (
        ngettext(
            "%(count)s ligne traitée sur %(total)s",
            "%(count)s lignes traitées sur %(total)s",
            processed,
        )
        % {"count": processed, "total": total},
        ngettext("%(count)s importée", "%(count)s importées", imported)
        % {"count": imported},
        ngettext("%(count)s refusée", "%(count)s refusées", refused)
        % {"count": refused},
    )
    return f"{processed_text} — {imported_text}, {refused_text}"


class DetailView(WagtailAdminTemplateMixin, TemplateView):
    """An import's progress; reloads itself until the work is done."""

    template_name = "learners/admin/import_detail.html"
    header_icon = "group"

    def get_page_title(self):
        return self.enrolment_import.filename

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("learner_admin:index"), "label": INDEX_LABEL},
            {"url": "", "label": self.enrolment_import.filename},
        ]

    def get(self, request, pk):
        self.enrolment_import = _visible_import(request, pk)
        return super().get(request, pk=pk)

    def get_context_data(self, **kwargs):
        enrolment_import = self.enrolment_import
        return super().get_context_data(
            enrolment_import=enrolment_import,
            finished=_is_finished(enrolment_import),
            progress_text=_progress_text(enrolment_import),
            refusals=enrolment_import.report[:REFUSALS_SHOWN],
            **kwargs,
        )


@import_access_required
def status(request, pk):
    """What the progress bar polls."""
    enrolment_import = _visible_import(request, pk)
    return JsonResponse(
        {
            "status": enrolment_import.status,
            "label": enrolment_import.get_status_display(),
            "finished": _is_finished(enrolment_import),
            "total": enrolment_import.total_rows,
            "processed": enrolment_import.processed_rows,
            "imported": enrolment_import.imported,
            "refused": enrolment_import.refused,
            "text": _progress_text(enrolment_import),
        }
    )


def _csv_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@import_access_required
def report(request, pk):
    """The refused rows, to fix in Excel and upload again."""
    enrolment_import = _visible_import(request, pk)
    stem = Path(enrolment_import.filename).stem
    return _csv_response(
        report_csv(enrolment_import.report), _("refus-%(file)s.csv") % {"file": stem}
    )


@import_access_required
def example(request):
    path = LearningPathPage.objects.live().order_by("path").first()
    return _csv_response(
        example_csv(path=path.slug if path else "identifiant-du-parcours"),
        _("exemple-inscriptions.csv"),
    )


index = import_access_required(IndexView.as_view())
detail = import_access_required(DetailView.as_view())
