"""Staff give a TOTP code before any staff page; their sessions end after 8
idle hours. The test settings turn the code off (VIRAGE_STAFF_OTP_REQUIRED)
so that other tests can use force_login; these turn it back on."""

import io
import re
import time

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("otp_required")]

ADMIN = reverse("wagtailadmin_home")
CODE = reverse("learners:two_factor")
SETUP = reverse("learners:two_factor_setup")
REPORTS = reverse("reporting:dashboard")
STAFF_IDLE = 8 * 60 * 60


@pytest.fixture
def otp_required(settings):
    settings.VIRAGE_STAFF_OTP_REQUIRED = True


def code_for(device, *, steps_ahead=0) -> str:
    """What the app shows now (or ``steps_ahead`` periods later: a code is
    accepted once, and the device tolerates one period of drift)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def confirmed_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Virage", confirmed=True)


def test_first_visit_sets_up_an_app_then_opens_the_admin(client, trainer, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no wait after the wrong code below
    client.force_login(trainer)

    first = client.get(ADMIN)
    assert first.url == f"{CODE}?next={ADMIN}"
    to_setup = client.get(first.url)
    assert to_setup.url == f"{SETUP}?next=%2Fadmin%2F"
    page = client.get(to_setup.url)
    html = page.content.decode()
    assert "Activer la double authentification" in html and "<svg" in html
    device = TOTPDevice.objects.get(user=trainer, confirmed=False)
    secret = re.search(r"<code>([A-Z2-7 ]+)</code>", html).group(1)
    assert len(secret.replace(" ", "")) == 32

    wrong = client.post(SETUP, {"code": "000000", "next": ADMIN})
    assert "Code refusé." in wrong.content.decode()
    assert client.get(ADMIN).status_code == 302

    done = client.post(SETUP, {"code": code_for(device), "next": ADMIN})

    assert done.url == ADMIN
    assert TOTPDevice.objects.get(user=trainer).confirmed
    assert client.get(ADMIN).status_code == 200


def test_later_sessions_ask_for_the_code_only(client, trainer):
    device = confirmed_device(trainer)
    client.force_login(trainer)

    assert client.get(SETUP + "?next=/admin/").url == f"{CODE}?next=%2Fadmin%2F"
    refused = client.post(CODE, {"code": "12345", "next": ADMIN})
    assert "Le code compte 6 chiffres." in refused.content.decode()

    response = client.post(CODE, {"code": code_for(device), "next": ADMIN})

    assert response.url == ADMIN
    assert client.get(ADMIN).status_code == 200
    assert TOTPDevice.objects.filter(user=trainer).count() == 1


def test_a_wrong_code_makes_the_next_try_wait(client, trainer):
    device = confirmed_device(trainer)
    client.force_login(trainer)
    client.post(CODE, {"code": "000000"})

    right_too_soon = client.post(CODE, {"code": code_for(device)})

    assert "Code refusé." in right_too_soon.content.decode()
    assert client.get(ADMIN).status_code == 302


def test_a_code_is_accepted_once(client, trainer):
    device = confirmed_device(trainer)
    code = code_for(device)
    client.force_login(trainer)
    client.post(CODE, {"code": code})
    client.logout()
    client.force_login(trainer)

    replayed = client.post(CODE, {"code": code})

    assert replayed.status_code == 200
    assert client.get(ADMIN).status_code == 302


def test_the_wagtail_login_leads_to_the_code(client, trainer):
    confirmed_device(trainer)

    signed_in = client.post(
        reverse("wagtailadmin_login"), {"username": trainer.email, "password": PASSWORD}
    )
    admin = client.get(signed_in.url)

    assert admin.url == f"{CODE}?next={ADMIN}"


@pytest.mark.parametrize("path", [REPORTS, "/en" + REPORTS, ADMIN + "pages/"])
def test_every_staff_page_waits_for_the_code(client, coordinator, path):
    client.force_login(coordinator)

    response = client.get(path)

    assert response.status_code == 302
    assert response.url.split("?")[0] in (CODE, "/en" + CODE)


def test_superusers_give_a_code_too(client, municipalities):
    admin = UserFactory(is_superuser=True, is_staff=True, role="")
    client.force_login(admin)

    assert client.get(ADMIN).url.startswith(CODE)


def test_after_the_code_the_next_page_is_only_a_local_one(client, trainer):
    device = confirmed_device(trainer)
    client.force_login(trainer)

    response = client.post(
        CODE, {"code": code_for(device), "next": "https://ailleurs.example/"}
    )

    assert response.url == ADMIN


def test_learners_are_not_asked(client, learner):
    client.force_login(learner)

    assert client.get(reverse("learners:dashboard")).status_code == 200
    assert client.get(CODE).url == reverse("learners:dashboard")
    assert client.get(SETUP).url == reverse("learners:dashboard")
    assert CODE not in client.get(REPORTS).get("Location", "")
    assert not TOTPDevice.objects.exists()


def test_setup_cannot_replace_a_confirmed_app(client, trainer):
    confirmed_device(trainer)
    client.force_login(trainer)

    response = client.post(SETUP, {"code": "123456"})

    assert response.url.startswith(CODE)
    assert TOTPDevice.objects.filter(user=trainer).count() == 1


def test_staff_sessions_end_after_eight_idle_hours(client, trainer, settings):
    settings.VIRAGE_STAFF_OTP_REQUIRED = False
    client.force_login(trainer)

    response = client.get(reverse("learners:dashboard"))

    assert client.session.get_expiry_age() == STAFF_IDLE
    assert response.cookies["sessionid"]["max-age"] == STAFF_IDLE
    assert client.get(ADMIN).cookies["sessionid"]["max-age"] == STAFF_IDLE


def test_learner_sessions_keep_the_default_length(client, learner, settings):
    client.force_login(learner)

    client.get(reverse("learners:dashboard"))

    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_totp_reset_lets_a_staff_member_set_up_a_new_app(client, trainer):
    confirmed_device(trainer)
    out = io.StringIO()

    call_command("totp_reset", trainer.email.upper(), stdout=out)

    assert "1 application retirée" in out.getvalue()
    client.force_login(trainer)
    assert client.get(CODE).url.startswith(SETUP)


def test_totp_reset_refuses_an_unknown_address(db):
    with pytest.raises(CommandError, match="Aucun compte"):
        call_command("totp_reset", "personne@exemple.qc.ca")
