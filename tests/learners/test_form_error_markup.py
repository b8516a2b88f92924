"""Forms mark their errors so the focus script (cms/static/cms/form-errors.js)
finds the first one, and assistive technology reads it with its field."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SCRIPT = '<script src="/static/cms/form-errors.js" defer></script>'


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def _invalid_fields(html):
    """Each aria-invalid control's name and the ids it is described by."""
    fields = []
    for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", html):
        if 'aria-invalid="true"' in tag:
            name = re.search(r'name="([^"]+)"', tag)[1]
            described = re.search(r'aria-describedby="([^"]+)"', tag)
            fields.append((name, described[1].split() if described else []))
    return fields


def _assert_errors_described(html):
    fields = _invalid_fields(html)
    assert fields
    for name, ids in fields:
        assert ids, f"{name} has no aria-describedby"
        error_ids = [i for i in ids if f'id="{i}"' in html]
        assert error_ids == ids, f"{name} points at missing ids {ids}"
        assert any("error" in i for i in ids), f"{name}: no error among {ids}"
    return fields


def test_sign_up_errors_are_marked(client, municipalities):
    html = client.post(
        reverse("learners:sign_up"),
        {"first_name": "", "email": "pas-un-courriel", "role": "mayor"},
    ).content.decode()

    names = [name for name, _ in _assert_errors_described(html)]
    assert names[:2] == ["first_name", "last_name"]
    assert SCRIPT in html


def test_a_password_mismatch_is_marked(client, municipalities):
    html = client.post(
        reverse("learners:sign_up"),
        {
            "first_name": "Isabelle",
            "last_name": "Tremblay",
            "email": "isabelle@exemple.qc.ca",
            "municipality": "26022",
            "role": "mayor",
            "password1": "Conseil-municipal-2026!",
            "password2": "Autre-chose-2026!",
        },
    ).content.decode()

    _assert_errors_described(html)


def test_login_errors_are_marked(client, municipalities):
    UserFactory(email="apprenant@exemple.qc.ca")

    html = client.post(
        reverse("learners:login"),
        {"username": "apprenant@exemple.qc.ca", "password": "mauvais"},
    ).content.decode()

    fields = _assert_errors_described(html)
    assert [name for name, _ in fields] == ["username", "password"]
    assert 'value="apprenant@exemple.qc.ca"' in html


def test_a_blank_login_marks_nothing(client):
    html = client.get(reverse("learners:login")).content.decode()

    assert 'aria-invalid="true"' not in html
    assert SCRIPT in html


def test_profile_errors_are_marked(client, learner):
    client.force_login(learner)

    html = client.post(
        reverse("learners:profile"), {"first_name": "", "role": "pas-un-role"}
    ).content.decode()

    names = [name for name, _ in _assert_errors_described(html)]
    assert "first_name" in names and "role" in names


def test_verification_errors_are_marked(client):
    html = client.post(
        reverse("certification:verify"), {"code": "abc"}
    ).content.decode()

    assert _assert_errors_described(html) == [
        ("code", ["verify-code-help", "verify-code-error"])
    ]
