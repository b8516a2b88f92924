"""The page tree's structure, cached until an editor changes it.

Routes, a lesson's neighbours, the catalogue's address: they change only when a
page is published, unpublished, moved, saved or deleted. Every entry is stored
under one version token; ``structure_invalidate`` (connected to those Wagtail
signals in ``courses.signals``) draws a new token, so all entries go stale at
once and expire by themselves. Imports no model of courses: page models call it.

Each process also keeps what it read in memory (``_LOCAL``): an entry's key
holds the version token, so a remembered entry is right for as long as the
token is, and the token itself is read from the shared cache at most once a
``COURSES_STRUCTURE_TOKEN_SECONDS`` (1 s by default). A change made in this
process is seen at once; one made in another process within that second.
"""

import hashlib
import pickle
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

VERSION_KEY = "courses:structure:version"
MISSING = "-"  # a computed "nothing": cached as such, unlike a cache miss
# Deeper than catalogue → path → module → lesson is never a course page.
MAX_ROUTE_DEPTH = 4  # catalogue / path / module / lesson, from the home page


def _timeout():
    return getattr(settings, "COURSES_STRUCTURE_CACHE_SECONDS", 6 * 3600)


LOCAL_MAX_ENTRIES = 4096


class _Local:
    """This process's memory of the token and of entries read under it.
    Entries are kept pickled, so a caller that changes what it got changes
    nothing here (as with the shared cache)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.clear()

    def clear(self):
        self.token, self.read_at = None, 0.0
        self.entries = OrderedDict()

    def get(self, key):
        with self.lock:
            blob = self.entries.get(key)
            if blob is None:
                return None
            self.entries.move_to_end(key)
        return pickle.loads(blob)

    def put(self, key, value):
        blob = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        with self.lock:
            self.entries[key] = blob
            self.entries.move_to_end(key)
            while len(self.entries) > LOCAL_MAX_ENTRIES:
                self.entries.popitem(last=False)


_LOCAL = _Local()


def local_clear() -> None:
    """Forget what this process remembers (tests: the shared cache was
    emptied and the database rolled back under it)."""
    _LOCAL.clear()


def _token_seconds() -> float:
    return getattr(settings, "COURSES_STRUCTURE_TOKEN_SECONDS", 1.0)


def structure_version() -> str:
    now = time.monotonic()
    if _LOCAL.token is not None and now - _LOCAL.read_at < _token_seconds():
        return _LOCAL.token
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    _LOCAL.token, _LOCAL.read_at = version, now
    return version


def _token_renew() -> None:
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    _LOCAL.token, _LOCAL.read_at = version, time.monotonic()


def structure_invalidate(**kwargs) -> None:
    """Make every cached structure stale (a signal receiver): now, and again
    once the change is committed, so that another process cannot cache the
    tree as it was before the commit under the new token."""
    _token_renew()
    transaction.on_commit(_token_renew)


def structure_cached(name: str, compute, *, shared: bool = True):
    """``compute()``, cached under ``name`` for the current tree version.

    ``compute`` returns plain data (no model instance) when ``shared``; None
    is cached too. With ``shared=False`` the entry stays in this process's
    memory only (never in the shared cache, which outlives a deployment): a
    model instance may be kept so.
    """
    digest = hashlib.sha1(name.encode()).hexdigest()
    key = f"courses:structure:{structure_version()}:{digest}"
    value = _LOCAL.get(key)
    if value is None:
        value = cache.get(key) if shared else None
        if value is None:
            value = compute()
            value = MISSING if value is None else value
            if shared:
                cache.set(key, value, _timeout())
        _LOCAL.put(key, value)
    return None if isinstance(value, str) and value == MISSING else value


def _restricted(page) -> bool:
    return Page.get_view_restrictions(page).exists()


def view_restrictions(page):
    """What Wagtail's ``check_view_restrictions`` reads (the restrictions on
    ``page`` and its ancestors), with no query when there are none: that
    answer is cached with the structure (a restriction saved or deleted makes
    it stale, ``courses.signals``)."""
    if not structure_cached(f"restricted:{page.path}", lambda: _restricted(page)):
        return PageViewRestriction.objects.none()
    return Page.get_view_restrictions(page)


def _route_lookup(root, components: tuple[str, ...]):
    """[id, content type id] of the page at ``components`` under ``root`` if
    it and every page between are live, else None: one query."""
    wanted = [
        root.url_path + "/".join(components[: n + 1]) + "/"
        for n in range(len(components))
    ]
    rows = list(
        Page.objects.filter(
            path__startswith=root.path,
            depth__gt=root.depth,
            depth__lte=root.depth + len(components),
            url_path__in=wanted,
        ).values_list("url_path", "live", "id", "content_type_id")
    )
    found = {url_path: (live, pk, type_id) for url_path, live, pk, type_id in rows}
    if len(found) != len(wanted) or not all(found[u][0] for u in wanted):
        return None
    _, pk, type_id = found[wanted[-1]]
    return [pk, type_id]


def page_route(*, root, components) -> Page | None:
    """The live page (specific) at ``components`` below ``root``, each page
    between live too; None when there is none. With a warm cache: one query."""
    components = tuple(components)
    if not components or len(components) > MAX_ROUTE_DEPTH:
        return None
    found = structure_cached(
        f"route:{root.pk}:{'/'.join(components)}",
        lambda: _route_lookup(root, components),
    )
    return _live_page(found)


def _live_page(found) -> Page | None:
    if found is None:
        return None
    page_id, type_id = found
    model = ContentType.objects.get_for_id(type_id).model_class()
    if model is None:
        return None
    # The base template compares the page's locale with the language shown.
    # Any save of a page renews the structure's token (``courses.signals``):
    # the row read under the token is the row in the database, and each
    # request gets its own copy of it.
    return structure_cached(
        f"live-page:{page_id}",
        lambda: (
            model.objects.select_related("locale").filter(pk=page_id, live=True).first()
        ),
        shared=False,
    )


def _site_route_lookup(site, components: tuple[str, ...]):
    root = site.root_page.localized.specific
    if not root.live:
        return None
    if not components:
        return [root.pk, root.content_type_id]
    return _route_lookup(root, components)


def site_route(site, components) -> Page | None:
    """The live page (specific) Wagtail would serve at ``components`` of
    ``site`` in the active language, each page between live too; None when the
    cached tree does not hold one (the caller lets Wagtail route). With a warm
    cache: one query, where Wagtail spends four on the site's root and its
    translation before routing."""
    components = tuple(components)
    if len(components) > MAX_ROUTE_DEPTH:
        return None
    language = translation.get_language() or settings.LANGUAGE_CODE
    found = structure_cached(
        f"site-route:{site.root_page_id}:{language}:{'/'.join(components)}",
        lambda: _site_route_lookup(site, components),
    )
    return _live_page(found)
