"""Who reaches which page: coordinators (and administrators) every report;
a training contact their own municipality's page; nobody else."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse

from reporting.privacy import small_cell_threshold
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


def threshold_for(access: Access) -> int | None:
    """Small cells are hidden from everyone but the municipality's contact."""
    return None if access == Access.NAMES else small_cell_threshold()
