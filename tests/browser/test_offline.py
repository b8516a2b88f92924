"""Offline lessons (issue 16): a learner downloads a module, loses the
connection, reloads, opens a lesson, answers its exercise, and once the
connection returns the result is recorded once."""

import json
import os
import time

import pytest

from courses.models import LessonPage
from courses.services import h5p_content_import
from learners.models import H5PAttempt, XapiStatement
from learners.services import enrolment_create
from tests.browser.conftest import chromium_page
from tests.browser.test_h5p_flow import sign_in
from tests.factories import build_site
from tests.h5p_fixtures import TRUE_FALSE, exercise_append

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def chrome_page():
    """Chromium as Chrome ships it: third-party storage allowed (the player
    is a third-party frame; its service worker is refused where third-party
    storage is blocked, as Chromium's own builds and incognito windows do:
    then the lessons are kept, not the exercises — docs/offline.md)."""
    yield from chromium_page("--disable-features=TrackingProtection3pcd")


NO_WORKER = "async () => !(await navigator.serviceWorker.getRegistration())"
SHOTS = os.environ.get("VIRAGE_SCREENSHOTS")  # a folder: keep screenshots there


def shot(page, name, full_page=True):
    if SHOTS:
        path = os.path.join(SHOTS, f"{name}.png")
        page.screenshot(path=path, full_page=full_page)


def until(condition, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_downloaded_module_is_played_offline_and_its_result_recorded_once(
    live_server, player_origin, chrome_page, learner, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    tree = build_site()
    enrolment_create(user=learner, path=tree["path"])
    content = h5p_content_import(source=TRUE_FALSE, title="Vrai ou faux")
    exercise_append(tree["lesson"], content)
    lesson = LessonPage.objects.get(pk=tree["lesson"].pk)
    module = lesson.get_parent()

    page = chrome_page
    sign_in(page, live_server.url, learner.email)
    page.goto(f"{live_server.url}{module.url}")
    # No worker until a module is downloaded.
    assert page.evaluate(NO_WORKER)
    started = time.monotonic()
    page.click("[data-offline-download]")
    page.wait_for_function(
        "() => document.querySelector('[data-offline-ready]') ||"
        " !document.querySelector('[data-offline-download]').disabled",
        timeout=60_000,
    )
    assert page.get_attribute("[data-offline-module]", "data-offline-ready"), (
        page.inner_text("[data-offline-status]")
    )
    seconds = time.monotonic() - started
    record = page.evaluate("localStorage.getItem('virage-offline-modules')")
    kept = json.loads(record)[str(module.pk)]
    assert kept["bytes"] > 100_000  # pages, player, libraries
    print(f"offline: {kept['bytes']} bytes in {seconds:.1f} s")  # noqa: T201
    assert "Retirer de cet appareil" in page.inner_text("[data-offline-module]")
    shot(page, "module-offline-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    shot(page, "module-offline-375")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.context.set_offline(True)
    page.reload()
    assert page.is_visible("[data-offline-banner]")
    # The app shell: "Mon parcours" as at the last visit online, marked offline.
    page.click("nav >> text=Mon parcours")
    assert page.is_visible("[data-offline-banner]")
    assert page.inner_text("h1") == "Mon parcours"
    assert "Cybersécurité pour les élu·e·s" in page.inner_text("main")
    shot(page, "dashboard-offline")
    page.goto(f"{live_server.url}{lesson.url}")
    assert page.is_visible("[data-offline-banner]")
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.click("[data-h5p-open]")
    # Offline, the content is drawn in the player page itself (h5p-frame.js).
    frame = page.wait_for_selector("iframe.h5p-frame").content_frame()
    frame.wait_for_selector(".h5p-true-false-answer")
    assert frame.evaluate("() => navigator.serviceWorker.controller !== null")
    frame.click(".h5p-true-false-answer >> nth=0")
    frame.click(".h5p-question-check-answer")
    page.wait_for_function(
        f"async () => (await VirageOutbox.pending('{learner.email}'))"
        ".some(i => i.body.includes('answered'))"
    )
    shot(page, "lesson-offline", full_page=False)
    # Every file of the player came from the download (what fails is only
    # what is sent: statements and states, queued).
    # (TrueType fonts are left out: the browser takes the WOFF beside them.)
    player_files = [u for u in failed if "/bibliotheques/" in u or "/static/" in u]
    assert not [u for u in player_files if not u.split("?")[0].endswith(".ttf")]
    assert not XapiStatement.objects.filter(verb__endswith="/answered").exists()

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    assert until(
        lambda: XapiStatement.objects.filter(verb__endswith="/answered").exists()
    )
    page.wait_for_function(
        f"async () => (await VirageOutbox.pending('{learner.email}')).length === 0"
    )
    page.reload(wait_until="networkidle")  # nothing is sent twice

    assert XapiStatement.objects.filter(verb__endswith="/answered").count() == 1
    attempt = H5PAttempt.objects.get(user=learner)
    assert attempt.completed
    assert XapiStatement.objects.get(verb__endswith="/answered").trusted

    page.goto(f"{live_server.url}{module.url}")
    page.click("[data-offline-remove]")
    page.wait_for_selector("[data-offline-module]:not([data-offline-ready])")
    names = page.evaluate("caches.keys()")
    assert f"virage-module-{module.pk}" not in names
    # The last module gone, the site's worker goes too.
    assert page.evaluate(NO_WORKER)
