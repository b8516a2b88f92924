"""Pages stay light on a rural line (issue 16): a lesson before its exercise
opens and the coordinator dashboard (staff included) stay under budget, as
counted on the wire by Chromium; a second exercise using the same H5P
libraries downloads none of them again. bench/page_weight.py measures the
same against ``make prod``."""

import pytest
from django.conf import settings
from django.core.signals import request_started
from django.test import Client

from courses.services import h5p_content_import
from learners.services import enrolment_create
from tests.factories import build_site
from tests.h5p_fixtures import TRUE_FALSE, exercise_append

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LESSON_KB = 40
DASHBOARD_KB = 60


class Meter:
    """Bytes received (compressed, as sent) and URLs asked, by the page and
    the frames Chromium runs in its process."""

    def __init__(self, page):
        self.session = page.context.new_cdp_session(page)
        self.session.send("Network.enable")
        self.bytes, self.urls = 0, []
        self.session.on("Network.requestWillBeSent", self._sent)
        self.session.on("Network.loadingFinished", self._finished)

    def _sent(self, event):
        self.urls.append(event["request"]["url"])

    def _finished(self, event):
        self.bytes += event.get("encodedDataLength", 0)

    def reset(self):
        self.bytes, self.urls = 0, []

    @property
    def kb(self):
        return self.bytes / 1024


def signed_in(page, live_server, user):
    """``user`` signed in, in the browser of ``page`` (shared by the other
    browser tests of issue 16)."""
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


def test_a_lesson_is_light_before_its_exercise_opens(
    live_server, player_origin, browser_page, learner
):
    tree = build_site()
    enrolment_create(user=learner, path=tree["path"])
    content = h5p_content_import(source=TRUE_FALSE, title="Vrai ou faux")
    exercise_append(tree["lesson"], content)
    page = browser_page
    signed_in(page, live_server, learner)
    meter = Meter(page)

    page.goto(f"{live_server.url}{tree['lesson'].url}")
    page.wait_for_load_state("networkidle")

    assert meter.kb <= LESSON_KB, (round(meter.kb, 1), meter.urls)
    assert not [url for url in meter.urls if "/h5p/" in url]


def test_a_second_exercise_downloads_no_library_again(
    live_server, player_origin, browser_page, learner
):
    tree = build_site()
    enrolment_create(user=learner, path=tree["path"])
    first = h5p_content_import(source=TRUE_FALSE, title="Vrai ou faux")
    second = h5p_content_import(source=TRUE_FALSE, title="Vrai ou faux, encore")
    exercise_append(tree["lesson"], first)
    exercise_append(tree["lesson"], second)
    page = browser_page
    signed_in(page, live_server, learner)
    asked = []

    def record(sender, environ, **kwargs):
        asked.append(environ["PATH_INFO"])

    request_started.connect(record)
    try:
        page.goto(f"{live_server.url}{tree['lesson'].url}")
        for number in (0, 1):
            asked.clear()
            page.locator("[data-h5p-open]").nth(number).click()
            player = page.locator("iframe.h5p-frame").nth(number)
            content = player.content_frame.locator("iframe.h5p-iframe").content_frame
            content.locator(".h5p-true-false-answer").first.wait_for()
            page.wait_for_load_state("networkidle")
            libraries = [path for path in asked if "/h5p/bibliotheques/" in path]
            if number == 0:
                scripts = [path for path in libraries if path.endswith(".js")]
                assert scripts, asked
                # One script per library at most, under a versioned path.
                assert all(
                    path.startswith("/h5p/bibliotheques/v/")
                    and path.endswith("/virage-bundle.js")
                    for path in scripts
                ), scripts
    finally:
        request_started.disconnect(record)
    # The second exercise cost only its own content: every library file
    # came from the browser's cache.
    assert libraries == [], libraries
    assert any("/h5p/lecteur/" in path for path in asked), asked


@pytest.mark.parametrize("staff", [False, True])
def test_the_dashboard_is_light(live_server, browser_page, coordinator, staff):
    build_site()
    coordinator.is_staff = staff
    coordinator.save()
    page = browser_page
    signed_in(page, live_server, coordinator)
    meter = Meter(page)

    page.goto(f"{live_server.url}/participation/")
    page.wait_for_load_state("networkidle")

    assert page.locator("h1").first.inner_text()
    assert meter.kb <= DASHBOARD_KB, (round(meter.kb, 1), meter.urls)
