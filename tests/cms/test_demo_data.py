import pytest
from django.core.management import call_command

from cms.demo.loader import DEMO_ACCOUNTS, DEMO_PASSWORD
from cms.models import HomePage
from courses.models import LearningPathPage, LessonPage, ModulePage
from learners.models import User
from territory.models import Municipality

pytestmark = pytest.mark.django_db


def test_demo_builds_three_paths_with_modules_lessons_and_accounts(capsys):
    call_command("load_demo_data")

    assert HomePage.objects.count() == 1
    paths = LearningPathPage.objects.live()
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
    assert "3 parcours créés" in capsys.readouterr().out


def test_demo_lessons_are_substantive_french_text():
    call_command("load_demo_data")

    for lesson in LessonPage.objects.all():
        text = " ".join(
            str(block.render()) for block in lesson.body if block.block_type != "h5p"
        )
        assert len(text) > 800, lesson.title
        assert "lorem" not in text.lower()


def test_demo_is_idempotent():
    call_command("load_demo_data")
    counts = (
        LessonPage.objects.count(),
        ModulePage.objects.count(),
        User.objects.count(),
    )

    call_command("load_demo_data")

    assert (
        LessonPage.objects.count(),
        ModulePage.objects.count(),
        User.objects.count(),
    ) == counts


def test_demo_accounts_sign_in_with_the_readme_password(client):
    call_command("load_demo_data")

    for email, *_ in DEMO_ACCOUNTS:
        assert client.login(username=email, password=DEMO_PASSWORD), email
        client.logout()


def test_demo_trainer_can_edit_a_demo_lesson(client):
    call_command("load_demo_data")
    client.login(username="formatrice@demo.virage.quebec", password=DEMO_PASSWORD)
    lesson = LessonPage.objects.first()

    assert client.get(f"/admin/pages/{lesson.pk}/edit/").status_code == 200


def test_demo_has_sessions_and_learners_at_various_stages():
    from courses.models import TrainingSession
    from learners.models import PathCompletion
    from learners.selectors import path_progress

    call_command("load_demo_data")
    call_command("load_demo_data")

    assert TrainingSession.objects.filter(session_format="virtual").count() == 1
    assert TrainingSession.objects.count() == 4
    councillor = User.objects.get(email="conseiller@demo.virage.quebec")
    mayor = User.objects.get(email="mairesse@demo.virage.quebec")
    cyber = LearningPathPage.objects.get(slug="cybersecurite-elus")
    assert PathCompletion.objects.filter(user=councillor, path=cyber).count() == 1
    progress = path_progress(user=mayor, path=cyber)
    assert 0 < progress.percent < 100


def test_demo_has_h5p_exercises_in_french_on_installed_libraries(capsys):
    from courses.models import H5PContent, H5PLibrary

    call_command("load_demo_data")

    with_exercise = [
        lesson
        for lesson in LessonPage.objects.live()
        if any(block.block_type == "h5p" for block in lesson.body)
    ]
    assert len(with_exercise) == 4
    assert H5PContent.objects.count() == 4
    assert set(H5PContent.objects.values_list("language", flat=True)) == {"fr"}
    assert set(
        H5PContent.objects.values_list("main_library__machine_name", flat=True)
    ) == {"H5P.MultiChoice", "H5P.TrueFalse"}
    assert H5PLibrary.objects.filter(machine_name="H5P.Question").exists()
    first = LessonPage.objects.get(slug="hameconnage-et-fraude")
    block = next(b for b in first.body if b.block_type == "h5p")
    assert (block.value["completion_rule"], block.value["pass_threshold"]) == (
        "passed",
        60,
    )
    assert "4 exercices H5P ajoutés" in capsys.readouterr().out

    call_command("load_demo_data")  # a second run adds nothing

    assert H5PContent.objects.count() == 4
    assert "0 exercices H5P ajoutés" in capsys.readouterr().out
