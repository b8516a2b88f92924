"""The site's Content-Security-Policy (django-csp), with the two places that
need another one."""

from csp.middleware import CSPMiddleware

from courses import player

# Wagtail 8's admin still writes inline scripts (its date and date-time
# choosers: ``initDateChooser(...)`` on page, user and revision filters and in
# the page editor); it stays closed to outside origins.
ADMIN_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}


class SiteCSPMiddleware(CSPMiddleware):
    """Site pages may frame the H5P player's origin (read per request, so a
    test or a deployment can move it); the admin gets ``ADMIN_POLICY``; the
    player's own responses set their policy themselves."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if request.path_info.startswith("/admin/"):
            parts.config = ADMIN_POLICY
        parts.update = {**(parts.update or {}), "frame-src": player.player_origin()}
        return parts
