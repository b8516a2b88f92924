"""Text answers are gzip-compressed for browsers that accept it; binary files
and partial (range) answers are not."""

import gzip

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from cms.middleware import CompressTextMiddleware

pytestmark = pytest.mark.django_db

PAGE = "<html><body>" + "<p>Cybersécurité municipale.</p>" * 200 + "</body></html>"


def _through(response, accept="gzip, deflate, br"):
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING=accept)
    return CompressTextMiddleware(lambda r: response)(request)


def test_a_page_is_compressed_and_varies_on_accept_encoding():
    response = _through(HttpResponse(PAGE, content_type="text/html; charset=utf-8"))

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content).decode() == PAGE
    assert len(response.content) < len(PAGE.encode()) / 5


def test_json_is_compressed():
    response = _through(HttpResponse('{"a": "' + "x" * 500 + '"}', "application/json"))

    assert response["Content-Encoding"] == "gzip"


def test_nothing_is_compressed_for_a_client_that_does_not_ask():
    response = _through(HttpResponse(PAGE, content_type="text/html"), accept="")

    assert not response.has_header("Content-Encoding")


@pytest.mark.parametrize("content_type", ["image/png", "font/woff2", "video/mp4"])
def test_binary_files_are_left_alone(content_type):
    response = _through(HttpResponse(b"\x00" * 5000, content_type=content_type))

    assert not response.has_header("Content-Encoding")


def test_a_partial_answer_stays_byte_exact():
    partial = HttpResponse("x" * 5000, content_type="text/plain", status=206)

    assert not _through(partial).has_header("Content-Encoding")


def test_the_site_answers_compressed(client):
    response = client.get("/compte/connexion/", HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"


def test_the_players_library_bundles_are_compressed_and_cookieless(client):
    """A library's script bundle, on the player's host: gzip on the wire, kept
    for good, and no cookie set there."""
    from courses.player import libraries_path
    from courses.services import h5p_content_import
    from tests.courses.h5p_builders import MAIN, build, package_files

    files = package_files()
    files[f"{MAIN}/scripts/sample.js"] = "H5P.Sample = function () {};\n" * 400
    content = h5p_content_import(source=build(files), title="Exemple")
    base = f"{libraries_path(content.libraries.all())}/{content.main_library.folder}"

    response = client.get(
        f"{base}/virage-bundle.js",
        HTTP_HOST="h5p.testserver",
        HTTP_ACCEPT_ENCODING="gzip",
    )

    assert response["Content-Encoding"] == "gzip"
    assert "immutable" in response["Cache-Control"]
    assert b"H5P.Sample" in gzip.decompress(response.content)
    assert len(response.content) < 2_000
    assert not response.cookies
