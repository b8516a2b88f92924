from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from territory.services import municipalities_load


class Command(BaseCommand):
    help = "Charge (ou met à jour) les régions, MRC et municipalités du Québec."

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory", type=Path, default=settings.MUNICIPALITY_DATA_DIR
        )

    def handle(self, *args, directory, **options):
        counts = municipalities_load(directory=directory)
        self.stdout.write(
            f"{counts.regions} régions, {counts.mrcs} MRC, "
            f"{counts.municipalities} municipalités "
            f"({counts.created} créées, {counts.updated} mises à jour)."
        )
