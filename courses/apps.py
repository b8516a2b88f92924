from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Catalogue de formation")

    def ready(self):
        from courses import signals

        signals.connect()
