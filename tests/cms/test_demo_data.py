"""The demo content: what `make run` shows a visitor.

Loading the demo takes seconds (three paths, four H5P packages, accounts,
sessions), so the module loads it once inside a transaction of its own and
each test runs in a savepoint within it, as Django's ``TestCase.setUpTestData``
does; the tests that check a second load run it inside their own savepoint.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction

from cms.demo.loader import DEMO_ACCOUNTS, DEMO_PASSWORD
from cms.models import HomePage
from courses.models import (
    H5PContent,
    H5PLibrary,
    LearningPathPage,
    LessonPage,
    ModulePage,
    TrainingSession,
)
from learners.models import PathCompletion, User
from learners.selectors import path_progress
from territory.models import Municipality

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module; rolled back after its last test."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            out = io.StringIO()
            call_command("load_demo_data", stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


# The demo also holds English translations of its pages; these tests read the
# French originals.
FRENCH = {"locale__language_code": "fr-ca"}


def load_again() -> str:
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


def test_demo_builds_three_paths_with_modules_lessons_and_accounts(demo):
    assert HomePage.objects.filter(**FRENCH).count() == 1
    paths = LearningPathPage.objects.live().filter(**FRENCH)
    assert sorted(p.slug for p in paths) == [
        "collaboration-cocreation-citoyens",
        "cybersecurite-elus",
        "ville-intelligente-donnees-ouvertes",
    ]
    for path in paths:
        assert 2 <= path.modules().count() <= 4
        for module in path.modules():
            assert module.lessons().count() >= 2
    assert Municipality.objects.count() == 1122
    assert User.objects.count() == len(DEMO_ACCOUNTS)
    assert "3 parcours créés" in demo


def test_demo_lessons_are_substantive_french_text(demo):
    for lesson in LessonPage.objects.filter(**FRENCH):
        text = " ".join(
            str(block.render()) for block in lesson.body if block.block_type != "h5p"
        )
        assert len(text) > 800, lesson.title
        assert "lorem" not in text.lower()


def test_demo_accounts_sign_in_with_the_readme_password(demo, client):
    for email, *_ in DEMO_ACCOUNTS:
        assert client.login(username=email, password=DEMO_PASSWORD), email
        client.logout()


def test_demo_trainer_can_edit_a_demo_lesson(demo, client):
    client.login(username="formatrice@demo.virage.quebec", password=DEMO_PASSWORD)
    lesson = LessonPage.objects.filter(**FRENCH).first()

    assert client.get(f"/admin/pages/{lesson.pk}/edit/").status_code == 200


def test_demo_has_sessions_and_learners_at_various_stages(demo):
    assert TrainingSession.objects.filter(session_format="virtual").count() == 1
    assert TrainingSession.objects.count() == 4
    councillor = User.objects.get(email="conseiller@demo.virage.quebec")
    mayor = User.objects.get(email="mairesse@demo.virage.quebec")
    cyber = LearningPathPage.objects.get(slug="cybersecurite-elus", **FRENCH)
    assert PathCompletion.objects.filter(user=councillor, path=cyber).count() == 1
    progress = path_progress(user=mayor, path=cyber)
    assert 0 < progress.percent < 100


def test_demo_has_h5p_exercises_in_french_on_installed_libraries(demo):
    with_exercise = [
        lesson
        for lesson in LessonPage.objects.live().filter(**FRENCH)
        if any(block.block_type == "h5p" for block in lesson.body)
    ]
    assert len(with_exercise) == 4
    assert H5PContent.objects.count() == 4
    assert set(H5PContent.objects.values_list("language", flat=True)) == {"fr"}
    assert set(
        H5PContent.objects.values_list("main_library__machine_name", flat=True)
    ) == {"H5P.MultiChoice", "H5P.TrueFalse"}
    assert H5PLibrary.objects.filter(machine_name="H5P.Question").exists()
    first = LessonPage.objects.get(slug="hameconnage-et-fraude", **FRENCH)
    block = next(b for b in first.body if b.block_type == "h5p")
    assert (block.value["completion_rule"], block.value["pass_threshold"]) == (
        "passed",
        60,
    )
    assert "4 exercices H5P ajoutés" in demo


def test_a_second_load_adds_nothing(demo):
    counts = lambda: (  # noqa: E731
        LessonPage.objects.count(),
        ModulePage.objects.count(),
        User.objects.count(),
        H5PContent.objects.count(),
        TrainingSession.objects.count(),
        PathCompletion.objects.count(),
    )
    before = counts()

    out = load_again()

    assert counts() == before
    assert "0 exercices H5P ajoutés" in out
    councillor = User.objects.get(email="conseiller@demo.virage.quebec")
    assert PathCompletion.objects.filter(user=councillor).count() == 1
