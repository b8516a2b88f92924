import pytest
from django.test import Client

from learners.models import H5PUserState
from tests.h5p_fixtures import h5p_content

pytestmark = pytest.mark.django_db


def url(content, lesson, data_type="state", sub="0"):
    return f"/h5p/etat/{content.pk}/{lesson.pk}/bloc-1/{data_type}/{sub}"


def test_state_round_trip_in_h5p_core_format(client, learner, site):
    content = h5p_content()
    client.force_login(learner)
    target = url(content, site["lesson"])

    assert client.get(target).json() == {"success": True, "data": False}
    saved = client.post(
        target, {"data": '{"answer":true}', "preload": "1", "invalidate": "0"}
    )
    assert saved.json() == {"success": True}
    assert client.get(target).json() == {"success": True, "data": '{"answer":true}'}

    client.post(target, {"data": "0"})  # H5P's "forget"
    assert not H5PUserState.objects.exists()


def test_state_is_per_learner(client, learner, site, municipalities):
    from tests.factories import UserFactory

    content = h5p_content()
    client.force_login(learner)
    client.post(url(content, site["lesson"]), {"data": '{"mine":1}'})
    other = Client()
    other.force_login(UserFactory(email="autre@exemple.qc.ca"))

    assert other.get(url(content, site["lesson"])).json()["data"] is False


def test_state_refuses_anonymous_and_unknown_content(client, learner, site):
    content = h5p_content()
    assert Client().get(url(content, site["lesson"])).status_code == 401
    client.force_login(learner)

    missing = f"/h5p/etat/9999/{site['lesson'].pk}/bloc-1/state/0"

    assert client.post(missing, {"data": "{}"}).status_code == 404
    assert not H5PUserState.objects.exists()
