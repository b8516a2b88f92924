"""The demo in English: every demo page has its English translation, so
``/en/`` stays English from the home page down to the lessons.

The demo is loaded once for the module (``test_demo_data``'s fixture).
"""

import io
import re

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, Page

from cms.models import HomePage
from courses.models import LearningPathPage, LessonPage
from tests.cms import test_demo_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

demo = test_demo_data.demo  # the demo, loaded once for the module

# Links that are not pages of the site in a language: files, the admin, APIs.
NOT_PAGES = ("/static/", "/media/", "/admin/", "/documents/", "/i18n/", "/h5p/")


def french_links(html: str) -> list[str]:
    """Links of an English page that lead to a French page (no /en/ prefix),
    the language switch (marked lang="fr-ca") aside."""
    links = re.findall(r'<a [^>]*href="(/[^"]*)"[^>]*>', html)
    switch = re.findall(r'<a href="(/[^"]*)" lang="fr-ca"', html)
    return [
        link
        for link in links
        if not link.startswith("/en/")
        and not link.startswith(NOT_PAGES)
        and link not in switch
    ]


def test_every_french_demo_page_has_a_live_english_translation(demo):
    english = Locale.objects.get(language_code="en")
    french = Page.objects.filter(locale=Locale.get_default(), depth__gt=1)

    missing = [
        page.title
        for page in french.live()
        if not page.get_translation_or_none(english)
        or not page.get_translation(english).live
    ]

    assert missing == []
    assert "pages traduites en anglais" in demo


def test_the_english_home_page_links_only_to_english_pages(demo, client):
    page = client.get("/en/").content.decode()

    assert "The digital transformation of municipalities" in page
    assert '<a class="button" href="/en/catalogue/">' in page  # Explore the catalogue
    assert "Cybersecurity: the role of municipal elected officials" in page
    assert page.count('href="/en/catalogue/') >= 4  # the button and three cards
    assert french_links(page) == []


def test_the_english_catalogue_path_and_first_lesson_are_english(demo, client):
    client.force_login(UserFactory(email="reader@exemple.qc.ca"))
    catalogue = client.get("/en/catalogue/").content.decode()
    path = client.get("/en/catalogue/cybersecurite-elus/").content.decode()
    lesson = client.get(
        "/en/catalogue/cybersecurite-elus/comprendre-les-menaces/"
        "pourquoi-les-municipalites/"
    ).content.decode()

    assert "Learning path catalogue" in catalogue
    assert "Understanding the threats aimed at municipalities" in path
    assert "An attractive target, whatever its size" in lesson
    assert "Une cible attrayante" not in lesson
    for html in (catalogue, path, lesson):
        assert "only available in French" not in html
        assert french_links(html) == []


def test_the_english_phishing_lesson_keeps_its_exercise(demo):
    english = Locale.objects.get(language_code="en")
    lesson = LessonPage.objects.get(slug="hameconnage-et-fraude", locale=english)

    assert lesson.title == "Phishing and CEO fraud"
    assert [b.block_type for b in lesson.body][0] == "heading"
    assert any(b.block_type == "h5p" for b in lesson.body)


def test_english_lessons_keep_their_exercises_block_ids(demo):
    """An exercise played in English is launched and counted on the French
    lesson, under the same block id."""
    english = Locale.objects.get(language_code="en")
    lessons = LessonPage.objects.filter(locale=english)

    def exercise_ids(page):
        return [b.id for b in page.body if b.block_type in {"h5p", "scorm"}]

    with_exercises = [lesson for lesson in lessons if exercise_ids(lesson)]
    assert with_exercises
    for lesson in with_exercises:
        source = lesson.get_translation(Locale.get_default())
        assert exercise_ids(lesson) == exercise_ids(source), lesson.slug


def test_every_english_lesson_has_its_english_text(demo):
    """Every demo lesson's body is translated, its exercises kept."""
    english = Locale.objects.get(language_code="en")
    lessons = LessonPage.objects.filter(locale=english)

    for lesson in lessons:
        source = lesson.get_translation(Locale.get_default()).specific
        text = [b for b in lesson.body if b.block_type in {"heading", "paragraph"}]
        assert text, lesson.slug
        first, french_first = lesson.body.raw_data[0], source.body.raw_data[0]
        assert first["value"] != french_first["value"], lesson.slug
    empathy = lessons.get(slug="empathie-et-definition")
    assert "design thinking" in str(empathy.body[1].value).lower()


def test_the_french_site_is_unchanged(demo, client):
    page = client.get("/").content.decode()

    assert HomePage.objects.filter(locale=Locale.get_default()).count() == 1
    assert "La transformation numérique des municipalités" in page
    assert 'href="/en/' not in page.replace('href="/en/" lang="en"', "")


def test_loading_again_translates_nothing_more(demo):
    before = LearningPathPage.objects.count()
    out = io.StringIO()
    with transaction.atomic():
        call_command("load_demo_data", stdout=out)
        assert "0 pages traduites en anglais" in out.getvalue()
        assert LearningPathPage.objects.count() == before == 6
        transaction.set_rollback(True)
