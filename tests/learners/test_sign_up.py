import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from learners.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("learners:sign_up")


@pytest.fixture(autouse=True)
def mails_leave_at_once(monkeypatch):
    """E-mails leave the outbox after commit; a test runs in one transaction
    that never commits, so they leave at once here."""
    monkeypatch.setattr(
        "django.db.transaction.on_commit",
        lambda func, using=None, robust=False: func(),
    )


@pytest.fixture(autouse=True)
def empty_cache():
    """Sign-up is rate-limited in the cache: each test starts at 0."""
    cache.clear()
    yield
    cache.clear()


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0).split("8000", 1)[1]


def form_data(**overrides):
    data = {
        "first_name": "Isabelle",
        "last_name": "Tremblay",
        "email": "isabelle.tremblay@saint-elzear.qc.ca",
        "municipality": "26022",
        "role": "mayor",
        "password1": "Conseil-municipal-2026!",
        "password2": "Conseil-municipal-2026!",
        "accept_notice": "on",
    }
    data.update(overrides)
    return data


def test_sign_up_mails_a_link_that_creates_the_account_and_signs_in(
    client, municipalities
):
    response = client.post(URL, form_data())

    assert response.url == reverse("learners:sign_up_sent")
    assert not User.objects.exists()
    [message] = mail.outbox
    assert message.to == ["isabelle.tremblay@saint-elzear.qc.ca"]
    assert message.subject == "Virage — confirmez votre adresse pour créer votre compte"
    link = link_in(message)
    assert client.get(link).status_code == 200
    assert not User.objects.exists()  # a GET (a mail scanner) creates nothing

    response = client.post(link)

    assert response.url == reverse("learners:dashboard")
    user = User.objects.get(email="isabelle.tremblay@saint-elzear.qc.ca")
    assert (user.municipality.name, user.role) == ("Saint-Elzéar", "mayor")
    assert user.is_learner and not user.is_staff
    assert user.check_password("Conseil-municipal-2026!")
    assert client.get(reverse("learners:profile")).status_code == 200


def test_a_used_link_creates_nothing_more(client, municipalities):
    client.post(URL, form_data())
    link = link_in(mail.outbox[0])
    client.post(link)
    client.post(reverse("learners:logout"))

    response = client.post(link)

    assert response.url == reverse("learners:login")
    assert User.objects.count() == 1


def test_an_altered_or_expired_link_is_refused(client, municipalities, settings):
    client.post(URL, form_data())
    link = link_in(mail.outbox[0])

    altered = client.post(link[:-3] + "abc/")
    settings.PASSWORD_RESET_TIMEOUT = -1
    expired = client.post(link)

    for response in (altered, expired):
        assert "Ce lien n'est plus valide" in response.content.decode()
    assert not User.objects.exists()


def test_the_sent_page_speaks_english_under_en(client, municipalities):
    response = client.post("/en" + URL, form_data(), follow=True)

    assert "Check your email" in response.content.decode()
    assert "/en/compte/inscription/confirmer/" in mail.outbox[0].body


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
            {"password1": "Velo-rouge7", "password2": "Velo-rouge7"},
            "password1",
            "au minimum 12 caractères",
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
    assert mail.outbox == []


def test_twelve_characters_are_enough(client, municipalities):
    response = client.post(
        URL, form_data(password1="Velo-rouge-7", password2="Velo-rouge-7")
    )

    assert response.status_code == 302


def test_an_existing_email_looks_the_same_and_its_owner_is_told(client, municipalities):
    owner = UserFactory(email="isabelle.tremblay@saint-elzear.qc.ca")
    new = client.post(URL, form_data(email="nouvelle@saint-elzear.qc.ca"))
    mail.outbox.clear()

    taken = client.post(
        URL,
        form_data(email="Isabelle.Tremblay@Saint-Elzear.qc.ca", first_name="Autre"),
    )

    assert (taken.status_code, taken.url) == (new.status_code, new.url)
    assert User.objects.count() == 1
    owner.refresh_from_db()
    assert owner.first_name == "Camille" and owner.check_password(PASSWORD)
    [notice] = mail.outbox
    assert notice.to == ["isabelle.tremblay@saint-elzear.qc.ca"]
    assert notice.subject == "Virage — vous avez déjà un compte"
    assert "/compte/mot-de-passe/reinitialiser/" in notice.body


def test_sign_up_is_rate_limited_per_address(client, municipalities):
    for n in range(10):
        client.post(URL, form_data(email=f"personne{n}@exemple.qc.ca"))

    response = client.post(URL, form_data(email="une-de-trop@exemple.qc.ca"))

    assert response.status_code == 429
    assert "Trop de demandes en peu de temps." in response.content.decode()
    assert len(mail.outbox) == 10
    other = client.post(
        URL, form_data(email="voisin@exemple.qc.ca"), REMOTE_ADDR="10.0.0.7"
    )
    assert other.status_code == 302


def test_mails_to_one_address_are_rate_limited(client, municipalities):
    for n in range(3):
        client.post(URL, form_data(), REMOTE_ADDR=f"10.0.0.{n}")

    response = client.post(URL, form_data(), REMOTE_ADDR="10.0.0.9")

    assert response.status_code == 429
    assert len(mail.outbox) == 3


def test_signed_in_user_is_sent_to_the_profile(client, learner):
    client.force_login(learner)

    assert client.get(URL).url == reverse("learners:profile")
