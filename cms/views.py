from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale

from cms.selectors import site_search


def search(request):
    query = request.GET.get("q", "").strip()
    results = site_search(query=query, locale=Locale.get_active()) if query else []
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    return render(request, "cms/search.html", {"query": query, "results": page})
