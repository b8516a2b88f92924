from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """(code, name, url, is_current) for each language, pointing at this page."""
    request = context["request"]
    current = get_language()
    return [
        (code, name, translate_url(request.get_full_path(), code), code == current)
        for code, name in settings.LANGUAGES
    ]


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
