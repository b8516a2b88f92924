from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from reporting.selectors import reporting_allowed
from reporting.viewsets import TrainingContactViewSet


class ParticipationMenuItem(MenuItem):
    def is_shown(self, request):
        return reporting_allowed(user=request.user)


@hooks.register("register_admin_viewset")
def register_training_contacts():
    return TrainingContactViewSet("repondants_formation")


@hooks.register("register_admin_menu_item")
def register_participation_menu_item():
    return ParticipationMenuItem(
        _("Suivi de la participation"),
        reverse("reporting:dashboard"),
        name="participation",
        icon_name="table",
        order=240,
    )
