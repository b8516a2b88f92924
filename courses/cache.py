"""The page tree's structure, cached until an editor changes it.

Routes, a lesson's neighbours, the catalogue's address: they change only when a
page is published, unpublished, moved, saved or deleted. Every entry is stored
under one version token; ``structure_invalidate`` (connected to those Wagtail
signals in ``courses.signals``) draws a new token, so all entries go stale at
once and expire by themselves. Imports no model of courses: page models call it.
"""

import hashlib
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from wagtail.models import Page

VERSION_KEY = "courses:structure:version"
MISSING = "-"  # a computed "nothing": cached as such, unlike a cache miss
# Deeper than catalogue → path → module → lesson is never a course page.
MAX_ROUTE_DEPTH = 4  # catalogue / path / module / lesson, from the home page


def _timeout():
    return getattr(settings, "COURSES_STRUCTURE_CACHE_SECONDS", 6 * 3600)


def structure_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def structure_invalidate(**kwargs) -> None:
    """Make every cached structure stale (a signal receiver)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def structure_cached(name: str, compute):
    """``compute()``, cached under ``name`` for the current tree version.

    ``compute`` returns plain data (no model instance); None is cached too.
    """
    digest = hashlib.sha1(name.encode()).hexdigest()
    key = f"courses:structure:{structure_version()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, MISSING if value is None else value, _timeout())
    return None if value == MISSING else value


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
    if found is None:
        return None
    page_id, type_id = found
    model = ContentType.objects.get_for_id(type_id).model_class()
    if model is None:
        return None
    # The base template compares the page's locale with the language shown.
    return model.objects.select_related("locale").filter(pk=page_id, live=True).first()
