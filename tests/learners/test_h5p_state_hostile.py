"""Generated input to H5P's user-data endpoint: never a 500, and nothing
stored unless it is the one state document of a block the learner plays."""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learners.models import H5PUserState
from learners.services.h5p_state import MAX_STATE_BYTES
from tests.h5p_fixtures import h5p_content, launch, lesson_with_h5p

pytestmark = pytest.mark.django_db

HYPOTHESIS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SEGMENT = st.text(
    st.characters(blacklist_characters="/?#%", blacklist_categories=["Cs"]),
    min_size=1,
    max_size=20,
)


@pytest.fixture
def played(learner, site):
    content = h5p_content()
    lesson = lesson_with_h5p(site["lesson"], content)
    launch(learner, lesson)
    client = Client(raise_request_exception=False)
    client.force_login(learner)
    return client, content, lesson


@HYPOTHESIS
@given(
    content_id=st.integers(min_value=0, max_value=10**25) | st.just("own"),
    lesson_id=st.integers(min_value=0, max_value=10**25) | st.just("own"),
    block=SEGMENT | st.just("bloc-1"),
    data_type=SEGMENT | st.just("state"),
    sub=SEGMENT | st.just("0"),
    data=st.text(max_size=200)
    | st.just("x" * (MAX_STATE_BYTES + 1))
    | st.just("\u0000"),
)
def test_generated_state_requests_never_cause_a_server_error(
    played, content_id, lesson_id, block, data_type, sub, data
):
    client, content, lesson = played
    content_id = content.pk if content_id == "own" else content_id
    lesson_id = lesson.pk if lesson_id == "own" else lesson_id
    path = "/".join(quote(part) for part in (block, data_type, sub))
    url = f"/h5p/etat/{content_id}/{lesson_id}/{path}"
    H5PUserState.objects.all().delete()

    saved = client.post(url, {"data": data})
    read = client.get(url)

    assert saved.status_code < 500 and read.status_code < 500
    exact = (content_id, lesson_id, block, data_type, sub) == (
        content.pk,
        lesson.pk,
        "bloc-1",
        "state",
        "0",
    )
    storable = data not in ("", "0") and len(data.encode()) <= MAX_STATE_BYTES
    storable = storable and "\u0000" not in data
    assert H5PUserState.objects.exists() == (exact and storable)
    assert (saved.status_code == 200) == (exact and (storable or data in ("", "0")))
