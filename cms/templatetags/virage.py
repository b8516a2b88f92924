from django import template
from django.conf import settings
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.local_cache import LocalMemo

register = template.Library()

# What the site header holds that differs from one request to the next: it
# is drawn with these marks in their place, and they are put in afterwards.
HEADER_MARKS = {
    "search": "\u2063virage-search\u2063",
    "csrf": "\u2063virage-csrf\u2063",
    "languages": "\u2063virage-languages\u2063",
}
_HEADERS = LocalMemo(max_entries=256)


def _header_html(language, menu) -> str:
    """The header drawn with its marks, for one language and one menu."""
    signed_in, participation, show_admin, catalogue = menu
    return render_to_string(
        "cms/includes/site_header.html",
        {
            "LANGUAGE_CODE": language,
            "signed_in": signed_in,
            "participation": participation,
            "show_admin": show_admin,
            "catalogue": catalogue,
            "marks": {name: mark_safe(mark) for name, mark in HEADER_MARKS.items()},
        },
    )


@register.simple_tag(takes_context=True)
def site_header(context):
    """The site header: the same for every learner of a language (its menu
    differs only for staff, coordinators and training contacts), so each
    process draws it once a ``VIRAGE_LOCAL_CACHE_SECONDS`` per language and
    menu and puts in what differs per request: the search box's text, the
    sign-out form's CSRF token and the links to this page in the other
    languages."""
    from reporting.templatetags.reporting import participation_url

    request = context["request"]
    user = request.user
    signed_in = user.is_authenticated
    language = get_language()
    menu = (
        signed_in,
        participation_url(context) if signed_in else "",
        signed_in
        and (
            user.is_staff
            or (not user.is_learner and user.has_perm("wagtailadmin.access_admin"))
        ),
        catalogue_url(context),
    )
    html = _HEADERS.get((language, menu), lambda: _header_html(language, menu))
    links = format_html_join(
        "",
        '<a href="{}" lang="{}" hreflang="{}">{}</a>',
        (
            (url, code, code, name)
            for code, name, url, current in language_links(context)
            if not current
        ),
    )
    html = html.replace(
        HEADER_MARKS["search"], escape(context.get("search_query") or "")
    )
    html = html.replace(HEADER_MARKS["languages"], links)
    if signed_in:
        token = context.get("csrf_token") or get_token(request)
        html = html.replace(HEADER_MARKS["csrf"], escape(str(token)))
    return mark_safe(html)  # drawn by the template, the rest escaped here


@register.simple_tag(takes_context=True)
def language_links(context):
    """(code, name, url, is_current) for each language, pointing at this page."""
    from courses.cache import structure_cached

    full_path = context["request"].get_full_path()
    current = get_language()
    # The same for every request to this address while the tree is the same:
    # kept by this process (routes are resolved for each language).
    return structure_cached(
        f"language-links:{current}:{full_path}",
        lambda: [
            (code, name, translate_url(full_path, code), code == current)
            for code, name in settings.LANGUAGES
        ],
        shared=False,
    )


@register.simple_tag
def municipality_data_attribution():
    return settings.MUNICIPALITY_DATA_ATTRIBUTION


@register.simple_tag(takes_context=True)
def catalogue_url(context):
    """The catalogue's URL in the current language (its translation if it has
    one, else the French page under the current language's prefix); cached
    until a page is published, moved or deleted."""
    from cms.selectors import catalogue_url as cached

    return cached(language=get_language(), request=context.get("request"))
