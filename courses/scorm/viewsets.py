"""The admin's "Contenus SCORM": upload through the import service, then
edit the title, licence and author; Wagtail adds preview and usage."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from courses.models import ScormPackage
from courses.scorm.errors import ScormPackageError
from courses.scorm.services import scorm_package_import


class ScormUploadForm(WagtailAdminModelForm):
    package = forms.FileField(
        label=_("Paquet SCORM (.zip)"),
        help_text=_(
            "Le fichier .zip exporté par l'outil auteur (SCORM 1.2 ou SCORM 2004 ; "
            "128 Mo par fichier, 256 Mo au total)."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip"}),
    )

    class Meta:
        model = ScormPackage
        fields = ["title", "licence", "author"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Le titre du paquet si vide.")


class ScormCreateView(CreateView):
    """Creating a SCORM content means importing a package through the service."""

    preview_enabled = False

    def get_panel(self):
        panel = ObjectList(
            [
                FieldPanel("package"),
                FieldPanel("title"),
                FieldPanel("licence"),
                FieldPanel("author"),
            ]
        )
        return panel.bind_to_model(ScormPackage)

    def get_form_class(self):
        return ScormUploadForm

    def save_instance(self):
        data = self.form.cleaned_data
        return scorm_package_import(
            source=data["package"],
            title=data.get("title") or "",
            licence=data.get("licence") or "U",
            author=data.get("author") or "",
            filename=data["package"].name,
            user=self.request.user,
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ScormPackageError as error:
            form.add_error("package", error.message)
            self.produced_error_message = _("Ce paquet SCORM a été refusé.")
        return self.form_invalid(form)


class ScormPackageInfoPanel(Panel):
    """What the imported package says: version, items, size. Read-only: a
    new version of the package is a new import."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/scorm/package_info.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["package"] = self.instance
            context["scos"] = self.instance.scos.all() if self.instance.pk else []
            return context


class ScormPackageViewSet(SnippetViewSet):
    model = ScormPackage
    icon = "form"
    menu_label = _("Contenus SCORM")
    menu_order = 225
    add_to_admin_menu = True
    add_view_class = ScormCreateView
    list_display = [
        "title",
        Column("version_label", label=_("Version")),
        Column("licence_label", label=_("Licence")),
        "created_at",
    ]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("licence"),
            FieldPanel("author"),
            ScormPackageInfoPanel(heading=_("Paquet importé")),
        ]
    )
