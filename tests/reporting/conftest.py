"""A small province, computed by hand (see ``EXPECTED`` in ``fixtures.py``)."""

import pytest
from django.db import connection

from certification.models import Certificate


@pytest.fixture(scope="session")
def certificate_table(django_db_setup, django_db_blocker):
    """The certification app's table, created from its model while its
    migration is being written; a no-op once the migration exists."""
    with django_db_blocker.unblock():
        if Certificate._meta.db_table not in connection.introspection.table_names():
            with connection.schema_editor() as editor:
                editor.create_model(Certificate)


@pytest.fixture
def province(certificate_table, site, municipalities):
    from tests.reporting.fixtures import build_province

    return build_province(site)
