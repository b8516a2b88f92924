from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from courses.models import H5PLibrary
from courses.viewsets import (
    H5PContentViewSet,
    H5PLibraryPermissionPolicy,
    H5PLibraryViewSet,
    ThemeViewSet,
)

register_permission_policy(H5PLibrary, H5PLibraryPermissionPolicy(H5PLibrary))
register_snippet(ThemeViewSet)
register_snippet(H5PContentViewSet)


@hooks.register("register_admin_viewset")
def register_h5p_library_viewset():
    return H5PLibraryViewSet("bibliotheques_h5p")
