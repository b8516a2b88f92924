import re

from django.urls import translate_url
from django.utils.translation import override
from unidecode import unidecode
from wagtail.models import Page, Site

from courses.cache import structure_cached
from courses.models import LearningPathIndexPage, LearningPathPage, LessonPage

# Below this many letters a prefix matches too much to be useful.
PREFIX_MIN_LENGTH = 3


def _fold(text):
    """Lower case, without accents, words separated by single spaces."""
    return " ".join(re.findall(r"[a-z0-9]+", unidecode(text or "").lower()))


def _prefix_matches(*, query, locale):
    """Ids of live paths and lessons whose title or summary holds a word
    starting with each word of ``query``, accents and case aside: "cyber"
    finds "Cybersécurité", "securite" finds "sécurité"."""
    words = _fold(query).split()
    if len("".join(words)) < PREFIX_MIN_LENGTH:
        return []
    patterns = [re.compile(rf"\b{re.escape(word)}") for word in words]
    ids = []
    for model in (LearningPathPage, LessonPage):
        rows = (
            model.objects.live()
            .filter(locale=locale)
            .values_list("pk", "title", "summary")
        )
        for pk, title, summary in rows:
            text = f"{_fold(title)} {_fold(summary)}"
            if all(pattern.search(text) for pattern in patterns):
                ids.append(pk)
    return ids


def site_search(*, query, locale):
    """Live learning paths and lessons matching ``query`` in one locale.

    Full-text results first (lessons are found by their body too), then the
    pages whose title or summary holds words starting with the query's,
    accents aside: the search backend matches whole words only. Results only
    ever show titles and summaries: bodies stay for signed-in learners.
    """
    searchable = [LearningPathPage, LessonPage]
    pages = Page.objects.live().filter(locale=locale).type(*searchable).specific()
    found = list(pages.search(query))
    seen = {page.pk for page in found}
    extra = [pk for pk in _prefix_matches(query=query, locale=locale) if pk not in seen]
    if extra:
        found += list(pages.filter(pk__in=extra).order_by("path"))
    return found


def _catalogue_url(language, request):
    catalogues = LearningPathIndexPage.objects.live().select_related("locale")
    catalogue = (
        catalogues.filter(locale__language_code=language).first() or catalogues.first()
    )
    if catalogue is None:
        return "/"
    url = catalogue.get_url(request) or "/"
    with override(catalogue.locale.language_code):
        return translate_url(url, language)


def catalogue_url(*, language, request=None) -> str:
    """The catalogue's URL in ``language`` (its translation if it has one,
    else the French page under that language's prefix). Cached until a page
    is published, moved or deleted (``courses.cache``): the header shows it
    on every page."""
    site = Site.find_for_request(request) if request is not None else None
    return structure_cached(
        f"catalogue-url:{language}:{site.pk if site else ''}",
        lambda: _catalogue_url(language, request),
    )
