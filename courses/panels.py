from wagtail.admin.panels import Panel

from courses.selectors import h5p_content_warnings


class H5PPackageInfoPanel(Panel):
    """What the imported package says about itself: type, licence, authors,
    origin. Read-only: a new version of the package is a new import."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/admin/h5p_package_info.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["content"] = self.instance
            context["warnings"] = h5p_content_warnings(content=self.instance)
            return context
