from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from learners import urls_admin
from learners.selectors.imports import enrolment_import_allowed


class EnrolmentImportMenuItem(MenuItem):
    def is_shown(self, request):
        return enrolment_import_allowed(user=request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("inscriptions-en-lot/", include(urls_admin))]


@hooks.register("register_admin_menu_item")
def register_enrolment_import_menu_item():
    return EnrolmentImportMenuItem(
        _("Inscriptions en lot"),
        reverse("learner_admin:index"),
        name="enrolment-imports",
        icon_name="group",
        order=250,
    )
