"""The public verification page and form."""

import re

import pytest
from django.urls import reverse

from certification import services
from certification.codes import ALPHABET, code_display
from certification.views import VERIFY_LIMIT

pytestmark = pytest.mark.django_db

NOT_FOUND = "Aucune attestation ne correspond à ce code."
VALID = "Cette attestation est valide."


@pytest.fixture
def certificate(learner, path, completion):
    return services.certificate_issue(user=learner, path=path)[0]


def verify_url(code):
    return reverse("certification:verify_code", args=[code])


def page(response):
    return response.content.decode()


def main_content(html):
    """The page's <main>, without its CSRF token: what differs by request."""
    main = re.search(r"<main.*</main>", html, re.S).group(0)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", main)


def test_a_valid_certificate_shows_holder_path_date_issuer(client, certificate):
    response = client.get(verify_url(certificate.code))

    html = page(response)
    assert response.status_code == 200
    assert VALID in html
    assert certificate.holder_name in html
    assert "Cybersécurité pour les élu·e·s" in html
    assert certificate.content["template"]["issuer"] in html
    assert code_display(certificate.code) in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "apprenant@exemple.qc.ca" not in html


def test_each_verification_is_counted(client, certificate):
    client.get(verify_url(certificate.code))
    client.get(verify_url(certificate.code.lower()))

    certificate.refresh_from_db()
    assert certificate.verification_count == 2
    assert certificate.last_verified_at is not None


def test_a_revoked_certificate_says_so_and_never_valid(
    client, certificate, administrator
):
    services.certificate_revoke(
        certificate=certificate,
        reason="Attestation émise par erreur",
        actor=administrator,
    )

    html = page(client.get(verify_url(certificate.code)))

    assert VALID not in html
    assert "révoquée" in html
    assert "Attestation émise par erreur" in html
    from django.utils import dateformat, timezone, translation

    certificate.refresh_from_db()
    with translation.override("fr-ca"):
        revoked_on = dateformat.format(
            timezone.localtime(certificate.revoked_at), "j F Y"
        )
    assert f"le {revoked_on}" in html  # the revocation date, with its year


def forged(code):
    """Same format, one character changed."""
    last = ALPHABET[(ALPHABET.index(code[-1]) + 1) % len(ALPHABET)]
    return code[:-1] + last


@pytest.mark.parametrize(
    "typed",
    ["0000-0000-0000-0000", "abc", "7K3M-9QXA-2B4C-6D8U", "<script>", "a" * 200],
)
def test_unknown_and_malformed_codes_get_the_same_plain_not_found(client, typed):
    unknown = client.get(verify_url("0000000000000000"))
    response = client.get(verify_url(typed))

    assert response.status_code == 404
    assert NOT_FOUND in page(response)
    assert main_content(page(response)) == main_content(page(unknown))


def test_a_forged_code_is_not_found(client, certificate):
    response = client.get(verify_url(forged(certificate.code)))

    assert response.status_code == 404
    assert VALID not in page(response)
    assert certificate.holder_name not in page(response)


def test_the_form_accepts_a_code_typed_loosely(client, certificate):
    typed = " " + code_display(certificate.code).lower().replace("-", " - ") + " "

    by_post = client.post(reverse("certification:verify"), {"code": typed})
    by_get = client.get(reverse("certification:verify"), {"code": typed})

    assert VALID in page(by_post) and VALID in page(by_get)


def test_the_form_without_a_code(client):
    assert client.get(reverse("certification:verify")).status_code == 200
    empty = client.post(reverse("certification:verify"), {"code": "  "})
    assert "Entrez un code de vérification." in page(empty)


def test_lookups_are_rate_limited_per_address(client, certificate):
    for _ in range(VERIFY_LIMIT):
        assert client.get(verify_url("0000000000000000")).status_code == 404

    limited = client.get(verify_url(certificate.code))
    elsewhere = client.get(verify_url(certificate.code), REMOTE_ADDR="10.0.0.9")

    assert limited.status_code == 429
    assert "Réessayez dans quelques minutes" in page(limited)
    assert int(limited["Retry-After"]) > 0
    assert elsewhere.status_code == 200
    certificate.refresh_from_db()
    assert certificate.verification_count == 1  # the refused lookup is not one


def test_the_verification_page_in_english(client, certificate):
    response = client.get("/en" + verify_url(certificate.code))

    assert response.status_code == 200
    assert "This certificate is valid." in page(response)
