"""Opening an H5P launch (pressing "Commencer") and reading it back."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from learners.models import Enrolment, H5PLaunch
from learners.selectors import h5p_launch_valid
from learners.services import LaunchRefused, h5p_launch_open
from tests.factories import UserFactory
from tests.h5p_fixtures import h5p_content, lesson_with_h5p

pytestmark = pytest.mark.django_db


@pytest.fixture
def exercise(site):
    content = h5p_content()
    return lesson_with_h5p(site["lesson"], content), content


def enrol(user, site):
    Enrolment.objects.create(user=user, path=site["path"])


def test_an_enrolled_learner_opens_a_launch_bound_to_the_block(
    learner, site, exercise, settings
):
    settings.H5P_LAUNCH_TTL_SECONDS = 600
    lesson, content = exercise
    enrol(learner, site)

    launch = h5p_launch_open(user=learner, lesson_id=lesson.pk, block_id="bloc-1")

    assert (launch.user, launch.lesson_id, launch.block_id, launch.content) == (
        learner,
        lesson.pk,
        "bloc-1",
        content,
    )
    assert launch.lesson_revision_id == lesson.live_revision_id
    lifetime = launch.expires_at - launch.created_at
    assert timedelta(seconds=599) < lifetime <= timedelta(seconds=601)
    assert h5p_launch_valid(launch_id=launch.pk, user=learner) == launch


def test_staff_open_a_launch_without_enrolment(trainer, exercise):
    lesson, _content = exercise

    assert h5p_launch_open(user=trainer, lesson_id=lesson.pk, block_id="bloc-1")


def test_a_learner_not_enrolled_in_the_path_is_refused(learner, exercise):
    lesson, _content = exercise

    with pytest.raises(LaunchRefused) as refused:
        h5p_launch_open(user=learner, lesson_id=lesson.pk, block_id="bloc-1")

    assert refused.value.status == 403
    assert "Inscrivez-vous" in refused.value.message
    assert not H5PLaunch.objects.exists()


@pytest.mark.parametrize("block_id", ["autre-bloc", ""])
def test_a_block_the_live_lesson_lacks_is_not_found(learner, site, exercise, block_id):
    lesson, _content = exercise
    enrol(learner, site)

    with pytest.raises(LaunchRefused) as refused:
        h5p_launch_open(user=learner, lesson_id=lesson.pk, block_id=block_id)

    assert refused.value.status == 404
    assert not H5PLaunch.objects.exists()


def test_a_non_h5p_block_is_not_found(learner, site, exercise):
    lesson, _content = exercise
    enrol(learner, site)
    paragraph = lesson.body.raw_data[0]["id"]

    with pytest.raises(LaunchRefused) as refused:
        h5p_launch_open(user=learner, lesson_id=lesson.pk, block_id=paragraph)

    assert refused.value.status == 404


def test_a_block_only_in_a_draft_is_not_found(learner, site):
    content = h5p_content()
    lesson = site["lesson"]
    enrol(learner, site)
    draft = lesson.get_latest_revision_as_object()
    draft.body = [{"type": "h5p", "id": "bloc-1", "value": {"content": content.pk}}]
    draft.save_revision()  # saved, not published

    with pytest.raises(LaunchRefused) as refused:
        h5p_launch_open(user=learner, lesson_id=lesson.pk, block_id="bloc-1")

    assert refused.value.status == 404


def test_an_unpublished_or_missing_lesson_is_not_found(trainer, exercise):
    lesson, _content = exercise
    lesson.unpublish()

    for lesson_id in (lesson.pk, 999_999):
        with pytest.raises(LaunchRefused) as refused:
            h5p_launch_open(user=trainer, lesson_id=lesson_id, block_id="bloc-1")
        assert refused.value.status == 404


def test_a_launch_is_valid_only_for_its_user_and_until_it_expires(
    learner, site, exercise, municipalities
):
    lesson, _content = exercise
    enrol(learner, site)
    launch = h5p_launch_open(user=learner, lesson_id=lesson.pk, block_id="bloc-1")
    other = UserFactory(email="autre@exemple.qc.ca")

    assert h5p_launch_valid(launch_id=launch.pk, user=other) is None
    assert h5p_launch_valid(launch_id=str(launch.pk), user=learner) == launch
    assert h5p_launch_valid(launch_id=uuid.uuid4(), user=learner) is None
    assert h5p_launch_valid(launch_id="pas-un-uuid", user=learner) is None
    H5PLaunch.objects.filter(pk=launch.pk).update(expires_at=timezone.now())
    assert h5p_launch_valid(launch_id=launch.pk, user=learner) is None
