from django.core.management.base import BaseCommand

from privacy.services.retention import retention_apply


class Command(BaseCommand):
    help = "Applique les durées de conservation (ce que fait la tâche quotidienne)."

    def handle(self, *args, **options):
        for rule, count in retention_apply().counts.items():
            self.stdout.write(f"{rule}: {count}")
