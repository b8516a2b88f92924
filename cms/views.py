from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from wagtail.models import Locale

from cms.selectors import site_search
from learners.selectors.accounts import staff_member
from reporting.selectors import reporting_allowed


@login_required
def landing(request):
    """Where signing in leads when no page was asked for: each person to what
    they use — administrators and trainers to the admin, coordinators to the
    participation dashboard, learners to "Mon parcours"."""
    user = request.user
    if user.is_superuser:
        return redirect("wagtailadmin_home")
    if reporting_allowed(user=user):
        return redirect("reporting:dashboard")
    if staff_member(user=user):
        return redirect("wagtailadmin_home")
    return redirect("learners:dashboard")


def search(request):
    query = request.GET.get("q", "").strip()
    results = site_search(query=query, locale=Locale.get_active()) if query else []
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    # search_query: the header's search box (other views' "query" is theirs).
    context = {"query": query, "search_query": query, "results": page}
    return render(request, "cms/search.html", context)
