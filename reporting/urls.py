from django.urls import path, register_converter

from reporting.views import dashboard, exports, municipality


class FileFormat:
    regex = "csv|xlsx"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FileFormat, "format")

app_name = "reporting"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("municipalites/", dashboard.municipalities, name="municipalities"),
    path("municipalites-absentes/", dashboard.absent, name="absent"),
    path("municipalites/<str:code>/", municipality.municipality, name="municipality"),
    path(
        "municipalites/<str:code>/export/<slug:table>.<format:file_format>",
        exports.municipality_export,
        name="municipality_export",
    ),
    path("export/<slug:table>.<format:file_format>", exports.export, name="export"),
    path("exports/<int:pk>/", exports.export_job, name="export_job"),
    path("exports/<int:pk>/statut/", exports.export_status, name="export_status"),
    path("exports/<int:pk>/fichier/", exports.export_download, name="export_download"),
]
