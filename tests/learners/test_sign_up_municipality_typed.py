"""Sign-up: a municipality typed in full in the search box, but not picked
from the list, is accepted when it names one municipality; otherwise the form
says why and gives the typed name back."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from learners.forms import SignUpForm, municipality_from_text
from learners.models import User
from tests.learners.test_sign_up import (  # noqa: F401 (autouse fixtures)
    empty_cache,
    form_data,
    mails_leave_at_once,
)

pytestmark = pytest.mark.django_db

URL = reverse("learners:sign_up")


def typed(text, **overrides):
    """What the browser sends when a name was typed, nothing picked."""
    return form_data(municipality="", municipality_search=text, **overrides)


@pytest.mark.parametrize(
    "text, code",
    [
        ("Rimouski", "10043"),
        ("rimouski", "10043"),
        ("  RIMOUSKI ", "10043"),
        ("Sainte-Marie", "26030"),
        ("sainte marie", "26030"),
        ("Saint-Elzéar (Chaudière-Appalaches)", "26022"),
        ("saint elzear (gaspesie iles de la madeleine)", "05050"),
        ("Bedford (Ville, Estrie)", "46035"),
        ("Bedford (Canton)", "46040"),
    ],
)
def test_a_name_typed_in_full_designates_one_municipality(municipalities, text, code):
    assert [m.code for m in municipality_from_text(text)] == [code]


def test_a_typed_name_is_accepted_by_the_sign_up(client, municipalities):
    form = SignUpForm(data=typed("rimouski"))
    response = client.post(URL, typed("rimouski"))

    assert form.is_valid(), form.errors
    assert form.cleaned_data["municipality"].code == "10043"
    assert response.url == reverse("learners:sign_up_sent")


def test_a_homonym_is_refused_with_an_example_and_nothing_is_created(
    client, municipalities
):
    response = client.post(URL, typed("Saint-Elzéar"))

    errors = " ".join(response.context["form"].errors["municipality"])
    assert "Plusieurs municipalités s'appellent « Saint-Elzéar »" in errors
    assert "Saint-Elzéar (Municipalité, " in errors
    assert not User.objects.exists() and mail.outbox == []


@pytest.mark.parametrize("text", ["Rimousk", "Montréal-Nord", "Rimouski (Estrie)"])
def test_a_name_that_is_not_a_municipality_is_refused(client, municipalities, text):
    response = client.post(URL, typed(text))

    errors = " ".join(response.context["form"].errors["municipality"])
    assert "Municipalité inconnue : choisissez-la dans la liste." in errors
    assert not User.objects.exists() and mail.outbox == []


def test_the_typed_name_is_given_back_after_an_error(client, municipalities):
    response = client.post(URL, typed("Saint-Elzéar", role=""))

    page = response.content.decode()
    assert 'data-typed="Saint-Elzéar"' in page
    assert 'value="Tremblay"' in page  # the other fields keep theirs too


def test_a_picked_municipality_is_kept_after_an_error(client, municipalities):
    response = client.post(URL, form_data(role=""))

    assert '<option value="26022" selected>' in response.content.decode()


def test_english_homonym_message(client, municipalities):
    response = client.post("/en" + URL, typed("Bedford"))

    assert response.context["form"].errors["municipality"]
    assert not User.objects.exists()


def test_a_nul_byte_is_refused_not_looked_up(municipalities):
    """PostgreSQL cannot even compare a text holding NUL: refused before."""
    from learners.forms import MunicipalityField

    with pytest.raises(ValidationError) as refused:
        MunicipalityField().clean("Saint\x00Elzéar")

    assert refused.value.code == "invalid_choice"
