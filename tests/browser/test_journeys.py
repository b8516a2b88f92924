"""The three journeys walked end to end in Chromium, in French and in English:
the learner (catalogue → path → enrol → lesson done → "Mon parcours"), the
trainer (lands on the admin, sessions, a session form naming homonyms by
region) and the coordinator (lands on the dashboard, a region narrows the
MRCs). No page answers 500, and under /en/ no link leads back to French.
Screenshots go to /tmp/journeys/."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from cms.demo.english import demo_english_load
from tests.factories import build_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHOTS = Path("/tmp/journeys")
# Links that are not pages in a language: files, the admin, the language switch.
NOT_PAGES = ("/static/", "/media/", "/admin/", "/documents/", "/i18n/", "/h5p/")


@pytest.fixture
def site_in_two_languages(municipalities):
    tree = build_site()
    demo_english_load(home=tree["home"])
    return tree


@pytest.fixture
def walk(live_server, browser_page):
    """Visit a URL as the given person; fail on any 5xx and on French links
    under /en/; save a screenshot."""
    failures = []
    browser_page.on(
        "response",
        lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 500 else None,
    )
    SHOTS.mkdir(exist_ok=True)

    def visit(url, shot):
        browser_page.goto(f"{live_server.url}{url}")
        browser_page.wait_for_load_state("networkidle")
        browser_page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=True)
        assert failures == []
        if url.startswith("/en/"):
            assert french_links(browser_page) == [], url
        return browser_page

    return visit


def french_links(page) -> list[str]:
    links = page.eval_on_selector_all(
        "a[href^='/']:not([hreflang])", "els => els.map(e => e.getAttribute('href'))"
    )
    return [
        link
        for link in links
        if not link.startswith("/en/")
        and not link.startswith(NOT_PAGES)
        and "/admin/" not in link  # the admin has its own language setting
    ]


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_learner_journey(
    live_server, browser_page, walk, site_in_two_languages, learner, prefix
):
    lang = "en" if prefix else "fr"
    sign_in(browser_page, live_server, learner)

    page = walk(f"{prefix}/", f"learner-{lang}-1-home")
    page.click("a.button >> nth=0")  # Explore the catalogue
    page.wait_for_url(f"**{prefix}/catalogue/")
    page = walk(page.url.split(live_server.url, 1)[1], f"learner-{lang}-2-catalogue")
    page.click(".cards h3 a >> nth=0")
    path_url = page.url.split(live_server.url, 1)[1]
    assert path_url.startswith(f"{prefix}/catalogue/")
    page = walk(path_url, f"learner-{lang}-3-path")
    page.click(".path-panel form button")
    page.wait_for_load_state("networkidle")
    page = walk(path_url, f"learner-{lang}-4-enrolled")
    page.click(".path-panel a.button >> nth=0")  # Start
    page.wait_for_load_state("networkidle")
    lesson_url = page.url.split(live_server.url, 1)[1]
    assert lesson_url.startswith(f"{prefix}/catalogue/")
    page = walk(lesson_url, f"learner-{lang}-5-lesson")
    page.click("form[action*='/terminee/'] button")
    page.wait_for_load_state("networkidle")
    page = walk(f"{prefix}/compte/mon-parcours/", f"learner-{lang}-6-dashboard")
    assert page.locator("main").inner_text()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_trainer_journey(
    live_server, browser_page, walk, site_in_two_languages, trainer, prefix
):
    lang = "en" if prefix else "fr"
    sign_in(browser_page, live_server, trainer)

    page = walk(f"{prefix}/bienvenue/", f"trainer-{lang}-1-landing")
    assert page.url.endswith("/admin/")
    page = walk(
        "/admin/snippets/courses/trainingsession/", f"trainer-{lang}-2-sessions"
    )
    page = walk(
        "/admin/snippets/courses/trainingsession/add/", f"trainer-{lang}-3-session-form"
    )
    options = page.locator("select[name=municipality] option").all_inner_texts()
    assert "Saint-Elzéar (Municipalité, Chaudière-Appalaches)" in options
    assert "Saint-Elzéar (Municipalité, Gaspésie–Îles-de-la-Madeleine)" in options
    lesson = site_in_two_languages["lesson"]
    walk(f"/admin/pages/{lesson.pk}/edit/", f"trainer-{lang}-4-lesson-editor")
    walk(f"{prefix}/", f"trainer-{lang}-5-site")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_coordinator_journey(
    live_server, browser_page, walk, site_in_two_languages, coordinator, prefix
):
    lang = "en" if prefix else "fr"
    sign_in(browser_page, live_server, coordinator)

    page = walk(f"{prefix}/bienvenue/", f"coordinator-{lang}-1-landing")
    assert page.url.endswith(f"{prefix}/participation/")
    every_mrc = page.locator("select[name=mrc] option").count()
    with page.expect_navigation():  # filters.js reloads the form
        page.select_option("select[name=region]", "12")
    narrowed = page.locator("select[name=mrc] option").count()
    assert 1 < narrowed < every_mrc
    page = walk(page.url.split(live_server.url, 1)[1], f"coordinator-{lang}-2-region")
    walk(f"{prefix}/participation/municipalites/", f"coordinator-{lang}-3-list")
    walk(f"{prefix}/catalogue/", f"coordinator-{lang}-4-catalogue")
