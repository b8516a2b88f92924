"""SQL queries of an English page against its French original, for an
enrolled learner with a warm structure cache: the original lookup adds
nothing in French (tests/test_query_budgets.py) and one query in English
(issue 11)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override

from learners.models import Enrolment
from tests.h5p_fixtures import h5p_content, lesson_with_h5p
from tests.learners.test_english_progress import english_copy
from tests.progress_fixtures import add_module

pytestmark = pytest.mark.django_db


def warm_count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("kind", ["lesson", "module", "path", "dashboard"])
def test_english_page_costs(client, site, learner, kind):
    add_module(site["path"], "module-2", lessons=2)
    lesson_with_h5p(site["lesson"], h5p_content())
    Enrolment.objects.create(user=learner, path=site["path"])
    english = {k: english_copy(site[k]) for k in ("lesson", "module", "path")}
    client.force_login(learner)
    if kind == "dashboard":
        with override("fr-ca"):
            french_url = reverse("learners:dashboard")
        with override("en"):
            english_url = reverse("learners:dashboard")
    else:
        french_url, english_url = site[kind].url, english[kind].url

    french, shown = warm_count(client, french_url), warm_count(client, english_url)

    assert shown <= french + 1  # the original, fetched by its cached id
