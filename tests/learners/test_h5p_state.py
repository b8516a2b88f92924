from types import SimpleNamespace

import pytest
from django.test import Client

from learners.models import H5PUserState
from tests.h5p_fixtures import h5p_content, launch, lesson_with_h5p

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site):
    content = h5p_content()
    lesson_with_h5p(site["lesson"], content)
    return content


@pytest.fixture
def player(learner, site, content):
    """The learner, enrolled and having pressed "Commencer", signed in."""
    launch(learner, site["lesson"])
    client = Client()
    client.force_login(learner)
    return client


def url(content, lesson, data_type="state", sub="0", block="bloc-1"):
    return f"/h5p/etat/{content.pk}/{lesson.pk}/{block}/{data_type}/{sub}"


def test_state_round_trip_in_h5p_core_format(player, site, content):
    target = url(content, site["lesson"])

    assert player.get(target).json() == {"success": True, "data": False}
    saved = player.post(
        target, {"data": '{"answer":true}', "preload": "1", "invalidate": "0"}
    )
    assert saved.json() == {"success": True}
    assert player.get(target).json() == {"success": True, "data": '{"answer":true}'}

    player.post(target, {"data": "0"})  # H5P's "forget"
    assert not H5PUserState.objects.exists()


def test_state_is_per_learner(player, site, content, municipalities):
    from tests.factories import UserFactory

    player.post(url(content, site["lesson"]), {"data": '{"mine":1}'})
    other_learner = UserFactory(email="autre@exemple.qc.ca")
    launch(other_learner, site["lesson"])
    other = Client()
    other.force_login(other_learner)

    assert other.get(url(content, site["lesson"])).json()["data"] is False


def test_state_refuses_anonymous(site, content):
    target = url(content, site["lesson"])

    assert Client().get(target).status_code == 401
    assert Client().post(target, {"data": "{}"}).status_code == 401


def test_state_refuses_a_learner_not_enrolled(client, learner, site, content):
    client.force_login(learner)

    response = client.post(url(content, site["lesson"]), {"data": "{}"})

    assert response.status_code == 403
    assert "Inscrivez-vous" in response.json()["message"]
    assert not H5PUserState.objects.exists()


@pytest.mark.parametrize(
    "where",
    [
        {"content": "other"},
        {"block": "autre-bloc"},
        {"lesson": "module"},
        {"lesson": 2**63},
    ],
)
def test_state_refuses_what_the_published_lesson_lacks(player, site, content, where):
    if where.get("content"):
        content = h5p_content("Autre contenu")
    lesson = where.get("lesson", "lesson")
    lesson = site[lesson] if isinstance(lesson, str) else SimpleNamespace(pk=lesson)
    target = url(content, lesson, block=where.get("block", "bloc-1"))

    response = player.post(target, {"data": "{}"})

    assert response.status_code == 404
    assert response.json()["success"] is False
    assert not H5PUserState.objects.exists()


@pytest.mark.parametrize(("data_type", "sub"), [("autre", "0"), ("state", "42")])
def test_state_keeps_one_document_per_block(player, site, content, data_type, sub):
    response = player.post(
        url(content, site["lesson"], data_type=data_type, sub=sub), {"data": "{}"}
    )

    assert response.status_code == 400
    assert "état principal" in response.json()["message"]
    assert not H5PUserState.objects.exists()


def test_state_over_64_kib_is_refused(player, site, content):
    target = url(content, site["lesson"])

    assert player.post(target, {"data": "x" * 64 * 1024}).status_code == 200
    response = player.post(target, {"data": "x" * (64 * 1024 + 1)})

    assert response.status_code == 413
    assert "64 Kio" in response.json()["message"]
    assert len(H5PUserState.objects.get().data) == 64 * 1024


def test_state_posts_need_the_csrf_token(learner, site, content):
    launch(learner, site["lesson"])
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    client.get("/")  # the page the player sits in sets the CSRF cookie
    target = url(content, site["lesson"])

    assert client.post(target, {"data": "{}"}).status_code == 403
    token = client.cookies["csrftoken"].value
    header = client.post(target, {"data": '{"a":1}'}, HTTP_X_CSRFTOKEN=token)
    field = client.post(target, {"data": '{"a":2}', "csrfmiddlewaretoken": token})

    assert (header.status_code, field.status_code) == (200, 200)
    assert H5PUserState.objects.get().data == '{"a":2}'
