"""Bytes sent and requests made by the main pages, in headless Chromium.

Run against the platform as production runs it (``make prod``: gunicorn,
production settings, WhiteNoise, demo data)::

    PORT=8766 make prod &            # or scripts/prod.sh
    .venv/bin/python bench/page_weight.py --base http://127.0.0.1:8766

Bytes are counted as sent on the wire (compressed, headers included:
``encodedDataLength`` of Chromium's ``Network.loadingFinished``), every
request of the page counted, the H5P player's origin included. Pages are
visited in one browser, in a learner's order (home, catalogue, a text
lesson, a lesson with an exercise before and after "Commencer", a second
exercise using the same libraries, "Mon parcours"), so what the browser
keeps is not sent again; each page is also measured in a fresh browser
(``cold``). Ends with one JSON line. Targets (issue 16): lesson ≤ 40 KB
before the player, first exercise ≤ 300 KB with the player open, second
exercise ≤ 60 KB, dashboard ≤ 60 KB (staff included), sign-up ≤ 40 KB.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "virage-demo-2026"
LEARNER = "conseiller@demo.virage.quebec"
COORDINATOR = "coordonnateur@demo.virage.quebec"
STAFF = "admin@demo.virage.quebec"
TEXT_LESSON = "pourquoi-les-municipalites"
FIRST_EXERCISE = "hameconnage-et-fraude"  # the demo's first, a MultiChoice
SECOND_EXERCISE = "quest-ce-qu-une-donnee-ouverte"  # MultiChoice as well
TARGETS_KB = {
    "lesson_kb": 40,
    "lesson_player_kb": 300,
    "second_exercise_kb": 60,
    "dashboard_kb": 60,
    "signup_kb": 40,
}


class Meter:
    """Counts what a page's network sends, through the DevTools protocol.
    Frames on another origin (the player) are reported on the same session
    when Chromium runs them in-process (``--disable-site-isolation-trials``)."""

    def __init__(self, page):
        self.session = page.context.new_cdp_session(page)
        self.session.send("Network.enable")
        self.requests, self.bytes, self.cached = 0, 0, 0
        self.session.on("Network.requestWillBeSent", self._sent)
        self.session.on("Network.loadingFinished", self._finished)
        self.session.on("Network.requestServedFromCache", self._cached)

    def _sent(self, event):
        if not event["request"]["url"].startswith("data:"):
            self.requests += 1

    def _finished(self, event):
        self.bytes += event.get("encodedDataLength", 0)

    def _cached(self, event):
        self.cached += 1

    def reset(self):
        self.requests, self.bytes, self.cached = 0, 0, 0

    def read(self):
        return {
            "kb": round(self.bytes / 1024, 1),
            "requests": self.requests,
            "from_cache": self.cached,
        }


def settle(page):
    page.wait_for_load_state("networkidle")
    time.sleep(0.3)


def sign_in(page, base, email):
    page.goto(f"{base}/compte/connexion/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_load_state("networkidle")
    if "/confidentialite/accepter/" in page.url:  # first sign-in: the notice
        page.locator("form.form input[type=checkbox]").first.check()
        page.click("text=Accepter et continuer")
        page.wait_for_load_state("networkidle")


def open_player(page):
    page.click("[data-h5p-open]")
    player = page.wait_for_selector("iframe.h5p-frame", timeout=30_000)
    inner = player.content_frame().wait_for_selector("iframe.h5p-iframe")
    inner.content_frame().wait_for_selector(".h5p-question-content", timeout=30_000)
    settle(page)


def lesson_urls():
    """Where the demo's lessons live (read from the same database)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()
    from wagtail.models import Locale

    from courses.models import LessonPage

    def url(slug):
        lesson = LessonPage.objects.get(slug=slug, locale=Locale.get_default())
        return lesson.get_url()

    def path_url(slug):
        lesson = LessonPage.objects.get(slug=slug, locale=Locale.get_default())
        return lesson.get_parent().get_parent().get_url()

    return {
        "paths": [path_url(FIRST_EXERCISE), path_url(SECOND_EXERCISE)],
        "text": url(TEXT_LESSON),
        "first": url(FIRST_EXERCISE),
        "second": url(SECOND_EXERCISE),
    }


def enrolled(page, base, urls):
    """The learner enrolled in both exercises' paths (not measured)."""
    for url in urls["paths"]:
        page.goto(base + url)
        enrol = page.locator("text=M'inscrire à ce parcours")
        if enrol.count():
            enrol.first.click()
            page.wait_for_load_state("networkidle")


def browser_context(playwright):
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=["--no-sandbox", "--disable-site-isolation-trials"],
    )
    return browser, browser.new_context(viewport={"width": 1280, "height": 900})


def measure(page, meter, url, then=None):
    meter.reset()
    page.goto(url)
    settle(page)
    if then:
        then(page)
    return meter.read()


def journey(playwright, base, urls):
    """A learner's visit in one browser, then a coordinator's and staff's."""
    results = {}
    browser, context = browser_context(playwright)
    page = context.new_page()
    meter = Meter(page)
    results["home"] = measure(page, meter, f"{base}/")
    results["catalogue"] = measure(page, meter, f"{base}/catalogue/")
    results["signup"] = measure(page, meter, f"{base}/compte/inscription/")
    sign_in(page, base, LEARNER)
    enrolled(page, base, urls)
    results["text_lesson"] = measure(page, meter, base + urls["text"])
    results["lesson"] = measure(page, meter, base + urls["first"])
    meter.reset()
    open_player(page)
    results["lesson_player"] = meter.read()
    results["second_exercise"] = measure(
        page, meter, base + urls["second"], then=open_player
    )
    results["my_path"] = measure(page, meter, f"{base}/compte/mon-parcours/")
    browser.close()
    for role, email in (("dashboard", COORDINATOR), ("dashboard_staff", STAFF)):
        browser, context = browser_context(playwright)
        page = context.new_page()
        sign_in(page, base, email)
        meter = Meter(page)
        results[role] = measure(page, meter, f"{base}/participation/")
        browser.close()
    return results


def cold(playwright, base, urls):
    """Each page in a fresh browser: nothing kept but what signing in
    loaded (the site's style sheet and script)."""
    results = {}
    for name, url, email in (
        ("lesson", base + urls["first"], LEARNER),
        ("signup", f"{base}/compte/inscription/", None),
        ("dashboard", f"{base}/participation/", COORDINATOR),
    ):
        browser, context = browser_context(playwright)
        page = context.new_page()
        if email:
            sign_in(page, base, email)
        meter = Meter(page)
        results[name] = measure(page, meter, url)
        if name == "lesson":
            meter.reset()
            open_player(page)
            results["lesson_player"] = meter.read()
        browser.close()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    from playwright.sync_api import sync_playwright

    urls = lesson_urls()
    with sync_playwright() as playwright:
        warm = journey(playwright, base, urls)
        fresh = cold(playwright, base, urls)
    for name, row in warm.items():
        extra = f"   (fresh browser: {fresh[name]['kb']} KB)" if name in fresh else ""
        print(
            f"{name:18} {row['requests']:4} requests ({row['from_cache']:3} from the"
            f" browser's cache) {row['kb']:8} KB{extra}"
        )
    summary = {
        "lesson_kb": fresh["lesson"]["kb"],
        "lesson_player_kb": fresh["lesson_player"]["kb"],
        "second_exercise_kb": warm["second_exercise"]["kb"],
        "dashboard_kb": max(
            fresh["dashboard"]["kb"],
            warm["dashboard"]["kb"],
            warm["dashboard_staff"]["kb"],
        ),
        "signup_kb": fresh["signup"]["kb"],
        "requests_player": fresh["lesson_player"]["requests"],
    }
    summary["over_budget"] = [
        key for key, limit in TARGETS_KB.items() if summary[key] > limit
    ]
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
