"""One municipality's participation, by role and path, over time. Its
training contact sees the names of its learners and exact counts; coordinators
see counts only, small ones hidden."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from reporting.forms import PeriodForm
from reporting.privacy import headline
from reporting.rollup import rollup_freshness
from reporting.selectors import (
    Access,
    municipality_access,
    municipality_accounts,
    municipality_learners,
    participation_report,
)
from reporting.tables import learners_table, municipality_tables, trend_tables
from reporting.views.access import access_threshold, refuse
from reporting.views.common import export_prefix, querystring
from reporting.views.dashboard import trend_chart
from territory.models import Municipality

PER_PAGE = 50


def _report(place, scope, threshold) -> dict:
    overview, trends = participation_report(scope=scope, dimensions=("role", "path"))
    return {
        "shown": headline(
            overview.total,
            threshold=threshold,
            municipalities=1,
            one_role=bool(scope.role),
        ),
        "total": overview.total,
        "tables": municipality_tables(overview, threshold),
        "trends": trend_tables(trends),
        "trend_chart": trend_chart(trends),
        "export_prefix": export_prefix("reporting:municipality_export", place.code),
    }


def _learners(request, place, scope) -> dict:
    accounts = municipality_accounts(municipality=place, scope=scope)
    page = Paginator(accounts, PER_PAGE).get_page(request.GET.get("page"))
    lines = municipality_learners(
        municipality=place, scope=scope, accounts=page.object_list
    )
    return {"learners": learners_table(lines), "page_obj": page}


def municipality(request, code):
    place = get_object_or_404(
        Municipality.objects.select_related("region", "mrc"), code=code
    )
    access = municipality_access(user=request.user, municipality=place)
    if access == Access.NONE:
        return refuse(request)
    form = PeriodForm(request.GET)
    context = {
        "municipality": place,
        "form": form,
        "access": access.value,
        "threshold": access_threshold(access),
        "query": querystring(request),
        **rollup_freshness(),
    }
    template = "reporting/municipality.html"
    if not form.is_valid():
        context["invalid"] = True
        return TemplateResponse(request, template, context, status=400)
    scope = form.scope(municipality_id=place.pk)
    context.update(_report(place, scope, context["threshold"]))
    if access == Access.NAMES:
        context.update(_learners(request, place, scope))
    return TemplateResponse(request, template, context)
