"""Launching a SCO and storing its commits (services and endpoints)."""

import json

import pytest
from django.utils import timezone

from courses.scorm.cmi import CmiError
from learners.models import ScormAttempt, ScormLaunch, XapiStatement
from learners.services.scorm import ScormRefused, scorm_commit, scorm_launch_open
from tests.fixtures.scorm.builders import multi_sco_2004, single_sco_12
from tests.fixtures.scorm.lessons import enrol, imported, lesson_with_scorm

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_12(site):
    package = imported(single_sco_12())
    return lesson_with_scorm(site["lesson"], package), package


@pytest.fixture
def course_2004(site):
    package = imported(multi_sco_2004(edition=4))
    return lesson_with_scorm(site["lesson"], package), package


def open_launch(user, lesson, package, index=0):
    enrol(user, lesson)
    sco = package.scos.order_by("position")[index]
    return scorm_launch_open(
        user=user, lesson_id=lesson.pk, block_id="scorm-1", sco_id=sco.pk
    )


def test_first_launch_starts_ab_initio(learner, course_12):
    lesson, package = course_12
    launch, cmi = open_launch(learner, lesson, package)
    assert cmi["cmi.core.entry"] == "ab-initio"
    assert cmi["cmi.core.student_id"] == str(learner.pk)
    assert cmi["cmi.student_data.mastery_score"] == "80"
    assert launch.attempt.number == 1


def test_commit_then_resume(learner, course_12):
    lesson, package = course_12
    launch, _cmi = open_launch(learner, lesson, package)
    scorm_commit(
        user=learner,
        launch_id=launch.pk,
        sequence=1,
        data={
            "cmi.core.lesson_location": "page-2",
            "cmi.suspend_data": "vu=1",
            "cmi.core.exit": "suspend",
            "cmi.core.lesson_status": "incomplete",
            "cmi.core.session_time": "00:01:00",
        },
    )
    again, cmi = open_launch(learner, lesson, package)
    assert again.attempt_id == launch.attempt_id
    assert cmi["cmi.core.entry"] == "resume"
    assert cmi["cmi.core.lesson_location"] == "page-2"
    assert cmi["cmi.suspend_data"] == "vu=1"
    assert again.base_seconds == 60


def test_mastery_score_judges_success_and_statement_recorded(learner, course_12):
    lesson, package = course_12
    launch, _cmi = open_launch(learner, lesson, package)
    data = {
        "cmi.core.lesson_status": "completed",
        "cmi.core.score.raw": "85",
        "cmi.interactions.0.id": "q1",
        "cmi.interactions.0.type": "choice",
        "cmi.interactions.0.student_response": "b",
        "cmi.interactions.0.result": "correct",
    }
    attempt = scorm_commit(user=learner, launch_id=launch.pk, sequence=1, data=data)
    assert (attempt.completion_status, attempt.success_status) == (
        "completed",
        "passed",
    )
    assert attempt.score_scaled == 0.85
    assert attempt.interactions[0]["student_response"] == "b"
    statement = XapiStatement.objects.get()
    assert statement.verb.endswith("/passed") and statement.trusted
    assert statement.lesson_id == lesson.pk and statement.score_scaled == 0.85


def test_a_resent_commit_changes_nothing(learner, course_12):
    lesson, package = course_12
    launch, _cmi = open_launch(learner, lesson, package)
    data = {"cmi.core.lesson_status": "passed", "cmi.core.session_time": "00:00:30"}
    scorm_commit(user=learner, launch_id=launch.pk, sequence=1, data=data)
    scorm_commit(
        user=learner,
        launch_id=launch.pk,
        sequence=1,
        data={"cmi.core.lesson_status": "failed", "cmi.core.session_time": "01:00:00"},
    )
    attempt = ScormAttempt.objects.get()
    assert attempt.success_status == "passed" and attempt.total_seconds == 30
    assert XapiStatement.objects.count() == 1


def test_finished_attempt_then_new_attempt(learner, course_2004):
    lesson, package = course_2004
    launch, _cmi = open_launch(learner, lesson, package)
    scorm_commit(
        user=learner,
        launch_id=launch.pk,
        sequence=1,
        data={
            "cmi.completion_status": "completed",
            "cmi.score.scaled": "0.5",
            "cmi.exit": "normal",
        },
    )
    assert ScormAttempt.objects.get().success_status == "failed"  # 0.5 < 0.8
    again, cmi = open_launch(learner, lesson, package)
    assert again.attempt.number == 2 and cmi["cmi.entry"] == "ab-initio"
    assert cmi["cmi.scaled_passing_score"] == "0.8"


def test_bad_data_stores_nothing(learner, course_12):
    lesson, package = course_12
    launch, _cmi = open_launch(learner, lesson, package)
    with pytest.raises(CmiError) as caught:
        scorm_commit(
            user=learner,
            launch_id=launch.pk,
            sequence=1,
            data={"cmi.core.lesson_status": "passed", "cmi.suspend_data": "x" * 4097},
        )
    assert caught.value.scorm_error == "405"
    attempt = ScormAttempt.objects.get()
    assert attempt.completion_status == "not attempted" and not attempt.suspend_data
    assert ScormLaunch.objects.get().last_sequence == 0


def test_someone_elses_or_expired_launch_refused(learner, coordinator, course_12):
    lesson, package = course_12
    launch, _cmi = open_launch(learner, lesson, package)
    with pytest.raises(ScormRefused) as caught:
        scorm_commit(user=coordinator, launch_id=launch.pk, sequence=1, data={})
    assert caught.value.status == 403
    ScormLaunch.objects.update(expires_at=timezone.now())
    with pytest.raises(ScormRefused):
        scorm_commit(user=learner, launch_id=launch.pk, sequence=1, data={})
    with pytest.raises(ScormRefused):
        scorm_commit(user=learner, launch_id="pas-un-uuid", sequence=1, data={})


def test_not_enrolled_or_unknown_refused(learner, course_12):
    lesson, package = course_12
    sco = package.scos.get()
    with pytest.raises(ScormRefused) as caught:
        scorm_launch_open(
            user=learner, lesson_id=lesson.pk, block_id="scorm-1", sco_id=sco.pk
        )
    assert caught.value.status == 403
    enrol(learner, lesson)
    for block, sco_id in (("autre", sco.pk), ("scorm-1", sco.pk + 999)):
        with pytest.raises(ScormRefused) as caught:
            scorm_launch_open(
                user=learner, lesson_id=lesson.pk, block_id=block, sco_id=sco_id
            )
        assert caught.value.status == 404
    assert not ScormLaunch.objects.exists()


# The endpoints, with the learner's session.


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_launch_endpoint_and_commit_endpoint(client, learner, course_2004):
    lesson, package = course_2004
    enrol(learner, lesson)
    client.force_login(learner)
    sco = package.scos.order_by("position").first()

    opened = post(
        client,
        "/scorm/lancements",
        {"lesson": lesson.pk, "block": "scorm-1", "sco": sco.pk},
    )
    assert opened.status_code == 200
    data = opened.json()
    assert data["version"] == "2004-4" and data["cmi"]["cmi.entry"] == "ab-initio"
    assert data["player_url"].startswith("http://h5p.testserver/scorm/lecteur/")

    body = {"launch": data["launch"], "sequence": 1, "cmi": {"cmi.success_status": "x"}}
    refused = post(client, "/scorm/validations", body)
    assert refused.status_code == 400
    assert refused.json()["scorm_error"] == "406"
    assert "cmi.success_status" in refused.json()["error"]

    body["cmi"] = {"cmi.completion_status": "completed", "cmi.score.scaled": "0.9"}
    stored = post(client, "/scorm/validations", body)
    assert stored.json() == {
        "result": True,
        "completion_status": "completed",
        "success_status": "passed",
    }


def test_endpoints_refuse_anonymous_and_bad_json(client, learner, course_12):
    assert post(client, "/scorm/lancements", {}).status_code == 401
    assert post(client, "/scorm/validations", {}).status_code == 401
    client.force_login(learner)
    bad = client.post("/scorm/validations", "{", content_type="application/json")
    assert bad.status_code == 400
    assert post(client, "/scorm/lancements", {"lesson": "x"}).status_code == 400
    assert client.get("/scorm/lancements").status_code == 405


def test_preview_is_for_staff_only(client, learner, trainer, course_12):
    _lesson, package = course_12
    sco = package.scos.get()
    client.force_login(learner)
    assert (
        post(client, "/scorm/lancements", {"preview": True, "sco": sco.pk}).status_code
        == 403
    )
    client.force_login(trainer)
    preview = post(client, "/scorm/lancements", {"preview": True, "sco": sco.pk})
    assert preview.status_code == 200 and preview.json()["launch"] is None


@pytest.mark.parametrize(
    "body",
    [
        {"sequence": 1, "cmi": {}},
        {"launch": None, "sequence": 1, "cmi": {}},
        {"launch": "LAUNCH", "sequence": 0, "cmi": {}},
        {"launch": "LAUNCH", "sequence": True, "cmi": {}},
        {"launch": "LAUNCH", "sequence": 1.5, "cmi": {}},
        {"launch": "LAUNCH", "sequence": 2**40, "cmi": {}},
        {"launch": "LAUNCH", "sequence": 1, "cmi": None},
        {"launch": "LAUNCH", "sequence": 1, "cmi": ["cmi.core.lesson_status"]},
        {"launch": "LAUNCH", "sequence": 1, "cmi": {"cmi.core.score.raw": "1e999"}},
        {"launch": "LAUNCH", "sequence": 1, "cmi": {"cmi.core.exit": "\x00"}},
        {"launch": "LAUNCH", "sequence": 1, "cmi": {"x" * 5000: "y"}},
        {"launch": "LAUNCH", "sequence": 1, "cmi": {"cmi.comments": "z" * 70000}},
    ],
)
def test_hostile_commits_are_refused_and_store_nothing(
    client, learner, course_12, body
):
    lesson, package = course_12
    launch, _cmi = open_launch(learner, lesson, package)
    client.force_login(learner)
    if body.get("launch") == "LAUNCH":
        body = {**body, "launch": str(launch.pk)}

    response = post(client, "/scorm/validations", body)

    assert response.status_code in (400, 403)
    assert response.json()["error"]
    attempt = ScormAttempt.objects.get()
    assert attempt.completion_status == "not attempted" and attempt.interactions == []
    assert ScormLaunch.objects.get().last_sequence == 0
    assert not XapiStatement.objects.exists()


def test_a_beacon_form_is_accepted(client, learner, course_12):
    lesson, package = course_12
    launch, _cmi = open_launch(learner, lesson, package)
    client.force_login(learner)
    payload = {
        "launch": str(launch.pk),
        "sequence": 1,
        "cmi": {"cmi.core.lesson_status": "incomplete", "cmi.suspend_data": "p=3"},
    }
    response = client.post("/scorm/validations", {"payload": json.dumps(payload)})
    assert response.status_code == 200
    assert ScormAttempt.objects.get().suspend_data == "p=3"
