import functools

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from courses import h5p, services
from courses.models import H5PContent, H5PLibrary, Theme
from courses.panels import H5PPackageInfoPanel
from courses.selectors import h5p_content_warnings


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thèmes")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]


class H5PUploadForm(WagtailAdminModelForm):
    package = forms.FileField(
        label=_("Paquet H5P (.h5p)"),
        help_text=_(
            "Le fichier exporté depuis l'éditeur H5P "
            "(16 Mo par fichier, 64 Mo au total)."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
    )

    class Meta:
        model = H5PContent
        fields = ["title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Le titre du paquet si vide.")


class H5PCreateView(CreateView):
    """Creating an H5P content means importing a package through the service."""

    preview_enabled = False
    pending_updates = None

    def get_panel(self):
        panel = ObjectList([FieldPanel("package"), FieldPanel("title")])
        return panel.bind_to_model(H5PContent)

    def get_form_class(self):
        return H5PUploadForm

    def save_instance(self):
        data = self.form.cleaned_data
        return services.h5p_content_import(
            source=data["package"],
            title=data.get("title") or "",
            filename=data["package"].name,
            user=self.request.user,
            confirmed_updates=self._confirmed_updates(),
        )

    def _confirmed_updates(self) -> str:
        """The fingerprint of the updates shown, if the box was ticked. Not
        form fields: the upload template adds them only after showing the
        updates, and the panel would otherwise render them on every upload."""
        if not self.request.POST.get("confirm_update"):
            return ""
        return self.request.POST.get("update_fingerprint", "")

    def form_valid(self, form):
        try:
            response = super().form_valid(form)
        except h5p.H5PPackageError as error:
            form.add_error("package", error.message)
            self.produced_error_message = _("Ce paquet H5P a été refusé.")
        except services.H5PLibraryUpdatePending as pending:
            self.pending_updates = pending
            form.add_error(
                "package",
                _(
                    "Ce paquet met à jour des bibliothèques installées, utilisées "
                    "par tous les contenus. Vérifiez les fichiers modifiés, cochez "
                    "« Confirmer la mise à jour » et choisissez de nouveau le "
                    "fichier."
                ),
            )
            self.produced_error_message = _("Mise à jour à confirmer.")
        else:
            for warning in h5p_content_warnings(content=self.object):
                messages.warning(self.request, warning)
            return response
        return self.form_invalid(form)

    def get_context_data(self, **kwargs):
        return super().get_context_data(pending_updates=self.pending_updates, **kwargs)


class H5PContentViewSet(SnippetViewSet):
    model = H5PContent
    icon = "form"
    menu_label = _("Contenus H5P")
    menu_order = 220
    add_to_admin_menu = True
    add_view_class = H5PCreateView
    create_template_name = "courses/admin/h5p_upload.html"
    list_display = [
        "title",
        "main_library",
        Column("licence_label", label=_("Licence")),
        "created_at",
    ]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            H5PPackageInfoPanel(heading=_("Paquet importé")),
        ]
    )


class H5PLibraryPermissionPolicy(ModelPermissionPolicy):
    """Libraries are seen only by those who may install them, and change only
    through an import: the admin never adds, edits or deletes one."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, "install")

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["install"])


def _forbidden_as_403(view):
    """Wagtail answers a refusal with a redirect to the dashboard; this page
    answers 403, a refusal that says so."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as error:
            return defaults.permission_denied(request, error)

    return wrapped


class H5PLibraryIndexView(generic.IndexView):
    default_ordering = "machine_name"

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("installed_by")
            .annotate(content_count=Count("contents"))
        )


class H5PLibraryInspectView(generic.InspectView):
    template_name = "courses/admin/h5p_library_inspect.html"
    fields = ["machine_name", "title", "origin_filename", "installed_at"]

    def get_context_data(self, **kwargs):
        library = self.object
        return super().get_context_data(
            library=library,
            file_hashes=sorted(library.file_hashes.items()),
            contents=library.contents.order_by("title"),
            installs=library.installs.select_related("installed_by"),
            **kwargs,
        )


class H5PLibraryViewSet(ModelViewSet):
    model = H5PLibrary
    icon = "code"
    menu_label = _("Bibliothèques H5P")
    menu_order = 230
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = H5PLibraryIndexView
    inspect_view_class = H5PLibraryInspectView
    form_fields = ["title"]
    search_fields = ["machine_name", "title"]
    list_display = [
        "machine_name",
        Column("version", label=_("Version")),
        "origin_filename",
        "installed_at",
        Column("installed_by", label=_("Installée par"), accessor="installer"),
        Column("files_sha256", label=_("SHA-256 des fichiers")),
        Column("content_count", label=_("Contenus")),
    ]

    def construct_view(self, view_class, **kwargs):
        return _forbidden_as_403(super().construct_view(view_class, **kwargs))

    def get_permissions_to_register(self):
        """Only the install permission is granted in the group editor."""
        return Permission.objects.filter(
            content_type__app_label="courses", codename="install_h5plibrary"
        )
