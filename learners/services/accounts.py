import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.site_url import absolute_url
from learners.models.consent import (
    ConsentChange,
    ConsentPurpose,
    ConsentSource,
    LearnerConsent,
)
from learners.selectors.accounts import totp_device_confirmed
from outbox.services import enqueue
from territory.models import Municipality

SIGN_UP_SALT = "learners.sign_up"


class SignUpLinkInvalid(Exception):
    """A sign-up confirmation link that was altered or has expired."""


def learner_sign_up_request(
    *,
    email,
    password,
    first_name,
    last_name,
    municipality,
    role,
    notice_version: int,
    share_with_municipality: bool = False,
    email_reminders: bool = False,
) -> None:
    """Answer a valid sign-up form by e-mail only, so that the page shown is the
    same whether the address has an account or not: a new address gets a link
    that creates the account, an existing one a notice (nothing is changed).

    The password is hashed in both cases, so both take about as long."""
    password_hash = make_password(password)
    owner = get_user_model().objects.filter(email__iexact=email).first()
    if owner is not None:
        _account_email(
            "sign_up_exists",
            owner.email,
            {
                "login_url": _absolute(reverse("learners:login")),
                "reset_url": _absolute(reverse("learners:password_reset")),
            },
        )
        return
    token = signing.dumps(
        {
            "email": email,
            "password": password_hash,
            "first_name": first_name,
            "last_name": last_name,
            "municipality": municipality.code,
            "role": role,
            "consent": {
                "notice_version": notice_version,
                "share_with_municipality": bool(share_with_municipality),
                "email_reminders": bool(email_reminders),
                "at": timezone.now().isoformat(),
            },
        },
        salt=SIGN_UP_SALT,
        compress=True,
    )
    url = _absolute(reverse("learners:sign_up_confirm", kwargs={"token": token}))
    _account_email("sign_up_confirm", email, {"url": url, "valid_days": _valid_days()})


def sign_up_token_read(*, token) -> dict:
    """What a confirmation link carries; ``SignUpLinkInvalid`` if it was altered
    or is older than ``PASSWORD_RESET_TIMEOUT``."""
    try:
        return signing.loads(
            token, salt=SIGN_UP_SALT, max_age=settings.PASSWORD_RESET_TIMEOUT
        )
    except signing.BadSignature:
        raise SignUpLinkInvalid from None


def learner_sign_up_confirm(*, token):
    """Create the account a confirmation link describes: ``(user, True)``, or
    ``(None, False)`` when the address has an account by now (the link was
    already used, or another sign-up won)."""
    data = sign_up_token_read(token=token)
    municipality = Municipality.objects.filter(code=data["municipality"]).first()
    if municipality is None:
        raise SignUpLinkInvalid
    users = get_user_model().objects
    if users.filter(email__iexact=data["email"]).exists():
        return None, False
    try:
        with transaction.atomic():
            user = users.create_user(
                email=data["email"],
                password=None,
                first_name=data["first_name"],
                last_name=data["last_name"],
                municipality=municipality,
                role=data["role"],
            )
            user.password = data["password"]
            user.save(update_fields=["password"])
            consent = data.get("consent")
            if consent:
                learner_consent_record(
                    user=user,
                    notice_version=consent["notice_version"],
                    share_with_municipality=consent["share_with_municipality"],
                    email_reminders=consent["email_reminders"],
                    source=ConsentSource.SIGN_UP,
                )
    except IntegrityError:
        return None, False
    return user, True


@transaction.atomic
def learner_consent_record(
    *,
    user,
    notice_version: int,
    share_with_municipality: bool,
    email_reminders: bool,
    source: str,
) -> LearnerConsent:
    """Record that ``user`` accepted notice ``notice_version`` (training
    follow-up, which using the platform requires) with these optional choices;
    the history keeps one row per purpose whose answer is new."""
    now = timezone.now()
    current = LearnerConsent.objects.select_for_update().filter(user=user).first()
    answers = {
        ConsentPurpose.TRAINING: True,
        ConsentPurpose.SHARE_MUNICIPALITY: bool(share_with_municipality),
        ConsentPurpose.EMAIL_REMINDERS: bool(email_reminders),
    }
    before = {}
    if current is not None and current.notice_version == notice_version:
        before = {
            ConsentPurpose.TRAINING: True,
            ConsentPurpose.SHARE_MUNICIPALITY: current.share_with_municipality,
            ConsentPurpose.EMAIL_REMINDERS: current.email_reminders,
        }
    ConsentChange.objects.bulk_create(
        ConsentChange(
            user=user,
            notice_version=notice_version,
            purpose=purpose,
            granted=granted,
            source=source,
            at=now,
        )
        for purpose, granted in answers.items()
        if before.get(purpose) != granted
    )
    consent, _ = LearnerConsent.objects.update_or_create(
        user=user,
        defaults={
            "notice_version": notice_version,
            "accepted_at": current.accepted_at
            if current is not None and current.notice_version == notice_version
            else now,
            "share_with_municipality": answers[ConsentPurpose.SHARE_MUNICIPALITY],
            "email_reminders": answers[ConsentPurpose.EMAIL_REMINDERS],
        },
    )
    return consent


def learner_consent_choices_update(
    *, user, share_with_municipality: bool, email_reminders: bool
) -> LearnerConsent:
    """The learner changes their optional choices under the version they
    accepted; withdrawing one takes effect from now on."""
    current = LearnerConsent.objects.get(user=user)
    return learner_consent_record(
        user=user,
        notice_version=current.notice_version,
        share_with_municipality=share_with_municipality,
        email_reminders=email_reminders,
        source=ConsentSource.PROFILE,
    )


def _absolute(path: str) -> str:
    return absolute_url(path)


def _valid_days() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)


def _account_email(template, email, context):
    """Send ``learners/email/<template>.txt`` in the language of the request,
    through the outbox. Each request is a message of its own."""
    context = {"email": email, **context}
    subject = render_to_string(f"learners/email/{template}_subject.txt", context)
    body = render_to_string(f"learners/email/{template}.txt", context)
    key = f"{template}:{uuid.uuid4().hex}"
    enqueue(key=key, to=[email], subject=subject, text=body)


def totp_device_pending(*, user) -> TOTPDevice:
    """The authenticator app being set up; the same one until it is confirmed,
    so that reloading the page keeps its QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Virage", confirmed=False)
    return device


@transaction.atomic
def totp_device_confirm(*, device, token) -> bool:
    """Confirm the app with a code it shows; the other pending ones go."""
    if verify_token(device.user, device.persistent_id, _digits(token)) is None:
        return False
    TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    device.refresh_from_db()
    return True


def totp_verify(*, user, token):
    """The user's confirmed app if ``token`` is its current code, else None.
    django-otp throttles repeated failures and refuses a code used twice."""
    device = totp_device_confirmed(user=user)
    if device is None:
        return None
    return verify_token(user, device.persistent_id, _digits(token))


@transaction.atomic
def totp_devices_remove(*, user) -> int:
    """Forget the user's authenticator apps (a lost phone); the next staff page
    asks to set up a new one. Returns how many were removed."""
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    return removed


def _digits(token) -> str:
    return "".join(str(token).split())


@transaction.atomic
def learner_profile_update(*, user, first_name, last_name, municipality, role):
    from learners.services.progress import learner_role_change

    user.first_name = first_name
    user.last_name = last_name
    user.municipality = municipality
    user.save(update_fields=["first_name", "last_name", "municipality"])
    learner_role_change(user=user, role=role)
    return user
