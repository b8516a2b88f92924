"""The coordinator dashboard fits a 375 px phone: no sideways scrolling of the
page (wide tables scroll inside their own box)."""

import pytest
from django.conf import settings
from django.test import Client

from courses.models import LearningPathPage
from tests.factories import build_site, publish
from tests.progress_fixtures import add_module

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LONG_TITLE = (
    "Gouvernance municipale, éthique et déontologie des élu·e·s : "
    "ce que chaque conseil doit savoir avant sa première séance"
)


def test_the_dashboard_is_no_wider_than_a_phone(live_server, browser_page, coordinator):
    tree = build_site()
    path = publish(
        tree["catalogue"],
        LearningPathPage(
            title=LONG_TITLE,
            slug="gouvernance",
            summary="Un parcours.",
            theme=tree["path"].theme,
            estimated_hours=2,
        ),
    )
    add_module(path, "gouvernance-1", lessons=1)
    client = Client()
    client.force_login(coordinator)
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 800})
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )

    for url in ("/participation/", "/participation/municipalites/"):
        page.goto(f"{live_server.url}{url}")

        assert page.locator("h1").first.inner_text()
        widest = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > 376)
                .slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id)"""
        )
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, (url, width, widest)
    page.set_viewport_size({"width": 1280, "height": 800})
    tops = page.evaluate(
        "[...document.querySelectorAll('.filters .filter')]"
        ".map(e => e.getBoundingClientRect().top)"
    )
    assert tops[0] == tops[1]  # on a desktop the filters still share rows
