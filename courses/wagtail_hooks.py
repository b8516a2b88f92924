from wagtail.snippets.models import register_snippet

from courses.views import ThemeViewSet

register_snippet(ThemeViewSet)
