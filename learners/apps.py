from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearnersConfig(AppConfig):
    name = "learners"
    verbose_name = _("Apprenants et municipalités")

    def ready(self):
        # Connects the receivers learners keeps for itself (the kept exercise
        # rules are forgotten when a lesson is saved).
        from learners import signals  # noqa: F401
