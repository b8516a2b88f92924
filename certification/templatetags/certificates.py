"""Certificates shown on learner pages: learners never imports certification,
its templates load this library instead."""

from django import template

from certification import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def path_certificate(context, path):
    """The signed-in learner's valid certificate for ``path``, or None."""
    user = context["request"].user
    if not user.is_authenticated:
        return None
    return (
        selectors.certificates_of(user=user)
        .filter(path=path, revoked_at__isnull=True)
        .first()
    )
