"""Malformed and hostile input to /xapi/statements: always a 4xx with a
message, never a 500, and nothing stored for what is refused."""

import json
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learners.models import H5PAttempt, XapiStatement
from tests.h5p_fixtures import h5p_content, statement

pytestmark = pytest.mark.django_db

URL = "/xapi/statements"
HEADERS = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}
HYPOTHESIS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def api(learner):
    client = Client(raise_request_exception=False)
    client.force_login(learner)
    return client


@pytest.fixture
def good(site):
    return statement(h5p_content(), site["lesson"], scaled=1, raw=1, max_score=1)


def post(client, body):
    payload = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, payload, content_type="application/json", **HEADERS)


def assert_refused(response, reason=None):
    assert response.status_code == 400, response.content[:300]
    assert response.json()["error"]
    if reason:
        assert reason in response.json()["error"]
    assert not XapiStatement.objects.exists()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"timestamp": "2026-13-45T10:00:00Z"}, "Horodatage invalide"),
        ({"timestamp": "2026-11-20T99:99:99Z"}, "Horodatage invalide"),
        ({"timestamp": "2026-11-20T10:00:00+99:00"}, "Horodatage invalide"),
        ({"timestamp": "9999-12-31T23:59:59-05:00"}, "Horodatage invalide"),
        ({"timestamp": 12}, "Horodatage invalide"),
        ({"context": []}, "context doit être un objet"),
        ({"context": {"registration": "pas-un-uuid"}}, "registration"),
        ({"context": {"registration": 7}}, "registration"),
        ({"verb": {"id": "http://exemple.qc.ca/" + "v" * 300}}, "verb.id"),
        ({"object": {"id": "http://[::1/xapi"}}, "object.id"),
    ],
)
def test_malformed_fields_are_refused(api, good, change, reason):
    assert_refused(post(api, {**good, **change}), reason)


@pytest.mark.parametrize(
    ("result", "reason"),
    [
        ({"score": {"raw": 10**400}}, "result.score.raw"),
        ({"score": {"raw": 1e300, "max": 1e301}}, "result.score.raw"),
        ({"duration": "P" + "9" * 400 + "D"}, "Durée"),
        ({"duration": "P999999999999D"}, "Durée supérieure à un an"),
        ({"duration": "PT1H1"}, "Durée"),
        ({"duration": 12}, "Durée"),
    ],
)
def test_huge_numbers_and_durations_are_refused(api, good, result, reason):
    assert_refused(post(api, {**good, "result": result}), reason)


@pytest.mark.parametrize("literal", ["1e400", "-1e400", "NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_refused(api, good, literal):
    body = json.dumps({**good, "result": {"score": {"raw": 123456789}}})

    response = post(api, body.replace("123456789", literal))

    assert_refused(response)


def test_json_deeper_than_32_levels_is_refused(api, good):
    nested = {**good, "object": {**good["object"], "definition": {}}}
    deep = nested["object"]["definition"]
    for _level in range(40):
        deep["x"] = {}
        deep = deep["x"]

    assert_refused(post(api, nested), "32 niveaux")
    assert_refused(post(api, "[" * 100_000 + "]" * 100_000))


@pytest.mark.parametrize("text", ["nul\u0000", "\ud800seul"])
def test_strings_the_database_cannot_store_are_refused(api, good, text):
    assert_refused(post(api, {**good, "verb": {"id": "http://exemple.qc.ca/" + text}}))


def test_a_malformed_content_length_is_refused(api):
    response = api.generic(
        "POST",
        URL,
        b"{}",
        content_type="application/json",
        CONTENT_LENGTH="abc",
        **HEADERS,
    )

    assert response.status_code == 413


@pytest.mark.parametrize(
    "query",
    [
        "since=2026-13-45T99:99:99",
        "since=demain",
        "limit=beaucoup",
        "verb=%00",
        "activity=a%00b",
    ],
)
def test_get_with_malformed_parameters_is_a_400(api, query):
    response = api.get(f"{URL}?{query}", **HEADERS)

    assert response.status_code == 400
    assert response.json()["error"]


def test_get_since_a_valid_date(api, good):
    post(api, good)

    listing = api.get(f"{URL}?since=2020-01-01T00:00:00", **HEADERS).json()

    assert len(listing["statements"]) == 1


JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
FIELDS = st.sampled_from(
    ["id", "actor", "verb", "object", "result", "context", "timestamp"]
)
RESULT_FIELDS = st.sampled_from(["score", "success", "completion", "duration"])
SCORE_FIELDS = st.sampled_from(["scaled", "raw", "min", "max"])
HOSTILE_TEXT = st.sampled_from(
    [
        "2026-13-45T10:00:00Z",
        "P99999999999999999999D",
        "1e400",
        "\u0000",
        "\ud800",
        "http://evil.example/x/passed",
        "javascript:alert(1)",
        "http://[::1",
        "",
    ]
)


def _mutate(good, data):
    """A valid statement with one field, result field or score replaced by
    something generated."""
    value = data.draw(JSON_VALUES | HOSTILE_TEXT | st.integers(min_value=10**20))
    where = data.draw(st.sampled_from(["top", "result", "score"]))
    mutated = json.loads(json.dumps(good))
    if where == "top":
        mutated[data.draw(FIELDS)] = value
    elif where == "result":
        mutated.setdefault("result", {})[data.draw(RESULT_FIELDS)] = value
    else:
        result = mutated.setdefault("result", {})
        result["score"] = {**result.get("score", {}), data.draw(SCORE_FIELDS): value}
    return mutated


@HYPOTHESIS
@given(data=st.data())
def test_generated_statements_never_cause_a_server_error(api, good, data):
    mutated = _mutate(good, data)
    method = data.draw(st.sampled_from(["POST", "PUT"]))
    stored_before = XapiStatement.objects.count()

    body = json.dumps(mutated)  # lone surrogates and NUL travel as \u escapes
    if method == "POST":
        response = post(api, body)
    else:
        response = api.put(
            f"{URL}?statementId={good['id']}",
            body,
            content_type="application/json",
            **HEADERS,
        )

    assert response.status_code < 500, response.content[:300]
    if response.status_code >= 400:
        assert response.json()["error"]
        assert XapiStatement.objects.count() == stored_before
    assert not H5PAttempt.objects.exists()  # no launch: nothing is filed


@HYPOTHESIS
@given(body=st.binary(max_size=200) | JSON_VALUES.map(json.dumps))
def test_generated_bodies_never_cause_a_server_error(api, body):
    response = post(api, body)

    assert response.status_code < 500, response.content[:300]
    if response.status_code >= 400:
        assert not XapiStatement.objects.exists()


@HYPOTHESIS
@given(
    params=st.dictionaries(
        st.sampled_from(["since", "limit", "verb", "activity", "statementId"]),
        st.text(max_size=40) | HOSTILE_TEXT,
        max_size=3,
    )
)
def test_generated_queries_never_cause_a_server_error(api, params):
    query = "&".join(
        f"{key}={quote(value.encode('utf-8', 'surrogatepass'))}"
        for key, value in params.items()
    )  # as raw bytes, invalid UTF-8 included

    response = api.get(f"{URL}?{query}", **HEADERS)

    assert response.status_code < 500, response.content[:300]
