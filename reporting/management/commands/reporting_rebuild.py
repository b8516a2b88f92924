from django.core.management.base import BaseCommand

from reporting.rollup import rollup_compact, rollup_rebuild


class Command(BaseCommand):
    help = "Recompute the participation rollup tables from the source tables."

    def handle(self, *args, **options):
        state = rollup_rebuild()
        rollup_compact()
        self.stdout.write(f"Rollup rebuilt in {state.duration_ms} ms.")
