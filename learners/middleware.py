"""Staff accounts: a TOTP code before any staff page, sessions that end after
``VIRAGE_STAFF_SESSION_IDLE_SECONDS`` without a request, and the rate limit
of the Wagtail admin's password reset (the site's own view applies it too).
Learners' sessions are left as they are."""

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import get_language_from_path

from learners.security import password_reset_refused
from learners.selectors.accounts import staff_member

STAFF_SESSION_KEY = "virage_staff"
# Reached before the code is given: signing in, out, and a forgotten password.
ADMIN_OPEN_URL_NAMES = [
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
]


def staff_area(path: str) -> bool:
    """Whether ``path`` (language prefix or not) is a staff page."""
    language = get_language_from_path(path)
    if language:
        path = path.removeprefix(f"/{language}")
    if not path.startswith(tuple(settings.VIRAGE_STAFF_PATHS)):
        return False
    return not path.startswith(tuple(reverse(name) for name in ADMIN_OPEN_URL_NAMES))


def _staff_session(request, *, recheck: bool) -> bool:
    """Whether the signed-in user is staff: decided once per session (signing in
    starts a new one) and again on every staff page, where the permission check
    is needed anyway and its result is cached on the user for the view."""
    session = request.session
    if SESSION_KEY not in session:
        return False
    staff = session.get(STAFF_SESSION_KEY)
    if staff is None or recheck:
        staff = staff_member(user=request.user)
        if session.get(STAFF_SESSION_KEY) != staff:
            session[STAFF_SESSION_KEY] = staff
    return staff


class StaffAccountMiddleware:
    """After django-otp's ``OTPMiddleware``, which tells whether the session
    gave a code (``request.user.is_verified()``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path_info == reverse(
            "wagtailadmin_password_reset"
        ):
            refused = password_reset_refused(request)
            if refused:
                return refused
        in_staff_area = staff_area(request.path_info)
        if _staff_session(request, recheck=in_staff_area):
            request.session.set_expiry(settings.VIRAGE_STAFF_SESSION_IDLE_SECONDS)
            if (
                in_staff_area
                and settings.VIRAGE_STAFF_OTP_REQUIRED
                and not request.user.is_verified()
            ):
                return redirect_to_login(
                    request.get_full_path(), reverse("learners:two_factor")
                )
        return self.get_response(request)
