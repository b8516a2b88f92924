"""Two-factor authentication for staff: set up an authenticator app once (QR
code, then a code to confirm it), then give its code once per session before
any staff page (``learners.middleware.StaffAccountMiddleware`` sends them here)."""

import base64
from functools import wraps
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from learners.forms import TotpCodeForm
from learners.selectors.accounts import staff_member, totp_device_confirmed
from learners.services.accounts import (
    totp_device_confirm,
    totp_device_pending,
    totp_verify,
)

DEFAULT_NEXT = "/admin/"


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or DEFAULT_NEXT
    safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if safe else DEFAULT_NEXT


def _with_next(name, next_url) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


def staff_only(view):
    """Signed-in staff; learners have nothing to do here."""

    @wraps(view)
    def wrapped(request):
        if not staff_member(user=request.user):
            return redirect("learners:dashboard")  # not staff: nothing to set up
        if request.user.is_verified():
            return redirect(_next_url(request))
        return view(request, _next_url(request))

    return never_cache(login_required(wrapped))


def _code_refused(form):
    form.add_error(
        "code",
        _(
            "Code refusé. Attendez quelques secondes, puis saisissez le code "
            "que votre application affiche maintenant."
        ),
    )


@staff_only
def two_factor(request, next_url):
    """The code of the app set up earlier; without one, set one up."""
    if totp_device_confirmed(user=request.user) is None:
        return redirect(_with_next("learners:two_factor_setup", next_url))
    form = TotpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = totp_verify(user=request.user, token=form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(next_url)
        _code_refused(form)
    return render(request, "learners/two_factor.html", {"form": form, "next": next_url})


@staff_only
def two_factor_setup(request, next_url):
    """Only while the account has no confirmed app: replacing one takes an
    administrator (``manage.py totp_reset``), not just the password."""
    if totp_device_confirmed(user=request.user) is not None:
        return redirect(_with_next("learners:two_factor", next_url))
    device = totp_device_pending(user=request.user)
    form = TotpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if totp_device_confirm(device=device, token=form.cleaned_data["code"]):
            otp_login(request, device)
            messages.success(request, _("La double authentification est activée."))
            return redirect(next_url)
        _code_refused(form)
    context = {
        "form": form,
        "next": next_url,
        "qr_code": _qr_svg(device.config_url),
        "secret": _secret_text(device),
    }
    return render(request, "learners/two_factor_setup.html", context)


def _qr_svg(data: str) -> str:
    """The otpauth:// link as an inline SVG (no image request, no inline script)."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


def _secret_text(device) -> str:
    """The key in base 32, by groups of four, for typing into the app."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
