"""Site-wide middleware: which host is the site and which the H5P player."""

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
