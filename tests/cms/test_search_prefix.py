"""Search finds what people type: word beginnings, with or without accents."""

import pytest

from cms.selectors import site_search
from courses.models import LessonPage
from tests.factories import publish

pytestmark = pytest.mark.django_db


def _titles(client, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["results"]]


def test_a_word_beginning_finds_the_path(client, site):
    assert _titles(client, "cyber") == ["Cybersécurité pour les élu·e·s"]


def test_without_accents_finds_accented_titles(client, site):
    assert _titles(client, "elu") == ["Cybersécurité pour les élu·e·s"]
    assert _titles(client, "hamecon") == ["L'hameçonnage"]


def test_an_unaccented_word_finds_an_accented_title_word(client, site):
    publish(
        site["module"],
        LessonPage(
            title="La sécurité des mots de passe",
            slug="mots-de-passe",
            body=[("paragraph", "<p>Texte.</p>")],
        ),
    )

    assert _titles(client, "securite") == ["La sécurité des mots de passe"]
    assert _titles(client, "SÉCU") == ["La sécurité des mots de passe"]


def test_summaries_are_matched_too(client, site):
    assert _titles(client, "frauduleu") == ["L'hameçonnage"]


def test_every_word_must_start_a_word(client, site):
    assert _titles(client, "cyber elu") == ["Cybersécurité pour les élu·e·s"]
    assert _titles(client, "cyber pompiers") == []
    # a word's middle is not a beginning
    assert _titles(client, "curite") == []


def test_very_short_queries_do_not_match_every_page(client, site):
    assert _titles(client, "ha") == []


def test_a_page_found_both_ways_is_listed_once(client, site):
    assert _titles(client, "cybermenaces") == ["Cybersécurité pour les élu·e·s"]


def test_drafts_stay_hidden(site):
    from wagtail.models import Locale

    site["path"].unpublish()

    assert site_search(query="cyber", locale=Locale.get_default()) == []
