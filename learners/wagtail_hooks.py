from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from learners import urls_admin, urls_attendance_admin
from learners.selectors.imports import enrolment_import_allowed
from learners.session_viewsets import TrainingSessionViewSet


class EnrolmentImportMenuItem(MenuItem):
    def is_shown(self, request):
        return enrolment_import_allowed(user=request.user)


register_snippet(TrainingSessionViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    attendance = (urls_attendance_admin.urlpatterns, "session_attendance")
    return [
        path("inscriptions-en-lot/", include(urls_admin)),
        path("seances/", include(attendance, namespace="session_attendance")),
    ]


@hooks.register("register_admin_menu_item")
def register_enrolment_import_menu_item():
    return EnrolmentImportMenuItem(
        _("Inscriptions en lot"),
        reverse("learner_admin:index"),
        name="enrolment-imports",
        icon_name="group",
        order=250,
    )
