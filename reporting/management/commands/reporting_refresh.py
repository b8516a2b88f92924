from django.core.management.base import BaseCommand

from reporting.rollup import rollup_refresh


class Command(BaseCommand):
    help = "Bring the participation rollup up to date (what Celery beat runs)."

    def handle(self, *args, **options):
        state = rollup_refresh()
        if state is None:
            self.stdout.write("Another refresh is running.")
        else:
            self.stdout.write(f"Rollup refreshed in {state.duration_ms} ms.")
