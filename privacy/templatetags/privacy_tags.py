from django import template
from wagtail.models import Site

from privacy.selectors import privacy_officer

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_privacy_officer(context) -> dict:
    """The privacy officer's name and e-mail for the footer of every page
    (cached: no query once read)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return privacy_officer(site=site)
