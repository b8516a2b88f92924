"""Admin menus: the privacy notice's versions and the incident register
(administrators only: Wagtail's model permissions, which only the
Administrateurs group and superusers hold)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from privacy.models import Incident, PrivacyNotice


class PrivacyNoticeViewSet(SnippetViewSet):
    model = PrivacyNotice
    icon = "lock"
    menu_label = _("Politique de confidentialité")
    add_to_admin_menu = False
    list_display = ["version", "published_at"]


class IncidentViewSet(ModelViewSet):
    model = Incident
    icon = "warning"
    menu_label = _("Incidents de confidentialité")
    add_to_admin_menu = True
    menu_order = 900
    url_prefix = "incidents-confidentialite"
    form_fields = [
        "occurred_on",
        "discovered_on",
        "nature",
        "people_concerned",
        "information_concerned",
        "risk",
        "risk_assessment",
        "measures",
        "cai_notified_on",
        "persons_notified_on",
    ]
    list_display = ["occurred_on", "nature", "risk", "cai_notified_on"]
    list_filter = ["risk"]
    list_export = ["recorded_at", *form_fields]
    export_filename = "registre-incidents-confidentialite"
    inspect_view_enabled = True
