from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.errors import ApplicationError
from learners.models import ImportStatus
from learners.services.enrolment_import import enrolment_import_file


class Command(BaseCommand):
    help = "Inscrit en lot les personnes d'un fichier CSV à leurs parcours."

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("Fichier CSV à importer"))

    def handle(self, *args, file, **options):
        try:
            result = enrolment_import_file(path=file)
        except ApplicationError as error:
            raise CommandError(error.message) from None
        if result.status == ImportStatus.FAILED:
            raise CommandError(result.error)
        imported = ngettext(
            "%(count)s ligne importée", "%(count)s lignes importées", result.imported
        ) % {"count": result.imported}
        refused = ngettext(
            "%(count)s refusée", "%(count)s refusées", result.refused
        ) % {"count": result.refused}
        self.stdout.write(f"{imported}, {refused}.")
        for entry in result.report:
            self.stdout.write(_("ligne %(line)s : %(reason)s") % entry)
