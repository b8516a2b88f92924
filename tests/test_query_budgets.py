"""SQL queries per page for a signed-in, enrolled learner (issue 15).

"Warm" means the page structure cached by ``courses.cache`` (routes, a lesson's
place in its path, a path's modules and lessons, breadcrumbs) was filled by a
first request; the per-learner parts (progress, attempts, "mark as done") are
read on every request. "Cold" empties the cache first.

``WARM`` holds what the pages cost today, under the issue's budget
(``ISSUE``): a page served from the cached tree costs Wagtail no query for the
site's root, its translation or the view restrictions (``cms.middleware``).
"""

import pytest
from django.core.cache import cache
from django.urls import reverse

from courses.cache import local_clear
from learners.models import Enrolment
from tests.h5p_fixtures import h5p_content, lesson_with_h5p
from tests.progress_fixtures import add_module

pytestmark = pytest.mark.django_db

WARM = {"lesson": 2, "module": 4, "path": 8, "dashboard": 8}
COLD = {"lesson": 26, "module": 24, "path": 31, "dashboard": 24}
ISSUE = {"lesson": 12, "module": 12, "path": 12, "dashboard": 15}


@pytest.fixture
def pages(client, site, learner):
    add_module(site["path"], "module-2", lessons=2)
    lesson = lesson_with_h5p(site["lesson"], h5p_content())
    Enrolment.objects.create(user=learner, path=site["path"])
    client.force_login(learner)
    return {
        "lesson": lesson.url,
        "module": site["module"].url,
        "path": site["path"].url,
        "dashboard": reverse("learners:dashboard"),
    }


@pytest.mark.parametrize("page", sorted(WARM))
def test_warm_page_within_budget(client, pages, page, django_assert_max_num_queries):
    assert client.get(pages[page]).status_code == 200

    with django_assert_max_num_queries(WARM[page]):
        response = client.get(pages[page])

    assert response.status_code == 200


@pytest.mark.parametrize("page", sorted(COLD))
def test_cold_page_within_budget(client, pages, page, django_assert_max_num_queries):
    client.get(pages[page])
    cache.clear()
    local_clear()  # what this process remembers of the tree, too

    with django_assert_max_num_queries(COLD[page]):
        response = client.get(pages[page])

    assert response.status_code == 200


@pytest.mark.parametrize("page", sorted(ISSUE))
def test_issue_budget(client, pages, page, django_assert_max_num_queries):
    client.get(pages[page])

    with django_assert_max_num_queries(ISSUE[page]):
        client.get(pages[page])


def test_lesson_loads_no_h5p_json_column(client, pages, django_assert_num_queries):
    """The H5P block prints two titles: they are cached with the page tree,
    and read again (neither the content's JSON nor its library's translations
    and semantics) once the tree changed."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from courses.cache import structure_invalidate

    client.get(pages["lesson"])
    with CaptureQueriesContext(connection) as warm:
        client.get(pages["lesson"])
    structure_invalidate()
    with CaptureQueriesContext(connection) as cold:
        client.get(pages["lesson"])

    assert not [q for q in warm if "courses_h5p" in q["sql"]]
    h5p_sql = [q["sql"] for q in cold if "courses_h5p" in q["sql"]]
    assert h5p_sql
    for column in ("translations", "semantics", "content_json", "library_json"):
        assert all(column not in sql for sql in h5p_sql), column


def test_publishing_refreshes_the_cached_structure(client, site, pages):
    """A renamed lesson shows under its new title in its neighbour's links
    and breadcrumb as soon as it is published."""
    client.get(pages["module"])
    module = site["module"]
    lesson = site["lesson"]
    lesson.title = "Leçon renommée"
    lesson.save_revision().publish()

    page = client.get(pages["path"]).content.decode()

    assert "Leçon renommée" in page
    assert client.get(module.url).status_code == 200


def test_unpublished_module_hides_its_lessons_from_the_cached_route(client, site):
    url = site["lesson"].url
    assert client.get(url).status_code == 200

    site["module"].unpublish()

    assert client.get(url).status_code == 404


# The other pages of the load scenario (issue 14): the catalogue a learner
# opens and the coordinator's dashboard, warm. Today: 7 and 14.
LOAD_PAGES = {"catalogue": 8, "coordinator": 15}


def test_catalogue_within_budget(client, site, pages, django_assert_max_num_queries):
    client.get(site["catalogue"].url)

    with django_assert_max_num_queries(LOAD_PAGES["catalogue"]):
        response = client.get(site["catalogue"].url)

    assert response.status_code == 200


def test_coordinator_dashboard_within_budget(
    client, site, coordinator, django_assert_max_num_queries
):
    from reporting.rollup import rollup_refresh
    from tests.reporting.fixtures import build_province

    build_province(site)
    rollup_refresh()
    client.force_login(coordinator)
    client.get(reverse("reporting:dashboard"))

    with django_assert_max_num_queries(LOAD_PAGES["coordinator"]):
        response = client.get(reverse("reporting:dashboard"))

    assert response.status_code == 200
