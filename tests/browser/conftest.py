import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def chromium_page(*extra_args):
    """A headless Chromium page (Debian's chromium, driven by Playwright),
    launched with ``extra_args`` besides the usual ones; a generator for a
    fixture to yield from.

    Skips with its reason where Chromium is not installed, unless
    VIRAGE_REQUIRE_BROWSER=1 (set by .ci/run), where that is a failure.
    """
    if not os.path.exists(CHROMIUM):
        message = "Chromium is not installed (apt-get install chromium)"
        if os.environ.get("VIRAGE_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                *extra_args,
            ],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(15_000)
        yield page
        browser.close()


@pytest.fixture
def browser_page():
    """A headless Chromium page (``chromium_page``)."""
    yield from chromium_page()


@pytest.fixture
def player_origin(live_server, settings):
    """The H5P player on its own origin, as in production: the live server
    answers as the site on ``localhost`` and as the player on ``127.0.0.1``
    (another host, so the site's cookies are never sent to it)."""
    port = live_server.url.rsplit(":", 1)[1]
    settings.H5P_PLAYER_ORIGIN = f"http://127.0.0.1:{port}"
    return settings.H5P_PLAYER_ORIGIN


@pytest.fixture(scope="session", autouse=True)
def live_server_connections_closed(django_db_setup, django_db_blocker):
    """Chromium keeps its connections to the live server open, and with them
    the server's request threads and their database connections; on
    PostgreSQL those keep the test database from being dropped at the end of
    the run. Close them once the browser tests are done."""
    yield
    with django_db_blocker.unblock():
        from django.db import connection

        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
