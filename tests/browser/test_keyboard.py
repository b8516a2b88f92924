"""Keyboard only (issue 16): a visitor signs up, enrols, opens a lesson,
answers its exercise and registers for a session with Tab, Enter, Space and
the arrow keys — never the mouse. Every control reached on the site's pages
shows a focus ring of at least 2 px contrasting 3:1 with what is behind it."""

import re

import pytest
from django.core import mail

from courses.services import h5p_content_import
from learners.models import SessionRegistration, User, XapiStatement
from tests.factories import build_site
from tests.h5p_fixtures import TRUE_FALSE, exercise_append
from tests.sessions_factories import TrainingSessionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "isabelle@saint-elzear.qc.ca"
PASSWORD = "Conseil-municipal-2026!"
START_TABS = 20  # "Commencer l'exercice" is this close to the top of a lesson

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let back = el.parentElement, bg = "rgb(255, 255, 255)";
  while (back) {
    const c = getComputedStyle(back).backgroundColor;
    const parts = rgb(c);
    if (parts.length === 3 || (parts.length === 4 && parts[3] > 0)) { bg = c; break; }
    back = back.parentElement;
  }
  const [a, b] = [lum(rgb(style.outlineColor)), lum(rgb(bg))].sort((x, y) => y - x);
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim(),
    outline: style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth),
    contrast: (a + 0.05) / (b + 0.05),
  };
}"""


def tab_to(page, wanted, limit=60):
    """Press Tab until ``wanted(focused)`` holds; check each focus ring on the
    way. Returns how many Tabs it took."""
    for count in range(1, limit + 1):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or focused["tag"] == "iframe":
            continue
        assert focused["outline"] >= 2, focused
        assert focused["contrast"] >= 3, focused
        if wanted(focused):
            return count
    raise AssertionError(f"not reached in {limit} Tabs; last: {focused}")


def by_id(element_id):
    return lambda focused: focused["id"] == element_id


def by_text(text):
    return lambda focused: focused["text"].startswith(text)


def tab_in_frame(page, frame, selector, limit=40):
    """Press Tab until the focus, inside ``frame``, is on ``selector``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if frame.evaluate(
            "(s) => document.hasFocus() && !!document.activeElement"
            " && document.activeElement.matches(s)",
            selector,
        ):
            return
    raise AssertionError(f"{selector} not reached in {limit} Tabs")


def sign_up(page, base):
    page.goto(f"{base}/compte/inscription/")
    tab_to(page, by_id("id_first_name"))
    page.keyboard.type("Isabelle")
    tab_to(page, by_id("id_last_name"))
    page.keyboard.type("Tremblay")
    tab_to(page, by_id("id_email"))
    page.keyboard.type(EMAIL)
    tab_to(page, by_id("id_municipality_search"))
    page.keyboard.type("saint elzear")
    page.wait_for_selector("[role=option]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    tab_to(page, by_id("id_role"))
    page.keyboard.press("ArrowDown")  # the first role
    tab_to(page, by_id("id_password1"))
    page.keyboard.type(PASSWORD)
    tab_to(page, by_id("id_password2"))
    page.keyboard.type(PASSWORD)
    tab_to(page, by_id("id_accept_notice"))
    page.keyboard.press("Space")
    tab_to(page, by_text("Créer mon compte"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/compte/inscription/envoyee/")
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(base + "/" + link.split("/", 3)[3])
    tab_to(page, by_text("Créer mon compte"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/compte/mon-parcours/")


def test_sign_up_lesson_exercise_and_session_by_keyboard(
    live_server, player_origin, browser_page, municipalities
):
    tree = build_site()
    content = h5p_content_import(source=TRUE_FALSE, title="Vrai ou faux")
    lesson = tree["lesson"]
    exercise_append(lesson, content)
    session = TrainingSessionFactory(module=tree["module"])
    page = browser_page
    base = live_server.url

    sign_up(page, base)
    user = User.objects.get(email=EMAIL)

    page.goto(f"{base}{tree['path'].url}")
    tab_to(page, by_text("M'inscrire à ce parcours"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(f"{base}{lesson.url}")
    tabs = tab_to(page, by_text("Commencer l'exercice"))
    assert tabs <= START_TABS, tabs
    page.keyboard.press("Enter")
    player = page.wait_for_selector("iframe.h5p-frame")
    assert player.get_attribute("title")  # announced by screen readers
    frame = (
        player.content_frame().wait_for_selector("iframe.h5p-iframe").content_frame()
    )
    frame.wait_for_selector(".h5p-true-false-answer")
    tab_in_frame(page, frame, ".h5p-true-false-answer")
    page.keyboard.press("Space")
    tab_in_frame(page, frame, ".h5p-question-check-answer")
    with page.expect_response(
        # the answer's statement, not an "interacted" one sent before it
        lambda r: (
            r.url.endswith("/xapi/statements")
            and "/answered" in (r.request.post_data or "")
        )
    ) as sent:
        page.keyboard.press("Enter")
    assert sent.value.status == 200
    assert XapiStatement.objects.filter(user=user, verb__endswith="/answered").exists()

    page.goto(f"{base}/compte/seances/{session.pk}/")
    tab_to(page, by_text("M'inscrire"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert SessionRegistration.objects.filter(user=user, session=session).exists()
