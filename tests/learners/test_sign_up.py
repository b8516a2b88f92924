import pytest
from django.urls import reverse

from learners.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("learners:sign_up")


def form_data(**overrides):
    data = {
        "first_name": "Isabelle",
        "last_name": "Tremblay",
        "email": "isabelle.tremblay@saint-elzear.qc.ca",
        "municipality": "26022",
        "role": "mayor",
        "password1": "Conseil-municipal-2026!",
        "password2": "Conseil-municipal-2026!",
    }
    data.update(overrides)
    return data


def test_sign_up_creates_a_learner_and_signs_in(client, municipalities):
    response = client.post(URL, form_data())

    assert response.status_code == 302
    user = User.objects.get(email="isabelle.tremblay@saint-elzear.qc.ca")
    assert (user.municipality.name, user.role) == ("Saint-Elzéar", "mayor")
    assert user.is_learner and not user.is_staff
    assert client.get(reverse("learners:profile")).status_code == 200


def test_sign_up_page_shows_the_data_attribution(client, municipalities):
    response = client.get(URL)

    assert response.status_code == 200
    assert "Source : MAMH, Répertoire des municipalités du Québec" in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"municipality": "99999"},
            "municipality",
            "Municipalité inconnue : choisissez-la dans la liste.",
        ),
        ({"municipality": ""}, "municipality", "Choisissez votre municipalité."),
        ({"role": ""}, "role", "Indiquez votre rôle dans la municipalité."),
        ({"role": "roi"}, "role", "Rôle inconnu : choisissez-le dans la liste."),
        (
            {"email": "pas-un-courriel"},
            "email",
            "Saisissez une adresse courriel valide.",
        ),
        (
            {"password1": "motdepasse", "password2": "motdepasse"},
            "password1",
            "Ce mot de passe est trop courant.",
        ),
        (
            {"password1": "Court-1", "password2": "Court-1"},
            "password1",
            "Ce mot de passe est trop court.",
        ),
        (
            {"password2": "Autre-chose-2026!"},
            "password2",
            "Les deux mots de passe ne correspondent pas.",
        ),
    ],
)
def test_refusals_explain_in_french_and_create_nothing(
    client, municipalities, overrides, field, message
):
    response = client.post(URL, form_data(**overrides))

    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert not User.objects.exists()


def test_duplicate_email_is_refused_whatever_its_case(client, municipalities):
    UserFactory(email="isabelle.tremblay@saint-elzear.qc.ca")

    response = client.post(URL, form_data(email="Isabelle.Tremblay@Saint-Elzear.qc.ca"))

    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [
        "Un compte existe déjà avec cette adresse courriel."
    ]
    assert User.objects.count() == 1


def test_signed_in_user_is_sent_to_the_profile(client, learner):
    client.force_login(learner)

    assert client.get(URL).url == reverse("learners:profile")
