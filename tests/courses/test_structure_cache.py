"""The page tree as each process remembers it (``courses.cache``) and the
pages served from it (``cms.middleware.SiteLookupCacheMiddleware``): never
staler than the second the token is kept, never for a page or a restriction
changed in this process, and never shared with a caller that changes it."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from courses import cache as structure

pytestmark = pytest.mark.django_db


def test_an_entry_is_computed_once_then_read_from_memory(site):
    calls = []

    def compute():
        calls.append(1)
        return {"modules": [1, 2]}

    assert structure.structure_cached("essai", compute) == {"modules": [1, 2]}
    cache.clear()  # the shared cache lost it: this process still knows it
    assert structure.structure_cached("essai", compute) == {"modules": [1, 2]}

    assert len(calls) == 1


def test_a_caller_changing_what_it_got_changes_nothing_remembered(site):
    first = structure.structure_cached("essai", lambda: {"modules": [1, 2]})
    first["modules"].append(3)

    assert structure.structure_cached("essai", lambda: None) == {"modules": [1, 2]}


def test_a_change_in_this_process_is_seen_at_once(site):
    structure.structure_cached("essai", lambda: "avant")
    structure.structure_invalidate()

    assert structure.structure_cached("essai", lambda: "après") == "après"


def test_a_change_in_another_process_is_seen_once_the_token_is_read_again(
    site, settings
):
    structure.structure_cached("essai", lambda: "avant")
    cache.set(structure.VERSION_KEY, "jeton-d-un-autre-processus", None)

    # Within the second the token is kept: still the tree as it was.
    assert structure.structure_cached("essai", lambda: "après") == "avant"
    settings.COURSES_STRUCTURE_TOKEN_SECONDS = 0
    assert structure.structure_cached("essai", lambda: "après") == "après"


def test_a_page_served_from_the_tree_costs_no_root_or_restriction_query(client, site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = site["lesson"].url
    assert client.get(url).status_code == 200

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200

    sql = " ".join(q["sql"] for q in queries)
    assert "wagtailcore_pageviewrestriction" not in sql
    assert 'FROM "wagtailcore_locale"' not in sql


@pytest.mark.parametrize("restricted", ["lesson", "path"])
def test_a_restriction_added_after_the_page_was_cached_applies_at_once(
    client, site, restricted
):
    url = site["lesson"].url
    assert client.get(url).status_code == 200  # anonymous, cached as open

    PageViewRestriction.objects.create(
        page=site[restricted], restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(url)
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_a_password_restriction_shows_its_form_and_lifting_it_opens_the_page(
    client, site
):
    url = site["lesson"].url
    restriction = PageViewRestriction.objects.create(
        page=site["module"],
        restriction_type=PageViewRestriction.PASSWORD,
        password="mot-de-passe-du-module",
    )
    client.get(url)

    response = client.get(url)
    assert response.status_code == 200
    assert b'name="password"' in response.content

    restriction.delete()
    response = client.get(url)
    assert response.status_code == 200
    assert b'name="password"' not in response.content


def test_an_unpublished_lesson_is_not_served_from_the_tree(client, site):
    url = site["lesson"].url
    assert client.get(url).status_code == 200

    site["lesson"].unpublish()

    assert client.get(url).status_code == 404


def test_an_address_the_tree_does_not_hold_is_left_to_wagtail(client, site):
    url = site["lesson"].url + "inexistante/"

    assert client.get(url).status_code == 404


def test_a_local_only_entry_never_reaches_the_shared_cache(site):
    structure.structure_cached("page", lambda: {"id": 1}, shared=False)
    structure.local_clear()

    assert structure.structure_cached("page", lambda: {"id": 2}, shared=False) == {
        "id": 2
    }


def _signed_in_lesson_with_h5p(client, site, learner):
    from learners.models import Enrolment
    from tests.h5p_fixtures import h5p_content, lesson_with_h5p

    content = h5p_content("Titre d'origine")
    lesson = lesson_with_h5p(site["lesson"], content)
    Enrolment.objects.create(user=learner, path=site["path"])
    client.force_login(learner)
    assert "Titre d&#x27;origine" in client.get(lesson.url).content.decode()
    return lesson, content


def test_a_renamed_h5p_content_shows_at_once(client, site, learner):
    """H5P titles are kept with the tree: saving a content renews it."""
    lesson, content = _signed_in_lesson_with_h5p(client, site, learner)
    content.title = "Titre corrigé"
    content.save()

    page = client.get(lesson.url).content.decode()

    assert "Titre corrigé" in page
    assert "Titre d&#x27;origine" not in page


def test_a_lesson_edited_and_published_shows_at_once(client, site, learner):
    """The live page is kept with the tree: publishing renews it."""
    lesson, _ = _signed_in_lesson_with_h5p(client, site, learner)
    lesson.summary = "Un nouveau résumé."
    lesson.save_revision().publish()

    assert "Un nouveau résumé." in client.get(lesson.url).content.decode()
