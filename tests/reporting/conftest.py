"""A small province, computed by hand (see ``EXPECTED`` in ``fixtures.py``)."""

import pytest


@pytest.fixture
def province(site, municipalities):
    from tests.reporting.fixtures import build_province

    return build_province(site)
