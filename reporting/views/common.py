"""What every report page shares: the query string, export links."""

from django.urls import reverse


def querystring(request, drop=("page",)) -> str:
    params = request.GET.copy()
    for name in drop:
        params.pop(name, None)
    return params.urlencode()


def export_prefix(name: str, *args) -> str:
    """The URL of a page's exports, up to the table's name."""
    return reverse(name, args=[*args, "TABLE", "csv"]).removesuffix("TABLE.csv")
