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
    """The URL of the catalogue in the current language, or the home page."""
    from courses.models import LearningPathIndexPage

    catalogue = (
        LearningPathIndexPage.objects.live()
        .filter(locale__language_code=get_language())
        .first()
        or LearningPathIndexPage.objects.live().first()
    )
    if catalogue is None:
        return "/"
    return translate_url(
        catalogue.get_url(context.get("request")) or "/", get_language()
    )
