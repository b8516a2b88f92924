"""Links that leave the site follow the address it was reached at, unless
production names its public address."""

import pytest

from certification.selectors import certificate_verification_url
from core.site_url import RequestOriginMiddleware, absolute_url

pytestmark = pytest.mark.django_db


def test_without_a_request_the_setting_is_used(settings):
    settings.VIRAGE_BASE_URL_FROM_REQUEST = True
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000/"

    assert absolute_url("/compte/") == "http://127.0.0.1:8000/compte/"


def test_production_names_its_address_whatever_the_request(rf, settings):
    settings.VIRAGE_BASE_URL_FROM_REQUEST = False
    settings.WAGTAILADMIN_BASE_URL = "https://virage.example"

    seen = []
    middleware = RequestOriginMiddleware(
        lambda request: seen.append(absolute_url("/a/"))
    )
    middleware(rf.get("/", HTTP_HOST="testserver"))

    assert seen == ["https://virage.example/a/"]


def test_in_development_a_link_follows_the_host_and_port_served(rf, settings):
    settings.VIRAGE_BASE_URL_FROM_REQUEST = True

    seen = []
    middleware = RequestOriginMiddleware(
        lambda request: seen.append(
            certificate_verification_url(code="ABCD2345EFGH6789")
        )
    )
    middleware(rf.get("/", HTTP_HOST="localhost:8123"))

    assert seen[0].startswith("http://localhost:8123/attestations/verifier/")
