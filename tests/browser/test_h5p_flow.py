"""A learner opens a lesson with the TrueFalse sample, answers, and the server
holds the statement and the attempt with its score."""

import time

import pytest

from courses.models import LessonPage
from courses.services import h5p_content_import
from learners.models import H5PAttempt, H5PUserState, XapiStatement
from learners.services import enrolment_create
from tests.factories import PASSWORD, build_site
from tests.h5p_fixtures import TRUE_FALSE, exercise_append

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SAMPLE = TRUE_FALSE


def sign_in(page, base_url, email):
    page.goto(f"{base_url}/compte/connexion/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/compte/mon-parcours/")


def exercise_frame(page):
    """The content's frame, inside the sandboxed player on its own origin."""
    player = page.wait_for_selector("iframe.h5p-frame").content_frame()
    return player.wait_for_selector("iframe.h5p-iframe").content_frame()


def open_exercise(page, url):
    """Open the lesson and its exercise; return the content's frame."""
    page.goto(url)
    page.click("[data-h5p-open]")
    frame = exercise_frame(page)
    frame.wait_for_selector(".h5p-true-false-answer")
    return frame


def lesson_with_exercise(learner):
    tree = build_site()
    enrolment_create(user=learner, path=tree["path"])
    content = h5p_content_import(source=SAMPLE, title="Vrai ou faux")
    lesson = tree["lesson"]
    exercise_append(lesson, content)
    return LessonPage.objects.get(pk=lesson.pk), content


def test_answering_true_false_records_statement_and_attempt(
    live_server, player_origin, browser_page, learner, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    lesson, content = lesson_with_exercise(learner)
    page = browser_page
    sign_in(page, live_server.url, learner.email)
    page.goto(f"{live_server.url}{lesson.url}")

    loaded = []
    page.on(
        "request", lambda r: loaded.append(r.url) if "main.bundle.js" in r.url else None
    )
    assert not loaded  # nothing heavy before the learner opens the exercise
    page.click("[data-h5p-open]")
    frame = exercise_frame(page)
    frame.wait_for_selector(".h5p-true-false-answer")
    assert "Vrai" in frame.inner_text(".h5p-true-false-answers")  # French strings
    frame.click(".h5p-true-false-answer >> nth=0")
    with page.expect_response(lambda r: r.url.endswith("/xapi/statements")) as sent:
        frame.click(".h5p-question-check-answer")
    assert sent.value.status == 200
    key = f"virage-xapi-{learner.email}"
    page.wait_for_function(f"() => (localStorage.getItem('{key}') || '[]') === '[]'")

    answered = XapiStatement.objects.filter(user=learner, verb__endswith="/answered")
    assert answered.count() == 1
    statement = answered.get()
    assert (statement.content, statement.lesson_id) == (content, lesson.pk)
    attempt = H5PAttempt.objects.get(user=learner)
    assert attempt.completed and attempt.score_max == 1
    assert attempt.score_scaled in (0.0, 1.0)
    assert statement.attempt == attempt

    page.reload()
    assert "tentative terminée" in page.inner_text(".h5p-result")


def test_statements_queued_offline_are_sent_once_back_online(
    live_server, player_origin, browser_page, learner, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    lesson, _content = lesson_with_exercise(learner)
    page = browser_page
    sign_in(page, live_server.url, learner.email)
    frame = open_exercise(page, f"{live_server.url}{lesson.url}")

    page.route("**/xapi/statements", lambda route: route.abort())  # the network drops
    frame.click(".h5p-true-false-answer >> nth=1")
    frame.click(".h5p-question-check-answer")
    key = f"virage-xapi-{learner.email}"
    page.wait_for_function(
        f"() => (localStorage.getItem('{key}') || '').includes('answered')"
    )
    assert not XapiStatement.objects.filter(verb__endswith="/answered").exists()

    page.unroute("**/xapi/statements")
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.wait_for_function(f"() => localStorage.getItem('{key}') === '[]'")
    page.reload(wait_until="networkidle")  # must not re-send what was acknowledged

    assert XapiStatement.objects.filter(verb__endswith="/answered").count() == 1
    assert H5PAttempt.objects.filter(user=learner).count() == 1


def test_an_unfinished_exercise_resumes_where_the_learner_left_it(
    live_server, player_origin, browser_page, learner, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    lesson, _content = lesson_with_exercise(learner)
    page = browser_page
    sign_in(page, live_server.url, learner.email)
    frame = open_exercise(page, f"{live_server.url}{lesson.url}")
    frame.click(".h5p-true-false-answer >> nth=0")  # answered, not checked

    # Leaving the page sends the state in a beacon (H5P's own unload save is
    # a synchronous request that Chromium refuses).
    page.goto("about:blank")
    for _ in range(50):  # a condition with a deadline, not a fixed sleep
        if H5PUserState.objects.filter(user=learner, data__contains="answer").exists():
            break
        time.sleep(0.1)
    frame = open_exercise(page, f"{live_server.url}{lesson.url}")

    checked = frame.eval_on_selector_all(
        ".h5p-true-false-answer", "els => els.map(e => e.getAttribute('aria-checked'))"
    )
    assert checked == ["true", "false"]
