import threading

import pytest
from django.db import connection

from core.errors import ApplicationError
from learners.models import Enrolment, LessonCompletion, PathCompletion, RoleChange
from learners.selectors import path_progress
from learners.services import (
    enrolment_create,
    learner_role_change,
    lesson_complete,
    lesson_mark_done,
)
from learners.signals import path_completed
from tests.h5p_fixtures import h5p_content
from tests.progress_fixtures import add_module, lessons_of, role_rule

pytestmark = pytest.mark.django_db


@pytest.fixture
def path(site):
    """Module 1 (site's, one lesson) + module 2 (two lessons), optional for mayors."""
    second = add_module(site["path"], "module-2")
    role_rule(second, "mayor", requirement="optional")
    return site["path"]


@pytest.fixture
def completions():
    received = []

    def listener(sender, completion, user, path, **kwargs):
        received.append((user.pk, path.pk))

    path_completed.connect(listener)
    yield received
    path_completed.disconnect(listener)


def all_lessons(path):
    return [
        lesson
        for module in path_progress_modules(path)
        for lesson in lessons_of(module)
    ]


def path_progress_modules(path):
    from courses.models import ModulePage

    return list(ModulePage.objects.child_of(path).live().order_by("path"))


def test_enrolment_is_created_once(learner, path):
    first, created = enrolment_create(user=learner, path=path)
    again, created_again = enrolment_create(user=learner, path=path)

    assert created and not created_again and first == again
    assert Enrolment.objects.count() == 1


def test_unpublished_path_refuses_enrolment(learner, path):
    path.unpublish()

    with pytest.raises(ApplicationError, match="n'est pas publié"):
        enrolment_create(user=learner, path=path)


def test_percent_counts_required_lessons_for_the_role(learner, path):
    lessons = all_lessons(path)  # 1 in module 1, 2 in module 2
    lesson_complete(user=learner, lesson=lessons[0], source="manual")

    progress = path_progress(user=learner, path=path)

    assert learner.role == "employee"
    assert progress.percent == 33  # 1 of 3 required lessons
    assert not progress.complete
    assert progress.next_lesson() == lessons[1]


def test_optional_module_does_not_count_for_mayors(learner, path, completions):
    learner.role = "mayor"
    learner.save()
    first = all_lessons(path)[0]

    with_callbacks(lambda: lesson_complete(user=learner, lesson=first, source="manual"))

    progress = path_progress(user=learner, path=path)
    assert progress.complete and progress.percent == 100
    assert PathCompletion.objects.get(user=learner).role == "mayor"
    assert completions == [(learner.pk, path.pk)]


def with_callbacks(action):
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        return action()


def test_completing_everything_completes_the_path_once(learner, path, completions):
    for lesson in all_lessons(path):
        with_callbacks(
            lambda lesson=lesson: lesson_complete(
                user=learner, lesson=lesson, source="manual"
            )
        )
    with_callbacks(
        lambda: lesson_complete(
            user=learner, lesson=all_lessons(path)[0], source="manual"
        )
    )

    assert PathCompletion.objects.filter(user=learner, path=path).count() == 1
    assert completions == [(learner.pk, path.pk)]
    assert LessonCompletion.objects.filter(user=learner).count() == 3


def test_recording_the_same_lesson_twice_changes_nothing(learner, path):
    lesson = all_lessons(path)[0]
    first = lesson_complete(user=learner, lesson=lesson, source="manual")
    again = lesson_complete(user=learner, lesson=lesson, source="manual")

    assert first == again
    assert LessonCompletion.objects.count() == 1


def test_completing_a_lesson_enrols_the_learner(learner, path):
    lesson_complete(user=learner, lesson=all_lessons(path)[0], source="manual")

    assert Enrolment.objects.filter(user=learner, path=path).exists()


def test_attendance_is_needed_where_the_role_rule_says(learner, path):
    module_2 = path_progress_modules(path)[1]
    role_rule(module_2, "employee", attendance=True)
    for lesson in all_lessons(path):
        lesson_complete(user=learner, lesson=lesson, source="manual")

    progress = path_progress(user=learner, path=path)

    assert not progress.complete
    assert progress.percent == 75  # 3 lessons of 3, attendance 0 of 1
    assert not PathCompletion.objects.exists()


def test_changing_role_recomputes_without_erasing(learner, path):
    first = all_lessons(path)[0]
    lesson_complete(user=learner, lesson=first, source="manual")
    assert not path_progress(user=learner, path=path).complete

    learner_role_change(user=learner, role="mayor")  # module 2 optional for mayors

    assert path_progress(user=learner, path=path).complete
    assert PathCompletion.objects.get(user=learner).role == "mayor"
    learner_role_change(user=learner, role="employee")
    assert PathCompletion.objects.filter(user=learner).exists()  # history kept
    assert LessonCompletion.objects.filter(user=learner).count() == 1
    assert list(RoleChange.objects.values_list("previous_role", "new_role")) == [
        ("employee", "mayor"),
        ("mayor", "employee"),
    ]


def test_lessons_with_exercises_are_not_marked_done_by_hand(learner, site):
    lesson = site["lesson"]
    lesson.body.append(
        (
            "h5p",
            {
                "content": h5p_content(),
                "grading_method": "highest",
                "completion_rule": "completed",
                "pass_threshold": 70,
            },
        )
    )
    lesson.save_revision().publish()
    lesson.refresh_from_db()

    with pytest.raises(ApplicationError, match="exercices interactifs"):
        lesson_mark_done(user=learner, lesson=lesson)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_concurrent_completions_record_one_row(municipalities):
    from tests.factories import UserFactory, build_site

    tree = build_site()
    user = UserFactory(email="concurrent@exemple.qc.ca")
    errors = []

    def complete():
        try:
            lesson_complete(user=user, lesson=tree["lesson"], source="manual")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=complete) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert LessonCompletion.objects.filter(user=user).count() == 1
    assert PathCompletion.objects.filter(user=user).count() == 1
    assert Enrolment.objects.filter(user=user).count() == 1
