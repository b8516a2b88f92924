"""The server's check of committed CMI data (pure)."""

import pytest

from courses.scorm.cmi import CmiError, parse_commit


def refused(data, *, is_2004) -> CmiError:
    with pytest.raises(CmiError) as caught:
        parse_commit(data, is_2004=is_2004)
    return caught.value


def test_scorm_12_commit():
    state = parse_commit(
        {
            "cmi.core.lesson_status": "passed",
            "cmi.core.score.raw": "85",
            "cmi.core.score.min": "",
            "cmi.core.score.max": "100",
            "cmi.core.lesson_location": "page-3",
            "cmi.core.exit": "suspend",
            "cmi.core.session_time": "0001:02:03.5",
            "cmi.suspend_data": "a" * 4096,
            "cmi.core.student_id": "ignoré",
            "cmi.objectives": {},
            "cmi.interactions.0.id": "q1",
            "cmi.interactions.0.type": "choice",
            "cmi.interactions.0.student_response": "b",
            "cmi.interactions.0.result": "correct",
            "cmi.interactions.1.id": "q2",
            "cmi.interactions.1.result": "0.5",
        },
        is_2004=False,
    )
    assert (state.completion_status, state.success_status) == ("completed", "passed")
    assert state.score_scaled == 0.85 and state.score_raw == 85
    assert state.location == "page-3" and state.exit == "suspend"
    assert state.session_seconds == 3723.5
    assert state.interactions == [
        {"id": "q1", "type": "choice", "student_response": "b", "result": "correct"},
        {"id": "q2", "result": "0.5"},
    ]


def test_scorm_2004_commit():
    state = parse_commit(
        {
            "cmi.completion_status": "completed",
            "cmi.success_status": "failed",
            "cmi.score.scaled": "0.4",
            "cmi.score.raw": "40",
            "cmi.location": "x" * 1000,
            "cmi.exit": "normal",
            "cmi.session_time": "PT1H2M3.25S",
            "cmi.suspend_data": "d" * 64000,
            "cmi.interactions.0.id": "urn:q:1",
            "cmi.interactions.0.type": "long-fill-in",
            "cmi.interactions.0.learner_response": "texte",
            "cmi.interactions.0.result": "incorrect",
        },
        is_2004=True,
    )
    assert (state.completion_status, state.success_status) == ("completed", "failed")
    assert state.score_scaled == 0.4 and state.session_seconds == 3723.25
    assert state.interactions[0]["result"] == "incorrect"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"cmi.core.lesson_status": "fini"}, "405"),
        ({"cmi.core.score.raw": "beaucoup"}, "405"),
        ({"cmi.core.score.raw": "150"}, "405"),
        ({"cmi.core.exit": "normal"}, "405"),  # 2004 only
        ({"cmi.core.session_time": "PT1H"}, "405"),
        ({"cmi.suspend_data": "a" * 4097}, "405"),
        ({"cmi.core.lesson_location": "a" * 256}, "405"),
        ({"cmi.interactions.0.type": "essay"}, "405"),
        ({"cmi.interactions.0.result": "incorrect"}, "405"),  # 1.2 says wrong
        ({"adl.nav.request": "continue"}, "405"),
    ],
)
def test_scorm_12_refusals(data, code):
    error = refused(data, is_2004=False)
    assert error.scorm_error == code
    assert error.element == next(iter(data))
    assert error.status == 400 and error.message


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"cmi.completion_status": "passed"}, "406"),
        ({"cmi.success_status": "completed"}, "406"),
        ({"cmi.score.scaled": "1.5"}, "407"),
        ({"cmi.score.scaled": "NaN"}, "406"),
        ({"cmi.session_time": "01:00:00"}, "406"),
        ({"cmi.session_time": "PT"}, "406"),
        ({"cmi.suspend_data": "a" * 64001}, "406"),
        ({"cmi.location": "a" * 1001}, "406"),
        ({"cmi.interactions.500.id": "q"}, "407"),
    ],
)
def test_scorm_2004_refusals(data, code):
    error = refused(data, is_2004=True)
    assert (error.scorm_error, error.element) == (code, next(iter(data)))


def test_not_an_object():
    assert refused(["cmi"], is_2004=True).scorm_error == "101"


def test_french_message_names_the_element():
    error = refused({"cmi.suspend_data": "a" * 4097}, is_2004=False)
    assert "cmi.suspend_data" in error.message and "4096" in error.message
