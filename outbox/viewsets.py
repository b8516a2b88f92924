"""The outbox in the Wagtail admin: a read-only listing for whoever holds
``outbox.view_outgoingmessage`` (administrators), to see what left, what
waits and why a message failed."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from outbox.models import OutgoingMessage


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only viewing: messages are written by the platform, never by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.user_has_permission(user, "view")


class OutgoingMessageViewSet(ModelViewSet):
    model = OutgoingMessage
    icon = "mail"
    menu_label = _("Courriels sortants")
    add_to_admin_menu = True
    menu_order = 950
    url_prefix = "courriels-sortants"
    list_display = ["subject", "to", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject", "key"]
    inspect_view_enabled = True
    form_fields = []  # no form is ever shown: the policy allows only viewing
    inspect_view_fields = [
        "key",
        "to",
        "subject",
        # Not the body: until sent it may hold a one-time link (invitation,
        # sign-up code) that would let a reader take over the account.
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
    ]
