"""Site-wide middleware: which host is the site and which the H5P player;
what is compressed."""

from django.middleware.gzip import GZipMiddleware

from courses import player


class PlayerOriginMiddleware:
    """On the player's host only the player's URLs exist, and no response
    sets a cookie there: H5P code running on that origin finds nothing of
    the site. Must come before LocaleMiddleware, which reads the URLconf."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not player.is_player_request(request):
            return self.get_response(request)
        request.urlconf = "courses.player_urls"
        response = self.get_response(request)
        response.cookies.clear()
        return response


class CompressTextMiddleware(GZipMiddleware):
    """Django's gzip (with its BREACH mitigation: random padding) for text
    only: pages, JSON, CSS, JavaScript, SVG. Images, fonts, videos and
    archives are compressed already, and a partial answer (206) to a range
    request must stay byte-exact."""

    TEXT_TYPES = (
        "text/",
        "application/json",
        "application/javascript",
        "application/xml",
        "image/svg+xml",
    )

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if response.status_code == 206 or not content_type.startswith(self.TEXT_TYPES):
            return response
        return super().process_response(request, response)


class SiteLookupCacheMiddleware:
    """Wagtail finds the site by host name on every request (a query); sites
    change rarely, so the match is cached with the page structure
    (``courses.cache``: any save or delete of a site or page makes it stale)
    and handed to Wagtail, which reads ``request._wagtail_site`` first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from wagtail.models import Site

        from courses.cache import structure_cached

        if request.path_info.startswith("/health/"):
            return self.get_response(request)  # it reports the cache: not through it
        host = request.get_host()
        fields = structure_cached(f"site:{host}", lambda: _site_fields(request))
        if fields is not None:
            site = Site(**fields)
            site._state.adding = False
            request._wagtail_site = site
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Before Wagtail serves a page: the page from the cached tree
        (``courses.cache.site_route``), handed over as Wagtail's own route
        result, and its view restrictions read from the cache (none, mostly)
        rather than two queries. A page the cached tree does not hold (a
        routable sub-page, a draft) is left to Wagtail."""
        from wagtail import views as wagtail_views
        from wagtail.url_routing import RouteResult

        from courses.cache import site_route, view_restrictions

        site = getattr(request, "_wagtail_site", None)
        if view_func is not wagtail_views.serve or site is None:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        page = site_route(site, [part for part in path.split("/") if part])
        if page is not None:
            page.get_view_restrictions = lambda: view_restrictions(page)
            request._wagtail_route_for_request = RouteResult(page)
        return None


def _site_fields(request) -> dict | None:
    from wagtail.models import Site

    site = Site._find_for_request(request)
    if site is None:
        return None
    return {
        field.attname: getattr(site, field.attname)
        for field in site._meta.concrete_fields
    }
