"""Page addresses stay ASCII: /catalogue/securite-civile, not
/catalogue/s%C3%A9curit%C3%A9-civile."""

import pytest
from django.urls import reverse

from cms.demo.content import PATHS
from courses.models import LearningPathPage

pytestmark = pytest.mark.django_db


def test_a_new_page_gets_an_ascii_slug_from_its_title(site):
    path = LearningPathPage(
        title="Sécurité civile : être prêt·e",
        summary="Se préparer aux sinistres.",
        theme=site["path"].theme,
        estimated_hours=2,
    )
    site["catalogue"].add_child(instance=path)

    assert path.slug == "securite-civile-etre-prete"
    assert path.url.isascii()


def test_the_editor_slugifies_titles_to_ascii(client, site, admin_user):
    client.force_login(admin_user)
    add = reverse(
        "wagtailadmin_pages:add",
        args=["courses", "learningpathpage", site["catalogue"].pk],
    )

    page = client.get(add).content.decode()

    assert 'data-controller="w-slug"' in page
    # Django leaves out a false boolean attribute: the slug script's own
    # default, ASCII, then applies.
    assert "data-w-slug-allow-unicode-value" not in page


def _slugs(pages):
    for page in pages:
        yield page["slug"]
        yield from _slugs(page.get("modules", []) + page.get("lessons", []))


def test_the_demo_content_has_ascii_slugs():
    slugs = list(_slugs(PATHS))

    assert slugs and all(slug.isascii() for slug in slugs)
