from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Protection des renseignements personnels")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from privacy.models import PrivacyNotice, PrivacySettings
        from privacy.selectors import privacy_caches_clear

        for model in (PrivacyNotice, PrivacySettings):
            post_save.connect(privacy_caches_clear, sender=model)
            post_delete.connect(privacy_caches_clear, sender=model)
