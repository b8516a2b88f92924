"""SCORM on the player's origin: the wrapper page and the package's files."""

import pytest

from courses.scorm.player import files_base, package_key, wrapper_url
from tests.fixtures.scorm.builders import multi_sco_2004
from tests.fixtures.scorm.lessons import imported

pytestmark = pytest.mark.django_db

PLAYER = "h5p.testserver"
SITE = "http://testserver"


@pytest.fixture
def package(db):
    return imported(multi_sco_2004())


def on_player(client, url):
    return client.get(url, HTTP_HOST=PLAYER)


def test_wrapper_url_is_on_the_player_origin(package):
    sco = package.scos.first()
    url = wrapper_url(package_pk=package.pk, sco_pk=sco.pk, parent_origin=SITE)
    assert url.startswith(f"http://{PLAYER}/scorm/lecteur/{package.pk}/")
    assert package_key(package.pk) in url and "parent=http%3A%2F%2Ftestserver" in url


def test_wrapper_page(client, package):
    sco = package.scos.order_by("position")[1]
    url = wrapper_url(package_pk=package.pk, sco_pk=sco.pk, parent_origin=SITE)
    response = on_player(client, url.removeprefix(f"http://{PLAYER}"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "vendor/scorm-again/dist/scorm-again.min.js" in page
    assert "courses/scorm-frame.js" in page
    assert files_base(package.pk) + "chapitre2/index.html" in page
    policy = response["Content-Security-Policy"]
    assert f"frame-ancestors {SITE}" in policy and "connect-src 'none'" in policy
    assert not response.cookies


@pytest.mark.parametrize(
    "parent", ["http://h5p.testserver", "https://evil.example", "javascript:x", ""]
)
def test_wrapper_refuses_a_parent_that_is_not_the_site(client, package, parent):
    sco = package.scos.first()
    base = f"/scorm/lecteur/{package.pk}/{package_key(package.pk)}/{sco.pk}/"
    assert on_player(client, f"{base}?parent={parent}").status_code == 404


def test_wrong_key_other_package_sco_and_site_host_find_nothing(client, package):
    sco = package.scos.first()
    other = imported(multi_sco_2004()).scos.first()
    key = package_key(package.pk)
    assert (
        on_player(
            client, f"/scorm/lecteur/{package.pk}/{'0' * 32}/{sco.pk}/?parent={SITE}"
        ).status_code
        == 404
    )
    assert (
        on_player(
            client, f"/scorm/lecteur/{package.pk}/{key}/{other.pk}/?parent={SITE}"
        ).status_code
        == 404
    )
    assert (
        client.get(
            f"/scorm/lecteur/{package.pk}/{key}/{sco.pk}/?parent={SITE}"
        ).status_code
        == 404
    )
    assert client.get(files_base(package.pk) + "shared/sco.js").status_code == 404


def test_package_files(client, package):
    script = on_player(client, files_base(package.pk) + "shared/sco.js")
    assert script.status_code == 200
    assert b"API_1484_11" in b"".join(script.streaming_content)
    assert "immutable" in script["Cache-Control"]
    assert script["X-Content-Type-Options"] == "nosniff"
    assert (
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'"
        in script["Content-Security-Policy"]
    )
    assert "form-action 'none'" in script["Content-Security-Policy"]
    assert not script.cookies
    page = on_player(client, files_base(package.pk) + "chapitre1/index.html")
    assert page["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    "path", ["imsmanifest2.xml", "../imsmanifest.xml", "chapitre1/../../x", "absent.js"]
)
def test_files_outside_the_package_are_not_found(client, package, path):
    assert on_player(client, files_base(package.pk) + path).status_code == 404


def test_wrong_key_for_files(client, package):
    url = f"/scorm/lecteur/{package.pk}/{'a' * 32}/f/shared/sco.js"
    assert on_player(client, url).status_code == 404
