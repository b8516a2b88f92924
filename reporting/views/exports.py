"""Downloads: a small table at once, a large one through a Celery job whose
progress the requester follows, then downloads."""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.errors import ApplicationError
from reporting.charts import number
from reporting.exports import (
    CONTENT_TYPES,
    export_access,
    export_build,
    export_is_large,
    export_job_create,
    export_request,
    export_spec,
    filename,
)
from reporting.models import ExportJob, ExportStatus
from reporting.selectors import Access
from reporting.views.access import forbidden, refuse
from reporting.views.common import querystring
from territory.models import Municipality


def _download(data: bytes, file_format: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


def _queue(request, table, file_format, query, municipality, name):
    job = export_job_create(
        user=request.user,
        table=table,
        file_format=file_format,
        query=query,
        municipality=municipality,
        filename=name,
    )
    return redirect("reporting:export_job", pk=job.pk)


def _export(request, table, file_format, municipality=None):
    if export_access(user=request.user, municipality=municipality) == Access.NONE:
        return refuse(request)
    spec = export_spec(table=table, municipality=municipality)
    if spec is None:
        raise Http404
    query = querystring(request)
    try:
        built = export_request(
            user=request.user, spec=spec, query=query, municipality=municipality
        )
    except ApplicationError as error:
        if error.status == 403:
            return forbidden(request)
        back = reverse("reporting:dashboard")
        if municipality is not None:
            back = reverse("reporting:municipality", args=[municipality.code])
        context = {"message": error.message, "back": f"{back}?{query}"}
        template = "reporting/export_invalid.html"
        return TemplateResponse(request, template, context, status=400)
    name = filename(table, file_format, municipality)
    if export_is_large(spec=spec, request=built):
        return _queue(request, table, file_format, query, municipality, name)
    data = export_build(spec=spec, request=built, file_format=file_format)
    return _download(data, file_format, name)


def export(request, table, file_format):
    return _export(request, table, file_format)


def municipality_export(request, code, table, file_format):
    municipality = get_object_or_404(Municipality, code=code)
    return _export(request, table, file_format, municipality)


def _job(request, pk):
    if not request.user.is_authenticated:
        return None
    return get_object_or_404(ExportJob, pk=pk, requested_by=request.user)


def _status_text(job) -> str:
    if job.status == ExportStatus.DONE:
        return _("Le fichier est prêt.")
    if job.status == ExportStatus.FAILED:
        return _("L'exportation a échoué.")
    if not job.total:
        return _("Calcul des chiffres…")
    return ngettext(
        "%(done)s ligne écrite sur %(total)s",
        "%(done)s lignes écrites sur %(total)s",
        job.processed,
    ) % {"done": number(job.processed), "total": number(job.total)}


def export_job(request, pk):
    job = _job(request, pk)
    if job is None:
        return refuse(request)
    context = {"job": job, "status_text": _status_text(job)}
    return TemplateResponse(request, "reporting/export_job.html", context)


def export_status(request, pk):
    """What the progress bar polls; JSON, so no redirect to sign in: 401."""
    job = _job(request, pk)
    if job is None:
        return JsonResponse({"error": _("Connectez-vous.")}, status=401)
    return JsonResponse(
        {
            "status": job.status,
            "finished": job.finished,
            "percent": job.percent,
            "total": job.total,
            "processed": job.processed,
            "text": _status_text(job),
        }
    )


def export_download(request, pk):
    job = _job(request, pk)
    if job is None:
        return refuse(request)
    if job.status != ExportStatus.DONE or not job.file:
        raise Http404
    access = export_access(user=request.user, municipality=job.municipality)
    if access == Access.NONE:
        return forbidden(request)
    with job.file.open("rb") as stored:
        return _download(stored.read(), job.file_format, job.filename)
