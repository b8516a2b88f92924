from wagtail.snippets.models import register_snippet

from courses.viewsets import H5PContentViewSet, ThemeViewSet

register_snippet(ThemeViewSet)
register_snippet(H5PContentViewSet)
