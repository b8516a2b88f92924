from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_document_serve
from wagtail.models import Locale

from cms.selectors import site_search
from courses.files import served_by_ranges, stored_file_response
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


def document_serve(request, document_id, document_filename):
    """Wagtail's document view, except for a hosted video or its captions,
    sent with byte ranges (``courses.files``) once Wagtail's own checks (the
    collection's view restrictions) have let the request through."""
    document = get_object_or_404(get_document_model(), id=document_id)
    if document.filename != document_filename:
        raise Http404
    if not served_by_ranges(document):
        return wagtail_document_serve(request, document_id, document_filename)
    for check in hooks.get_hooks("before_serve_document"):
        refused = check(document, request)
        if isinstance(refused, HttpResponse):
            return refused
    response = stored_file_response(request, document.file.name)
    response["Cache-Control"] = "private, max-age=86400"
    return response
