from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from courses.models import LearningPathIndexPage


class HomePage(Page):
    """The site's root page: what Virage is, and the learning paths."""

    headline = models.CharField(_("accroche"), max_length=200, blank=True)
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("headline"), FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.LearningPathIndexPage", "cms.StandardPage"]
    max_count_per_parent = 1
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("page d'accueil")

    def route(self, request, path_components):
        """A page below the home page in one cached lookup (``courses.cache``)
        rather than two queries per level; anything that lookup does not find
        (a draft on the way, a deeper page) is routed the usual way."""
        from courses.cache import page_route

        if path_components and self.live:
            page = page_route(root=self, components=path_components)
            if page is not None:
                return RouteResult(page)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import learning_path_list

        context = super().get_context(request, *args, **kwargs)
        catalogue = LearningPathIndexPage.objects.child_of(self).live().first()
        context["catalogue"] = catalogue
        context["paths"] = learning_path_list(index_page=catalogue) if catalogue else []
        return context


class StandardPage(Page):
    body = RichTextField(_("contenu"))

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]
    template = "cms/standard_page.html"

    class Meta:
        verbose_name = _("page de contenu")


# cms wires the site on top of the apps: the catalogue lives under the home
# page (and nowhere else, the root included), a rule that courses cannot name.
LearningPathIndexPage.parent_page_types = ["cms.HomePage"]
