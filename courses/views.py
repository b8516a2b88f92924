from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.models import Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thèmes")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]
