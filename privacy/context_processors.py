from django.utils.functional import SimpleLazyObject

from privacy.selectors import privacy_notice_current


def privacy_notice(request):
    """``privacy_notice`` for the footer's link, read only if a page uses it."""
    return {"privacy_notice": SimpleLazyObject(privacy_notice_current)}
