"""A signed-in learner whose accepted notice version is older than the one in
force is asked to accept the new one before going on."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language_from_path

from learners.selectors.consent import learner_consent
from privacy.selectors import privacy_notice_version

# Reached without accepting: the notice itself, leaving, and what pages call.
OPEN_PREFIXES = (
    "/confidentialite/",
    "/compte/deconnexion/",
    "/admin/",
    "/i18n/",
    "/xapi/",
    "/h5p/",
    "/documents/",
)


def _open_path(path: str) -> bool:
    language = get_language_from_path(path)
    if language:
        path = path.removeprefix(f"/{language}")
    static = (settings.STATIC_URL or "/static/", settings.MEDIA_URL or "/media/")
    return path.startswith(OPEN_PREFIXES + static)


class NoticeAcceptanceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        """Also sets ``request.privacy_notice_version`` on POST (what a sign-up
        records) and for signed-in users."""
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if request.method == "POST" or signed_in:
            request.privacy_notice_version = privacy_notice_version()
        if (
            signed_in
            and request.method in ("GET", "HEAD")
            and user.is_learner
            and not _open_path(request.path_info)
            and _behind(request, request.privacy_notice_version)
        ):
            return redirect(_accept_url(request))
        return self.get_response(request)


ACCEPTED_KEY = "privacy_notice_accepted"


def _behind(request, version) -> bool:
    """Whether the learner must accept ``version``; once known to be accepted
    the session remembers it, so most requests read no consent row."""
    if version is None or request.session.get(ACCEPTED_KEY, 0) >= version:
        return False
    consent = learner_consent(user=request.user)
    if consent is None or consent.notice_version < version:
        return True
    request.session[ACCEPTED_KEY] = consent.notice_version
    return False


def _accept_url(request) -> str:
    following = request.get_full_path()
    if not url_has_allowed_host_and_scheme(following, allowed_hosts=None):
        following = "/"
    return f"{reverse('privacy:accept')}?{urlencode({'next': following})}"
