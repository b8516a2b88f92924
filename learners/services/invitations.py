from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.site_url import absolute_url
from outbox.services import enqueue


def invitation_send(*, user, path, invited_by=None):
    """E-mail an account made for someone a link to choose its password, in
    French. The link is a password-reset one: valid once, for
    ``PASSWORD_RESET_TIMEOUT``. The e-mail joins the outbox in the caller's
    transaction (the one creating the account, so neither goes without the
    other), once per account and path."""
    token = default_token_generator.make_token(user)
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    with translation.override(settings.LANGUAGE_CODE):
        link = reverse(
            "learners:password_reset_confirm",
            kwargs={"uidb64": uidb64, "token": token},
        )
        context = {
            "user": user,
            "path": path,
            "invited_by": invited_by,
            "url": absolute_url(link),
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        }
        subject = render_to_string("learners/email/invitation_subject.txt", context)
        body = render_to_string("learners/email/invitation.txt", context)
    enqueue(
        key=f"invitation:{user.pk}:{path.pk}",
        to=[user.email],
        subject=subject,
        text=body,
    )
