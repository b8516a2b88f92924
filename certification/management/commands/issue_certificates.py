from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Locale

from certification import services
from courses.models import LearningPathPage


class Command(BaseCommand):
    help = "Émet les attestations de toutes les personnes ayant terminé un parcours."

    def add_arguments(self, parser):
        parser.add_argument("--path", required=True, help="Identifiant (slug).")
        parser.add_argument(
            "--reissue", action="store_true", help="Réémettre les existantes."
        )

    def handle(self, *args, path, reissue, **options):
        learning_path = LearningPathPage.objects.filter(
            slug=path, locale=Locale.get_default()
        ).first()
        if learning_path is None:
            raise CommandError(_("Aucun parcours n'a l'identifiant « %s ».") % path)
        batch = services.certificate_batch_create(
            path=learning_path, reissue=reissue, enqueue=False
        )
        batch = services.certificates_issue_for_path(batch_id=batch.pk)
        if reissue:
            message = _("%(issued)d attestations émises, %(reissued)d réémises.")
        else:
            message = _("%(issued)d attestations émises, %(skipped)d déjà émises.")
        skipped = batch.processed - batch.issued - batch.reissued
        self.stdout.write(
            message
            % {"issued": batch.issued, "reissued": batch.reissued, "skipped": skipped}
        )
