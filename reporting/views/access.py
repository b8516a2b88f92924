"""Who reaches which page: coordinators (and administrators) every report;
a training contact their own municipality's page; nobody else."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse

from reporting.privacy import threshold_for
from reporting.selectors import Access, reporting_allowed


def forbidden(request):
    return TemplateResponse(request, "reporting/forbidden.html", status=403)


def refuse(request):
    """Sign in first; signed in without the right: 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return forbidden(request)


def coordinators_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not reporting_allowed(user=request.user):
            return refuse(request)
        return view(request, *args, **kwargs)

    return wrapped


def access_threshold(access: Access) -> int | None:
    return threshold_for(sees_names=access == Access.NAMES)
