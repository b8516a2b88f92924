from django.core.management.base import BaseCommand

from cms.demo.loader import demo_data_load


class Command(BaseCommand):
    help = "Crée le contenu de démonstration (parcours, comptes) s'il n'existe pas."

    def handle(self, *args, **options):
        result = demo_data_load()
        self.stdout.write(
            f"Démo prête : {result['paths_created']} parcours créés, "
            f"{result['exercises_added']} exercices H5P ajoutés, "
            f"{result['english_created']} pages traduites en anglais, "
            f"{result['accounts_created']} comptes créés."
        )
