"""Who is asking, and how often: the client address behind trusted proxies,
and counters for the rate limits (sign-up, password reset, certificate
verification). The login lockout (django-axes) uses the same address."""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _

# Sign-up and password reset, per client address and per e-mail, within one
# window: enough for a person who mistypes, not for someone trying addresses
# or flooding a mailbox.
ADDRESS_LIMIT = 10
EMAIL_LIMIT = 3
LIMIT_WINDOW_SECONDS = 60 * 60


def client_address(request) -> str:
    """The address of whoever sent ``request``.

    With ``TRUSTED_PROXY_COUNT = n`` (n > 0), each of our n proxies appends the
    address it was reached from to X-Forwarded-For, so the client is the n-th
    entry from the right; whatever stands further left was written by the
    client and is ignored. With 0, or a header too short or not an address
    (a request that bypassed the proxies), REMOTE_ADDR is used."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote


def login_username(request, credentials) -> str:
    """The e-mail a login attempt names, folded as accounts are matched, so
    that "Marie@…" and "marie@…" count against one account."""
    username = (credentials or {}).get("username") or request.POST.get("username")
    return (username or "").strip().lower()


def rate_limit_exceeded(*, scope: str, key: str, limit: int, window: int) -> bool:
    """Count one request for ``key`` in ``scope``; True once more than ``limit``
    were counted in the current ``window`` (seconds, from the first one).

    Counters live in Django's cache: shared by every process when the cache is
    (Redis in production), per process with the local-memory default. The key
    is hashed: an e-mail address is not kept in the cache as such."""
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
    cache_key = f"ratelimit:{scope}:{digest}"
    cache.add(cache_key, 0, window)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.set(cache_key, 1, window)
        count = 1
    return count > limit


def account_request_refused(request, *, scope, title, email=None):
    """Count this request for the client's address, and for ``email`` if given;
    past a limit, the 429 page to answer with (``title`` is its heading)."""
    over = rate_limit_exceeded(
        scope=scope,
        key=client_address(request),
        limit=ADDRESS_LIMIT,
        window=LIMIT_WINDOW_SECONDS,
    ) or (
        email is not None
        and rate_limit_exceeded(
            scope=f"{scope}:email",
            key=email.strip().lower(),
            limit=EMAIL_LIMIT,
            window=LIMIT_WINDOW_SECONDS,
        )
    )
    if not over:
        return None
    context = {"title": title, "minutes": LIMIT_WINDOW_SECONDS // 60}
    response = render(request, "learners/rate_limited.html", context, status=429)
    response["Retry-After"] = str(LIMIT_WINDOW_SECONDS)
    return response


def password_reset_refused(request):
    """The site's and the Wagtail admin's reset forms share their counters."""
    return account_request_refused(
        request,
        scope="password_reset",
        title=_("Mot de passe oublié"),
        email=request.POST.get("email", ""),
    )
