"""Training sessions on course pages, and their dates in Québec French."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from courses.models import SessionFormat
from learners.models import RegistrationStatus
from learners.selectors.sessions import session_location, sessions_for_module

register = template.Library()


def clock(value) -> str:
    """``13 h 30``, or ``9 h`` on the hour (Québec usage)."""
    if value.minute:
        return _("%(hour)s h %(minute)02d") % {
            "hour": value.hour,
            "minute": value.minute,
        }
    return _("%(hour)s h") % {"hour": value.hour}


def day(value) -> str:
    """``jeudi 4 décembre 2026``; the first of the month is ``1er``."""
    number = _("1er") if value.day == 1 else str(value.day)
    return _("%(weekday)s %(day)s %(month)s %(year)s") % {
        "weekday": date_format(value, "l"),
        "day": number,
        "month": date_format(value, "F"),
        "year": value.year,
    }


@register.filter
def session_when(session) -> str:
    """``le jeudi 4 décembre 2026 de 13 h 30 à 16 h 30``, in Montréal time."""
    start = timezone.localtime(session.starts_at)
    end = timezone.localtime(session.ends_at)
    if start.date() == end.date():
        return _("le %(day)s de %(start)s à %(end)s") % {
            "day": day(start),
            "start": clock(start),
            "end": clock(end),
        }
    return _("du %(start_day)s à %(start)s au %(end_day)s à %(end)s") % {
        "start_day": day(start),
        "start": clock(start),
        "end_day": day(end),
        "end": clock(end),
    }


@register.filter
def session_place(session) -> str:
    return session_location(session)


@register.inclusion_tag("learners/module_sessions.html", takes_context=True)
def module_sessions(context, module):
    """The module's upcoming sessions with the visitor's own status."""
    request = context["request"]
    user = request.user
    return {
        "request": request,
        "user": user,
        "module": module,
        "sessions": list(sessions_for_module(module=module, user=user)),
        "next": request.get_full_path(),
        "now": timezone.now(),
        "REGISTERED": RegistrationStatus.REGISTERED,
        "WAITLISTED": RegistrationStatus.WAITLISTED,
        "VIRTUAL": SessionFormat.VIRTUAL,
        "csrf_token": context.get("csrf_token"),
    }
