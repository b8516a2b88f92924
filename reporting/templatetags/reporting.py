"""Numbers as people read them in French: 1 122, 45,3 %."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from reporting.charts import number
from reporting.tables import COUNT, RATE

register = template.Library()


@register.filter
def count(value):
    """A count with grouping; a hidden small count ("< 5") as is."""
    if value is None:
        return "—"
    return number(value)


@register.filter
def rate(value):
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return f"{number(value, 1)} %"


@register.filter
def cell(value, column):
    """A table cell by its column's kind."""
    if column.kind == COUNT:
        return count(value)
    if column.kind == RATE:
        return rate(value)
    return "" if value is None else value


def _row_html(values, columns, link="", header=0) -> str:
    """One table row: the cell at ``header`` is the row header (with its
    link). Every value is escaped as format_html would, without its per-call
    cost (a dashboard has thousands of cells)."""
    cells = []
    for index, (value, column) in enumerate(zip(values, columns, strict=True)):
        if index == header:
            text = format_html('<a href="{}">{}</a>', link, value) if link else value
            cells.append(f'<th scope="row">{conditional_escape(text)}</th>')
        else:
            text = conditional_escape(cell(value, column))
            cells.append(f'<td class="col-{column.kind}">{text}</td>')
    return mark_safe(f"<tr>{''.join(cells)}</tr>")


@register.simple_tag
def table_rows(table):
    """A table's body rows, built in Python: thousands of cells render
    faster than through template loops."""
    links = table.links or [""] * len(table.rows)
    return mark_safe(  # each row is built with format_html
        "".join(
            _row_html(row, table.columns, link, table.row_header)
            for row, link in zip(table.rows, links, strict=True)
        )
    )


@register.simple_tag
def table_total(table):
    return (
        _row_html(table.total, table.columns, header=table.row_header)
        if table.total
        else ""
    )


@register.simple_tag(takes_context=True)
def participation_url(context):
    """Where the site menu's "Participation" link goes for this user: the
    dashboard (coordinators), their municipality's page (a training contact),
    or nowhere ("")."""
    from django.urls import reverse

    from reporting.selectors.access import participation_target

    kind, code = participation_target(user=context["request"].user)
    if kind == "dashboard":
        return reverse("reporting:dashboard")
    if kind == "municipality":
        return reverse("reporting:municipality", args=[code])
    return ""
