"""Export buttons: a large export answers with a redirect to its job page, so
no link may carry ``download`` (the browser would save that page as
``download.html``)."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse

from reporting.rollup import rollup_refresh

pytestmark = pytest.mark.django_db

EXPORT_LINK = re.compile(r'<a\b[^>]*href="([^"]*\.(?:csv|xlsx)[^"]*)"[^>]*>')


def export_links(html: str) -> list[tuple[str, str]]:
    return [(m.group(0), m.group(1)) for m in EXPORT_LINK.finditer(html)]


@pytest.mark.parametrize("page", ["municipalities", "absent", "dashboard"])
@override_settings(REPORTING_EXPORT_ASYNC_ROWS=100)
def test_export_links_follow_the_redirect_of_a_large_export(
    client, province, coordinator, page
):
    rollup_refresh()
    client.force_login(coordinator)

    html = client.get(reverse(f"reporting:{page}")).content.decode()

    links = export_links(html)
    assert links
    for tag, _href in links:
        assert not re.search(r"\sdownload[\s>=]", tag), tag
    if page != "dashboard":
        _tag, href = next(link for link in links if ".csv" in link[1])
        response = client.get(href.replace("&amp;", "&"))
        assert response.status_code == 302
        assert "/exports/" in response.url
