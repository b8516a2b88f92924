"""axe-core (npm, ``node_modules/axe-core``) on every main page, for each role:
no critical and no serious violation of WCAG 2.0/2.1 A and AA, the basis of
Québec's SGQRI 008 (issue 16). Frames are checked too (the H5P player and
its content, on the player's own origin), and the pages at 375 px wide.

A page whose fix lies in a file this check does not own is listed in
``KNOWN`` with the reason: the check then expects it to fail (as an
``xfail(strict=True)`` would), so a fixed page must leave the list."""

from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.test_page_weight import signed_in
from tests.permission_matrix_fixtures import build_world
from tests.sessions_factories import registered, session_now

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Path(settings.BASE_DIR, "node_modules", "axe-core", "axe.min.js")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("critical", "serious")
KNOWN: dict[tuple[str, str], str] = {}
RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations
    .filter((v) => ["critical", "serious"].includes(v.impact))
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
}"""


def violations(page):
    """What axe finds on the page and in every frame it holds."""
    source = AXE.read_text()
    for frame in page.frames:
        frame.add_script_tag(content=source)
    return page.main_frame.evaluate(RUN, TAGS)


@pytest.fixture
def world(municipalities):
    world = build_world()
    learner = world.users["learner"]
    module = world.ids["session"]
    from courses.models import TrainingSession

    now = session_now(module=TrainingSession.objects.get(pk=module).module)
    registered(learner, now)
    world.ids["session_now"] = now.pk
    return world


@pytest.fixture
def axe_page(browser_page):
    """A page whose Content-Security-Policy lets the test add axe's script
    (the site's own pages allow no inline script)."""
    context = browser_page.context.browser.new_context(
        bypass_csp=True, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def public_pages(world):
    from courses.models import LearningPathPage, LessonPage, ModulePage

    path = LearningPathPage.objects.get(pk=world.ids["path"])
    module = ModulePage.objects.live().first()
    lesson = LessonPage.objects.get(pk=world.ids["lesson"])
    return {
        "accueil": "/",
        "catalogue": "/catalogue/",
        "parcours": path.url,
        "module": module.url,
        "leçon": lesson.url,
        "vérification": f"/attestations/verifier/{world.ids['code']}/",
        "vérifier un code": "/attestations/verifier/",
        "confidentialité": "/confidentialite/",
    }


def sign_up_with_errors(page):
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()


def open_exercise(page):
    page.click("[data-h5p-open]")
    player = page.wait_for_selector("iframe.h5p-frame").content_frame()
    content = player.wait_for_selector("iframe.h5p-iframe").content_frame()
    content.wait_for_selector(".h5p-content")
    page.wait_for_load_state("networkidle")


def pages_for(role, world):
    """(name, URL, what to do once there) for one role."""
    pages = [(name, url, None) for name, url in public_pages(world).items()]
    session, now = world.ids["session"], world.ids["session_now"]
    if role == "anonyme":
        pages += [
            ("inscription, avec erreurs", "/compte/inscription/", sign_up_with_errors),
            ("connexion", "/compte/connexion/", None),
        ]
    elif role == "apprenant":
        lesson = dict(public_pages(world))["leçon"]
        pages += [
            ("exercice ouvert", lesson, open_exercise),
            ("mon parcours", "/compte/mon-parcours/", None),
            ("séance", f"/compte/seances/{session}/", None),
            ("séance, présence", f"/compte/seances/{now}/", None),
            ("attestations", "/attestations/", None),
            ("attestation", f"/attestations/{world.ids['certificate']}/", None),
            ("mes données", "/confidentialite/mes-donnees/", None),
            ("fermer mon compte", "/confidentialite/fermer-mon-compte/", None),
            ("profil", "/compte/profil/", None),
        ]
    else:
        town = world.ids["town"]
        pages += [
            ("tableau de bord", "/participation/", None),
            ("municipalités", "/participation/municipalites/", None),
            ("municipalité", f"/participation/municipalites/{town}/", None),
        ]
    return pages


ROLES = {"anonyme": None, "apprenant": "learner", "coordination": "coordinator"}


@pytest.mark.parametrize("role", ROLES)
def test_no_serious_violation_on_the_main_pages(
    live_server, player_origin, axe_page, world, role
):
    page = axe_page
    actor = ROLES[role]
    if actor:
        signed_in(page, live_server, world.users[actor])
    found, checked = {}, []

    for name, url, then in pages_for(role, world):
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            response = page.goto(f"{live_server.url}{url}")
            assert response.status == 200, (name, url, response.status)
            if then:
                then(page)
            problems = violations(page)
            if problems:
                found[(role, name, width)] = problems
            checked.append((name, width))

    expected = {key for key in found if (key[0], key[1]) in KNOWN}
    unexpected = {key: value for key, value in found.items() if key not in expected}
    assert not unexpected, unexpected
    fixed = {key for key in KNOWN if key[0] == role} - {k[:2] for k in found}
    assert not fixed, f"Fixed now, remove from KNOWN: {fixed}"
    assert len(checked) == 2 * len(pages_for(role, world))
