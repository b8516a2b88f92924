from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from courses import h5p
from courses.services import h5p_content_import


class Command(BaseCommand):
    help = "Importe un paquet .h5p et affiche l'identifiant du contenu créé."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--title", default="")

    def handle(self, *args, path, title, **options):
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}")
        try:
            content = h5p_content_import(source=path, title=title, filename=path.name)
        except h5p.H5PPackageError as error:
            raise CommandError(error.message) from error
        self.stdout.write(str(content.pk))
