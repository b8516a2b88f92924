from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from courses import h5p, services
from courses.models import H5PContent, Theme
from courses.panels import H5PPackageInfoPanel


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

    def get_panel(self):
        panel = ObjectList([FieldPanel("package"), FieldPanel("title")])
        return panel.bind_to_model(H5PContent)

    def get_form_class(self):
        return H5PUploadForm

    def save_instance(self):
        package = self.form.cleaned_data["package"]
        return services.h5p_content_import(
            source=package,
            title=self.form.cleaned_data.get("title") or "",
            filename=package.name,
            user=self.request.user,
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except h5p.H5PPackageError as error:
            form.add_error("package", error.message)
            self.produced_error_message = _("Ce paquet H5P a été refusé.")
            return self.form_invalid(form)


class H5PContentViewSet(SnippetViewSet):
    model = H5PContent
    icon = "form"
    menu_label = _("Contenus H5P")
    menu_order = 220
    add_to_admin_menu = True
    add_view_class = H5PCreateView
    list_display = ["title", "main_library", "licence", "created_at"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            H5PPackageInfoPanel(heading=_("Paquet importé")),
        ]
    )
