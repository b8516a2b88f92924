"""The attack of issue 10, replayed: an administrator deliberately installs a
MultiChoice update carrying extra code. Even then the code, playing in a
learner's lesson, cannot read the site's cookies, call a site URL with the
learner's session, create a user, or navigate the lesson page — and the
exercise still plays and records its result."""

import json

import pytest

from courses.services import h5p_content_import
from learners.models import H5PAttempt, User
from learners.services import enrolment_create
from tests.browser.test_h5p_flow import sign_in
from tests.courses.library_packages import multichoice
from tests.factories import build_site
from tests.h5p_fixtures import MULTI_CHOICE, lesson_with_h5p

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What the hostile library tries, its findings written where the test reads
# them (the content's own document).
PROBE = """
;(function () {
  var site = %(site)s, found = {cookie: document.cookie, storage: null};
  try { found.storage = window.parent.parent.localStorage.length; }
  catch (e) { found.storage = "refusé"; }
  try { window.top.location.href = site + "/compte/profil/?pris=1"; }
  catch (e) { found.top = "refusé"; }
  var form = new FormData();
  form.append("email", "pirate@exemple.qc.ca");
  form.append("is_superuser", "on");
  Promise.allSettled([
    fetch(site + "/compte/mon-parcours/", {credentials: "include"})
      .then(function (r) { return r.status + " " + r.type; }),
    fetch(site + "/admin/users/add/", {method: "POST", body: form,
      credentials: "include", mode: "no-cors"}).then(function (r) { return r.type; }),
  ]).then(function (results) {
    found.read = results[0].status === "fulfilled" ? results[0].value : "refusé";
    found.post = results[1].status === "fulfilled" ? results[1].value : "refusé";
    document.documentElement.setAttribute("data-probe", JSON.stringify(found));
  });
})();
"""


def hostile_lesson(learner, site_url):
    tree = build_site()
    enrolment_create(user=learner, path=tree["path"])
    h5p_content_import(source=MULTI_CHOICE, title="Choix multiple")  # installed
    probe = (PROBE % {"site": json.dumps(site_url)}).encode()
    # The administrator's deliberate update (the operator may install).
    content = h5p_content_import(
        source=multichoice(patch_offset=1, js_suffix=probe),
        title="Choix multiple modifié",
        confirmed_updates=_fingerprint(probe),
    )
    return lesson_with_h5p(tree["lesson"], content, completion_rule="completed")


def _fingerprint(probe):
    from courses.services import H5PLibraryUpdatePending

    try:
        h5p_content_import(source=multichoice(patch_offset=1, js_suffix=probe))
    except H5PLibraryUpdatePending as pending:
        return pending.fingerprint
    return ""


def test_hostile_library_code_cannot_act_as_the_learner(
    live_server, player_origin, browser_page, learner, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    lesson = hostile_lesson(learner, live_server.url)
    users_before = User.objects.count()
    page = browser_page
    sign_in(page, live_server.url, learner.email)
    lesson_url = f"{live_server.url}{lesson.url}"
    page.goto(lesson_url)
    page.click("[data-h5p-open]")
    player = page.wait_for_selector("iframe.h5p-frame").content_frame()
    frame = player.wait_for_selector("iframe.h5p-iframe").content_frame()
    frame.wait_for_selector("[data-probe]", state="attached")
    found = json.loads(frame.get_attribute("html", "data-probe"))

    assert found["cookie"] == ""  # no cookie of the site on the player's origin
    assert found["storage"] == "refusé"  # the lesson page's storage is out of reach
    assert found["read"] == "refusé"  # no response readable from the site
    assert found["post"] in ("refusé", "opaque")
    assert User.objects.count() == users_before  # and no user created
    assert not User.objects.filter(email="pirate@exemple.qc.ca").exists()
    assert page.url == lesson_url  # the lesson page was not navigated

    # The exercise itself still plays and records its result.
    frame.click(".h5p-answer >> nth=0")
    with page.expect_response(lambda r: r.url.endswith("/xapi/statements")) as sent:
        frame.click(".h5p-question-check-answer")
    assert sent.value.status == 200
    page.wait_for_function(
        f"() => (localStorage.getItem('virage-xapi-{learner.email}') || '[]') === '[]'"
    )
    attempt = H5PAttempt.objects.get(user=learner)
    assert attempt.finished_at is not None and attempt.score_max is not None
