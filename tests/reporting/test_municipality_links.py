"""Municipality lists: each row is named and linked by the municipality's
name, and counts are grouped as everywhere else (1 122, not 1122)."""

import re

import pytest
from django.urls import reverse

from reporting.models import ExportJob, ExportStatus
from reporting.rollup import rollup_refresh
from reporting.views.exports import _status_text
from territory.models import Municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client, province, coordinator):
    rollup_refresh()
    client.force_login(coordinator)
    return client


@pytest.mark.parametrize("page", ["municipalities", "absent"])
def test_rows_are_linked_by_the_municipality_name(coordinator_client, page):
    html = coordinator_client.get(reverse(f"reporting:{page}")).content.decode()

    links = re.findall(
        r'<th scope="row"><a href="/participation/municipalites/(\d+)/">([^<]+)</a>',
        html,
    )
    assert links
    names = dict(Municipality.objects.values_list("code", "name"))
    for code, text in links:
        assert text == names[code].replace("'", "&#x27;")


def test_the_municipality_count_is_grouped(coordinator_client):
    total = Municipality.objects.count()
    assert total >= 1000

    html = coordinator_client.get(reverse("reporting:municipalities")).content.decode()

    grouped = f"{total:,}".replace(",", "\u00a0")
    assert f"<p>{grouped} municipalités</p>" in html


def test_export_progress_counts_are_grouped(coordinator):
    job = ExportJob(
        requested_by=coordinator,
        status=ExportStatus.RUNNING,
        processed=1000,
        total=1122,
    )

    assert _status_text(job) == "1\u00a0000 lignes écrites sur 1\u00a0122"
