"""The "Attestations" admin menu: certificates, their templates, bulk issue."""

import django_filters
from django.db.models import Value
from django.db.models.functions import Concat
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import SnippetViewSet

from certification import admin_views
from certification.codes import normalise_code
from certification.models import Certificate, CertificateTemplate

ICON = "doc-full"


def certificate_buttons(user, certificate, *, priority=40):
    """Revoke / reissue, for the staff allowed to."""
    buttons = []
    if user.has_perm(admin_views.REVOKE) and not certificate.is_revoked:
        url = reverse("certificate:revoke", args=[certificate.pk])
        buttons.append(
            Button(_("Révoquer"), url=url, icon_name="warning", priority=priority)
        )
    if user.has_perm(admin_views.REISSUE):
        url = reverse("certificate:reissue", args=[certificate.pk])
        buttons.append(
            Button(_("Réémettre"), url=url, icon_name="repeat", priority=priority + 1)
        )
    return buttons


class CertificateFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("État"),
        choices=[("valid", _("Valide")), ("revoked", _("Révoquée"))],
        method="filter_status",
        empty_label=_("Toutes"),
    )

    class Meta:
        model = Certificate
        fields = ["path", "status"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(revoked_at__isnull=value == "valid")


class CertificateIndexView(IndexView):
    def get_base_queryset(self):
        holder = Concat("user__first_name", Value(" "), "user__last_name")
        queryset = super().get_base_queryset().select_related("user", "path")
        return queryset.annotate(holder=holder)

    def search_queryset(self, queryset):
        code = normalise_code(self.search_query) if self.is_searching else None
        if code:
            return queryset.filter(code=code)
        return super().search_queryset(queryset)

    def get_list_more_buttons(self, instance):
        return super().get_list_more_buttons(instance) + certificate_buttons(
            self.request.user, instance
        )


class CertificateInspectView(InspectView):
    fields = [
        "user",
        "path",
        "code",
        "issued_at",
        "completed_at",
        "revoked_at",
        "revoked_reason",
        "revoked_by",
        "verification_count",
        "last_verified_at",
        "events",
    ]

    def get_code_display_value(self):
        return self.object.display_code

    def get_events_display_value(self):
        events = self.object.events.select_related("actor")
        return format_html_join(
            "",
            "<p>{} — {} — {} {}</p>",
            (
                (
                    f"{event.at:%Y-%m-%d %H:%M}",
                    event.get_action_display(),
                    event.actor or _("système"),
                    event.reason,
                )
                for event in events
            ),
        )

    def get_field_label(self, field_name, field):
        if field_name == "events":
            return _("Historique")
        return super().get_field_label(field_name, field)

    @property
    def header_more_buttons(self):
        return certificate_buttons(self.request.user, self.object)


class CertificateViewSet(ModelViewSet):
    """Certificates are made by the services: listed and inspected here,
    never created, edited or deleted by hand."""

    model = Certificate
    icon = ICON
    menu_label = _("Attestations")
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = CertificateFilterSet
    list_display = [
        "__str__",
        Column("display_code", label=_("Code")),
        "issued_at",
        Column("status_label", label=_("État")),
    ]
    search_fields = ["holder", "user__email", "code"]
    ordering = "-issued_at"

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_permissions_to_register(self):
        """Only what a view checks: certificates are never added, edited or
        deleted by hand."""
        unused = ["add_certificate", "change_certificate", "delete_certificate"]
        return super().get_permissions_to_register().exclude(codename__in=unused)

    @property
    def url_finder_class(self):
        finder = super().url_finder_class
        finder.edit_url_name = self.get_url_name("inspect")
        return finder

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path(
                "revoke/<int:pk>/",
                admin_views.CertificateRevokeView.as_view(),
                name="revoke",
            ),
            path(
                "reissue/<int:pk>/",
                admin_views.CertificateReissueView.as_view(),
                name="reissue",
            ),
        ]


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-empty"
    menu_label = _("Modèles d'attestation")
    list_display = ["name", "path", "issuer_name"]
    search_fields = ["name", "issuer_name"]


class BatchMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.BULK)


class CertificateBatchViewSet(ViewSet):
    name = "certificate_batches"
    icon = "repeat"
    menu_label = _("Émettre pour un parcours")
    menu_item_class = BatchMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.BatchCreateView.as_view(), name="create"),
            path("<int:pk>/", admin_views.BatchProgressView.as_view(), name="progress"),
            path("<int:pk>/etat/", admin_views.batch_status, name="status"),
        ]


class CertificationViewSetGroup(ModelViewSetGroup):
    menu_label = _("Attestations")
    menu_icon = ICON
    menu_order = 230
    items = (CertificateViewSet, CertificateTemplateViewSet, CertificateBatchViewSet)
