"""The coordinators' pages: the dashboard, every municipality, and those not
taking part yet."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from reporting import charts
from reporting.forms import AbsentFilterForm, ParticipationFilterForm
from reporting.privacy import headline, small_cell_threshold
from reporting.rollup import rollup_freshness
from reporting.selectors import (
    municipalities_absent,
    municipalities_in_scope,
    participation_by_municipality,
    participation_report,
)
from reporting.tables import (
    RATE,
    TEXT,
    Column,
    Table,
    absent_table,
    funnel_table,
    month_label,
    municipalities_table,
    overview_tables,
    trend_tables,
)
from reporting.views.access import coordinators_only
from reporting.views.common import export_prefix, querystring

PER_PAGE = 50


def _invalid(request, template, form):
    context = {
        "form": form,
        "invalid": True,
        "threshold": small_cell_threshold(),
        **rollup_freshness(),
    }
    return TemplateResponse(request, template, context, status=400)


def _rate_chart(overview, dimension, chart_id, title, description):
    return charts.bar_chart(
        chart_id=chart_id,
        title=title,
        description=description,
        bars=[
            (row.label, row.figures.participation_rate)
            for row in overview.breakdowns[dimension]
        ],
        unit=" %",
        decimals=1,
    )


def _chart_tables(overview) -> dict:
    """The numbers of the bar charts, as tables next to them."""
    tables = {}
    for key, dimension, header in (
        ("regions", "region", _("Région")),
        ("sizes", "population_class", _("Taille")),
    ):
        tables[key] = Table(
            slug=f"graphique-{key}",
            title=_("Données du graphique"),
            columns=[
                Column("label", header, TEXT),
                Column("participating", _("Municipalités participantes")),
                Column("municipalities", _("Municipalités visées")),
                Column("rate", _("Taux de participation (%)"), RATE),
            ],
            rows=[
                [
                    row.label,
                    row.figures.participating,
                    row.figures.municipalities,
                    row.figures.participation_rate,
                ]
                for row in overview.breakdowns[dimension]
            ],
        )
    return tables


def funnel_chart(funnel):
    return charts.funnel_chart(
        chart_id="graphique-entonnoir",
        title=_("Entonnoir : de l'inscription à l'attestation"),
        description=_(
            "Personnes inscrites, ayant commencé, ayant terminé un parcours et "
            "attestées pendant la période."
        ),
        steps=[(row[0], row[1]) for row in funnel.rows],
    )


def _charts(overview, trends, funnel) -> dict:
    return {
        "regions": _rate_chart(
            overview,
            "region",
            "graphique-regions",
            _("Taux de participation des municipalités par région"),
            _(
                "Part des municipalités de chaque région ayant au moins une "
                "personne inscrite, en pourcentage."
            ),
        ),
        "sizes": _rate_chart(
            overview,
            "population_class",
            "graphique-tailles",
            _("Taux de participation par taille de municipalité"),
            _(
                "Part des municipalités de chaque taille ayant au moins une "
                "personne inscrite, en pourcentage."
            ),
        ),
        "trend": trend_chart(trends),
        "funnel": funnel_chart(funnel),
    }


def trend_chart(trends):
    return charts.line_chart(
        chart_id="graphique-tendance",
        title=_("Tendance mensuelle"),
        description=_("Inscriptions, parcours terminés et attestations par mois."),
        labels=[month_label(point) for point in trends.months],
        series=[
            (_("Inscriptions"), [p.enrolments for p in trends.months]),
            (_("Parcours terminés"), [p.completions for p in trends.months]),
            (_("Attestations"), [p.certificates for p in trends.months]),
        ],
    )


@coordinators_only
def dashboard(request):
    form = ParticipationFilterForm(request.GET)
    if not form.is_valid():
        return _invalid(request, "reporting/dashboard.html", form)
    context = rollup_freshness()
    scope = form.scope()
    overview, trends = participation_report(scope=scope)
    threshold = small_cell_threshold()
    funnel = funnel_table(overview, threshold)
    context.update(
        form=form,
        total=overview.total,
        shown=headline(
            overview.total,
            threshold=threshold,
            municipalities=len(overview.places),
            one_role=bool(scope.role),
        ),
        tables=overview_tables(overview, threshold),
        funnel=funnel,
        trends=trend_tables(trends),
        charts=_charts(overview, trends, funnel),
        chart_tables=_chart_tables(overview),
        query=querystring(request),
        export_prefix=export_prefix("reporting:export"),
        threshold=threshold,
    )
    return TemplateResponse(request, "reporting/dashboard.html", context)


@coordinators_only
def absent(request):
    """Municipalities not taking part, largest first, for outreach."""
    form = AbsentFilterForm(request.GET)
    if not form.is_valid():
        return _invalid(request, "reporting/absent.html", form)
    municipalities = municipalities_absent(
        scope=form.scope(), search=form.cleaned_data.get("q") or ""
    )
    page = Paginator(municipalities, PER_PAGE).get_page(request.GET.get("page"))
    table = absent_table(page.object_list)
    return _municipality_list(request, "reporting/absent.html", form, page, table)


@coordinators_only
def municipalities(request):
    """Every municipality with its figures; small counts by role hidden."""
    form = AbsentFilterForm(request.GET)
    if not form.is_valid():
        return _invalid(request, "reporting/municipalities.html", form)
    scope = form.scope()
    places = municipalities_in_scope(
        scope=scope, search=form.cleaned_data.get("q") or ""
    )
    page = Paginator(places.order_by("name"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    table = municipalities_table(
        page.object_list,
        participation_by_municipality(scope=scope),
        small_cell_threshold(),
    )
    return _municipality_list(
        request, "reporting/municipalities.html", form, page, table
    )


def _municipality_list(request, template, form, page, table):
    """A page of municipalities, each row linked to its municipality page."""
    table.links = [
        reverse("reporting:municipality", args=[m.code]) for m in page.object_list
    ]
    context = rollup_freshness()
    context.update(
        export_prefix=export_prefix("reporting:export"),
        threshold=small_cell_threshold(),
        form=form,
        page_obj=page,
        table=table,
        query=querystring(request),
        count=page.paginator.count,
    )
    return TemplateResponse(request, template, context)
