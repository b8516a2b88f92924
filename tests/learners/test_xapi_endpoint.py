import json
import uuid

import pytest
from django.test import Client

from learners.models import H5PAttempt, XapiStatement
from tests.h5p_fixtures import h5p_content, launch, lesson_with_h5p, statement

pytestmark = pytest.mark.django_db

URL = "/xapi/statements"
HEADERS = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}


@pytest.fixture
def content(db):
    return h5p_content()


@pytest.fixture
def registration(learner, site, content):
    """The exercise published in the lesson, and the learner's launch of it."""
    lesson_with_h5p(site["lesson"], content)
    return launch(learner, site["lesson"])


@pytest.fixture
def api(learner):
    client = Client()
    client.force_login(learner)
    return client


def post(client, body, **headers):
    payload = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(
        URL, payload, content_type="application/json", **{**HEADERS, **headers}
    )


def test_post_one_statement_stores_it(api, site, content):
    data = statement(
        content,
        site["lesson"],
        scaled=1,
        raw=1,
        max_score=1,
        success=True,
        completion=True,
    )

    response = post(api, data)

    assert response.status_code == 200
    assert response.json() == [data["id"]]
    assert response["X-Experience-API-Version"] == "1.0.3"
    stored = XapiStatement.objects.get()
    assert (stored.content, stored.lesson_id, stored.block_id) == (
        content,
        site["lesson"].pk,
        "bloc-1",
    )
    assert stored.raw["id"] == data["id"]


def test_batch_opens_and_closes_an_attempt(api, learner, site, content, registration):
    lesson = site["lesson"]
    batch = [
        statement(
            content,
            lesson,
            scaled=1,
            raw=1,
            max_score=1,
            sub="q1",
            registration=registration,
        ),
        statement(
            content,
            lesson,
            scaled=0.5,
            raw=1,
            max_score=2,
            completion=True,
            success=False,
            registration=registration,
        ),
        statement(
            content,
            lesson,
            scaled=1,
            raw=2,
            max_score=2,
            completion=True,
            success=True,
            timestamp="2026-11-20T15:00:00-05:00",
            registration=registration,
        ),
    ]

    assert post(api, batch).status_code == 200

    attempts = list(H5PAttempt.objects.filter(user=learner).order_by("number"))
    assert [(a.number, a.score_scaled, a.completed) for a in attempts] == [
        (1, 0.5, True),
        (2, 1.0, True),
    ]
    assert attempts[0].statements.count() == 2  # the sub-content answer joined it


def test_same_statement_twice_is_accepted_once(api, site, content, registration):
    data = statement(
        content,
        site["lesson"],
        scaled=1,
        raw=1,
        max_score=1,
        completion=True,
        registration=registration,
    )

    assert post(api, data).status_code == 200
    assert post(api, data).status_code == 200
    assert post(api, [data, data]).status_code == 200

    assert XapiStatement.objects.count() == 1
    assert H5PAttempt.objects.count() == 1


def test_same_id_with_other_content_is_a_conflict(api, site, content):
    data = statement(content, site["lesson"], scaled=1, raw=1, max_score=1)
    post(api, data)
    forged = {**data, "result": {"score": {"scaled": 0.1}}}

    response = post(api, forged)

    assert response.status_code == 409
    assert "existe déjà avec un autre contenu" in response.json()["error"]
    assert XapiStatement.objects.get().score_scaled == 1


def test_forged_actor_is_forbidden_and_nothing_is_stored(api, site, content):
    good = statement(content, site["lesson"])
    forged = statement(content, site["lesson"], email="maire@autre-ville.qc.ca")

    response = post(api, [good, forged])

    assert response.status_code == 403
    assert XapiStatement.objects.count() == 0


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("{pas du json", "n'est pas du JSON valide"),
        ("[]", "Envoyez entre 1 et 500 déclarations."),
    ],
)
def test_bad_bodies_are_refused(api, site, body, reason):
    response = post(api, body)

    assert response.status_code == 400
    assert reason in response.json()["error"]


def test_bad_score_is_refused(api, site, content):
    data = statement(content, site["lesson"], scaled=2)

    response = post(api, data)

    assert response.status_code == 400
    assert "entre -1 et 1" in response.json()["error"]
    assert not XapiStatement.objects.exists()


def test_oversize_body_is_refused(api, site, settings):
    settings.XAPI_MAX_BODY_BYTES = 100

    response = post(api, {"padding": "x" * 200})

    assert response.status_code == 413


def test_anonymous_is_refused(site, content):
    response = post(Client(), statement(content, site["lesson"]))

    assert response.status_code == 401
    assert not XapiStatement.objects.exists()


def test_version_header_is_required(api, site, content):
    response = api.post(
        URL,
        json.dumps(statement(content, site["lesson"])),
        content_type="application/json",
    )

    assert response.status_code == 400


def test_csrf_is_enforced_for_session_posts(learner, site, content):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)

    assert post(client, statement(content, site["lesson"])).status_code == 403


def test_put_with_statement_id(api, site, content):
    data = statement(content, site["lesson"])

    response = api.put(
        f"{URL}?statementId={data['id']}",
        json.dumps(data),
        content_type="application/json",
        **HEADERS,
    )

    assert response.status_code == 204
    assert XapiStatement.objects.filter(statement_id=data["id"]).exists()


def test_get_returns_only_ones_own_statements(
    api, learner, site, content, municipalities
):
    from tests.factories import UserFactory

    mine = statement(content, site["lesson"])
    post(api, mine)
    other = UserFactory(email="autre@exemple.qc.ca")
    other_client = Client()
    other_client.force_login(other)
    post(other_client, statement(content, site["lesson"], email=other.email))

    listing = api.get(URL, **HEADERS).json()
    assert [s["id"] for s in listing["statements"]] == [mine["id"]]
    assert api.get(f"{URL}?statementId={mine['id']}", **HEADERS).status_code == 200
    theirs = XapiStatement.objects.get(user=other).statement_id
    assert api.get(f"{URL}?statementId={theirs}", **HEADERS).status_code == 404
    assert api.get(f"{URL}?statementId={uuid.uuid4()}", **HEADERS).status_code == 404


def test_statement_for_unknown_content_is_kept_without_an_attempt(api, site, content):
    data = statement(content, site["lesson"], scaled=1, completion=True)
    data["object"]["id"] = "http://testserver/xapi/activites/999/999/bloc"

    assert post(api, data).status_code == 200

    stored = XapiStatement.objects.get()
    assert stored.content is None and stored.attempt is None
