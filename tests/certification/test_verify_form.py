"""The verification form keeps what was typed and says what a code looks like."""

import pytest
from django.urls import reverse

from certification import services
from certification.models import Certificate

pytestmark = pytest.mark.django_db

FORMAT_HINT = "un code compte 16 lettres et chiffres"
NOT_FOUND = "Aucune attestation ne correspond à ce code."


def _post(client, code):
    return client.post(reverse("certification:verify"), {"code": code})


@pytest.mark.parametrize("typed", ["abc", "7K3M-9QXA-2B4C", "<script>", "a" * 200])
def test_what_cannot_be_a_code_gets_a_format_hint(client, typed):
    response = _post(client, typed)
    html = response.content.decode()

    assert FORMAT_HINT in html
    assert NOT_FOUND not in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="verify-code-help verify-code-error"' in html
    assert 'id="verify-code-error"' in html


def test_a_malformed_code_is_kept_in_the_field(client):
    html = _post(client, "abc-12").content.decode()

    assert 'value="abc-12"' in html


def test_an_unknown_code_keeps_what_was_typed(client):
    response = _post(client, "0000-0000-0000-0000")
    html = response.content.decode()

    assert response.status_code == 404
    assert NOT_FOUND in html
    assert 'value="0000-0000-0000-0000"' in html


def test_the_typed_code_is_escaped(client):
    html = _post(client, '"><b>x').content.decode()

    assert "<b>x" not in html
    assert 'value="&quot;&gt;&lt;b&gt;x"' in html


def test_a_format_hint_costs_no_lookup(client, learner, path, completion):
    certificate = services.certificate_issue(user=learner, path=path)[0]

    _post(client, "abc")

    assert Certificate.objects.get(pk=certificate.pk).verification_count == 0


def test_an_empty_code_is_asked_for(client):
    html = _post(client, "   ").content.decode()

    assert "Entrez un code de vérification." in html
    assert 'aria-invalid="true"' in html


def test_the_blank_form_shows_no_error(client):
    html = client.get(reverse("certification:verify")).content.decode()

    assert 'aria-invalid="true"' not in html
    assert 'value=""' in html


def test_malformed_codes_count_towards_the_limit(client):
    from certification.views import VERIFY_LIMIT

    for _ in range(VERIFY_LIMIT):
        assert FORMAT_HINT in _post(client, "abc").content.decode()

    assert _post(client, "abc").status_code == 429
    assert _post(client, "0000-0000-0000-0000").status_code == 429
