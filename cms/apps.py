from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site Virage")

    def ready(self):
        from django.db.models.signals import post_save

        from cms import checks  # noqa: F401  (registers them)
        from cms.permissions import (
            catalogue_grant_trainers,
            staff_groups_sync_after_migrate,
        )
        from courses.models import LearningPathIndexPage

        post_migrate.connect(staff_groups_sync_after_migrate)
        post_save.connect(catalogue_grant_trainers, sender=LearningPathIndexPage)
