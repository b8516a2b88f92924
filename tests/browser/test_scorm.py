"""A learner plays a SCORM 1.2 and a SCORM 2004 package in a lesson: answers,
leaves, comes back where they were, completes; the lesson counts as done; a
SCO's script finds no cookie of the site (it runs on the player's origin)."""

import pytest

from learners.models import LessonCompletion, ScormAttempt
from learners.services import enrolment_create
from tests.browser.test_h5p_flow import sign_in
from tests.factories import build_site
from tests.fixtures.scorm.builders import multi_sco_2004, single_sco_12
from tests.fixtures.scorm.lessons import imported

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


PROBE = """async (site) => {
  const found = {};
  try {
    const r = await fetch(site + "/compte/mon-parcours/", {credentials: "include"});
    found.read = r.status + " " + r.type;
  } catch (e) { found.read = "refusé"; }
  try { window.top.location.href = site + "/compte/?pris=1"; found.top = "fait"; }
  catch (e) { found.top = "refusé"; }
  try { found.storage = String(window.top.localStorage.length); }
  catch (e) { found.storage = "refusé"; }
  return found;
}"""


def scorm_lesson(learner):
    tree = build_site()
    enrolment_create(user=learner, path=tree["path"])
    first = imported(single_sco_12())
    second = imported(multi_sco_2004(edition=4))
    lesson = tree["lesson"]
    lesson.body = [
        {"type": "paragraph", "value": "<p>Deux modules à suivre.</p>"},
        _block("scorm-12", first, "passed"),
        _block("scorm-2004", second, "completed"),
    ]
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


def _block(block_id, package, rule):
    return {
        "type": "scorm",
        "id": block_id,
        "value": {"package": package.pk, "completion_rule": rule, "pass_threshold": 70},
    }


def sco_frame(page, block, title):
    """The SCO's frame, inside the wrapper on the player's origin."""
    wrapper = page.wait_for_selector(
        f"{block} iframe.scorm-frame[title$='{title}']", state="attached"
    ).content_frame()
    sco = wrapper.wait_for_selector("iframe", state="attached").content_frame()
    sco.wait_for_function(
        "() => ['ready', 'answered'].includes("
        "document.getElementById('status')?.textContent)"
    )
    return sco


def click_on_page(page, selector):
    """Click a control of the lesson page itself, once its scroll is painted.

    Chromium sends a mouse event to an out-of-process frame (a SCO, on the
    player's origin) by the hit-test data of the last painted frame, and
    Playwright scrolls and clicks within one frame: a button scrolled to
    where an open SCO was painted gets its click delivered to that SCO
    (docs/scorm.md, "A click that went to the other block"). A person
    cannot scroll and click within one frame, so the page needs no change.
    """
    target = page.locator(selector)
    target.scroll_into_view_if_needed()
    page.evaluate(
        "() => new Promise((painted) =>"
        " requestAnimationFrame(() => requestAnimationFrame(painted)))"
    )
    target.click()


def launched(response):
    return response.url.endswith("/scorm/lancements")


def answer(page, sco):
    with page.expect_response(
        lambda r: r.url.endswith("/scorm/validations") and r.status == 200
    ):
        sco.click("#right")


def test_learner_plays_resumes_and_completes(
    live_server, player_origin, browser_page, learner
):
    lesson = scorm_lesson(learner)
    page = browser_page
    page.set_default_timeout(60_000)  # two origins, many frames, a busy machine
    sign_in(page, live_server.url, learner.email)
    lesson_url = f"{live_server.url}{lesson.url}"
    block_12 = "[data-scorm-player='scorm-scorm-12-options']"
    block_2004 = "[data-scorm-player='scorm-scorm-2004-options']"

    # SCORM 1.2: first visit, from the start; the SCO reads no site cookie.
    page.goto(lesson_url)
    page.click(f"{block_12} [data-scorm-open]")
    sco = sco_frame(page, block_12, "Module 1")
    assert sco.text_content("#entry") == "ab-initio"
    assert sco.text_content("#cookies") == "cookies:"
    assert page.evaluate("document.cookie") != ""  # the site has its cookies
    assert sco.evaluate(PROBE, live_server.url) == {
        "read": "refusé",  # no site response readable with the session
        "top": "refusé",  # the lesson page cannot be navigated
        "storage": "refusé",  # nor its storage reached
    }
    assert page.url == lesson_url
    refused = sco.evaluate("scoSet('cmi.suspend_data', 'x'.repeat(5000))")
    assert refused == ["false", "405"]
    answer(page, sco)
    page.wait_for_function(
        f"() => (localStorage.getItem('virage-scorm-{learner.email}') || '[]') === '[]'"
    )

    # Leave, come back: resumed where they were.
    page.goto(f"{live_server.url}/compte/mon-parcours/")
    page.goto(lesson_url)
    assert "Reprendre" in page.text_content(f"{block_12} [data-scorm-open]")
    page.click(f"{block_12} [data-scorm-open]")
    sco = sco_frame(page, block_12, "Module 1")
    assert sco.text_content("#entry") == "resume"
    assert sco.text_content("#location") == "page-2"
    assert sco.text_content("#suspend") == "vu=sco-1"
    attempt = ScormAttempt.objects.get(sco__package__version="1.2")
    assert attempt.success_status == "passed" and attempt.score_raw == 90
    assert attempt.interactions[0]["student_response"] == "b"
    assert not LessonCompletion.objects.exists()  # the 2004 block is left

    # SCORM 2004, three items, on the same page where the 1.2 SCO is open:
    # the table of contents leads through them.
    with page.expect_response(launched):
        click_on_page(page, f"{block_2004} [data-scorm-open]")
    sco = sco_frame(page, block_2004, "Chapitre 1")
    assert sco.text_content("h1") == "sco-1"
    assert sco.text_content("#cookies") == "cookies:"
    answer(page, sco)
    page.wait_for_function(
        "(s) => document.querySelector(s).textContent.includes('Réussi')",
        arg=f"{block_2004} [data-scorm-sco] .scorm-status",
    )
    with page.expect_response(launched):
        click_on_page(page, f"{block_2004} [data-scorm-next]")
    sco = sco_frame(page, block_2004, "Chapitre 2")
    assert sco.text_content("h1") == "sco-2"
    answer(page, sco)
    with page.expect_response(launched):
        click_on_page(page, f"{block_2004} [data-scorm-next]")  # the glossary
    # An asset is completed by its launch, before the answer.
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()
    page.goto(lesson_url)
    click_on_page(page, f"{block_2004} [data-scorm-sco] button >> nth=0")
    sco = sco_frame(page, block_2004, "Chapitre 1")
    assert sco.text_content("#entry") == "resume"
    assert sco.text_content("#location") == "page-2"


def test_second_block_starts_while_the_first_is_open(
    live_server, player_origin, browser_page, learner
):
    """Regression: with the first block's SCO open above it, "Commencer" on
    the second block opens the second block's launch, and the first SCO
    receives no click."""
    lesson = scorm_lesson(learner)
    page = browser_page
    page.set_default_timeout(60_000)
    sign_in(page, live_server.url, learner.email)
    page.goto(f"{live_server.url}{lesson.url}")
    block_12 = "[data-scorm-player='scorm-scorm-12-options']"
    block_2004 = "[data-scorm-player='scorm-scorm-2004-options']"
    click_on_page(page, f"{block_12} [data-scorm-open]")
    first = sco_frame(page, block_12, "Module 1")

    with page.expect_request(launched) as request:
        click_on_page(page, f"{block_2004} [data-scorm-open]")
    assert request.value.post_data_json["block"] == "scorm-2004"
    second = sco_frame(page, block_2004, "Chapitre 1")
    assert second.text_content("h1") == "sco-1"
    assert first.text_content("#status") == "ready"  # not clicked
    answer(page, second)
    assert first.text_content("#status") == "ready"
