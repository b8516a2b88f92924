from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationConfig(AppConfig):
    name = "certification"
    verbose_name = _("Attestations")

    def ready(self):
        from certification.receivers import issue_on_path_completed
        from learners.signals import path_completed

        path_completed.connect(
            issue_on_path_completed, dispatch_uid="certification_issue_on_completion"
        )
