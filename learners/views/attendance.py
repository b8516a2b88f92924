"""The attendance sheet of one session, in the Wagtail admin. Only the
session's trainer or an administrator reaches it."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.errors import ApplicationError
from courses.models import TrainingSession
from learners.selectors.sessions import attendance_sheet, session_manage_allowed
from learners.services.sessions import attendance_mark

PRESENT, ABSENT = "present", "absent"


def _session_for(request, session_id):
    """The session, or None when the user may not take its attendance."""
    session = get_object_or_404(
        TrainingSession.objects.select_related("module", "trainer"), pk=session_id
    )
    return (
        session if session_manage_allowed(user=request.user, session=session) else None
    )


def _forbidden(request):
    """A real 403: Wagtail would turn PermissionDenied into a redirect home."""
    return permission_denied(request, PermissionDenied())


class AttendanceSheetView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "learners/admin/attendance.html"
    header_icon = "date"

    def dispatch(self, request, *args, session_id, **kwargs):
        self.session = _session_for(request, session_id)
        if self.session is None:
            return _forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Feuille de présence")

    def get_page_subtitle(self):
        return str(self.session)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailsnippets_courses_trainingsession:list"),
                "label": _("Séances"),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            session=self.session,
            registrations=attendance_sheet(session=self.session).select_related(
                "user__municipality__region"
            ),
            csv_url=reverse("session_attendance:csv", args=[self.session.pk]),
            PRESENT=PRESENT,
            ABSENT=ABSENT,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        """Save each learner whose radio button changed; unanswered rows stay
        as they are."""
        for registration in attendance_sheet(session=self.session):
            value = request.POST.get(f"presence-{registration.pk}")
            attended = {PRESENT: True, ABSENT: False}.get(value)
            if attended is None or registration.attended is attended:
                continue
            try:
                attendance_mark(
                    session=self.session,
                    user=registration.user,
                    attended=attended,
                    marked_by=request.user,
                )
            except ApplicationError as error:
                messages.error(request, error.message)
                return redirect("session_attendance:sheet", self.session.pk)
        messages.success(request, _("Les présences sont enregistrées."))
        return redirect("session_attendance:sheet", self.session.pk)


CSV_COLUMNS = [
    gettext_lazy("nom"),
    gettext_lazy("prénom"),
    gettext_lazy("courriel"),
    gettext_lazy("municipalité"),
    gettext_lazy("statut"),
    gettext_lazy("présence"),
    gettext_lazy("présence déclarée le"),
]


def _cell(value) -> str:
    """Neutralise spreadsheet formulas in user-entered text."""
    text = str(value or "")
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _presence(attended) -> str:
    if attended is None:
        return ""
    return _("présent·e") if attended else _("absent·e")


def attendance_csv(request, session_id):
    """UTF-8 with a BOM and semicolons: what Excel opens as is in Québec."""
    session = _session_for(request, session_id)
    if session is None:
        return _forbidden(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"presences-seance-{session.pk}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([str(column) for column in CSV_COLUMNS])
    sheet = attendance_sheet(session=session).select_related(
        "user__municipality__region"
    )
    for registration in sheet:
        user, checked_in = registration.user, registration.checked_in_at
        writer.writerow(
            [
                _cell(user.last_name),
                _cell(user.first_name),
                _cell(user.email),
                _cell(user.municipality.label if user.municipality_id else ""),
                registration.get_status_display(),
                _presence(registration.attended),
                timezone.localtime(checked_in).strftime("%Y-%m-%d %H:%M")
                if checked_in
                else "",
            ]
        )
    return response
