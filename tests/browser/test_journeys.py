"""The three journeys walked end to end in Chromium, in French and in English:
the learner (catalogue → path → enrol → lesson done → "Mon parcours"; in
English, the French path then shows the same progress: one learner), the
trainer (lands on the admin, sessions, a session form naming homonyms by
region) and the coordinator (lands on the dashboard, a region narrows the
MRCs). No page answers 500, and under /en/ no link leads back to French.
Screenshots go to /tmp/journeys/."""

from pathlib import Path

import pytest

from cms.demo.english import demo_english_load
from tests.browser.test_page_weight import signed_in
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


@pytest.fixture(params=["", "/en"], ids=["fr", "en"])
def prefix(request):
    """Each journey in French, then under /en/."""
    return request.param


@pytest.fixture
def walk(live_server, browser_page, prefix):
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
        lang = "en" if prefix else "fr"
        person, step = shot.split("-", 1)
        shot_path = SHOTS / f"{person}-{lang}-{step}.png"
        browser_page.screenshot(path=str(shot_path), full_page=True)
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


@pytest.fixture
def sign_in(live_server, browser_page):
    """The browser signed in as ``user`` (a session cookie, no form)."""
    return lambda user: signed_in(browser_page, live_server, user)


def test_the_learner_journey(
    live_server, browser_page, walk, sign_in, site_in_two_languages, learner, prefix
):
    sign_in(learner)

    def click_through(selector) -> str:
        """Click, wait for the next page, return its path."""
        page.click(selector)
        page.wait_for_load_state("networkidle")
        return page.url.split(live_server.url, 1)[1]

    page = walk(f"{prefix}/", "learner-1-home")
    catalogue_url = click_through("a.button >> nth=0")  # Explore the catalogue
    assert catalogue_url == f"{prefix}/catalogue/"
    walk(catalogue_url, "learner-2-catalogue")
    path_url = click_through(".cards h3 a >> nth=0")
    assert path_url.startswith(f"{prefix}/catalogue/")
    walk(path_url, "learner-3-path")
    click_through(".path-panel form button")  # Enrol
    walk(path_url, "learner-4-enrolled")
    lesson_url = click_through(".path-panel a.button >> nth=0")  # Start
    assert lesson_url.startswith(f"{prefix}/catalogue/")
    walk(lesson_url, "learner-5-lesson")
    click_through("form[action*='/terminee/'] button")
    page = walk(f"{prefix}/compte/mon-parcours/", "learner-6-dashboard")
    assert page.locator("main").inner_text()
    shown = walk(path_url, "learner-7-progress").inner_text(
        ".path-panel .progress-value"
    )
    if prefix:  # enrolled and progressed in English: the same in French
        french = walk(path_url.removeprefix(prefix), "learner-8-french-path")
        assert french.locator(".path-panel form button").count() == 0
        assert french.inner_text(".path-panel .progress-value") == shown


def test_the_trainer_journey(
    live_server, browser_page, walk, sign_in, site_in_two_languages, trainer, prefix
):
    sign_in(trainer)

    page = walk(f"{prefix}/bienvenue/", "trainer-1-landing")
    assert page.url.endswith("/admin/")
    page = walk("/admin/snippets/courses/trainingsession/", "trainer-2-sessions")
    page = walk(
        "/admin/snippets/courses/trainingsession/add/", "trainer-3-session-form"
    )
    options = page.locator("select[name=municipality] option").all_inner_texts()
    assert "Saint-Elzéar (Municipalité, Chaudière-Appalaches)" in options
    assert "Saint-Elzéar (Municipalité, Gaspésie–Îles-de-la-Madeleine)" in options
    lesson = site_in_two_languages["lesson"]
    walk(f"/admin/pages/{lesson.pk}/edit/", "trainer-4-lesson-editor")
    walk(f"{prefix}/", "trainer-5-site")


def test_the_coordinator_journey(
    live_server, browser_page, walk, sign_in, site_in_two_languages, coordinator, prefix
):
    sign_in(coordinator)

    page = walk(f"{prefix}/bienvenue/", "coordinator-1-landing")
    assert page.url.endswith(f"{prefix}/participation/")
    every_mrc = page.locator("select[name=mrc] option").count()
    with page.expect_navigation():  # filters.js reloads the form
        page.select_option("select[name=region]", "12")
    narrowed = page.locator("select[name=mrc] option").count()
    assert 1 < narrowed < every_mrc
    page = walk(page.url.split(live_server.url, 1)[1], "coordinator-2-region")
    walk(f"{prefix}/participation/municipalites/", "coordinator-3-list")
    walk(f"{prefix}/catalogue/", "coordinator-4-catalogue")
