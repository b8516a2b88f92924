from django.contrib.auth.models import Permission
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from certification.viewsets import CertificationViewSetGroup

# Through register_snippet (not the admin viewset hook) so that the template
# snippet is registered once the snippets app is ready.
register_snippet(CertificationViewSetGroup)


@hooks.register("register_permissions")
def certificate_batch_permission():
    """Bulk issue has no model viewset to offer its permission in the group
    editor; this does."""
    return Permission.objects.filter(
        content_type__app_label="certification", codename="add_certificatebatch"
    )
