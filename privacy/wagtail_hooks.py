from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from privacy.admin_views import ERASE, EraseAccountView
from privacy.viewsets import IncidentViewSet, PrivacyNoticeViewSet

register_snippet(PrivacyNoticeViewSet)


class EraseMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ERASE)


@hooks.register("register_admin_viewset")
def register_incident_viewset():
    return IncidentViewSet("privacy_incident")


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "effacement-de-compte/",
            EraseAccountView.as_view(),
            name="privacy_erase_account",
        )
    ]


@hooks.register("register_settings_menu_item")
def register_erase_menu_item():
    return EraseMenuItem(
        _("Effacer un compte (Loi 25)"),
        reverse("privacy_erase_account"),
        name="privacy-erase",
        icon_name="bin",
        order=900,
    )
