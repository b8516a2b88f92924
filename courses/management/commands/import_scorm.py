from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from courses.scorm import ScormPackageError
from courses.scorm.services import scorm_package_import


class Command(BaseCommand):
    help = (
        "Importe un paquet SCORM 1.2 ou 2004 (.zip) et affiche l'identifiant "
        "du contenu créé ; un paquet refusé l'est avec la raison, sans rien "
        "enregistrer."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--title", default="")

    def handle(self, *args, path, title, **options):
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}")
        try:
            with path.open("rb") as source:
                package = scorm_package_import(
                    source=source, title=title, filename=path.name
                )
        except ScormPackageError as error:
            raise CommandError(error.message) from error
        self.stdout.write(str(package.pk))
