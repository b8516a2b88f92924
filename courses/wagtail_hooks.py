from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from courses.models import H5PLibrary
from courses.scorm.viewsets import ScormPackageViewSet
from courses.selectors import page_publish_refusal
from courses.viewsets import (
    H5PContentViewSet,
    H5PLibraryPermissionPolicy,
    H5PLibraryViewSet,
    ThemeViewSet,
)

register_permission_policy(H5PLibrary, H5PLibraryPermissionPolicy(H5PLibrary))
register_snippet(ThemeViewSet)
register_snippet(H5PContentViewSet)
register_snippet(ScormPackageViewSet)


@hooks.register("register_admin_viewset")
def register_h5p_library_viewset():
    return H5PLibraryViewSet("bibliotheques_h5p")


@hooks.register("before_publish_page")
def refuse_publishing_empty_pages(request, page):
    """The draft is already saved: back to its editor, unpublished."""
    if refusal := page_publish_refusal(page=page):
        messages.error(request, refusal)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_empty_pages(request, action_type, objects, action):
    """Bulk publishing stops, publishing nothing, when one page may not be."""
    if action_type != "publish":
        return None
    refusals = [
        f"{page.get_admin_display_title()} : {refusal}"
        for page in objects
        if (refusal := page_publish_refusal(page=page))
    ]
    for refusal in refusals:
        messages.error(request, refusal)
    return redirect(action.next_url) if refusals else None


@hooks.register("before_edit_page")
def refuse_approving_empty_pages(request, page):
    """Approving in the editor would publish: refused like publishing, before
    the workflow moves on (the draft is left as it was)."""
    approving = (
        request.method == "POST"
        and request.POST.get("action-workflow-action")
        and request.POST.get("workflow-action-name") == "approve"
    )
    if approving and (refusal := page_publish_refusal(page=page)):
        messages.error(request, refusal)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
