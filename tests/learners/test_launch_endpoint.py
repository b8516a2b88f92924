"""``/h5p/lancements``: what "Commencer" asks the server, and who is refused."""

import json
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from courses.player import content_key
from learners.models import H5PLaunch
from learners.services import enrolment_create
from tests.factories import UserFactory
from tests.h5p_fixtures import h5p_content, lesson_with_h5p

pytestmark = pytest.mark.django_db

URL = "/h5p/lancements"


@pytest.fixture
def exercise(site):
    content = h5p_content()
    lesson = lesson_with_h5p(site["lesson"], content, block="bloc-1")
    return {
        "lesson": lesson,
        "block": "bloc-1",
        "content": content,
        "path": site["path"],
    }


def launch(client, body):
    return client.post(URL, json.dumps(body), content_type="application/json")


def test_an_enrolled_learner_opens_a_launch_and_gets_the_isolated_player(
    client, exercise, learner
):
    enrolment_create(user=learner, path=exercise["path"])
    client.force_login(learner)

    response = launch(
        client, {"lesson": exercise["lesson"].pk, "block": exercise["block"]}
    )

    assert response.status_code == 201
    data = response.json()
    stored = H5PLaunch.objects.get(pk=uuid.UUID(data["launch"]))
    assert (stored.user, stored.lesson_id, stored.block_id, stored.content_id) == (
        learner,
        exercise["lesson"].pk,
        exercise["block"],
        exercise["content"].pk,
    )
    player = urlsplit(data["player_url"])
    content = exercise["content"]
    assert f"{player.scheme}://{player.netloc}" == "http://h5p.testserver"
    assert player.path == f"/h5p/lecteur/{content.pk}/{content_key(content.pk)}/"
    assert parse_qs(player.query) == {
        "langue": ["fr-ca"],
        "parent": ["http://testserver"],
    }


def test_refusals_change_nothing(client, exercise, learner):
    lesson, block = exercise["lesson"].pk, exercise["block"]

    assert launch(client, {"lesson": lesson, "block": block}).status_code == 401
    client.force_login(learner)
    not_enrolled = launch(client, {"lesson": lesson, "block": block})
    assert not_enrolled.status_code == 403
    assert "Inscrivez-vous" in not_enrolled.json()["error"]
    enrolment_create(user=learner, path=exercise["path"])
    assert launch(client, {"lesson": lesson, "block": "autre"}).status_code == 404
    assert launch(client, {"lesson": lesson + 999, "block": block}).status_code == 404
    for bad in ({"lesson": str(lesson), "block": block}, {"lesson": lesson}, []):
        assert launch(client, bad).status_code == 400, bad
    garbage = client.post(URL, b"\xff{", content_type="application/json")
    assert garbage.status_code == 400
    assert client.get(URL).status_code == 405
    assert not H5PLaunch.objects.exists()


def test_the_launch_needs_the_csrf_token(exercise, learner):
    enrolment_create(user=learner, path=exercise["path"])
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)

    response = launch(
        client, {"lesson": exercise["lesson"].pk, "block": exercise["block"]}
    )

    assert response.status_code == 403
    assert not H5PLaunch.objects.exists()


def test_a_preview_is_for_staff_and_records_nothing(client, exercise, learner, trainer):
    body = {"content": exercise["content"].pk, "preview": True}
    client.force_login(learner)
    assert launch(client, body).status_code == 403

    client.force_login(trainer)
    response = launch(client, body)

    assert response.status_code == 200
    assert response.json()["launch"] is None
    assert "/h5p/lecteur/" in response.json()["player_url"]
    assert launch(client, {"content": "1", "preview": True}).status_code == 400
    assert not H5PLaunch.objects.exists()


def test_another_learner_cannot_use_a_launch_key_to_read_anything_on_the_site(
    client, exercise, municipalities
):
    """The player's key opens files on the player's host only."""
    other = UserFactory(email="autre@exemple.qc.ca")
    client.force_login(other)
    content = exercise["content"]

    site_url = f"/h5p/lecteur/{content.pk}/{content_key(content.pk)}/h5p.json"

    assert client.get(site_url).status_code == 404
