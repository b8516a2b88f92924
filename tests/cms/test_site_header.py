"""The site header is drawn once per language and kind of menu and kept by
each process (``cms.templatetags.virage.site_header``, issue 15): what
differs per request (the search text, the CSRF token, the links to this page
in the other languages) and per person (their menu) is never shared."""

import re

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _header(html):
    return re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)


def test_each_request_gets_its_own_token_and_search_text(client, site, learner):
    client.force_login(learner)
    first = client.get("/recherche/", {"q": "cyber"}).content.decode()
    client.logout()
    client.force_login(UserFactory())
    second = client.get("/recherche/", {"q": '<script>"x"</script>'}).content.decode()

    assert 'value="cyber"' in _header(first)
    assert "&lt;script&gt;&quot;x&quot;&lt;/script&gt;" in _header(second)
    assert "<script>" not in _header(second)

    def tokens(html):
        meta = re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)
        form = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        return meta, form

    first_meta, first_form = tokens(first)
    second_meta, second_form = tokens(second)
    assert first_meta == first_form and second_meta == second_form
    assert first_form != second_form


def test_the_language_link_points_at_this_page(client, site):
    lesson = site["lesson"]
    for url in (site["path"].url, lesson.url):
        header = _header(client.get(url).content.decode())
        assert f'href="/en{url}"' in header and 'hreflang="en"' in header

    english = _header(client.get("/en" + site["path"].url).content.decode())
    assert f'href="{site["path"].url}"' in english and "Catalogue" in english
    assert "Sign in" in english or "Se connecter" not in english


def test_menus_are_not_shared_between_people(client, site, learner):
    staff = UserFactory(is_staff=True)

    client.force_login(learner)
    as_learner = _header(client.get("/").content.decode())
    client.force_login(staff)
    as_staff = _header(client.get("/").content.decode())
    client.force_login(learner)
    again = _header(client.get("/").content.decode())
    client.logout()
    visitor = _header(client.get("/").content.decode())

    assert 'href="/admin/"' not in as_learner and 'href="/admin/"' in as_staff
    assert 'href="/admin/"' not in again
    assert "Se déconnecter" in as_learner and "Se déconnecter" not in visitor
    assert "Se connecter" in visitor and "Créer un compte" in visitor
