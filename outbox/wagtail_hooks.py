from wagtail import hooks
from wagtail.permissions import register_permission_policy

from outbox.models import OutgoingMessage
from outbox.viewsets import OutgoingMessageViewSet, ReadOnlyPermissionPolicy

register_permission_policy(OutgoingMessage, ReadOnlyPermissionPolicy(OutgoingMessage))


@hooks.register("register_admin_viewset")
def register_outgoing_message_viewset():
    return OutgoingMessageViewSet("outbox_message")
