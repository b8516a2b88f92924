import pytest

from courses.models import LearningPathPage, LearningPathRoleRule, Theme
from courses.selectors import learning_path_list
from tests.factories import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_path(site):
    return publish(
        site["catalogue"],
        LearningPathPage(
            title="Ville intelligente",
            slug="ville-intelligente",
            summary="Capteurs et données ouvertes.",
            theme=Theme.objects.get(slug="ville-intelligente-donnees-ouvertes"),
            estimated_hours=5,
            learning_format="online",
        ),
    )


def titles(response):
    return [p.title for p in response.context["paths"]]


def test_catalogue_lists_every_live_path(client, site, second_path):
    response = client.get(site["catalogue"].url)

    assert titles(response) == ["Cybersécurité pour les élu·e·s", "Ville intelligente"]


def test_filter_by_theme(client, site, second_path):
    response = client.get(
        site["catalogue"].url, {"theme": "ville-intelligente-donnees-ouvertes"}
    )

    assert titles(response) == ["Ville intelligente"]


def test_filter_by_role_keeps_required_and_recommended(client, site, second_path):
    assert titles(client.get(site["catalogue"].url, {"role": "mayor"})) == [
        "Cybersécurité pour les élu·e·s"
    ]
    assert titles(client.get(site["catalogue"].url, {"role": "employee"})) == []


def test_required_paths_come_first_for_a_role(site, second_path):
    LearningPathRoleRule.objects.create(
        page=second_path, role="manager", requirement="required"
    )

    paths = learning_path_list(index_page=site["catalogue"], role="manager")

    assert [p.slug for p in paths] == ["ville-intelligente", "cyber-elus"]


def test_unknown_filter_values_get_a_message_not_an_error(client, site, second_path):
    response = client.get(site["catalogue"].url, {"theme": "astrologie", "role": "roi"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Thème inconnu : « astrologie »." in page
    assert "Rôle inconnu : « roi »." in page
    assert len(titles(response)) == 2


def test_draft_paths_are_not_listed(client, site, second_path):
    second_path.unpublish()

    assert titles(client.get(site["catalogue"].url)) == [
        "Cybersécurité pour les élu·e·s"
    ]


def test_path_page_shows_modules_hours_and_audience(client, site):
    page = client.get(site["path"].url).content.decode()

    assert "Comprendre les menaces" in page
    assert "6 heures" in page
    assert "Hybride" in page
    assert "Obligatoire" in page


def test_search_finds_paths_and_lessons_by_their_text(client, site):
    response = client.get("/recherche/", {"q": "rançongiciel"})
    assert [p.title for p in response.context["results"]] == ["L'hameçonnage"]

    response = client.get("/recherche/", {"q": "cybermenaces"})
    assert [p.title for p in response.context["results"]] == [
        "Cybersécurité pour les élu·e·s"
    ]


def test_search_results_never_show_lesson_bodies(client, site):
    page = client.get("/recherche/", {"q": "rançongiciel"}).content.decode()

    assert "L&#x27;hameçonnage" in page or "L'hameçonnage" in page
    assert "chiffre les serveurs" not in page
