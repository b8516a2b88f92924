"""Where reads go when a read replica is configured (docs/deployment.md).

Coordinators' dashboards and exports read the rollup tables, which Celery beat
rewrites every minute; a PostgreSQL read replica a few seconds behind serves
them as well as the primary, and takes that load off it. With
``REPORTING_DATABASE_URL`` set, settings define the ``reporting`` alias and
this router sends there the reads, and only the reads, of reporting's rollup
models. Everything else stays on ``default``:

- writes, and migrations (the replica copies the primary's schema);
- reads inside a transaction on ``default`` (the rollup refresh reads what it
  has just written, and ``select_for_update`` needs the primary);
- the models a view reads back right after writing them (an export job just
  requested, a training contact just saved), which a lagging replica would not
  have yet.
"""

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPORTING_DB_ALIAS = "reporting"
REPORTING_APP = "reporting"
PRIMARY_ONLY_MODELS = {"exportjob", "trainingcontact"}


def _replica_configured() -> bool:
    return REPORTING_DB_ALIAS in settings.DATABASES


class ReportingRouter:
    def db_for_read(self, model, **hints):
        meta = model._meta
        if meta.app_label != REPORTING_APP or meta.model_name in PRIMARY_ONLY_MODELS:
            return None
        if not _replica_configured():
            return None
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return REPORTING_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        """The replica holds the primary's rows: objects from either relate."""
        both = {obj1._state.db, obj2._state.db}
        return both <= {DEFAULT_DB_ALIAS, REPORTING_DB_ALIAS, None} or None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return False if db == REPORTING_DB_ALIAS else None
