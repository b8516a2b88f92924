import pytest

pytestmark = pytest.mark.django_db


def test_french_is_the_default_even_for_an_english_browser(client, site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr-ca">' in page
    assert "Se connecter" in page
    assert 'href="/catalogue/"' in page


def test_english_on_switch(client, site):
    home = client.get("/").content.decode()
    assert 'href="/en/" lang="en"' in home  # the switch link

    response = client.get("/en/")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in page
    assert "Sign in" in page and "Se connecter" not in page
    assert 'href="/en/catalogue/"' in page
    assert 'href="/" lang="fr-ca"' in page  # and back


def test_english_catalogue_and_forms(client, site, municipalities):
    catalogue = client.get("/en/catalogue/").content.decode()
    assert "All themes" in catalogue

    form = client.post("/en/compte/inscription/", {"email": "x"})
    assert "Enter a valid email address." in form.content.decode()
    assert "Choose your municipality." in form.content.decode()


def test_themes_show_their_english_name_in_english(client, site):
    page = client.get("/en/catalogue/").content.decode()

    assert "Cybersecurity" in page


def test_french_only_pages_say_so_in_english(client, site):
    english = client.get("/en/catalogue/").content.decode()
    french = client.get("/catalogue/").content.decode()

    assert "This content is only available in French for now." in english
    assert 'class="message" lang=' in english
    assert 'class="message" lang=' not in french


def test_untranslated_paths_link_under_en_and_are_marked_french(client, site):
    """No English page yet: the button and the cards still lead to /en/ URLs
    (the French page under the English prefix), and French text says so."""
    path_url = site["path"].url

    for url in ("/en/", "/en/catalogue/"):
        page = client.get(url).content.decode()
        assert f'<a href="/en{path_url}">' in page
        assert f'<a href="{path_url}">' not in page
        assert '<h3 lang="fr-ca">' in page
    home = client.get("/en/").content.decode()
    assert '<a class="button" href="/en/catalogue/">' in home
    french = client.get("/").content.decode()
    assert f'<h3><a href="{path_url}">' in french
    assert 'lang="fr-ca"><a' not in french
