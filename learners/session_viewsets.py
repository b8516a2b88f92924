"""Training sessions in the Wagtail admin, for trainers."""

import django_filters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.widgets import Button
from wagtail.models import Locale
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    IndexView,
    SnippetViewSet,
)

from courses.models import TrainingSession
from learners.selectors.sessions import session_manage_allowed, sessions_with_counts
from learners.services.sessions import session_update


def trainer_choices():
    """People who reach the admin: only they can give a session."""
    admin_access = Q(
        groups__permissions__codename="access_admin",
        groups__permissions__content_type__app_label="wagtailadmin",
    )
    users = get_user_model().objects.filter(is_active=True)
    return (
        users.filter(admin_access | Q(is_superuser=True))
        .distinct()
        .order_by("last_name", "first_name")
    )


class TrainingSessionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "trainer" in self.fields:
            self.fields["trainer"].queryset = trainer_choices()
        if "module" in self.fields:
            # Sessions belong to the original (French) modules, not their translations.
            field = self.fields["module"]
            field.queryset = field.queryset.filter(locale=Locale.get_default())
        if "municipality" in self.fields:
            # Homonyms (two Saint-Elzéar, two Bedford…) told apart by their region.
            field = self.fields["municipality"]
            field.queryset = field.queryset.select_related("region")
            field.label_from_instance = lambda municipality: municipality.label


class TrainingSessionFilterSet(WagtailFilterSet):
    upcoming = django_filters.BooleanFilter(
        label=_("À venir"), method="filter_upcoming"
    )

    class Meta:
        model = TrainingSession
        fields = ["module", "session_format", "upcoming"]

    def filter_upcoming(self, queryset, name, value):
        if value is None:
            return queryset
        now = timezone.now()
        return (
            queryset.filter(ends_at__gt=now)
            if value
            else queryset.filter(ends_at__lte=now)
        )


class AttendanceButton(Button):
    allow_in_dropdown = False


class SessionTitleColumn(TitleColumn):
    """The session's own title, or its module's when it was given none."""

    def get_value(self, instance):
        return instance.display_title


class TrainingSessionIndexView(IndexView):
    def _get_title_column(self, field_name, column_class=SessionTitleColumn, **kw):
        return super()._get_title_column(field_name, column_class, **kw)

    def get_edit_url(self, instance):
        if session_manage_allowed(user=self.request.user, session=instance):
            return super().get_edit_url(instance)
        return None

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if session_manage_allowed(user=self.request.user, session=instance):
            url = reverse("session_attendance:sheet", args=[instance.pk])
            label = _("Feuille de présence")
            button = AttendanceButton(
                label,
                url,
                icon_name="list-ul",
                classname="button button-small button-secondary",
            )
            buttons.insert(0, button)
        return buttons


class TrainingSessionCreateView(CreateView):
    def get_initial(self):
        return {**super().get_initial(), "trainer": self.request.user.pk}


class TrainingSessionEditView(EditView):
    def get_object(self, queryset=None):
        session = super().get_object(queryset)
        if not session_manage_allowed(user=self.request.user, session=session):
            raise PermissionDenied
        return session

    def save_instance(self):
        instance = super().save_instance()
        session_update(session=instance, changed_fields=self.form.changed_data)
        return instance


class TrainingSessionViewSet(SnippetViewSet):
    model = TrainingSession
    icon = "date"
    menu_label = _("Séances")
    menu_order = 230
    add_to_admin_menu = True
    index_view_class = TrainingSessionIndexView
    add_view_class = TrainingSessionCreateView
    edit_view_class = TrainingSessionEditView
    filterset_class = TrainingSessionFilterSet
    list_display = [
        "title",
        "module",
        "session_format",
        "starts_at",
        "capacity",
        Column("registered_count", label=_("Inscrit·e·s"), sort_key="registered_count"),
        "trainer",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("module"),
            FieldPanel("title"),
            FieldPanel("session_format"),
            FieldRowPanel(
                [FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Horaire")
            ),
            FieldPanel("registration_deadline"),
            FieldPanel("capacity"),
            FieldPanel("trainer"),
            MultiFieldPanel(
                [FieldPanel("address"), FieldPanel("municipality")],
                heading=_("En présence"),
            ),
            FieldPanel("virtual_url"),
            FieldPanel("details"),
            MultiFieldPanel(
                [FieldPanel("cancelled_at"), FieldPanel("cancellation_reason")],
                heading=_("Annulation"),
            ),
        ],
        base_form_class=TrainingSessionForm,
    )

    def get_queryset(self, request):
        queryset = TrainingSession.objects.select_related("module", "trainer")
        return sessions_with_counts(queryset)
